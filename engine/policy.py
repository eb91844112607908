"""The policy's vocabulary: categories, contract states and actions (one place for each)."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = ("phone", "email", "address", "link", "social")
"""The five kinds of contact information, as in POLICY.md."""

STATES: tuple[str, ...] = ("inquiry", "offer", "active", "ended")
"""Contract states of a conversation, from first contact to closed."""

ACTIONS: tuple[str, ...] = ("allow", "warn", "redact", "block")
"""Actions from mildest to strictest."""

_RANK = {action: rank for rank, action in enumerate(ACTIONS)}


def action_rank(action: str) -> int:
    """Position of an action in the mildest-to-strictest order."""
    return _RANK[action]


def strictest(actions: list[str] | tuple[str, ...]) -> str:
    """The strictest of several actions; `allow` when there are none."""
    best = "allow"
    for action in actions:
        if _RANK[action] > _RANK[best]:
            best = action
    return best
