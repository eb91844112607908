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


_TOKEN = re.compile(r"[^\W_]+")


class WordGate:
    """A cheap first look for a phrase list: can any phrase match, given the text's words?

    Python's `re` tries a long alternation at every position; a set test on the words the text
    holds is far cheaper, so detectors run their big patterns only when this admits the text.
    """

    __slots__ = ("first", "always")

    def __init__(self, phrases: list[str] | tuple[str, ...] | frozenset[str]) -> None:
        first = set()
        always = False
        for phrase in phrases:
            tokens = _TOKEN.findall(phrase.lower())
            if tokens:
                first.add(tokens[0])
            else:
                always = True  # a phrase of symbols only ("$"): cannot be gated by words
        self.first = frozenset(first)
        self.always = always

    def admits(self, words: frozenset[str]) -> bool:
        """Whether the text's words include the first word of some phrase."""
        return self.always or not self.first.isdisjoint(words)
