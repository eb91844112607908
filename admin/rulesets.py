"""Rule set versions: list, structured and raw editor, diff, publish, rollback, playground, impact."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import update

from admin.auth import role_required
from admin.db import db
from admin.enforcement import MAX_MESSAGE_CHARS
from admin.models import Message, RuleSetVersion, record_audit
from admin.versions import (
    PublishConflict,
    create_version,
    current_published_row,
    publish,
    rollback_to,
    rule_cache,
    save_draft,
)
from engine import ACTIONS, CATEGORIES, STATES, RuleSet, RuleSetError
from engine.rules import NUMBER_WORD_LANGUAGES

bp = Blueprint("rulesets", __name__, url_prefix="/admin")

LIST_FIELDS = ("allowed_domains", "reference_hosts", "work_sample_hosts")
BLANK_ROWS = 3


def _version_or_404(version_id: int) -> RuleSetVersion:
    return db.get_or_404(RuleSetVersion, version_id)


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.replace(",", "\n").splitlines() if line.strip()]


def _int_or_text(value: str) -> Any:
    # A non-number stays text, so the engine's validator reports it at this field's path.
    try:
        return int(value.strip())
    except ValueError:
        return value


def document_from_form(form, base: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str], list[tuple[str, str]]]:
    """Build a rule set document from the structured editor; field names are document paths.

    Returns the document, raw texts to show again for fields that could not be parsed,
    and errors found before the engine's validation (path, message).
    """
    doc = json.loads(json.dumps(base))
    raw: dict[str, str] = {}
    errors: list[tuple[str, str]] = []
    doc["name"] = form.get("name", "")
    detectors = doc.setdefault("detectors", {})
    for category in CATEGORIES:
        detectors.setdefault(category, {})["enabled"] = form.get(f"detectors.{category}.enabled") == "on"
    phone = detectors["phone"]
    phone["regions"] = [r.upper() for r in _lines(form.get("detectors.phone.regions", ""))]
    phone["min_digits"] = _int_or_text(form.get("detectors.phone.min_digits", ""))
    phone["max_digits"] = _int_or_text(form.get("detectors.phone.max_digits", ""))
    detectors["email"]["providers"] = _lines(form.get("detectors.email.providers", ""))
    detectors["link"]["shorteners"] = _lines(form.get("detectors.link.shorteners", ""))
    apps = []
    for i in range(int(form.get("detectors.social.apps.count", "0") or 0) + BLANK_ROWS):
        prefix = f"detectors.social.apps[{i}]"
        if form.get(f"{prefix}.delete") == "on":
            continue
        app = {"name": form.get(f"{prefix}.name", "").strip()}
        for key in ("aliases", "euphemisms", "domains"):
            app[key] = [item.strip() for item in form.get(f"{prefix}.{key}", "").split(",") if item.strip()]
        if app["name"] or any(app[key] for key in ("aliases", "euphemisms", "domains")):
            apps.append(app)
    detectors["social"]["apps"] = apps
    doc["number_words"] = {"languages": [lang for lang in NUMBER_WORD_LANGUAGES
                                         if lang in form.getlist("number_words.languages")]}
    for name in LIST_FIELDS:
        doc[name] = [d.lower() for d in _lines(form.get(name, ""))]
    rules = []
    for i in range(int(form.get("extra_rules.count", "0") or 0) + BLANK_ROWS):
        prefix = f"extra_rules[{i}]"
        if form.get(f"{prefix}.delete") == "on":
            continue
        row = {key: form.get(f"{prefix}.{key}", "").strip() for key in ("id", "category", "kind", "value", "note")}
        if not row["id"] and not row["value"]:
            continue
        if not row["note"]:
            del row["note"]
        rules.append(row)
    doc["extra_rules"] = rules
    doc["actions"] = {s: {c: form.get(f"actions.{s}.{c}", "") for c in CATEGORIES} for s in STATES}
    doc["messages"] = {c: form.get(f"messages.{c}", "") for c in CATEGORIES}
    reasons = []
    for i in range(int(form.get("exception_reasons.count", "0") or 0) + BLANK_ROWS):
        prefix = f"exception_reasons[{i}]"
        if form.get(f"{prefix}.delete") == "on":
            continue
        item = {"id": form.get(f"{prefix}.id", "").strip(), "label": form.get(f"{prefix}.label", "").strip()}
        if item["id"] or item["label"]:
            reasons.append(item)
    doc["exception_reasons"] = reasons
    doc.setdefault("context", {})["history_messages"] = _int_or_text(form.get("context.history_messages", ""))
    return doc, raw, errors


def _errors_for(errors: list[tuple[str, str]]):
    def lookup(name: str) -> str:
        found = [msg for path, msg in errors if path == name or path.startswith((name + "[", name + "."))]
        return "; ".join(found)
    return lookup


def _render_version(version: RuleSetVersion, doc: dict | None = None, raw: dict | None = None,
                    errors: list[tuple[str, str]] | None = None, raw_json: str | None = None, status: int = 200):
    doc = doc if doc is not None else version.document
    published_row = current_published_row()
    return render_template(
        "admin/ruleset.html", version=version, doc=doc, raw=raw or {}, errors=errors or [],
        error_for=_errors_for(errors or []), raw_json=raw_json or json.dumps(version.document, indent=2,
                                                                              sort_keys=True, ensure_ascii=False),
        published=published_row, categories=CATEGORIES, states=STATES, actions=ACTIONS,
        languages=NUMBER_WORD_LANGUAGES, blank_rows=BLANK_ROWS, json=json,
        versions=_all_versions(),
    ), status


def _all_versions() -> list[RuleSetVersion]:
    return list(db.session.execute(db.select(RuleSetVersion).order_by(RuleSetVersion.number.desc())).scalars())


@bp.get("/rules/")
@role_required("admin", "reviewer")
def index() -> ResponseReturnValue:
    """Every version: draft, published or archived, with author, note, fingerprint and dates."""
    return render_template("admin/rulesets.html", versions=_all_versions(), published=current_published_row())


@bp.post("/rules/new")
@role_required("admin")
def new_draft() -> ResponseReturnValue:
    """A new draft copied from a version (the published one by default)."""
    source_id = request.form.get("from", type=int)
    source = _version_or_404(source_id) if source_id else current_published_row()
    doc = source.document if source else RuleSet.default().to_dict()
    version = create_version(doc, current_user, request.form.get("note", "") or
                             (f"Draft based on version {source.number}" if source else "New draft"), based_on=source)
    db.session.commit()
    flash(f"Draft version {version.number} created.", "info")
    return redirect(url_for("rulesets.show", version_id=version.id), 303)


@bp.get("/rules/<int:version_id>")
@role_required("admin", "reviewer")
def show(version_id: int) -> ResponseReturnValue:
    """One version; a draft opens in the editor."""
    return _render_version(_version_or_404(version_id))


@bp.get("/rules/<int:version_id>/document.json")
@role_required("admin", "reviewer")
def document(version_id: int) -> ResponseReturnValue:
    """A version's document as JSON (the playground's in-browser check loads it)."""
    version = _version_or_404(version_id)
    return jsonify(version=version.number, status=version.status, fingerprint=version.fingerprint,
                   document=version.document)


def _draft_for_edit(version_id: int) -> RuleSetVersion:
    version = _version_or_404(version_id)
    if version.status != "draft":
        abort(409, description=f"version {version.number} is {version.status}; create a draft to change it")
    return version


@bp.post("/rules/<int:version_id>/structured")
@role_required("admin")
def save_structured(version_id: int) -> ResponseReturnValue:
    """Save the structured editor's fields; errors are shown at the field they concern."""
    version = _draft_for_edit(version_id)
    doc, raw, errors = document_from_form(request.form, version.document)
    if not errors:
        try:
            save_draft(version, doc, current_user, request.form.get("note"))
        except RuleSetError as exc:
            errors.append((exc.path, exc.reason))
    if errors:
        db.session.rollback()
        return _render_version(version, doc=doc, raw=raw, errors=errors, status=422)
    db.session.commit()
    flash(f"Draft version {version.number} saved.", "info")
    return redirect(url_for("rulesets.show", version_id=version.id), 303)


@bp.post("/rules/<int:version_id>/raw")
@role_required("admin")
def save_raw(version_id: int) -> ResponseReturnValue:
    """Save the raw JSON document."""
    version = _draft_for_edit(version_id)
    text = request.form.get("document", "")
    try:
        doc = json.loads(text)
        save_draft(version, doc, current_user, request.form.get("note"))
    except json.JSONDecodeError as exc:
        return _render_version(version, errors=[("$", f"not valid JSON: {exc.msg} at line {exc.lineno}, "
                                                      f"column {exc.colno}")], raw_json=text, status=422)
    except RuleSetError as exc:
        db.session.rollback()
        return _render_version(version, errors=[(exc.path, exc.reason)], raw_json=text, status=422)
    db.session.commit()
    flash(f"Draft version {version.number} saved.", "info")
    return redirect(url_for("rulesets.show", version_id=version.id), 303)


@bp.post("/rules/<int:version_id>/discard")
@role_required("admin")
def discard(version_id: int) -> ResponseReturnValue:
    """Delete a draft that will not be published (published and archived versions stay forever)."""
    version = _draft_for_edit(version_id)
    db.session.execute(
        update(RuleSetVersion).where(RuleSetVersion.based_on_id == version.id).values(based_on_id=None)
    )
    record_audit(current_user, "ruleset.discard", "rule_set_version", version.id, number=version.number,
                 fingerprint=version.fingerprint)
    db.session.delete(version)
    db.session.commit()
    flash(f"Draft version {version.number} discarded.", "info")
    return redirect(url_for("rulesets.index"), 303)


def _expected_published_id() -> int | None:
    value = request.form.get("expected_published_id", "")
    if value == "none":
        return None
    try:
        return int(value)
    except ValueError:
        abort(400, description="expected_published_id is missing: reload the page and try again")


@bp.post("/rules/<int:version_id>/publish")
@role_required("admin")
def publish_version(version_id: int) -> ResponseReturnValue:
    """Publish a draft, unless someone else published since the page was loaded (409)."""
    version = _draft_for_edit(version_id)
    expected = _expected_published_id()
    try:
        publish(version, current_user, expected)
        db.session.commit()
    except PublishConflict as exc:
        db.session.rollback()
        current = exc.current
        return render_template("admin/conflict.html", version=version, current=current), 409
    flash(f"Version {version.number} is now published.", "info")
    return redirect(url_for("rulesets.index"), 303)


@bp.post("/rules/<int:version_id>/rollback")
@role_required("admin")
def rollback(version_id: int) -> ResponseReturnValue:
    """Publish an older version's document again, as a new version."""
    old = _version_or_404(version_id)
    if old.status == "published":
        abort(409, description=f"version {old.number} is already the published one")
    expected = _expected_published_id()
    try:
        version = rollback_to(old, current_user, expected)
        db.session.commit()
    except PublishConflict as exc:
        db.session.rollback()
        return render_template("admin/conflict.html", version=old, current=exc.current), 409
    flash(f"Rolled back: version {version.number} (a copy of version {old.number}) is now published.", "info")
    return redirect(url_for("rulesets.index"), 303)


@bp.get("/rules/diff")
@role_required("admin", "reviewer")
def diff() -> ResponseReturnValue:
    """A unified diff of two versions' documents."""
    versions = _all_versions()
    a_id, b_id = request.args.get("a", type=int), request.args.get("b", type=int)
    lines: list[str] = []
    a = b = None
    if a_id and b_id:
        a, b = _version_or_404(a_id), _version_or_404(b_id)
        lines = list(difflib.unified_diff(
            json.dumps(a.document, indent=2, sort_keys=True, ensure_ascii=False).splitlines(),
            json.dumps(b.document, indent=2, sort_keys=True, ensure_ascii=False).splitlines(),
            fromfile=f"version {a.number}", tofile=f"version {b.number}", lineterm="", n=3,
        ))
    return render_template("admin/diff.html", versions=versions, a=a, b=b, lines=lines)


def _history_before(message: Message, limit: int) -> list[str]:
    if limit <= 0:
        return []
    rows = db.session.execute(
        db.select(Message.delivered_text)
        .where(Message.conversation_id == message.conversation_id, Message.id < message.id,
               Message.status != "blocked")
        .order_by(Message.id.desc()).limit(limit)
    ).scalars().all()
    return [t for t in reversed(rows) if t is not None]


def impact(version: RuleSetVersion, limit: int) -> dict[str, Any]:
    """Run a version over the last `limit` stored messages; list those whose verdict changes."""
    cache = rule_cache()
    current = cache.published()
    candidate = cache.compile(version)
    messages = db.session.execute(db.select(Message).order_by(Message.id.desc()).limit(limit)).scalars().all()
    changed, transitions = [], Counter()
    for message in messages:
        before = current.detector.scan(message.text, history=_history_before(message, current.rules.history_messages),
                                       state=message.state)
        after = candidate.detector.scan(message.text,
                                        history=_history_before(message, candidate.rules.history_messages),
                                        state=message.state)
        if before.action != after.action or before.categories != after.categories:
            transitions[(before.action, after.action)] += 1
            changed.append({"message": message, "before": before, "after": after})
    return {"scanned": len(messages), "changed": changed, "transitions": sorted(transitions.items()),
            "published": current}


@bp.get("/rules/<int:version_id>/impact")
@role_required("admin", "reviewer")
def impact_preview(version_id: int) -> ResponseReturnValue:
    """Impact preview: which of the last N messages would get another verdict under this version."""
    version = _version_or_404(version_id)
    limit = max(1, min(request.args.get("n", 200, type=int), 5000))
    return render_template("admin/impact.html", version=version, limit=limit, result=impact(version, limit))


@bp.route("/playground", methods=["GET", "POST"])
@role_required("admin", "reviewer")
def playground() -> ResponseReturnValue:
    """A message (with optional history and state) judged by a chosen version and by the published rules."""
    cache = rule_cache()
    current = cache.published()
    versions = _all_versions()
    drafts = [v for v in versions if v.status == "draft"]
    chosen_id = request.values.get("version", type=int) or (drafts[0].id if drafts else current.id)
    chosen = _version_or_404(chosen_id)
    text = request.form.get("text", "")
    history_text = request.form.get("history", "")
    state = request.form.get("state", "inquiry")
    results = None
    error = None
    if request.method == "POST":
        if state not in STATES:
            abort(400, description=f"state must be one of {', '.join(STATES)}")
        if len(text) > MAX_MESSAGE_CHARS or len(history_text) > MAX_MESSAGE_CHARS * 6:
            error = f"A message may have at most {MAX_MESSAGE_CHARS} characters."
        else:
            history = [line for line in history_text.splitlines() if line.strip()]
            candidate = cache.compile(chosen)
            results = {
                "chosen": candidate.detector.scan(text, history=history, state=state),
                "published": current.detector.scan(text, history=history, state=state),
            }
    return render_template(
        "admin/playground.html", versions=versions, chosen=chosen, current=current, text=text,
        history=history_text, state=state, states=STATES, results=results, error=error,
    )
