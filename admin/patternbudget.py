"""Before a publish: new admin patterns must run over probe texts within a time budget.

The engine refuses patterns that could backtrack catastrophically when they are saved
(engine/patterns.py). This is the second line: the new rule set scans adversarial probes and
recent stored messages in a separate process, which is killed when the budget runs out, so a
slow pattern costs one refused publish instead of seconds per message on every server and in
every browser. Python's `re` cannot be interrupted, hence the process.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

PROBES: tuple[str, ...] = (
    # Long runs of what number, word and handle patterns repeat over, with no match at the end.
    "1 " * 2500,
    "1" * 5000,
    "a" * 5000,
    "a1" * 2500,
    "a." * 2500,
    "@" + "a" * 4999,
    "a@" * 2500,
    "- " * 2500,
    ("word " * 1000).strip(),
    "x" + " " * 4998 + "x",
)
"""Texts of the maximum message length that make ambiguous repetition show its cost."""


def _scan(doc: dict[str, Any], texts: list[str]) -> None:
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.from_dict(doc))
    for text in texts:
        detector.scan(text)


def new_patterns(draft: dict[str, Any], published: dict[str, Any] | None) -> list[str]:
    """Admin patterns in the draft that the published rule set does not have."""
    def patterns(doc: dict[str, Any] | None) -> set[str]:
        return {r["value"] for r in (doc or {}).get("extra_rules", []) if r.get("kind") == "pattern"}

    return sorted(patterns(draft) - patterns(published))


def scans_within(doc: dict[str, Any], texts: list[str], seconds: float) -> bool:
    """True when the rule set scans every text within `seconds` (compiling included), in a child process."""
    process = multiprocessing.get_context("spawn").Process(target=_scan, args=(doc, texts), daemon=True)
    process.start()
    process.join(seconds)
    if process.is_alive():
        process.kill()
        process.join()
        return False
    return process.exitcode == 0
