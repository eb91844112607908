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
from typing import TYPE_CHECKING

from engine.detectors import Hit

if TYPE_CHECKING:
    from engine.detector import Detector

JOINERS = (" ", "")
SINGLE_PARTNERS = 3  # the last N history messages are also tried one by one with the newest
# A newest message that carries on a token: "/30min", ".com/contact", "@gmail.com", "3vT", "0123"
_CONTINUATION = re.compile(
    r"^(?:[/.?#@_\-:]\S*|\S*\d\S*|(?:slash|dot|punto|ponto|point|punkt|barra|точка|نقطة)(?:\s.*)?)$", re.IGNORECASE
)


def conversation_hits(detector: Detector, text: str, history: list[str]) -> list[Hit]:
    """Hits that the newest message completes together with recent history."""
    if not text.strip() or not history:
        return []
    hits: list[Hit] = []
    tails = [history]
    for k in range(2, min(SINGLE_PARTNERS, len(history)) + 1):
        tails.append([history[-k]])
    glued = _CONTINUATION.match(text.strip()) is not None
    for tail in tails:
        for joiner in JOINERS:
            if joiner or glued:  # joining with nothing only for a message that continues a token
                hits.extend(_completed(detector, tail, joiner, text))
    return hits


def _completed(detector: Detector, tail: list[str], joiner: str, text: str) -> list[Hit]:
    past = joiner.join(tail)
    if past.rstrip()[-1:] in (".", "!", "?", ")", "", "\u3002"):
        return []  # a finished sentence does not run on into the next message
    offset = len(past) + len(joiner)
    combined = past + joiner + text
    found = []
    earlier: list[Hit] | None = None
    for hit in detector.find(combined):
        if hit.end <= offset or hit.start >= offset:
            continue  # wholly in the history, or wholly in the newest message (found alone)
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


def _already_complete(earlier: Hit, hit: Hit, past: str, offset: int, text: str) -> bool:
    """Whether the history alone already held this contact, so the newest message adds nothing."""
    if earlier.category != hit.category or earlier.end <= hit.start or earlier.start >= offset:
        return False
    if hit.category == "phone":
        digits = sum(c.isdigit() for c in past[earlier.start:earlier.end])
        return digits >= 10 or ("+" in past[earlier.start:earlier.end] and digits >= 9)
    # an address or handle cut short: the newest message carries on the same token
    return not _CONTINUATION.match(text.strip())
