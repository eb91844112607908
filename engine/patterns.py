"""Admin-authored regular expressions: reject the ones that could backtrack catastrophically.

Patterns run on the server and in every user's browser, on the standard `re` engine, which
backtracks. A pattern is refused when it has a shape known to take exponential or polynomial
time: a repeated group whose body is itself unboundedly repeated (`(a+)+`), a repeated
alternation whose branches can start with the same character (`(a|ab)*`), two adjacent
unbounded repeats over overlapping characters (`\\d+\\d*`, `.*.*`), or a back-reference.
"""

from __future__ import annotations

import re

try:  # Python 3.11+ keeps the parser here; `sre_parse` is a deprecated alias.
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older interpreters
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MAX_PATTERN_LENGTH = 500
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_POSSESSIVE = getattr(_c, "POSSESSIVE_REPEAT", None)


class UnsafePatternError(ValueError):
    """An admin pattern that is invalid or could backtrack catastrophically."""


def check_pattern(pattern: str) -> re.Pattern[str]:
    """Compile an admin pattern, or raise UnsafePatternError saying why it is refused."""
    if not isinstance(pattern, str) or not pattern:
        raise UnsafePatternError("pattern must be a non-empty string")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePatternError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
        parsed = _p.parse(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError) as exc:
        raise UnsafePatternError(f"invalid regular expression: {exc}") from exc
    _check_sequence(list(parsed))
    return compiled


def _is_unbounded(max_count: int) -> bool:
    return max_count > 1000


def _check_sequence(items: list) -> None:
    previous_unbounded: set[str] | None = None
    for op, av in items:
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            raise UnsafePatternError("back-references are not allowed (they can backtrack without bound)")
        if op in _REPEATS or (_POSSESSIVE is not None and op == _POSSESSIVE):
            low, high, body = av
            body = list(body)
            if high > 1 and _contains_unbounded(body):
                raise UnsafePatternError(
                    "nested repetition such as (a+)+ or (.*a){20} can backtrack catastrophically"
                )
            if _is_unbounded(high):
                if _has_overlapping_alternation(body):
                    raise UnsafePatternError(
                        "a repeated alternation whose branches overlap, such as (a|ab)*, "
                        "can backtrack catastrophically"
                    )
                first = _first_chars(body)
                if previous_unbounded is not None and (first & previous_unbounded):
                    raise UnsafePatternError(
                        "adjacent unbounded repeats over the same characters, such as \\d+\\d*, "
                        "can backtrack polynomially"
                    )
                previous_unbounded = first
            else:
                previous_unbounded = None
            _check_sequence(body)
            continue
        previous_unbounded = None
        for sub in _subpatterns(op, av):
            _check_sequence(sub)


def _subpatterns(op, av) -> list[list]:
    if op == _c.SUBPATTERN:
        return [list(av[-1])]
    if op == _c.BRANCH:
        return [list(branch) for branch in av[1]]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [list(av[1])]
    if hasattr(_c, "ATOMIC_GROUP") and op == _c.ATOMIC_GROUP:
        return [list(av)]
    return []


def _contains_unbounded(items: list) -> bool:
    for op, av in items:
        if op in _REPEATS or (_POSSESSIVE is not None and op == _POSSESSIVE):
            if _is_unbounded(av[1]) or _contains_unbounded(list(av[2])):
                return True
        for sub in _subpatterns(op, av):
            if _contains_unbounded(sub):
                return True
    return False


def _has_overlapping_alternation(items: list) -> bool:
    for op, av in items:
        if op == _c.BRANCH:
            seen: set[str] = set()
            for branch in av[1]:
                first = _first_chars(list(branch))
                if first & seen or "*" in first:
                    return True
                seen |= first
        for sub in _subpatterns(op, av):
            if _has_overlapping_alternation(sub):
                return True
    return False


def _first_chars(items: list) -> set[str]:
    """Characters a sequence can start with; '*' stands for 'any or unknown'."""
    for op, av in items:
        if op == _c.LITERAL:
            return {chr(av).lower()}
        if op == _c.NOT_LITERAL or op == _c.ANY:
            return {"*"}
        if op == _c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind == _c.LITERAL:
                    chars.add(chr(value).lower())
                elif kind == _c.RANGE:
                    low, high = value
                    if high - low > 200:
                        return {"*"}
                    chars.update(chr(c).lower() for c in range(low, high + 1))
                elif kind == _c.CATEGORY:
                    chars.add("*")
                elif kind == _c.NEGATE:
                    return {"*"}
            return chars
        if op == _c.SUBPATTERN:
            return _first_chars(list(av[-1]))
        if op == _c.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                out |= _first_chars(list(branch))
            return out
        if op in _REPEATS or (_POSSESSIVE is not None and op == _POSSESSIVE):
            low, _high, body = av
            first = _first_chars(list(body))
            if low == 0:
                return first | {"*"}
            return first
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        return {"*"}
    return {"*"}
