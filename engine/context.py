"""Conversation context: identifiers split over several consecutive messages."""

from __future__ import annotations


def conversation_hits(detector, text: str, history: list[str]) -> list:
    """Hits that the newest message completes together with recent history."""
    return []
