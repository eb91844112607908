"""Rule set versions: list, structured and raw editor, diff, publish, rollback, playground, impact."""

from __future__ import annotations

import difflib
import json
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import update

from admin.auth import role_required
from admin.db import db
from admin.enforcement import MAX_MESSAGE_CHARS, recent_history
from admin.enums import Action, Category, ContractState, Role, RuleSetStatus
from admin.exceptions import ExceptionPolicyError
from admin.i18n import LANGUAGES
from admin.models import Message, RuleSetVersion, record_audit
from admin.patternbudget import PROBES, new_patterns, scans_within
from admin.ruleform import BLANK_ROWS, EXTRA_RULE_KINDS, MAX_NOTE_CHARS, TRANSLATED_LANGUAGES, RuleSetForm
from admin.schemas import UnstorableText, storable
from admin.versions import (
    PublishConflict,
    StaleDraft,
    create_version,
    current_published_row,
    publish,
    rollback_to,
    rule_cache,
    save_draft,
)
from engine import RuleSet, RuleSetError
from engine.rules import NUMBER_WORD_LANGUAGES

bp = Blueprint("rulesets", __name__, url_prefix="/admin")

MAX_IMPACT_MESSAGES = 5000
"""The most stored messages one impact preview covers, over as many requests as it takes."""
VERSIONS_PAGE_SIZE = 25

def _version_or_404(version_id: int) -> RuleSetVersion:
    return db.get_or_404(RuleSetVersion, version_id)


def _errors_for(errors: list[tuple[str, str]]):
    def lookup(name: str) -> str:
        found = [msg for path, msg in errors if path == name or path.startswith((name + "[", name + "."))]
        return "; ".join(found)
    return lookup


def _errors_at(errors: list[tuple[str, str]]):
    """Errors at exactly one of the given paths (a text's English field also shows `<path>.en`)."""
    def lookup(*names: str) -> str:
        return "; ".join(msg for path, msg in errors if path in names)
    return lookup


def _render_version(version: RuleSetVersion, form: RuleSetForm | None = None,
                    errors: list[tuple[str, str]] | None = None, raw_json: str | None = None, status: int = 200):
    if form is None:
        form = RuleSetForm.for_version(version)
    form.add_blank_rows()
    return render_template(
        "admin/ruleset.html", version=version, form=form, errors=errors or [],
        error_for=_errors_for(errors or []), error_at=_errors_at(errors or []),
        raw_json=raw_json or json.dumps(version.document, indent=2, sort_keys=True, ensure_ascii=False),
        published=current_published_row(), categories=list(Category), states=list(ContractState),
        actions=list(Action), languages=NUMBER_WORD_LANGUAGES, rule_kinds=EXTRA_RULE_KINDS, blank_rows=BLANK_ROWS,
        max_note=MAX_NOTE_CHARS, versions=_all_versions(), text_languages=TRANSLATED_LANGUAGES,
        language_names=LANGUAGES,
    ), status


def _all_versions() -> list[RuleSetVersion]:
    return list(db.session.execute(db.select(RuleSetVersion).order_by(RuleSetVersion.number.desc())).scalars())


@bp.get("/rules/")
@role_required(Role.ADMIN, Role.REVIEWER)
def index() -> ResponseReturnValue:
    """Every version: draft, published or archived, with author, note, fingerprint and dates (paged)."""
    page = db.paginate(db.select(RuleSetVersion).order_by(RuleSetVersion.number.desc()),
                       page=request.args.get("page", 1, type=int), per_page=VERSIONS_PAGE_SIZE, error_out=False)
    return render_template("admin/rulesets.html", page=page, versions=_all_versions(),
                           published=current_published_row())


@bp.post("/rules/new")
@role_required(Role.ADMIN)
def new_draft() -> ResponseReturnValue:
    """A new draft copied from a version (the published one by default)."""
    source_id = request.form.get("from", type=int)
    source = _version_or_404(source_id) if source_id else current_published_row()
    doc = source.document if source else RuleSet.default().to_dict()
    note = _note(request.form.get("note", "")) or (f"Draft based on version {source.number}" if source else "New draft")
    version = create_version(doc, current_user, note, based_on=source, exceptions=source.exceptions if source else None)
    db.session.commit()
    flash(f"Draft version {version.number} created.", "info")
    return redirect(url_for("rulesets.show", version_id=version.id), 303)


@bp.get("/rules/<int:version_id>")
@role_required(Role.ADMIN, Role.REVIEWER)
def show(version_id: int) -> ResponseReturnValue:
    """One version; a draft opens in the editor."""
    return _render_version(_version_or_404(version_id))


@bp.get("/rules/<int:version_id>/document.json")
@role_required(Role.ADMIN, Role.REVIEWER)
def document(version_id: int) -> ResponseReturnValue:
    """A version's document as JSON (the playground's in-browser check loads it)."""
    version = _version_or_404(version_id)
    return jsonify(version=version.number, status=version.status, fingerprint=version.fingerprint,
                   document=version.document)


def _draft_for_edit(version_id: int) -> RuleSetVersion:
    version = _version_or_404(version_id)
    if version.status != RuleSetStatus.DRAFT:
        abort(409, description=f"version {version.number} is {version.status}; create a draft to change it")
    return version


@bp.post("/rules/<int:version_id>/structured")
@role_required(Role.ADMIN)
def save_structured(version_id: int) -> ResponseReturnValue:
    """Save the structured editor's fields; errors are shown at the field they concern."""
    version = _draft_for_edit(version_id)
    form = RuleSetForm()
    errors = [] if form.validate() else form.field_errors()
    if not errors:
        doc = form.document(version.document)
        try:
            save_draft(version, doc, current_user, form.note.data, expected_revision=form.revision.data,
                       exceptions=form.exception_policy())
        except StaleDraft as exc:
            return _stale(exc.version, doc, form.revision.data)
        except (RuleSetError, ExceptionPolicyError) as exc:
            errors.append((exc.path, exc.reason))
    if errors:
        db.session.rollback()
        return _render_version(version, form=form, errors=errors, status=422)
    db.session.commit()
    flash(f"Draft version {version.number} saved.", "info")
    return redirect(url_for("rulesets.show", version_id=version.id), 303)


# The editor's raw form posts to the editor's own URL, so a document that fails to save is shown
# again at /rules/<id> (a reload or a shared link opens the editor, not a bare POST-only /raw).
# /raw stays as an alias for scripts; url_for builds the first rule, the editor URL.
@bp.post("/rules/<int:version_id>/raw")
@bp.post("/rules/<int:version_id>")
@role_required(Role.ADMIN)
def save_raw(version_id: int) -> ResponseReturnValue:
    """Save the raw JSON document."""
    version = _draft_for_edit(version_id)
    text = request.form.get("document", "")
    note = _note(request.form.get("note"))
    revision = request.form.get("revision", type=int)
    try:
        doc = storable(json.loads(text))
        save_draft(version, doc, current_user, note, expected_revision=revision)
    except json.JSONDecodeError as exc:
        return _render_version(version, errors=[("$", f"not valid JSON: {exc.msg} at line {exc.lineno}, "
                                                      f"column {exc.colno}")], raw_json=text, status=422)
    except RecursionError:
        return _render_version(version, errors=[("$", "not valid JSON: nested too deeply")], raw_json=text,
                               status=422)
    except StaleDraft as exc:
        return _stale(exc.version, doc, revision)
    except (RuleSetError, UnstorableText) as exc:
        db.session.rollback()
        return _render_version(version, errors=[(exc.path, exc.reason)], raw_json=text, status=422)
    db.session.commit()
    flash(f"Draft version {version.number} saved.", "info")
    return redirect(url_for("rulesets.show", version_id=version.id), 303)


def _note(value: str | None) -> str | None:
    """A version note from a form: at most MAX_NOTE_CHARS characters (422 otherwise)."""
    if value is not None and len(value) > MAX_NOTE_CHARS:
        abort(422, description=f"the note must be at most {MAX_NOTE_CHARS} characters")
    return value


def _stale(version: RuleSetVersion, yours: dict, your_revision: int | None) -> ResponseReturnValue:
    """409: the draft was saved meanwhile; show what differs between the saved draft and this edit."""
    db.session.rollback()
    version = _version_or_404(version.id)
    lines = list(difflib.unified_diff(
        json.dumps(version.document, indent=2, sort_keys=True, ensure_ascii=False).splitlines(),
        json.dumps(yours, indent=2, sort_keys=True, ensure_ascii=False).splitlines(),
        fromfile=f"saved revision {version.revision}", tofile="your edit", lineterm="", n=3,
    ))
    return render_template("admin/stale.html", version=version, lines=lines, your_revision=your_revision), 409


@bp.post("/rules/<int:version_id>/discard")
@role_required(Role.ADMIN)
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
    value = request.form.get("expected_published_id")
    if value == "":  # the page saw no published version
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        abort(400, description="expected_published_id is missing: reload the page and try again")


def impact_summary(version: RuleSetVersion) -> dict[str, Any]:
    """What publishing `version` would change for the latest stored messages (a bounded scan):
    how many it newly flags (allowed now, not then), unflags (the reverse) and judges otherwise."""
    result = impact(version, current_app.config["IMPACT_PREVIEW_LIMIT"],
                    seconds=current_app.config["IMPACT_PREVIEW_SECONDS"])
    flagged = sum(n for (before, after), n in result["transitions"] if before == Action.ALLOW and after != Action.ALLOW)
    unflagged = sum(n for (before, after), n in result["transitions"]
                    if before != Action.ALLOW and after == Action.ALLOW)
    return {**result, "flagged": flagged, "unflagged": unflagged,
            "otherwise": len(result["changed"]) - flagged - unflagged}


@bp.get("/rules/<int:version_id>/publish")
@role_required(Role.ADMIN)
def confirm_publish(version_id: int) -> ResponseReturnValue:
    """Publishing changes what every user sees: ask first, with what it would flag and unflag."""
    version = _draft_for_edit(version_id)
    return _confirmation(version, "publish")


@bp.get("/rules/<int:version_id>/rollback")
@role_required(Role.ADMIN)
def confirm_rollback(version_id: int) -> ResponseReturnValue:
    """Rolling back publishes an older document again: ask first, with what it would flag and unflag."""
    old = _version_or_404(version_id)
    if old.status != RuleSetStatus.ARCHIVED:
        abort(409, description=f"version {old.number} is {old.status}; only an archived version can be rolled back to")
    return _confirmation(old, "rollback")


def _confirmation(version: RuleSetVersion, kind: str) -> ResponseReturnValue:
    """The confirmation page; it keeps the published version the editor was loaded with (the
    editor's expected_published_id), so a publish by someone else meanwhile is still a conflict."""
    published = current_published_row()
    expected = request.args.get("expected_published_id", type=int) or (published.id if published else "")
    return render_template("admin/confirm_publish.html", version=version, kind=kind, published=published,
                           expected_published_id=expected, summary=impact_summary(version))


@bp.post("/rules/<int:version_id>/publish")
@role_required(Role.ADMIN)
def publish_version(version_id: int) -> ResponseReturnValue:
    """Publish a draft, unless someone else published since the page was loaded (409)."""
    version = _draft_for_edit(version_id)
    expected = _expected_published_id()
    refusal = _pattern_budget_refusal(version)
    if refusal:
        record_audit(current_user, "ruleset.publish_refused", "rule_set_version", version.id, number=version.number,
                     reason=refusal)
        db.session.commit()
        return _render_version(version, errors=[("extra_rules", refusal)], status=422)
    try:
        publish(version, current_user, expected)
        db.session.commit()
    except PublishConflict as exc:
        db.session.rollback()
        current = exc.current
        return render_template("admin/conflict.html", version=version, current=current), 409
    _warm_published()
    flash(f"Version {version.number} is now published.", "info")
    return redirect(url_for("rulesets.index"), 303)


def _warm_published() -> None:
    """Compile the version just published (`DetectorCache` warms each new detector) before the reply:
    the first check under the new rules (the open composers ask at once, on the live channel's `rules`
    event) then finds its detector ready instead of compiling it while they wait."""
    rule_cache().published()


def _pattern_budget_refusal(version: RuleSetVersion) -> str | None:
    """Why the draft's new admin patterns may not be published (too slow on probes), or None."""
    published_row = current_published_row()
    added = new_patterns(version.document, published_row.document if published_row else None)
    if not added:
        return None
    seconds = current_app.config["PUBLISH_PATTERN_BUDGET_SECONDS"]
    recent = db.session.execute(
        db.select(Message.text).order_by(Message.id.desc()).limit(PROBE_MESSAGES)).scalars().all()
    if scans_within(version.document, [*PROBES, *recent], seconds):
        return None
    return (f"Not published: with the new pattern(s) {', '.join(added)} the rules did not finish scanning "
            f"{len(PROBES) + len(recent)} probe and recent messages within {seconds:g} s. Make the pattern "
            "more specific (no nested or overlapping repetition) and try again.")


PROBE_MESSAGES = 200
"""Recent stored messages the publish check scans besides the probes."""


@bp.post("/rules/<int:version_id>/rollback")
@role_required(Role.ADMIN)
def rollback(version_id: int) -> ResponseReturnValue:
    """Publish an older version's document again, as a new version."""
    old = _version_or_404(version_id)
    if old.status == RuleSetStatus.PUBLISHED:
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
@role_required(Role.ADMIN, Role.REVIEWER)
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
    return recent_history(message.conversation, limit, before_id=message.id)


def impact(version: RuleSetVersion, limit: int, before: int | None = None, seconds: float | None = None,
           clock: Callable[[], float] = time.monotonic) -> dict[str, Any]:
    """Run a version over up to `limit` stored messages (newest first, older than `before`).

    Stops early when `seconds` have passed, so one request never holds a worker for long;
    `last_id` (the oldest message scanned) says where to continue. Lists the messages whose
    verdict changes.
    """
    cache = rule_cache()
    current = cache.published()
    candidate = cache.compile(version)
    query = db.select(Message).order_by(Message.id.desc()).limit(limit)
    if before is not None:
        query = query.where(Message.id < before)
    messages = db.session.execute(query).scalars().all()
    deadline = clock() + seconds if seconds is not None else None
    changed, transitions = [], Counter()
    scanned, last_id = 0, None
    for message in messages:
        if deadline is not None and clock() > deadline:
            break
        before_verdict = current.detector.scan(
            message.text, history=_history_before(message, current.rules.history_messages), state=message.state)
        after = candidate.detector.scan(
            message.text, history=_history_before(message, candidate.rules.history_messages), state=message.state)
        if before_verdict.action != after.action or before_verdict.categories != after.categories:
            transitions[(before_verdict.action, after.action)] += 1
            changed.append({"message": message, "before": before_verdict, "after": after})
        scanned, last_id = scanned + 1, message.id
    return {"scanned": scanned, "changed": changed, "transitions": sorted(transitions.items()),
            "published": current, "complete": scanned == len(messages), "last_id": last_id}


@bp.get("/rules/<int:version_id>/impact")
@role_required(Role.ADMIN, Role.REVIEWER)
def impact_preview(version_id: int) -> ResponseReturnValue:
    """Impact preview: which of the last N messages would get another verdict under this version.

    Each request scans at most IMPACT_PREVIEW_LIMIT messages for at most IMPACT_PREVIEW_SECONDS,
    then offers to continue from where it stopped: bounded, and cancelled by not continuing.
    """
    version = _version_or_404(version_id)
    wanted = max(1, min(request.args.get("n", 200, type=int), MAX_IMPACT_MESSAGES))
    before = request.args.get("before", type=int)
    limit = min(wanted, current_app.config["IMPACT_PREVIEW_LIMIT"])
    result = impact(version, limit, before=before, seconds=current_app.config["IMPACT_PREVIEW_SECONDS"])
    remaining = wanted - result["scanned"]
    more = remaining > 0 and result["last_id"] is not None and (not result["complete"] or result["scanned"] == limit)
    result["next_before"] = result["last_id"] if more else None
    return render_template("admin/impact.html", version=version, limit=wanted, result=result, remaining=remaining,
                           max_messages=MAX_IMPACT_MESSAGES)


@bp.route("/playground", methods=["GET", "POST"])
@role_required(Role.ADMIN, Role.REVIEWER)
def playground() -> ResponseReturnValue:
    """A message (with optional history and state) judged by a chosen version and by the published rules."""
    cache = rule_cache()
    current = cache.published()
    versions = _all_versions()
    drafts = [v for v in versions if v.status == RuleSetStatus.DRAFT]
    chosen_id = request.values.get("version", type=int) or (drafts[0].id if drafts else current.id)
    chosen = _version_or_404(chosen_id)
    text = request.form.get("text", "")
    history_text = request.form.get("history", "")
    state = request.form.get("state", ContractState.INQUIRY)
    results = None
    error = None
    if request.method == "POST":
        if state not in list(ContractState):
            abort(400, description=f"state must be one of {', '.join(ContractState)}")
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
        history=history_text, state=state, states=list(ContractState), results=results, error=error,
    )
