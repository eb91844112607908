"""The Detector: compiles a rule set once, then judges messages in their conversation."""

from __future__ import annotations

import re

from engine.assembly import assembled_hits
from engine.context import conversation_hits
from engine.detectors import LIMIT_FEATURE, Hit, build_detectors
from engine.detectors.link import APPLY_PAGE
from engine.normalize import Text, decoded
from engine.policy import ACTIONS, CATEGORIES, STATES, strictest
from engine.regions import DataFilter, headed_tables, inside, record_rows
from engine.rules import RuleSet
from engine.scope import cleared, is_intent
from engine.verdict import RULE_SEPARATOR, Finding, Verdict
from engine.voice import (
    BRIEF_MIN,
    DOCUMENT_QUOTE,
    claims_writer,
    is_brief,
    organisation_channel,
    organisation_data,
    others_config,
    others_number,
    others_place,
    printed_block,
    quotations,
    quoted,
    readers_document,
    readers_page,
    work_item,
)

HISTORY_CACHE_SIZE = 64
_PREMISES = ("address", "link")  # what an organisation's brief may name as its own
_PAGES = ("link", "social")  # what may be the reader's own profile or page
_RECORDS = ("phone", "email", "address")  # what rows of someone's records hold
_CHANNELS = ("phone", "email")  # what a brief may describe as its own support channels
_LONG_DIGITS = re.compile(r"\+?\d{8,15}")
_MEET_CODE = re.compile(r"([a-z])\1{2}-([a-z])\2{3}-([a-z])\3{2}")


def _filler(text: str, hit: Hit) -> bool:
    """Whether a meeting ID or code is filler, each group one character repeated ("ID 111 111 1111",
    "meet.google.com/aaa-bbbb-ccc"), or a number is all zeros ("000 000 0000"): a mock or a blank
    form, no one's contact."""
    if hit.category not in ("phone", "social", "link"):
        return False
    span = text[hit.start:hit.end]
    if hit.category != "phone" and _MEET_CODE.search(span.lower()):
        return True
    if hit.category == "link":
        return False
    groups = re.findall(r"\d+", span)
    if sum(map(len, groups)) < 6:
        return False
    if hit.category == "phone":
        return set("".join(groups)) == {"0"}  # "555-555-5555" still reads as a number to many
    return "meeting" in hit.rule and all(len(g) >= 3 and len(set(g)) == 1 for g in groups)
REDACTION_CHAR = "\u2022"  # "•", one per masked code point so offsets keep their meaning


_QUOTES = ("'", '"', "\u00ab", "\u201c", "\u201e")


def _mentioned(spans: list[tuple[int, int]], hit: Hit) -> bool:
    """Whether `hit` lies in a quotation that makes it mentioned: a request or a move quoted as
    someone's words, or any contact in a document's text reproduced at length (see voice.quoted)."""
    length = quoted(spans, hit.start, hit.end)
    if not length:
        return False
    return is_intent(hit.rule) or length >= DOCUMENT_QUOTE


def _in_column(tables: list[list[tuple[int, int]]], hits: list[Hit], hit: Hit) -> bool:
    """Whether `hit` lies in a row of a table whose rows hold its kind of contact twice or more:
    a column of phones or emails ("020 7946 0123" above "0161 496 0456")."""
    for rows in tables:
        if inside(rows, hit.start, hit.end):
            holding = {k for k, (a, b) in enumerate(rows)
                       for h in hits if h.category == hit.category and a <= h.start and h.end <= b}
            return len(holding) >= 2
    return False


class Detector:
    """Scans messages with one compiled rule set; safe to reuse for many messages."""

    def __init__(self, rules: RuleSet | None = None) -> None:
        self.rules = rules if rules is not None else RuleSet.default()
        self._detectors = build_detectors(self.rules)
        self._data = DataFilter()
        # History changes far less often than the newest message (which changes per keystroke
        # in the composer): its own hits are kept for the last few histories seen.
        self._history_hits: dict[str, list[Hit]] = {}
        self._names_pattern: re.Pattern[str] | None | bool = False  # False: not built yet (see _app_names)
        self.prepared: Text | None = None

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the rule set this detector was compiled from."""
        return self.rules.fingerprint

    def find(self, text: str) -> list[Hit]:
        """Every hit in one message on its own, in original-text offsets."""
        prepared = Text(text, self.rules.number_languages)
        self.prepared = prepared  # the views of the last message found, for the conversation readings
        hits: list[Hit] = []
        for detector in self._detectors:
            hits.extend(detector.find(prepared))
        plain = decoded(text)
        if plain is not None:
            # base64 and hex count once decoded: scan the decoded text, report the encoded run
            inner = Text(plain.text, self.rules.number_languages)
            for detector in self._detectors:
                for hit in detector.find(inner):
                    start, end = plain.span(hit.start, hit.end)
                    if text[start:end] != plain.text[hit.start:hit.end]:  # it reaches into a decoded run
                        hits.append(Hit(hit.category, start, end, hit.rule + "+encoded"))
        # talking about the rule, deferring contact until a contract, or a third party's channel
        hits = [h for h in hits if not (is_intent(h.rule) and cleared(text, h.start, h.end))]
        if any(h.category in _PREMISES or h.category in _CHANNELS for h in hits) and is_brief(text):
            # an organisation's brief: its own premises and site, on a line that invites no contact,
            # are project data ("Hofadresse für den Kontext: …", "Nuestra web pública: …"), and so
            # are its support channels described as the work's context
            names = self._app_names()
            # (a form on a form host is a way to hand over one's details, and an application or careers
            # page hires off the platform, whoever's brief it is in; its own booking or contact form,
            # "forms embedded on our site x.ca/book", is the work)
            hits = [h for h in hits if (h.category not in _PREMISES or APPLY_PAGE.search(text, h.start, h.end)
                                        or "link.form" in h.rule
                                        or not organisation_data(text, h.start, h.end, place=h.category == "address"))
                    and (h.category not in _CHANNELS or h.rule.startswith("request.")
                         or not organisation_channel(text, h.start, h.end, names))]
        if any(h.category == "phone" for h in hits):
            # a manufacturer's block printed in a manual to translate carries its support line too
            # and a telephony job's or a label's number names its owner: "standard 01 84 88 00 00 (ceux du cabinet)"
            long = len(text) >= BRIEF_MIN
            names = self._app_names()
            hits = [h for h in hits if h.category != "phone"
                    or not ((long and printed_block(text, h.start, h.end))
                            or others_number(text, h.start, h.end, names))]
        if any(h.category in ("phone", "email") or h.rule == "link.domain" for h in hits):
            # a mailbox created, a number ported, a sending domain set up, a callback line for a
            # script: objects of the work
            names = self._app_names()
            hits = [h for h in hits if (h.category not in ("phone", "email") and h.rule != "link.domain")
                    or h.rule.startswith("request.")
                    or not work_item(text, h.start, h.end, "email" if h.category == "link" else h.category, names)]
        if len(text) >= BRIEF_MIN and any(h.category in ("phone", "email", "address") for h in hits):
            # a CV or a letter drafted for the client, whose note says the details are the client's
            hits = [h for h in hits if h.category not in ("phone", "email", "address") or h.rule.startswith("request.")
                    or not readers_document(text, h.start, h.end)]
        if len(text) >= BRIEF_MIN and any(q in text for q in _QUOTES):
            # in a long message, others' words quoted in a script are mentioned, not said, and a
            # document reproduced in quotation marks for translation holds its own contact
            # (a quotation that claims or invites is the writer's own words: « pour me joindre : … »)
            spans = [q for q in quotations(text) if q[1] - q[0] < DOCUMENT_QUOTE or not claims_writer(text, *q)]
            hits = [h for h in hits if not _mentioned(spans, h)]
        if any(h.category == "address" for h in hits):
            # someone else's place handed over as data: "the client's own premises, for context"
            hits = [h for h in hits if not h.rule.startswith("address.")
                    or not others_place(text, h.start, h.end, coordinates="address.coordinates" in h.rule)]
        if any(h.category in _PAGES and "/" in text[h.start:h.end] for h in hits):
            # the reader's own profile or page as the work: "Hola Daniela, … linkedin.com/in/danielagarzaops"
            hits = [h for h in hits if h.category not in _PAGES or "shortener" in h.rule
                    or not readers_page(text, h.start, h.end)]  # a shortened page is hidden, no one's profile
        if "\n" in text and any(h.category in _RECORDS for h in hits):
            # rows of someone's records handed over as the work (a lead list, a scraped sample)
            tables = record_rows(text)
            if tables:
                hits = [h for h in hits if h.category not in _RECORDS or h.rule.startswith("request.")
                        or not _in_column(tables, hits, h) or self._data.offered(text, h.start, h.end)]
            headed = headed_tables(text)  # (under a header that names the columns, every row is a record)
            if headed:
                hits = [h for h in hits if h.category not in _RECORDS or h.rule.startswith("request.")
                        or not inside(headed, h.start, h.end) or self._data.offered(text, h.start, h.end)]
        spans = self._data.spans(text) if hits else []
        if spans:  # values inside code, config, logs and tables are data, not contact; an encoded
            # run that decodes to contact is a disguise wherever it sits
            hits = [h for h in hits if h.rule.endswith("+encoded")
                    or (self._data.keep(text, spans, h.category, h.start, h.end, h.rule)
                        and not (h.category in ("phone", "email") and inside(spans, h.start, h.end)
                                 and others_config(text, spans, h.start, h.end, h.category)))]
        return hits

    def find_in_history(self, past: str) -> list[Hit]:
        """`find` for joined history, remembered for the last few histories."""
        hits = self._history_hits.get(past)
        if hits is None:
            hits = self.find(past)
            if len(self._history_hits) >= HISTORY_CACHE_SIZE:
                self._history_hits.clear()
            self._history_hits[past] = hits
        return hits

    def scan(
        self, text: str, history: list[str] | tuple[str, ...] | None = None, state: str = "inquiry"
    ) -> Verdict:
        """Judge `text` (the newest message) given earlier messages, oldest first."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, not {type(text).__name__}")
        if state not in STATES:
            raise ValueError(f"unknown contract state {state!r}; use one of {', '.join(STATES)}")
        past = _clean_history(history, self.rules.history_messages)
        hits = self.find(text)
        if past:
            hits.extend(conversation_hits(self, text, past))
        # some need no history: "replace # with @: a#b.com"; an intent ("the green app") is cleared by
        # its sentence like any other ("only after the contract, then I'll send my Instagram")
        hits.extend(h for h in assembled_hits(self, text, past)
                    if not (is_intent(h.rule) and cleared(text, h.start, h.end)))
        hits = [h for h in hits if not _filler(text, h)]
        hits = self._across_categories(text, hits, past)
        findings = self._findings(text, hits)
        actions = [self.action_for(state, f) for f in findings]
        action = strictest(actions)
        masked = [f for f, a in zip(findings, actions, strict=True) if a in ("redact", "block")]
        redacted = redact(text, masked) if action == "redact" else None
        return Verdict(
            action=action,
            findings=findings,
            state=state,
            redacted=redacted,
            fingerprint=self.rules.fingerprint,
        )

    def _across_categories(self, text: str, hits: list[Hit], past: list[str]) -> list[Hit]:
        """What one category's hit says about another (POLICY.md: an app named with the item is both).

        - a meeting ID is `social`, never also `phone`;
        - the number inside an app link ("wa.me/447911123456") is also a `phone`;
        - a phone or email with an app named beside it, or earlier in the conversation, is also `social`.
        """
        meetings = [h for h in hits if h.rule.startswith("social.meeting_id")]
        if meetings:
            hits = [h for h in hits if h.category != "phone" or not any(
                m.start <= h.start and h.end <= m.end for m in meetings)]
        extra: list[Hit] = []
        for h in hits:
            if h.category == "social" and "app_link" in h.rule:
                for run in _LONG_DIGITS.finditer(text, h.start, h.end):
                    extra.append(Hit("phone", run.start(), run.end(), "phone.in_app_link"))
        items = [h for h in hits if h.category in ("phone", "email") and "limit" not in h.rule]
        if items:
            extra.extend(self._app_named(text, items, past, [h for h in hits if h.category == "social"]))
        return hits + extra if extra else hits

    def _app_named(self, text: str, items: list[Hit], past: list[str], social: list[Hit]) -> list[Hit]:
        """Social hits for an app named within a few words of a phone or email (each item on its
        own, where no social hit holds the app already: a window of a long message reads the same),
        or, when the message has no social hit, in the last two history messages before a phone or
        email is given."""
        names = self._app_names()
        if names is None:
            return []
        lowered = text.lower()
        found = []
        for h in items:
            near = names.search(lowered, max(0, h.start - 32), min(len(text), h.end + 32))
            if near is None or cleared(text, near.start(), near.end()):  # not "I won't use WhatsApp"
                continue
            if any(s.start <= near.start() and near.end() <= s.end for s in social):
                continue  # the app's own hit names it already
            found.append(Hit("social", min(near.start(), h.start), max(near.end(), h.end), "social.app_beside"))
        if not found and not social and any(names.search(m.lower()) for m in past[-2:]):
            first = min(items, key=lambda h: h.start)
            found.append(Hit("social", first.start, first.end, "social.app_in_conversation"))
        return found

    def _app_names(self) -> re.Pattern[str] | None:
        """The rule set's app names (not the weak aliases), built on first use: most messages never ask."""
        if self._names_pattern is False:
            from engine.detectors.social import alias_source, load_lexicon

            weak = set(load_lexicon("social_lexicon.json")["weak_aliases"])
            # the aliases only: an app's name that is not one of its aliases is a word ("line", "max":
            # "the main line 0161 …" names no app)
            names = {a.lower() for app in self.rules.apps for a in app.aliases if len(a) > 3 and a.lower() not in weak}
            self._names_pattern = re.compile(alias_source(names)) if names else None
        return self._names_pattern  # type: ignore[return-value]

    def action_for(self, state: str, finding: Finding) -> str:
        """The rule set's action for a finding; a detector's cap reached is the strictest one."""
        action = self.rules.action_for(state, finding.category)
        if action != "allow" and LIMIT_FEATURE in finding.features:
            return ACTIONS[-1]
        return action

    def _findings(self, text: str, hits: list[Hit]) -> tuple[Finding, ...]:
        """Merge overlapping hits of one category; order by position, then category."""
        by_category: dict[str, list[Hit]] = {}
        for hit in hits:
            if 0 <= hit.start < hit.end <= len(text):
                by_category.setdefault(hit.category, []).append(hit)
        merged: list[Finding] = []
        for category, group in by_category.items():
            group.sort(key=lambda h: (h.start, -h.end))
            current = group[0]
            for hit in group[1:]:
                if hit.start < current.end:
                    rule = current.rule if hit.rule in current.rule.split(RULE_SEPARATOR) else (
                        current.rule + RULE_SEPARATOR + hit.rule
                    )
                    current = Hit(category, current.start, max(current.end, hit.end), rule)
                else:
                    merged.append(self._finding(text, current))
                    current = hit
            merged.append(self._finding(text, current))
        merged.sort(key=lambda f: (f.start, f.end, CATEGORIES.index(f.category)))
        return tuple(merged)

    def _finding(self, text: str, hit: Hit) -> Finding:
        return Finding(
            hit.category, hit.start, hit.end, text[hit.start:hit.end], hit.rule,
            self.rules.messages[hit.category],
        )


def redact(text: str, findings: tuple[Finding, ...] | list[Finding]) -> str:
    """Mask every flagged span, keeping whitespace so the message keeps its shape."""
    chars = list(text)
    for finding in findings:
        for i in range(finding.start, finding.end):
            if not chars[i].isspace():
                chars[i] = REDACTION_CHAR
    return "".join(chars)


def _clean_history(history, limit: int) -> list[str]:
    if not history or limit <= 0:
        return []
    if isinstance(history, str):
        raise TypeError("history must be a list of strings, oldest first")
    items = [h for h in history if isinstance(h, str)]
    if len(items) != len(history):
        raise TypeError("history must contain only strings")
    return items[-limit:]
