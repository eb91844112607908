"""Admin patterns: only a subset that is safe by construction is accepted.

regexploit (an independent ReDoS analyser) must find nothing in any pattern the subset accepts,
and the issue's examples, which regexploit itself misses, are refused by the subset's rules.
"""

from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():  # regexploit imports the deprecated sre_constants alias
    warnings.simplefilter("ignore", DeprecationWarning)
    from regexploit.ast.sre import SreOpParser
    from regexploit.redos import find

import engine.patterns
from engine.patterns import UnsafePatternError, check_pattern

REFUSED = {
    r"(?:[a-z]{1,20}){1,20}@": "nested repetition",
    r"(?:\d{1,3}[ ]?)+x": "nested repetition",
    r"(a+)+b": "nested repetition",
    r"(a|ab)*c": "overlap",
    r".*x": "broad class",
    r"\w+@\w+": "broad class",
    r"[^@]+@": "broad class",
    r"\d+\d*": "adjacent unbounded",
    r"\d+ ?\d+": "adjacent unbounded",
    r"(\w)\1": "back-references",
    r"(?i)abc": "only (...)",
    r"a{1,5000}": "bounds",
    r"a{0,900}b{0,900}c{0,900}": "add up",
    r"(?=a+)b": "lookaround",
}


@pytest.mark.parametrize(("pattern", "reason"), REFUSED.items())
def test_unsafe_shapes_are_refused_with_the_reason(pattern, reason):
    with pytest.raises(UnsafePatternError, match=re.escape(reason)):
        check_pattern(pattern)


@pytest.mark.parametrize(
    "pattern",
    [r"(?<!\w)wa\.me/\d{6,15}", r"pay\s+me\s+(?:direct|outside)", r"\+?\d{1,3}[ -]?\d{2,4}", r"[a-z0-9]{3,30}@rival\.io",
     r"(?P<app>kik|threema)\s*:\s*[a-z0-9_.]{3,30}", r"call\s*me\b"],
)
def test_useful_patterns_are_accepted(pattern):
    assert check_pattern(pattern).pattern == pattern


@pytest.mark.parametrize("pattern", ["(ab", "[a-", "a{2,1}", "\\q", "*a", ""])
def test_invalid_patterns_say_why(pattern):
    with pytest.raises(UnsafePatternError):
        check_pattern(pattern)


_ATOMS = st.sampled_from([r"a", r"b", r"\d", r"\s", r"[a-z]", r"[0-9_]", r".", r"\w", r"x", r"@", r"\.", r"[ab]"])
_QUANT = st.sampled_from(["", "", "?", "*", "+", "{1,3}", "{2,}", "{0,20}"])


@st.composite
def _patterns(draw, depth: int = 2) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth > 0 and draw(st.booleans()):
            branches = [draw(_patterns(depth=depth - 1)) for _ in range(draw(st.integers(1, 3)))]
            parts.append("(?:" + "|".join(branches) + ")" + draw(_QUANT))
        else:
            parts.append(draw(_ATOMS) + draw(_QUANT))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(_patterns())
def test_regexploit_finds_nothing_in_what_the_subset_accepts(pattern):
    try:
        check_pattern(pattern)
    except UnsafePatternError:
        return
    assert list(find(SreOpParser().parse_sre(pattern))) == [], pattern


def test_the_runtime_path_does_not_use_re_private_parser():
    source = open(engine.patterns.__file__, encoding="utf-8").read()
    assert "_parser" not in source and "sre_parse" not in source
