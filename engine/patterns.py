"""Admin-authored regular expressions, accepted only from a subset that is safe by construction.

Patterns run on the server and in every user's browser, on the standard `re` engine, which
backtracks. Rather than looking for known bad shapes in `re`'s private parser, this module parses
patterns itself and accepts only a subset in which every match attempt is bounded:

- a repeated group contains no repetition of its own: `(?:\\d{1,3}[ ]?)+` and `(?:[a-z]{1,20}){1,20}`
  are refused (nested repetition multiplies the ways to split the input);
- a repeated group's alternatives start with different characters: `(a|ab)*` is refused;
- unbounded repetition (`*`, `+`, `{m,}`) applies to a single narrow item only (a literal, a
  digit, a space, a positive character class); a broad one (`.`, `\\w`, `\\S`, a negated class)
  needs a bound such as `.{0,50}`;
- two unbounded repeats in a row cover different characters: `\\d+\\d*` and `.*.*` are refused;
- bounds are at most 1000 and their total at most 2000; no back-references, no inline flags.

`re` compiles what passes. The tests check the subset against regexploit, an independent ReDoS
analyser, on every pattern they accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_PATTERN_LENGTH = 500
MAX_BOUND = 1000
MAX_TOTAL_BOUND = 2000
UNBOUNDED = -1
ANY = "*"  # in a first-character set: any character


class UnsafePatternError(ValueError):
    """An admin pattern that is invalid or could backtrack catastrophically."""


@dataclass
class _Item:
    """One quantifiable item: a character set, or a group of alternatives."""

    first: frozenset[str]  # characters a match can start with (ANY: unknown or any)
    broad: bool = False  # matches almost any character (., \w, \S, a negated class)
    branches: list[list[_Item]] | None = None  # a group's alternatives
    lookaround: bool = False
    low: int = 1
    high: int = 1
    nullable: bool = False
    quantified_inside: bool = field(default=False)


_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \t\n\r\f\v")
_ESCAPES = {"d": (_DIGITS, False), "s": (_SPACES, False), "w": (frozenset(ANY), True),
            "D": (frozenset(ANY), True), "S": (frozenset(ANY), True), "W": (frozenset(ANY), True)}
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        self.total_bound = 0

    def error(self, message: str) -> UnsafePatternError:
        return UnsafePatternError(f"{message} (at position {self.i})")

    def peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def take(self) -> str:
        ch = self.peek()
        if not ch:
            raise self.error("unexpected end of pattern")
        self.i += 1
        return ch

    def alternatives(self) -> list[list[_Item]]:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        return branches

    def sequence(self) -> list[_Item]:
        items: list[_Item] = []
        while self.peek() and self.peek() not in "|)":
            item = self.atom()
            if item is None:
                continue
            self.quantifier(item)
            items.append(item)
        return items

    def atom(self) -> _Item | None:
        ch = self.take()
        if ch in "^$":
            return None  # anchors match no character
        if ch == ".":
            return _Item(frozenset(ANY), broad=True)
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape(in_class=False)
        if ch == "(":
            return self.group()
        if ch in "*+?{":
            if ch == "{" and not re.match(r"\d+(?:,\d*)?}", self.p[self.i:]):
                return _Item(frozenset("{"))
            raise self.error("a repetition needs something to repeat")
        return _Item(frozenset(ch.lower()))

    def escape(self, in_class: bool) -> _Item | None:
        ch = self.take()
        if ch in _ESCAPES:
            chars, broad = _ESCAPES[ch]
            return _Item(chars, broad=broad)
        if ch in "bBAZ" and not in_class:
            return None  # word boundaries and anchors match no character
        if ch.isdigit():
            raise self.error("back-references are not allowed (they can backtrack without bound)")
        if ch in _CONTROL:
            return _Item(frozenset(_CONTROL[ch]))
        if ch in "xu":
            size = 2 if ch == "x" else 4
            digits = self.p[self.i:self.i + size]
            if len(digits) != size or not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise self.error(f"\\{ch} needs {size} hexadecimal digits")
            self.i += size
            return _Item(frozenset(chr(int(digits, 16)).lower()))
        if ch.isalnum():
            raise self.error(f"unknown escape \\{ch}")
        return _Item(frozenset(ch.lower()))

    def char_class(self) -> _Item:
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        chars: set[str] = set()
        broad = negated
        first = True
        while True:
            ch = self.take()
            if ch == "]" and not first:
                break
            first = False
            if ch == "\\":
                item = self.escape(in_class=True)
                if item is not None:
                    chars |= item.first
                    broad = broad or item.broad
                continue
            if self.peek() == "-" and self.p[self.i + 1:self.i + 2] not in ("]", ""):
                self.i += 1
                end = self.take()
                if end == "\\":
                    end = self.take()
                if ord(end) < ord(ch):
                    raise self.error(f"bad character range {ch}-{end}")
                if ord(end) - ord(ch) > 256:
                    chars.add(ANY)
                else:
                    chars.update(chr(c).lower() for c in range(ord(ch), ord(end) + 1))
                continue
            chars.add(ch.lower())
        return _Item(frozenset({ANY}) if negated else frozenset(chars), broad=broad or ANY in chars)

    def group(self) -> _Item:
        lookaround = False
        if self.peek() == "?":
            self.i += 1
            kind = self.take()
            if kind == ":":
                pass
            elif kind in "=!":
                lookaround = True
            elif kind == "<" and self.peek() in "=!":
                self.i += 1
                lookaround = True
            elif kind == "P" and self.peek() == "<":
                name = re.match(r"<([A-Za-z_]\w{0,31})>", self.p[self.i:])
                if name is None:
                    raise self.error("bad group name")
                self.i += name.end()
            else:
                raise self.error("only (...), (?:...), (?P<name>...) and lookarounds are allowed")
        branches = self.alternatives()
        if self.take() != ")":
            raise self.error("missing )")
        first: set[str] = set()
        nullable = False
        inside = False
        for branch in branches:
            first |= _first(branch)
            nullable = nullable or all(i.nullable for i in branch)
            inside = inside or any(i.low != 1 or i.high != 1 or i.quantified_inside for i in branch)
        if lookaround and inside and any(i.high == UNBOUNDED for b in branches for i in b):
            raise self.error("a lookaround may not repeat without bound")
        item = _Item(frozenset(first), branches=branches, lookaround=lookaround, nullable=nullable)
        item.quantified_inside = inside
        item.broad = any(i.broad for b in branches for i in b)
        return None if lookaround else item  # type: ignore[return-value]

    def quantifier(self, item: _Item) -> None:
        ch = self.peek()
        if ch not in ("*", "+", "?", "{"):
            return
        if ch == "{":
            m = re.match(r"\{(\d+)(?:(,)(\d*))?\}", self.p[self.i:])
            if m is None:
                return  # a literal brace
            self.i += m.end()
            low = int(m.group(1))
            high = (UNBOUNDED if not m.group(3) else int(m.group(3))) if m.group(2) else low
            if low > MAX_BOUND or (high != UNBOUNDED and (high > MAX_BOUND or high < low)):
                raise self.error(f"repetition bounds must be at most {MAX_BOUND}, lowest first")
        else:
            self.i += 1
            low, high = {"*": (0, UNBOUNDED), "+": (1, UNBOUNDED), "?": (0, 1)}[ch]
        if self.peek() in ("?", "+"):
            self.i += 1  # lazy or possessive: same subset rules
        item.low, item.high = low, high
        item.nullable = item.nullable or low == 0
        if high != UNBOUNDED:
            self.total_bound += high
            if self.total_bound > MAX_TOTAL_BOUND:
                raise self.error(f"the bounds of all repetitions add up to more than {MAX_TOTAL_BOUND}")
        repeated = high == UNBOUNDED or high > 1
        if item.branches is not None and repeated:
            if item.quantified_inside:
                raise self.error(
                    "nested repetition such as (a+)+, (?:\\d{1,3}[ ]?)+ or (?:[a-z]{1,20}){1,20} "
                    "can backtrack catastrophically"
                )
            seen: set[str] = set()
            for branch in item.branches:
                first = _first(branch)
                if first & seen or ANY in first and seen:
                    raise self.error("a repeated alternation whose branches overlap, such as (a|ab)*, "
                                     "can backtrack catastrophically")
                seen |= first
        if high == UNBOUNDED and item.broad:
            raise self.error("unbounded repetition of a broad class (., \\w, \\S, [^...]) is not allowed; "
                             "give it a bound such as .{0,50}")


def _first(items: list[_Item]) -> set[str]:
    out: set[str] = set()
    for item in items:
        out |= item.first
        if not item.nullable:
            break
    return out


def _check_adjacent(items: list[_Item]) -> None:
    """Unbounded repeats in a row (with only optional items between) must cover different characters."""
    previous: frozenset[str] | None = None
    for item in items:
        inner = _unbounded_inside(item) if item.branches and item.high != UNBOUNDED else None
        if inner:
            # "a*(?:a+)a*": a group that holds an unbounded repeat is one for its neighbours
            if previous is not None and (inner & previous or ANY in inner or ANY in previous):
                raise UnsafePatternError(
                    "adjacent unbounded repeats over the same characters, such as a*(?:a+) or .*.*, "
                    "can backtrack polynomially"
                )
            previous = inner
        elif item.high == UNBOUNDED:
            if previous is not None and (item.first & previous or ANY in item.first or ANY in previous):
                raise UnsafePatternError(
                    "adjacent unbounded repeats over the same characters, such as \\d+\\d* or .*.*, "
                    "can backtrack polynomially"
                )
            previous = item.first
        elif not item.nullable:
            previous = None
        if item.branches:
            for branch in item.branches:
                _check_adjacent(branch)


def _unbounded_inside(item: _Item) -> frozenset[str]:
    """The characters of every unbounded repeat inside a group, at any depth."""
    out: set[str] = set()
    for branch in item.branches or []:
        for inner in branch:
            if inner.high == UNBOUNDED:
                out |= inner.first
            if inner.branches:
                out |= _unbounded_inside(inner)
    return frozenset(out)


def check_pattern(pattern: str) -> re.Pattern[str]:
    """Compile an admin pattern, or raise UnsafePatternError saying why it is refused."""
    if not isinstance(pattern, str) or not pattern:
        raise UnsafePatternError("pattern must be a non-empty string")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePatternError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    parser = _Parser(pattern)
    branches = parser.alternatives()
    if parser.i != len(pattern):
        raise parser.error("unbalanced )")
    for branch in branches:
        _check_adjacent(branch)
    try:
        return re.compile(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError) as exc:
        raise UnsafePatternError(f"invalid regular expression: {exc}") from exc
