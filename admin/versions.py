"""Rule set versions: the per-process cache of the published one, drafts, publish and rollback."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import click
from flask import Flask, current_app, g, has_request_context
from flask.cli import with_appcontext
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from admin.db import db, upgrade_schema
from admin.enums import RuleSetStatus
from admin.exceptions import ExceptionPolicy
from admin.models import RuleSetVersion, User, record_audit, utcnow
from engine import Detector, RuleSet
from engine.rules import default_document


class StaleDraft(Exception):
    """The draft was saved by someone else since the caller loaded it (their revision is older)."""

    def __init__(self, version: RuleSetVersion) -> None:
        super().__init__(f"version {version.number} was saved by someone else since you opened it "
                         f"(it is at revision {version.revision}); nothing was overwritten")
        self.version = version


class PublishConflict(Exception):
    """Someone published another version after the caller loaded the page."""

    def __init__(self, current: RuleSetVersion | None) -> None:
        number = current.number if current else None
        super().__init__(f"version {number} was published in the meantime; review it and try again")
        self.current = current


@dataclass(frozen=True)
class CompiledVersion:
    """A rule set version with its validated rules, compiled detector and exception policy."""

    id: int
    number: int
    fingerprint: str
    rules: RuleSet
    detector: Detector
    exceptions: ExceptionPolicy


WARM_TEXTS: tuple[str, ...] = (
    "Call me on +44 20 7946 0958 or text 917 482 3910 tonight",
    "mail me at ana.ruiz at gmail dot com, my site is anaruiz.design/contact",
    "Send the samples to 221B Baker Street, London NW1 6XE, flat 2",
    "add me on WhatsApp or Telegram @ana_ruiz, what's your number?",
    "The budget is $1,200 for 3 revisions, delivery on 12/05, version 2.4.1, order #48213.",
)
"""A few ordinary messages scanned once by each newly compiled detector (the engine compiles most of
its patterns on first use)."""


class DetectorCache:
    """Compiled detectors by rule set fingerprint, shared by every app in the process (LRU)."""

    def __init__(self, size: int = 8) -> None:
        self._lock = threading.Lock()
        self._by_fingerprint: OrderedDict[str, Detector] = OrderedDict()
        self._size = size

    def get(self, rules: RuleSet) -> Detector:
        """A compiled detector for a rule set; compiling happens once per fingerprint."""
        with self._lock:
            detector = self._by_fingerprint.get(rules.fingerprint)
            if detector is not None:
                self._by_fingerprint.move_to_end(rules.fingerprint)
                return detector
        detector = Detector(rules)
        for text in WARM_TEXTS:  # patterns compile on first use: pay for the common ones now, not in a request
            detector.scan(text)
        with self._lock:
            self._by_fingerprint[rules.fingerprint] = detector
            while len(self._by_fingerprint) > self._size:
                self._by_fingerprint.popitem(last=False)
        return detector


DETECTORS = DetectorCache()


class RuleCache:
    """Which version is published, per app, with its compiled detector.

    A request costs one indexed query for the published version's id; the document is
    loaded and compiled only when that id changes (another process may have published).
    """

    def __init__(self) -> None:
        self._published: CompiledVersion | None = None

    def detector_for(self, rules: RuleSet) -> Detector:
        """A compiled detector for a rule set, reused across requests."""
        return DETECTORS.get(rules)

    def compile(self, version: RuleSetVersion) -> CompiledVersion:
        """Validate and compile one stored version."""
        rules = RuleSet.from_dict(version.document)
        return CompiledVersion(version.id, version.number, rules.fingerprint, rules, self.detector_for(rules),
                               ExceptionPolicy.from_version(version))

    def published(self) -> CompiledVersion:
        """The published version, compiled; refreshed when a newer one is published."""
        row = db.session.execute(
            db.select(RuleSetVersion.id).where(RuleSetVersion.status == RuleSetStatus.PUBLISHED)
        ).scalar_one_or_none()
        if row is None:
            raise LookupError("no published rule set; run `flask --app admin init-db`")
        cached = self._published
        if cached is not None and cached.id == row:
            return cached
        compiled = self.compile(db.get_or_404(RuleSetVersion, row))
        self._published = compiled
        return compiled


def init_app(app: Flask) -> None:
    """Give the app its rule cache and the `init-db` command (which seeds the default rules)."""
    app.extensions["contactguard_rules"] = RuleCache()
    app.cli.add_command(init_db_command)


def rule_cache() -> RuleCache:
    """The current app's rule cache."""
    return current_app.extensions["contactguard_rules"]


def published() -> CompiledVersion:
    """The published rule set version, compiled (cached per process, checked once per request)."""
    if has_request_context():
        found = g.get("published_rules")
        if found is None:
            found = g.published_rules = rule_cache().published()
        return found
    return rule_cache().published()


def current_published_row() -> RuleSetVersion | None:
    """The published version's row, if any."""
    return db.session.execute(
        db.select(RuleSetVersion).where(RuleSetVersion.status == RuleSetStatus.PUBLISHED)
    ).scalar_one_or_none()


def _next_number() -> int:
    highest = db.session.execute(db.select(db.func.max(RuleSetVersion.number))).scalar()
    return (highest or 0) + 1


def create_version(doc: dict, author: User | None, note: str, based_on: RuleSetVersion | None = None,
                   exceptions: dict | None = None) -> RuleSetVersion:
    """Validate a document and store it as a new draft (numbered after the newest version).

    `exceptions` is the exception policy (admin/exceptions.py); None gives the default one.
    Two drafts created at once both get a number: a taken number is retried with the next.
    """
    rules = RuleSet.from_dict(doc)
    policy = (ExceptionPolicy.default() if exceptions is None
              else ExceptionPolicy.from_dict(exceptions, rules.exception_ids()))
    for attempt in range(5):
        version = RuleSetVersion(
            number=_next_number(),
            status=RuleSetStatus.DRAFT,
            document=rules.to_dict(),
            fingerprint=rules.fingerprint,
            note=note,
            exceptions=policy.to_dict(),
            author_id=author.id if author else None,
            based_on_id=based_on.id if based_on else None,
        )
        try:
            with db.session.begin_nested():
                db.session.add(version)
        except IntegrityError:
            if attempt == 4:
                raise
            continue
        break
    record_audit(author, "ruleset.create", "rule_set_version", version.id, number=version.number, note=note)
    return version


def save_draft(version: RuleSetVersion, doc: dict, author: User | None, note: str | None = None,
               expected_revision: int | None = None, exceptions: dict | None = None) -> None:
    """Replace a draft's document after validating it (RuleSetError names the bad field).

    With `expected_revision` (the revision the editor was loaded at), a draft saved by someone
    else in the meantime raises StaleDraft instead of being overwritten; the mapper's version
    counter (`revision`) catches the same race between this check and the UPDATE.
    """
    if version.status != RuleSetStatus.DRAFT:
        raise ValueError(f"version {version.number} is {version.status}; only drafts can be edited")
    if expected_revision is not None and expected_revision != version.revision:
        raise StaleDraft(version)
    rules = RuleSet.from_dict(doc)
    policy = ExceptionPolicy.from_dict(version.exceptions if exceptions is None else exceptions,
                                       rules.exception_ids())
    old = version.fingerprint
    version.document = rules.to_dict()
    # A caller may have edited the loaded dict in place, so SQLAlchemy would see no change.
    flag_modified(version, "document")
    version.fingerprint = rules.fingerprint
    version.exceptions = policy.to_dict()
    if note is not None:
        version.note = note
    version.updated_at = utcnow()
    try:
        db.session.flush()
    except StaleDataError as exc:
        db.session.rollback()
        raise StaleDraft(db.session.get(RuleSetVersion, version.id) or version) from exc
    record_audit(author, "ruleset.edit", "rule_set_version", version.id, number=version.number,
                 old_fingerprint=old, new_fingerprint=rules.fingerprint, revision=version.revision)


def publish(version: RuleSetVersion, actor: User | None, expected_published_id: int | None) -> None:
    """Publish a draft in place of `expected_published_id`; PublishConflict if that is stale.

    The archive step is a conditional UPDATE: of two concurrent publishes from the same
    base, the second finds the base no longer published (rowcount 0) and gets a conflict.
    A partial unique index keeps at most one published row whatever happens.
    """
    if version.status != RuleSetStatus.DRAFT:
        raise ValueError(f"version {version.number} is {version.status}; only drafts can be published")
    RuleSet.from_dict(version.document)  # stored drafts are valid, but never publish unchecked
    current = current_published_row()
    current_id = current.id if current else None
    if current_id != expected_published_id:
        raise PublishConflict(current)
    if current is not None:
        result = db.session.execute(
            update(RuleSetVersion)
            .where(RuleSetVersion.id == current.id, RuleSetVersion.status == RuleSetStatus.PUBLISHED)
            .values(status=RuleSetStatus.ARCHIVED)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            db.session.rollback()
            raise PublishConflict(current_published_row())
    version.status = RuleSetStatus.PUBLISHED
    version.published_at = utcnow()
    version.published_by_id = actor.id if actor else None
    record_audit(actor, "ruleset.publish", "rule_set_version", version.id, number=version.number,
                 fingerprint=version.fingerprint, replaced=current.number if current else None)
    try:
        db.session.flush()
    except IntegrityError as exc:
        db.session.rollback()
        raise PublishConflict(current_published_row()) from exc
    if current is not None:
        db.session.expire(current)


def rollback_to(old: RuleSetVersion, actor: User | None, expected_published_id: int | None) -> RuleSetVersion:
    """Publish an older version's document again, as a new version."""
    version = create_version(old.document, actor, f"Rollback to version {old.number}", based_on=old,
                             exceptions=old.exceptions)
    publish(version, actor, expected_published_id)
    record_audit(actor, "ruleset.rollback", "rule_set_version", version.id, number=version.number, to=old.number)
    return version


def seed_default_rules() -> bool:
    """Publish the default rule set as version 1 when there is no version yet; True if done."""
    exists = db.session.execute(db.select(RuleSetVersion.id).limit(1)).first()
    if exists:
        return False
    version = create_version(default_document(), None, "Default rule set shipped with the engine")
    publish(version, None, None)
    db.session.commit()
    return True


def init_db() -> bool:
    """Migrate, then publish the default rule set as version 1 if there is none; True if seeded."""
    upgrade_schema()
    return seed_default_rules()


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Apply migrations and publish the default rule set as version 1."""
    seeded = init_db()
    click.echo(f"Database ready at {db.engine.url.render_as_string(hide_password=True)}.")
    click.echo("Default rule set published as version 1." if seeded else "Rule sets already present.")
