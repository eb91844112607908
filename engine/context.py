"""Conversation context: identifiers split over several consecutive messages.

The newest message is scanned joined to recent history, with a space and with nothing
between messages ("917" + "555" + "0123", "john.doe" + "@gmail.com"), both to the whole
recent tail and to each of the last few messages on its own (people interleave a comment:
"my site is tomharperdesign", "(no spaces)", ".com/contact"). A hit counts for the newest
message only when it reaches into it from earlier messages and the history did not already
hold that contact information complete: a message is never flagged for what only an
earlier message said, and "thanks" after a phone number stays clean.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from engine.detectors import Hit
from engine.detectors.email import tlds
from engine.detectors.requests import PARTS_RULE
from engine.lexicon import lexicon
from engine.regions import DATE_ONLY

if TYPE_CHECKING:
    from engine.detector import Detector

JOINERS = (" ", "")
SINGLE_PARTNERS = 3  # the last N history messages are also tried one by one with the newest
@lru_cache(maxsize=1)
def _continuation() -> re.Pattern[str]:
    """A newest message that carries on a token: "/30min", ".com/contact", "@gmail.com", "3vT", "0123",
    or a spoken dot, slash or at in any of the lexicon's languages, after a connecting word or not
    ("dot in", "डॉट इन", "وبعدين دوت نت", "собака mail.ru")."""
    words = lexicon()
    spoken = sorted({w for k in ("dot_words", "slash_words", "at_words") for w in words[k] if w != "@"},
                    key=len, reverse=True)
    glue = sorted(words["glue_words"], key=len, reverse=True)
    return re.compile(
        r"^(?:[/.?#@_\-:]\S*|\S*\d\S*|(?:(?:" + "|".join(map(re.escape, glue)) + r")\s+)?(?:"
        + "|".join(map(re.escape, spoken)) + r")(?![^\W_])(?:\s.*)?)$", re.IGNORECASE | re.DOTALL)


_SPOKEN_GLUE_END = re.compile(r"[^\W\d_]+$")


@lru_cache(maxsize=1)
def _spoken_glue() -> re.Pattern[str]:
    """A spoken dot or at of the lexicon, as a whole last word."""
    words = lexicon()
    spoken = sorted({w.lower() for k in ("dot_words", "at_words") for w in words[k] if w.isalpha()})
    return re.compile(r"(?:" + "|".join(map(re.escape, spoken)) + r")$", re.IGNORECASE)


def conversation_hits(detector: Detector, text: str, history: list[str]) -> list[Hit]:
    """Hits that the newest message completes together with recent history."""
    if not text.strip() or not history:
        return []
    hits: list[Hit] = []
    tails = [history]
    for k in range(2, min(SINGLE_PARTNERS, len(history)) + 1):
        tails.append([history[-k]])
    glued = _carries_on(history[-1], text)
    for tail in tails:
        for joiner in JOINERS:
            if joiner or glued:  # joining with nothing only for a message that continues a token
                hits.extend(_completed(detector, tail, joiner, text))
    if glued and len(history) > 1:
        # only the last boundary glued: the whole tail glues the history's own messages together too
        # ("… en hxxps" + "hxxps://cal[.]com/" reads "hxxpshxxps://"); the message before the last
        # stays before it as written, so its words still name what follows ("The order number is" /
        # "88-2019-" / "4471" is an order's number)
        hits.extend(_completed(detector, [history[-2] + " " + history[-1]], "", text))
    if DATE_ONLY.fullmatch(text.strip()):
        # "48213" / "¿y la fecha?" / "23/11": a date after a ticket adds up to no number (POLICY.md)
        hits = [h for h in hits if h.category != "phone"]
    return hits


WINDOW = 100  # characters a side of the boundary: a split identifier and its cue (a hit at a cut: the whole)


def _completed(detector: Detector, tail: list[str], joiner: str, text: str) -> list[Hit]:
    past = tail[0]
    for message in tail[1:]:
        # a finished sentence never runs on into the next message, in the history too
        past += (joiner if joiner or not _finished(past, message) else " ") + message
    if _finished(past, text):
        return []
    # Only a hit that straddles the boundary matters: scan a window around it, cut at whitespace,
    # and the whole again only when a hit reaches a cut edge (it may run on beyond it).
    left = _cut_left(past, WINDOW)
    right = _cut_right(text, WINDOW)
    if left or right < len(text):
        found = _straddling(detector, past[left:], joiner, text, right, left > 0)
        if found is not None:
            return found
    return _straddling(detector, past, joiner, text, len(text), False) or []


def _straddling(
    detector: Detector, past: str, joiner: str, text: str, right: int, cut_left: bool
) -> list[Hit] | None:
    """Hits across the boundary of past + joiner + text[:right]; None if one touches a cut edge."""
    offset = len(past) + len(joiner)
    combined = past + joiner + text[:right]
    cut_right = right < len(text)
    found = []
    earlier: list[Hit] | None = None
    for hit in detector.find(combined):
        if hit.end <= offset or hit.start >= offset:
            continue  # wholly in the history, or wholly in the newest message (found alone)
        if (cut_left and hit.start == 0) or (cut_right and hit.end >= len(combined)):
            return None
        if hit.rule == PARTS_RULE:
            continue  # "tell me the street and the floor" / "Rua X 12, 3.º andar": the newest message answers
        cut = hit.end - offset
        if 0 < cut < len(text) and text[cut - 1].isalpha() and text[cut].isalpha() and not text[:cut].strip(
                ).count(" "):
            continue  # "… casa 12" / "Certo, com isso …": a reading that stops inside the newest message's first word
        if hit.rule == "social.contact_intent" and text.lstrip()[:1].isupper():
            continue  # "both IG and TikTok" / "I'll schedule 12 reels": a new sentence, no intent about the app
        if earlier is None:
            earlier = detector.find_in_history(past)
        if any(_already_complete(e, hit, past, offset, text) for e in earlier):
            continue
        start, end = 0, hit.end - offset
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            found.append(Hit(hit.category, start, end, hit.rule + "+context"))
    return found


_SENTENCE_END = (".", "!", "?", "\u3002", "\u06d4", "\u0964")


def _finished(past: str, text: str) -> bool:
    """Whether the history ends a sentence, so that the newest message starts a new one.

    A digit group followed by a full stop ("917.") still carries on into a message that starts
    with digits: people end each piece of a split number with punctuation. A closing bracket
    ends nothing ("my number (917)").
    """
    tail = past.rstrip()
    if not tail:
        return True
    if tail[-1] not in _SENTENCE_END:
        return False
    return not (tail[:-1].rstrip(".!?")[-1:].isdigit() and text.lstrip()[:1].isdigit())


def _cut_left(past: str, size: int) -> int:
    """Where a window of about `size` characters at the end of `past` starts (at whitespace)."""
    if len(past) <= size:
        return 0
    space = past.find(" ", len(past) - size)
    return space + 1 if 0 <= space < len(past) - 1 else 0


def _cut_right(text: str, size: int) -> int:
    """Where a window of about `size` characters at the start of `text` ends (at whitespace)."""
    if len(text) <= size:
        return len(text)
    space = text.rfind(" ", 0, size)
    return space if space > 0 else len(text)


def _already_complete(earlier: Hit, hit: Hit, past: str, offset: int, text: str) -> bool:
    """Whether the history alone already held this contact, so the newest message adds nothing."""
    if earlier.end <= hit.start or earlier.start >= offset:
        return False
    if earlier.rule.startswith("request.") and hit.rule.startswith("request."):
        # "Mándame tu wsp" then "No hay problema": the request was whole; "wsp No" read as
        # "WhatsApp number" across the boundary asks nothing new, whatever its category
        return True
    if earlier.category != hit.category:
        return False
    if hit.category == "phone":
        # a valid number in the history is complete; a possible one ("+49 176 1234") may go on
        # ("+44 20 7183 08" is only possible: ten digits with the country code, two short of London's)
        digits = sum(c.isdigit() for c in past[earlier.start:earlier.end])
        plus = "+" in past[earlier.start:earlier.end]
        valid = earlier.rule.startswith("phone.valid")
        return (digits >= 10 and (valid or not plus)) or (plus and digits >= 9 and valid)
    # an address or handle cut short: the newest message carries on the same token
    return not _carries_on(past, text)


_GLUED_DOMAIN = re.compile(r"[\-_.][\w-]*\.(?P<tld>[a-z]{2,12})(?![\w.-])", re.IGNORECASE)
_OPEN_END = ("/", "@", "_", "-", "#", "?", "=", "&")  # a token these end is unfinished: "cal.com/", "ana_"
_FIRST_TOKEN = re.compile(r"[\w\-/.?=&#%~+]+")


def _carries_on(past: str, text: str) -> bool:
    """Whether the newest message carries on the last token of the history: it is one token that
    starts with a link's or an address's glue (see `_CONTINUATION`), or the history ends inside a
    token that cannot end there ("calendly.com/" then "nour-ar-subtitles, 30 min"), or inside a
    link's path and the message starts with more of it ("docs.google.com/…/d/1Hc" then "Rd8zY/edit")."""
    if _continuation().match(text.strip()):
        return True
    glued = _GLUED_DOMAIN.match(text)
    if glued is not None and glued.group("tld").lower() in tlds():
        return True  # "huber" / "-malerei.at slash termin, da kannst du …": the rest of a domain, then words
    tail = past.rstrip()
    token = _FIRST_TOKEN.match(text)  # at the very start: a message that opens with a space starts anew
    if not tail or token is None:
        return False
    first = token.group()
    slug = len(first) >= 4 and any(c.isdigit() or c in "-_/." for c in first)  # "nour-ar-subtitles", not "ok"
    if tail.endswith(_OPEN_END):
        return slug
    if _SPOKEN_GLUE_END.search(tail) and _spoken_glue().match(tail, _SPOKEN_GLUE_END.search(tail).start()):
        return True  # "@ 🌸 yahoo 🌸 dot" then "com 🙂": the history ends on a spoken dot or at
    last = tail.rsplit(None, 1)[-1]
    if first.startswith("/") and len(first) > 1 and last.lower().lstrip(".") in tlds():
        return True  # "meine Seite heißt studio-x" / "Punkt de" / "/kontakt – …": a path after the domain's ending
    return "/" in last and "." in last and ("/" in first or any(c.isdigit() for c in first))
