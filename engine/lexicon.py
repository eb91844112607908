"""Word lists shared by detectors (engine/data/lexicon.json), loaded once and lazily."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[str]]:
    """The shared lexicon document."""
    return json.loads(resources.files("engine").joinpath("data/lexicon.json").read_text("utf-8"))


def word_pattern(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One alternation matching any of `words` as a whole word (longest first)."""
    escaped = sorted({re.escape(w.lower()) for w in words if w}, key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(escaped) + r")(?![^\W_])")


@cache
def words_of(name: str) -> re.Pattern[str]:
    """Whole-word pattern for one lexicon list."""
    return word_pattern(lexicon()[name])
