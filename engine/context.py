"""Conversation context: identifiers split over several consecutive messages.

The newest message is scanned joined to its recent history, with a space and with nothing
between messages ("917" + "555" + "0123", "john.doe" + "@gmail.com"). A hit counts for
the newest message only when it reaches into it from earlier messages and the history on
its own did not already contain that contact information: a message is never flagged for
what only an earlier message said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.detectors import Hit

if TYPE_CHECKING:
    from engine.detector import Detector

JOINERS = (" ", "")


def conversation_hits(detector: Detector, text: str, history: list[str]) -> list[Hit]:
    """Hits that the newest message completes together with recent history."""
    if not text.strip():
        return []
    hits: list[Hit] = []
    for joiner in JOINERS:
        past = joiner.join(history)
        offset = len(past) + len(joiner)
        combined = past + joiner + text
        earlier = None
        for hit in detector.find(combined):
            if hit.end <= offset or hit.start >= offset:
                continue  # wholly in the history, or wholly in the newest message (found alone)
            if earlier is None:
                earlier = detector.find(past)
            if any(e.category == hit.category and e.end > hit.start and e.start < offset for e in earlier):
                continue  # the history already shared it; the newest message only follows
            start, end = 0, hit.end - offset
            while start < end and text[start].isspace():
                start += 1
            if start < end:
                hits.append(Hit(hit.category, start, end, hit.rule + "+context"))
    return hits
