"""Normalised views of a message, each with a map back to the original code points.

Detectors never match the raw text. They match a view and translate a view span back with
`View.span`, so every finding's offsets index the original string.

- `folded`: invisible characters removed, compatibility forms folded (full-width, circled,
  superscript, mathematical), digits of every script made ASCII, look-alike letters in
  mixed-script words mapped to ASCII, dashes and dots unified, lower case.
- `numeric`: `folded` plus number words in eight languages turned into digits (only in runs
  that look like a number being read out) and letters-for-digits inside numeric tokens.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from engine.lexicon import ARABIC_MARKS, LETTER


class View:
    """A normalised string plus, per character, the original span it came from."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original-text span covering view characters [start, end)."""
        return self.starts[start], self.ends[end - 1]

    def __repr__(self) -> str:
        return f"View({self.text!r})"


class _Builder:
    __slots__ = ("chars", "starts", "ends")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, out: str, start: int, end: int) -> None:
        for ch in out:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)

    def copy(self, view: View, start: int, end: int) -> None:
        """Append view characters [start, end) unchanged, with their original spans."""
        if start < end:
            self.chars.extend(view.text[start:end])
            self.starts.extend(view.starts[start:end])
            self.ends.extend(view.ends[start:end])

    def view(self) -> View:
        return View("".join(self.chars), self.starts, self.ends)


# -- tables -------------------------------------------------------------------------------

# Invisible characters people slip between digits and letters. Category Cf covers ZWSP, ZWNJ,
# ZWJ, word joiner, soft hyphen, BOM and bidi marks; the rest are marks or fillers.
_INVISIBLE_EXTRA = {
    "\u034f", "\u115f", "\u1160", "\u180e", "\u20e3", "\u3164", "\uffa0", "\u2800",
    "\u0640",  # Arabic tatweel: stretches a word ("مـرحـبـا"), or dashes between digit groups
    "\u093c",  # Devanagari nukta: "फ़ोन" and "फोन" are one word (engine.lexicon.NUKTA)
    *ARABIC_MARKS,  # Arabic vowel marks: "مُعرّف" and "معرف" are one word (engine.lexicon.ARABIC_MARKS)
    *(chr(c) for c in range(0xFE00, 0xFE10)),
}
_PUNCT = {
    "\u3002": ".", "\uff61": ".", "\u2024": ".", "\u2027": ".", "\u00b7": ".", "\u2219": ".",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2043": "-", "\ufe58": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ",
    "\u3000": " ", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u060c": ",", "\u066b": ".", "\u066c": ",", "\u06d4": ".",
}
# Dots of other names typed for a domain's dot ("estudio•com•br", "site・jp"): every punctuation or
# math sign that Unicode names a bullet, a middle dot, a dot operator, a dot leader or a spot (a test
# derives the set again from the Unicode database); the hyphen bullet is a dash above.
# (and the one letter Unicode names a middle dot, the Canadian syllabics final, typed for its look: "912 ᐧ 448")
DOT_LIKE = frozenset("\u00b7\u1427\u2022\u2023\u2024\u2027\u204c\u204d\u2219\u22c5\u2981\u29be\u29bf\u2e31\u30fb"
                     "\uff65")
_PUNCT.update(dict.fromkeys(DOT_LIKE, "."))
# Slashes of other names between digit groups ("079 ⁄ 512 ⁄ 66 ⁄ 30"): every punctuation or math sign Unicode
# names a slash or a solidus, plain or fraction, division, big, dotted or very heavy (a test derives the set again)
SLASH_LIKE = frozenset("\u2044\u2215\u29f8\u2e4a\U0001f67c")
_PUNCT.update(dict.fromkeys(SLASH_LIKE, "/"))


@lru_cache(maxsize=1)
def _confusables() -> dict[str, str]:
    text = resources.files("engine").joinpath("data/confusables.json").read_text("utf-8")
    table = json.loads(text)
    # The folded view is lower case, so a capital look-alike ("Теlegram") arrives lowered:
    # its lower-case form stands for it inside mixed-script words.
    for char, target in list(table.items()):
        lower = char.lower()
        if lower != char and len(lower) == 1 and lower not in table:
            table[lower] = target
    return table


# Line breaks of every kind become "\n"; every other control character (NUL, DEL, C1 codes) and
# the object-replacement character are glue someone slipped into an identifier: dropped.
# Digits drawn in circles ("➊", "⓵") and the digit signs of old scripts: Unicode gives them a
# digit value but no NFKC form, so neither `isdecimal` nor NFKC reads them. The set is every
# code point of category No with a digit value and no decomposition (a test derives it again).
DRAWN_DIGITS = frozenset(
    "\u1369\u136a\u136b\u136c\u136d\u136e\u136f\u1370\u1371\u19da"
    "\u24f5\u24f6\u24f7\u24f8\u24f9\u24fa\u24fb\u24fc\u24fd\u24ff"
    "\u2776\u2777\u2778\u2779\u277a\u277b\u277c\u277d\u277e"
    "\u2780\u2781\u2782\u2783\u2784\u2785\u2786\u2787\u2788"
    "\u278a\u278b\u278c\u278d\u278e\u278f\u2790\u2791\u2792"
    "\U00010a40\U00010a41\U00010a42\U00010a43"
    "\U00010e60\U00010e61\U00010e62\U00010e63\U00010e64\U00010e65\U00010e66\U00010e67\U00010e68"
    "\U00011052\U00011053\U00011054\U00011055\U00011056\U00011057\U00011058\U00011059\U0001105a"
)
_LINE_BREAKS = frozenset("\x0b\x0c\x85\u2028\u2029")
_DROPPED = frozenset("\ufffc\ufffd")


# Combining marks of the Latin, Greek and Cyrillic diacritic blocks and the symbol marks: a
# strike-through ("c̶a̶r̶l̶o̶s̶"), "Zalgo" stacks, keycaps and circles drawn over a character.
# They decorate; the letter underneath is what is read (scripts' own vowel signs are elsewhere).
_DECORATION = re.compile(r"[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one code point: '' for invisible, ASCII digit for any decimal digit, else NFKC."""
    if ch in _INVISIBLE_EXTRA or ch in _DROPPED or _DECORATION.match(ch):
        return ""
    if ch in _LINE_BREAKS:
        return "\n"
    category = unicodedata.category(ch)
    if category == "Cf" or (category == "Cc" and ch not in "\t\n\r"):
        return ""
    if ch in _PUNCT:
        return _PUNCT[ch]
    if ch.isdecimal():
        return str(unicodedata.decimal(ch))
    if ch in DRAWN_DIGITS:
        return str(unicodedata.digit(ch))
    out = unicodedata.normalize("NFKC", ch).replace("\u093c", "")  # "ज़" (U+095B) decomposes to "ज" + nukta
    if out != ch and category != "No":  # ("½" is "1⁄2": a fraction, its slash no separator between digit groups)
        out = "".join(_PUNCT.get(c, c) for c in out)
    if category == "Zs" or ch in "\t\r\x0b\x0c":
        return " "
    return out.lower()


def fold(text: str) -> View:
    """The `folded` view of a message (see the module docstring)."""
    decoded = unmarkup(text)
    if decoded is None:
        return _fold(text)
    return _compose(decoded, _fold(decoded.text))


def _compose(outer: View, inner: View) -> View:
    """`inner` is a view of `outer.text`: map its spans through `outer` to the original."""
    starts, ends = outer.starts, outer.ends
    return View(inner.text, [starts[i] for i in inner.starts], [ends[i - 1] for i in inner.ends])


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _fold(text: str) -> View:
    b = _Builder()
    if text.isascii() and not _ASCII_CONTROL.search(text):
        lowered = text.lower()
        return _unleet(_collapse_spaced(View(lowered.replace("\t", " ").replace("\r", " "), list(range(len(text))),
                                             list(range(1, len(text) + 1)))))
    if _plain(text):
        lowered = text.lower()
        if len(lowered) == len(text):  # most Latin, Cyrillic, Arabic and Devanagari prose
            return _unleet(_collapse_spaced(_unconfuse(View(lowered, list(range(len(text))),
                                                            list(range(1, len(text) + 1))))))
    for m in _ASCII_RUN.finditer(text):
        i = m.start()
        run = m.group()
        if " " <= run[0] < "\x7f" or run[0] in "\t\n\r":
            b.chars.extend(run.lower().replace("\t", " ").replace("\r", " "))
            b.starts.extend(range(i, m.end()))
            b.ends.extend(range(i + 1, m.end() + 1))
            continue
        out = _fold_char(run)
        if out == "." and run in DOT_LIKE and text[i - 1:i].isdecimal() and text[i + 1:i + 2].isdecimal():
            out = run  # "+91•98765": a bullet between digit groups is glue, not a decimal point
        if out:
            b.add(out, i, i + 1)
    view = b.view()
    return _unleet(_collapse_spaced(_unconfuse(view)))


_ASCII_RUN = re.compile(r"[\x20-\x7e\t\n\r]+|[^\x20-\x7e\t\n\r]")


@lru_cache(maxsize=1)
def _special() -> re.Pattern[str]:
    """Characters `str.isprintable` lets through that the fast path of `fold` must not:
    the extra invisible marks, the punctuation table, drawn digits and non-ASCII decimal digits."""
    chars = "".join(re.escape(c) for c in sorted({*_INVISIBLE_EXTRA, *_PUNCT, *_DROPPED, *DRAWN_DIGITS}))
    return re.compile(f"[{chars}{_DECORATION.pattern[1:-1]}]|(?![0-9])\\d")


def _plain(text: str) -> bool:
    """Whether folding `text` is only lower-casing (no invisibles, compatibility forms, digits)."""
    return (
        text.replace("\n", " ").isprintable()  # false for Cf invisibles, odd spaces, tabs
        and unicodedata.is_normalized("NFKC", text)
        and not _special().search(text)
    )


# Letters typed one by one: "W h a t s A p p", "t o m . h a r p e r" (digits are left to the
# numeric view, which reads "9 1 7" as a number anyway). A run may open with "@" or "." ("@ g m a i l"),
# never with a dash: "почта — p a v e l" is a dash between words, not the address's first character.
_SPACED_LETTERS = re.compile(
    r"(?<!\S)(?:[^\W\d_@._-]|[@.](?= [^\W\d_])) (?:(?:[^\W\d_]|[@._-]) ){2,}[^\W\d_](?![^\W_])"
)


def _collapse_spaced(view: View) -> View:
    """Join letters written with a space between each: one word, mapped to the same spans."""
    text = view.text
    separated_hint = _SEPARATED_HINT.search(text) is not None
    if "  " not in text and not _SPACED_HINT.search(text) and not _SPACED_HINT.match(" " + text[:6]) and not (
        "\n" in text and _VERTICAL.search(text)
    ) and not (text.count(", ") >= 4 and _COMMA_LETTERS.search(text)) and not separated_hint:
        return view
    b = _Builder()
    pos = 0
    found = False
    runs = []
    for m in _SPACED_LETTERS.finditer(text):
        start = m.start()
        if text[start] in _ONE_LETTER_WORDS and m.end() - start >= 9:
            start += 2  # "в W h a t s A p p": the preposition stays a word of its own
        runs.append((start, m.end()))
    if text.count(", ") >= 4:
        runs.extend(m.span() for m in _COMMA_LETTERS.finditer(text))  # "l, u, p, i, t, a" spelled one by one
        runs.sort()
    if "\n" in text:
        runs.extend(m.span() for m in _VERTICAL.finditer(text))  # one character per line
        runs.sort()
    # "b-e-r-t-r-a-n-d", "t_a_r_a_s_o_v_a", "m • a • j • e • d • . • d": one mark between letters
    separated = {m.start(): m for m in _SEPARATED_LETTERS.finditer(text)} if separated_hint else {}
    if separated:
        runs.extend(m.span() for m in separated.values())
        runs.sort()
    for start, end in runs:
        if start < pos:
            continue
        found = True
        b.copy(view, pos, start)
        if start in separated:
            step = 1 + len(separated[start].group("sep"))
            for k in range(start, end, step):  # each character, then the separator after it
                b.add(text[k], view.starts[k], view.ends[k])
            pos = end
            continue
        comma = text[start + 1:start + 2] == ","
        for k in range(start, end):
            if not text[k].isspace() and not (comma and text[k] == ","):
                b.add(text[k], view.starts[k], view.ends[k])
        pos = end
    if not found:
        return view
    b.copy(view, pos, len(text))
    return b.view()


# Leetspeak: digits and signs typed for the letters they look like ("gm41l d0t c0m", "s3v3n").
_LEET_CHARS = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g", "!": "i", "$": "s",
               "|": "l", "@": "a"}
_LEET_HINT = re.compile(r"[a-z][01345679!$|@]|[01345679!$|@][a-z]")
# A domain's dot before a top-level domain: "w3b.d3", "w3b . d3", "d0t d3", "[.]d3"; not "Str. 5a", "2.5a"
_LEET_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz").union(_LEET_CHARS)  # a leet token's characters
_AFTER_DOT = re.compile(r"(?:(?<=[a-z])\.|\s\.\s|(?<![^\W_])dot\s|\[\.\]\s?|\(\.\)\s?)$")


@lru_cache(maxsize=1)
def number_word_table() -> dict:
    """engine/data/number_words.json, read once: every language's number words, multipliers and
    connectors (the detectors' gates and the numeric view all read it)."""
    from engine.lexicon import NUKTA

    # (as the folded view writes words: without the Devanagari nukta, "अड़तीस" as "अडतीस")
    text = resources.files("engine").joinpath("data/number_words.json").read_text("utf-8")
    return json.loads(text.replace(NUKTA, ""))


@lru_cache(maxsize=1)
def all_number_words() -> frozenset[str]:
    """The number words of every language, as written in the table."""
    return frozenset(w for entry in number_word_table().values() for w in entry["words"])


@lru_cache(maxsize=1)
def _leet_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What a leet token may stand for: (words of three letters or more, two-letter tokens' words,
    top-level domains after a dot). Contact vocabulary from the lexicons, never everyday words:
    number words of every language, at/dot words, phone cues, email providers."""
    from engine.lexicon import lexicon

    words = lexicon()
    vocabulary = {w for w in all_number_words() if w.isascii()}
    short = {w for w in (*words["at_words"], *words["dot_words"]) if w.isascii() and w.isalpha()}
    vocabulary |= short | {w for w in words["phone_context"] if w.isascii() and w.isalpha()}
    rules = json.loads(resources.files("engine").joinpath("data/default_rules.json").read_text("utf-8"))
    providers = (*words["bare_providers"], *rules["detectors"]["email"]["providers"])
    vocabulary |= {w for w in providers if w.isalpha()} | {"mail", "email", "com", "net", "org"}
    tlds = resources.files("engine").joinpath("data/tlds.txt").read_text("utf-8").split()
    return frozenset(vocabulary), frozenset(short), frozenset(t for t in tlds if t.isascii() and t.isalpha())


def _leet_readings(token: str) -> list[str]:
    readings = [""]
    for ch in token:
        options = _LEET_CHARS.get(ch, ch)
        if len(options) > 1 and len(readings) >= 8:
            return []  # too ambiguous to read
        readings = [r + o for r in readings for o in options]
    return readings


def _unleet(view: View) -> View:
    """Read a token mixing letters with look-alike digits or signs as the word it spells, when that
    word is contact vocabulary ("gm41l" gmail, "d0t" dot, "[4t]" at, "s3v3n" seven, ".d3" de).
    One-to-one, so spans keep their meaning; "mp3", "4k", "b2b" and "h264" spell nothing and stay."""
    text = view.text
    if not _LEET_HINT.search(text):
        return view
    vocabulary, short, tlds = _leet_words()
    chars = None
    end = -1
    for hint in _LEET_HINT.finditer(text):
        if hint.start() < end:
            continue  # inside the token read at the last hint
        start = hint.start()  # widen the hint to its token
        while start > 0 and text[start - 1] in _LEET_TOKEN_CHARS:
            start -= 1
        end = hint.end()
        while end < len(text) and text[end] in _LEET_TOKEN_CHARS:
            end += 1
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")) or end - start > 24 or (
                end < len(text) and (text[end].isalnum() or text[end] == "_")):
            continue  # glued to other word characters, or too long to be one word
        token = text[start:end]
        after_dot = _AFTER_DOT.search(text, max(0, start - 5), start) is not None
        for reading in _leet_readings(token):
            if (reading in (vocabulary if len(token) >= 3 else short)) or (after_dot and reading in tlds):
                if chars is None:
                    chars = list(text)
                chars[start:end] = reading
                break
    if chars is None:
        return view
    return View("".join(chars), view.starts, view.ends)


# Letters (and, after the first, digits, a dot or an at sign) with one mark between each, four or more:
# "b-e-r-t-r-a-n-d", "t_a_r_a_s_o_v_a", "m . a . j" (a bullet folds to a dot); not "e.g." or "x-y-z"
_SEPARATED_LETTERS = re.compile(
    r"(?<![\w*|~.-])[^\W\d_](?P<sep> ?[-_*|~] ?| \. )(?:[^\W_]|[.@])(?:(?P=sep)(?:[^\W_]|[.@])){2,}(?![^\W_])"
)
_SEPARATED_HINT = re.compile(r"(?<![\w*|~.-])[^\W\d_](?: ?[-_*|~] ?| \. )[^\W_](?: ?[-_*|~] ?| \. )[^\W_]")
# Text written down the screen, one character per line: "j\nw\na\nl\nt\ne\nr\n@\ng..."
_COMMA_LETTERS = re.compile(r"(?<![^\s:])(?:[^\W\d_], ){4,}[^\W\d_](?![^\W_])")
_VERTICAL = re.compile(r"(?<![^\n])(?:[^\s] *\n){4,}[^\s](?![^\n])")
_ONE_LETTER_WORDS = frozenset("aiyeoàéувкиосяاوب")
# Starts with a literal space, which re can look for quickly; text that starts with a spaced
# letter is padded with one space before the test.
_SPACED_HINT = re.compile(r" [^\W\d_] [^\W\d_@._-] [^\W\d_]")
# an ASCII letter touching a non-ASCII letter: "gmаil" (Cyrillic а), "Теlegram"
_SCRIPT_MIX = re.compile(r"[a-z][^\W\da-z_]|[^\W\da-z_][a-z]")
_MIXED_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def _small_capitals() -> frozenset[str]:
    """The Latin small capitals among the look-alikes (scripts/build_data.py adds them by name)."""
    return frozenset(c for c in _confusables() if "SMALL CAPITAL" in unicodedata.name(c, ""))


@lru_cache(maxsize=1)
def _small_capital_run() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(_small_capitals())) + "]")


def _unconfuse(view: View) -> View:
    """Map look-alike letters to ASCII inside words that mix them with ASCII letters."""
    table = _confusables()
    text = view.text
    if text.isascii():
        return view
    small = _small_capitals()
    if not _SCRIPT_MIX.search(text) and not _small_capital_run().search(text):
        return view  # no word mixes ASCII letters with other letters, and none is in small capitals
    chars = None
    for m in _MIXED_WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        # a word in small capitals ("ᴄᴀʀᴏʟ") is Latin whatever it mixes: each letter is named by Unicode
        capitals = any(c in small for c in word) and all(c.isascii() or c in table for c in word)
        if not capitals and (not any(c.isascii() for c in word) or not any(c in table for c in word)):
            continue
        if chars is None:
            chars = list(text)
        for k in range(m.start(), m.end()):
            c = chars[k]
            if not c.isascii() and c in table:
                chars[k] = table[c]
    if chars is None:
        return view
    return View("".join(chars), view.starts, view.ends)


# -- markup, entities and percent-encoding ----------------------------------------------------

# Inline formatting tags vanish ("<b>name</b>@<i>gmail</i>.com"); other tags break words, as a
# browser would render them; character references and %XX escapes become their characters.
_MARKUP = re.compile(
    r"&(?:#(?P<dec>\d{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6})|(?P<name>[A-Za-z][A-Za-z0-9]{1,31}));?"
    r"|<(?P<tag>/?[A-Za-z][A-Za-z0-9]{0,15})(?:\s[^<>]{0,200})?/?>"
    r"|%(?P<pct>[0-9A-Fa-f]{2})"
    # a string literal's escapes (JSON, JavaScript, Python): "\u006e\u006f…", "\x40"
    r"|\\(?:u(?P<uni>[0-9a-fA-F]{4})|x(?P<byte>[0-9a-fA-F]{2}))"
)
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q s samp small span strike strong sub sup "
    "tt u var wbr".split()
)


def _markup_char(m: re.Match[str]) -> str | None:
    """What one entity, tag or escape stands for; None to keep it as written."""
    if m.group("tag") is not None:
        name = m.group("tag").lstrip("/").lower()
        return "" if name in _INLINE_TAGS else ("\n" if name in ("br", "p", "div", "li", "tr") else " ")
    if m.group("pct") is not None:
        ch = chr(int(m.group("pct"), 16))
        return ch if " " <= ch < "\x7f" else None
    if m.group("uni") is not None or m.group("byte") is not None:
        ch = chr(int(m.group("uni") or m.group("byte"), 16))
        return ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else None
    if m.group("name") is not None:
        if not m.group().endswith(";"):
            return None
        from html.entities import html5
        return html5.get(m.group("name") + ";")
    code = int(m.group("dec")) if m.group("dec") is not None else int(m.group("hex"), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


# A tag's link attribute: its value is text a reader follows ('<a href="mailto:ana&#64;web.de">')
_LINK_ATTRIBUTE = re.compile(
    r"""(?<![\w-])(?:href|src|action|data-href|data-url|formaction)\s*=\s*(?:"(?P<dq>[^"<>]*)"|'(?P<sq>[^'<>]*)'"""
    r"""|(?P<bare>[^\s"'<>]+))""",
    re.IGNORECASE,
)


def _link_value(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of a tag's link attribute value, if the tag has one."""
    if m.group("tag") is None or m.end() - m.start() < 8:
        return None
    attribute = _LINK_ATTRIBUTE.search(text, m.start(), m.end())
    if attribute is None:
        return None
    group = next(g for g in ("dq", "sq", "bare") if attribute.group(g) is not None)
    return attribute.start(group), attribute.end(group)


def unmarkup(text: str) -> View | None:
    """`text` with markup, character references and %XX escapes decoded; None if it has none.
    A tag's link attribute stays as text between spaces, decoded the same way."""
    if "&" not in text and "<" not in text and "%" not in text and "\\" not in text:
        return None
    b = _Builder()
    pos = 0
    changed = False
    value_end = -1
    for m in _MARKUP.finditer(text):
        if m.start() < value_end:  # an entity inside a link attribute's value, decoded below
            continue
        out = _markup_char(m)
        if out is None:
            continue
        changed = True
        for k in range(pos, m.start()):
            b.add(text[k], k, k + 1)
        value = _link_value(text, m)
        if value is None:
            b.add(out, m.start(), m.end())
        else:
            b.add(" ", m.start(), value[0])
            inner = unmarkup(text[value[0]:value[1]])
            if inner is None:
                for k in range(*value):
                    b.add(text[k], k, k + 1)
            else:
                for k, ch in enumerate(inner.text):
                    b.add(ch, value[0] + inner.starts[k], value[0] + inner.ends[k])
            b.add(" ", value[1], m.end())
        pos = m.end()
    if not changed:
        return None
    for k in range(pos, len(text)):
        b.add(text[k], k, k + 1)
    return b.view()


# -- encoded runs (base64, hex) ----------------------------------------------------------------

# Long runs in the base64 or hex alphabet; they count once decoded (only when they decode to
# printable text: keys, hashes and ids decode to noise and stay as written).
_ENCODED = re.compile(r"(?<![\w+/-])(?:[A-Za-z0-9+/_-]{12,}={0,2}|(?:[0-9a-fA-F]{2}[ :]?){8,})(?![\w+/=-])")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2}[ :]?)+")


def _decode_token(token: str) -> str | None:
    """The printable text a base64 or hex token stands for, or None."""
    import base64
    import binascii

    raw = None
    compact = token.replace(" ", "").replace(":", "")
    if _HEX.fullmatch(token) and len(compact) % 2 == 0 and any(c.isdigit() for c in compact):
        try:
            raw = binascii.unhexlify(compact)
        except (binascii.Error, ValueError):
            raw = None
    if raw is None:
        body = token.rstrip("=")
        if not any(c.isdigit() or c in "+/_-=" for c in token) and not (body.lower() != body and body.upper() != body):
            return None  # a plain word: base64 of text mixes cases, digits or padding
        try:
            padded = body + "=" * (-len(body) % 4)
            raw = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        except (binascii.Error, ValueError):
            return None
    try:
        out = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    out = out.strip()  # `echo "+57 314…" | xxd -p` ends in a line break
    if len(out) < 6 or not out.replace("\n", " ").replace("\t", " ").isprintable():
        return None
    return out


# A list of character codes turned into text by code ("".join(map(chr, [107, 97, …])),
# String.fromCharCode(0x6b, …), bytes([…]).decode()): the codes of printable ASCII, read once a
# call that makes characters of them stands before the list.
_CHAR_CALL = re.compile(r"chr\b|fromCharCode|fromCodePoint|bytes|bytearray|Uint8Array|\bchar\b|\(char\)")
_CHAR_CODES = re.compile(r"(?<![\w.])(?:(?:0x[0-9a-fA-F]{2}|\d{2,3})\s*,\s*){5,}(?:0x[0-9a-fA-F]{2}|\d{2,3})(?![\w.])")


def _char_codes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) for each list of printable character codes after a call that makes
    characters of them (see `_CHAR_CALL`)."""
    if _CHAR_CALL.search(text) is None:
        return []
    runs = []
    for m in _CHAR_CODES.finditer(text):
        if _CHAR_CALL.search(text, max(0, m.start() - 60), m.start()) is None:
            continue
        codes = [int(c, 16) if c.lower().startswith("0x") else int(c) for c in re.split(r"\s*,\s*", m.group())]
        if all(32 <= c < 127 for c in codes):
            runs.append((m.start(), m.end(), "".join(map(chr, codes))))
    return runs


# String literals joined by an operator ("leticia.prado.dev" + "@" + "outlook.com", 'ana' . '@' . 'web.de',
# 'a' || '@' || 'b.ru'): the value the code builds is what a reader of it gets.
_LITERAL = r"""(?:"[^"\n\\]{1,60}"|'[^'\n\\]{1,60}'|`[^`\n\\$]{1,60}`)"""
_JOINED_LITERALS = re.compile(_LITERAL + r"(?:\s*(?:\+|\.|\|\||,)\s*" + _LITERAL + r"){1,8}")
_JOIN_HINT = re.compile(r"""["'`]\s*(?:\+|\.|\|\|)\s*["'`]""")
_BUILT_CONTACT = re.compile(r"@[\w-]+\.[a-z]{2,}|://|(?:\d\D?){7}")


def _joined_literals(text: str) -> list[tuple[int, int, str]]:
    """(start, end, value) for each run of string literals joined into an email, a URL or a number
    (see `_JOINED_LITERALS`); a comma joins only inside a concatenating call ("CONCAT('a', '@', 'b.com')")."""
    if _JOIN_HINT.search(text) is None and "concat" not in text.lower():
        return []
    runs = []
    for m in _JOINED_LITERALS.finditer(text):
        pieces = re.findall(_LITERAL, m.group())
        if "," in re.sub(_LITERAL, "", m.group()) and "concat" not in text[max(0, m.start() - 12):m.start()].lower():
            continue  # a list of strings, not one value
        value = "".join(p[1:-1] for p in pieces)
        if _BUILT_CONTACT.search(value):
            runs.append((m.start(), m.end(), value))
    return runs


def decoded(text: str) -> View | None:
    """`text` with each base64 or hex run that decodes to printable text decoded, each list of
    character codes turned into its characters, and string literals joined; None if none."""
    if len(text) < 12:
        return None
    runs = _char_codes(text) + _joined_literals(text)
    for m in _ENCODED.finditer(text):
        out = _decode_token(m.group().strip())
        if out is not None:
            runs.append((m.start(), m.end(), out))
    if not runs:
        return None
    runs.sort()
    b = _Builder()
    pos = 0
    for start, end, out in runs:
        if start < pos:
            continue  # (a hex-looking piece inside a list already read)
        for k in range(pos, start):
            b.add(text[k], k, k + 1)
        b.add(" " + out + " ", start, end)
        pos = end
    for k in range(pos, len(text)):
        b.add(text[k], k, k + 1)
    return b.view()


# -- number words -------------------------------------------------------------------------


class _NumberLexicon:
    """Number words of the selected languages, merged into one lookup."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        table = number_word_table()
        self.values: dict[str, int] = {}
        self.multipliers: dict[str, int] = {}
        self.repeat: dict[str, int] = {}
        self.connectors: set[str] = set()
        for lang in languages:
            entry = table[lang]
            for word, value in entry["words"].items():
                self.values.setdefault(word, value)
            self.multipliers.update(entry["multipliers"])
            self.repeat.update({w: 2 for w in entry["double"]})
            self.repeat.update({w: 3 for w in entry["triple"]})
            self.connectors.update(entry["connectors"])
        # Hyphenated compounds ("quatre-vingt-dix") are looked up whole, then by parts.
        self.max_parts = max((w.count("-") + 1 for w in self.values), default=1)
        # A cheap first look: does the text hold any number word at all (parts of compounds too)?
        parts = {p for w in self.values for p in w.split("-")}
        self.parts = frozenset(parts | set(self.multipliers) | set(self.repeat))
        # a gate: a repeat word, or the last word of a repeat said in two ("baar" of "teen baar"; "do" is everywhere)
        self.repeat_words = frozenset(phrase.split()[-1] for phrase in self.repeat)

    def count_words(self, text: str, enough: int = 2) -> int:
        """How many number words `text` holds, counting up to `enough` (a cheap first look)."""
        found = 0
        for word in _LETTERS.findall(text):
            if word in self.parts or (word[0] == "\u0648" and word[1:] in self.parts):
                found += 1
                if found >= enough:
                    break
        return found

    def kind(self, word: str) -> str | None:
        if word in self.values:
            return "number"
        if word in self.multipliers:
            return "multiplier"
        if word in self.repeat:
            return "repeat"
        if word in self.connectors:
            return "connector"
        return None


@lru_cache(maxsize=16)
def _lexicon(languages: tuple[str, ...]) -> _NumberLexicon:
    return _NumberLexicon(languages)


_DIGIT_RUN = re.compile(r"\d+")
_LETTERS = re.compile(LETTER + "+")
_TOKEN = re.compile(LETTER + r"+(?:-" + LETTER + r"+)*|\d+")
_GAP = re.compile(r"[\s,.\-/()+;]{0,3}")
_ALNUM_TOKEN = re.compile(r"[^\W_]+")
_DIGIT_LOOKALIKES = {"o": "0", "l": "1", "i": "1", "s": "5", "z": "2", "b": "8"}


@lru_cache(maxsize=1)
def _digit_lookalikes() -> dict[str, str]:
    """Letters read as digits inside numbers: O/0, l/1, S/5, Z/2, B/8, Cyrillic З/3 ..."""
    table = dict(_DIGIT_LOOKALIKES)
    for char, target in _confusables().items():
        if target.isdigit():
            table[char.lower()] = target
        elif len(target) == 1 and target in "olis" and char == char.lower():
            # a small letter that looks like o, l, i or s, which look like digits in small form
            # too: Cyrillic "о", "і", "ѕ" (B/8 and Z/2 are capitals' likeness: a small "в" is no 8)
            table.setdefault(char, _DIGIT_LOOKALIKES[target])
    return table


_DIGIT_LETTER = re.compile(r"\d[^\W\d_]|[^\W\d_]\d")
# An alphanumeric token where a digit touches a letter: "9l7", "5O5", "12З", "O6".
_MIXED_TOKEN = re.compile(r"(?<![^\W_])[^\W_]*(?:\d[^\W\d_]|[^\W\d_]\d)[^\W_]*")


def _digits_from_lookalikes(view: View) -> View:
    """Inside numeric tokens ("9l7", "5O5", "12З"), read look-alike letters as digits (1:1)."""
    text = view.text
    # "O l 7 S - B 8 Z 4 l 9 O": one character a group (a lone digit before another lone one first: fast)
    singles = _SINGLE_DIGIT.search(text) is not None and _SINGLE_LOOKALIKES.search(text) is not None
    if not singles and not _DIGIT_LETTER.search(text):
        return view  # no digit touches a letter anywhere, and no run of single characters mixes them
    table = _digit_lookalikes()
    chars = _lookalike_runs(text, table, singles)
    # until nothing changes: a token read in one pass is a digit neighbour for the next
    # ("9l7-OO3-5l82", "O5O l2B 4S7Z" read from the right); each pass reads at least one token
    for _ in range(len(text)):
        current = text if chars is None else "".join(chars)
        changed = False
        for m in _MIXED_TOKEN.finditer(current):
            token = m.group()
            if not all(c.isdigit() or c in table for c in token) or all(c.isdigit() for c in token):
                continue
            prefix = _LETTER_PREFIX.fullmatch(token)
            if (prefix is not None and set(prefix.group(1).lower()) != {"o"}
                    and not _digit_neighbour(current, m.start(), m.end())):
                continue  # "LS10, LS12": a code's letters before its digits ("OO44", "…996l4-BB27" are disguises)
            digits = sum(c.isdigit() for c in token)
            if len(token) < 3 or digits < 2 or digits * 3 < len(token):
                # "O6 42 99 l7 38": a short token counts when a neighbour is a digit group
                if not _digit_neighbour(current, m.start(), m.end()):
                    continue
            if chars is None:
                chars = list(text)
            for k in range(m.start(), m.end()):
                chars[k] = table.get(chars[k], chars[k])
            changed = True
        if not changed:
            break
    if chars is None:
        return view
    return View("".join(chars), view.starts, view.ends)


_LETTER_PREFIX = re.compile(r"([^\W\d_]{2,})\d+")
_RUN_GAP = re.compile(r"[ .\-]{1,2}| [\-\u2013] ")


def _short_mixed(text: str) -> int:
    """How many tokens of two to four characters mix a digit and a letter (up to two)."""
    found, last = 0, -1
    for m in _DIGIT_LETTER.finditer(text):
        a = m.start()
        while a > 0 and text[a - 1].isalnum():
            a -= 1
        if a == last:
            continue  # the same token again
        b = m.end()
        while b < len(text) and text[b].isalnum():
            b += 1
        last = a
        if b - a <= 4:
            found += 1
            if found == 2:
                break
    return found


_SINGLE_DIGIT = re.compile(r"\d(?<![^\W_]\d)[ .\-\u2013]{1,3}[0-9olisbz](?![^\W_])", re.IGNORECASE)
# (the character class first, its look-behind after it: the scan skips ahead on the class)
_SINGLE_LOOKALIKES = re.compile(r"[0-9olisbz](?<![^\W_][0-9olisbz])(?:[ .\-\u2013]{1,3}[0-9olisbz](?![^\W_])){6,}",
                                re.IGNORECASE)
_O_TOKEN = re.compile(r"(?<![^\W_])o+(?![^\W_])")


def _lookalike_runs(text: str, table: dict[str, str], singles: bool = False) -> list[str] | None:
    """Read a run of short groups as digits when each is digits and look-alike letters and two or
    more hold letters: "O6 l2 3B 4S 7Z", "3.OO.4l2.77.65" (a group of O's counts between dots)."""
    mixed = _short_mixed(text)
    if not singles and (not mixed or (mixed == 1 and _O_TOKEN.search(text) is None)):
        return None  # a run needs two lettered groups: two short mixed ones, or one and a group of O's
    out = None
    run: list[re.Match[str]] = []
    for tok in [*_ALNUM_TOKEN.finditer(text), None]:
        g = tok.group().lower() if tok is not None else ""
        ok = tok is not None and len(g) <= 4 and all(c.isdigit() or c in table for c in g) and (
            any(c.isdigit() for c in g) or set(g) == {"o"} or (singles and len(g) == 1))
        if ok and run and _RUN_GAP.fullmatch(text, run[-1].end(), tok.start()):
            run.append(tok)
            continue
        if len(run) >= 4 and sum(not m.group().isdigit() for m in run) >= 2 and (
                not singles or _enough_digits_for_singles(run)):
            out = out or list(text)
            for m in run:
                for k in range(m.start(), m.end()):
                    out[k] = table.get(out[k].lower(), out[k])
        run = [tok] if ok else []
    return out


def _enough_digits_for_singles(run: list[re.Match[str]]) -> bool:
    """A run with single letters in it ("O l 7 S"): seven groups or more, three digits at least."""
    if not any(len(m.group()) == 1 and not m.group().isdigit() for m in run):
        return True
    return len(run) >= 7 and sum(c.isdigit() for m in run for c in m.group()) >= 3


_DIGITS_BEFORE = re.compile(r"(?<![^\W_])\d+[ .-]{1,2}$")
_DIGITS_AFTER = re.compile(r"^[ .-]{1,2}\d+(?![^\W_])")


def _digit_neighbour(text: str, start: int, end: int) -> bool:
    return bool(_DIGITS_BEFORE.search(text[max(0, start - 12):start]) or _DIGITS_AFTER.match(text[end:end + 12]))


@lru_cache(maxsize=1)
def _ambiguous_number_words() -> frozenset[str]:
    """Number words that are everyday words in another language ("once", "das", "die", "sat")."""
    from engine.lexicon import lexicon

    return frozenset(lexicon()["ambiguous_number_words"])


def _split_number_token(word: str, lex: _NumberLexicon) -> list[tuple[str, str]] | None:
    """Classify a word as number parts: [(kind, word), ...]; None if it is not numeric."""
    kind = lex.kind(word)
    if kind is not None:
        return [(kind, word)]
    if "-" in word:
        parts = word.split("-")
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(parts):
            for size in range(min(lex.max_parts, len(parts) - i), 0, -1):
                piece = "-".join(parts[i:i + size])
                k = lex.kind(piece)
                if k is not None:
                    out.append((k, piece))
                    i += size
                    break
            else:
                return None
        return out
    # Arabic joins "and" to the next word: "وعشرون".
    if len(word) > 2 and word[0] == "\u0648" and lex.kind(word[1:]) == "number":
        return [("connector", "\u0648"), ("number", word[1:])]
    return None


def number_words_read(text: str, languages: tuple[str, ...]) -> str:
    """The digit groups that a short text's number words spell, read aloud ("пятьдесят один" -> "51");
    "" when it holds none."""
    if not languages:
        return ""
    lex = _lexicon(languages)
    parts: list[tuple[str, str]] = []
    groups: list[str] = []
    for m in _TOKEN.finditer(text):
        split = None if m.group().isdigit() else _split_number_token(m.group(), lex)
        if split is not None:
            parts.extend(split)
        elif parts:
            break
    while parts and parts[-1][0] == "connector":
        parts.pop()
    if parts and any(kind == "number" for kind, _ in parts):
        groups = _read_groups(parts, lex)
    return " ".join(groups)


def _glued_digit_word(word: str, lex: _NumberLexicon) -> bool:
    """"8two", "seis4": a whole digit word typed against digits is a disguise, not a unit or
    an identifier ("mp3", "5min", "123e4567" stay)."""
    value = lex.values.get(word)
    return value is not None and value < 10 and len(word) >= 3 and word not in _ambiguous_number_words()


def _carries_number(text: str, number_end: int, start: int) -> bool:
    """Whether a short run of number words at `start` goes on with the number that ends at
    `number_end`, connecting words between ("восемьдесят три и последние — шестьдесят шесть",
    "917 555 01 and the last ones sixty six"): two words alone are a count or an age, but after a
    number's group and a word that moves it on they are its next group (see `_Glue`)."""
    if number_end < 0 or not 0 < start - number_end <= _MAX_GAP:
        return False
    gap = text[number_end:start]
    return _GAP_WORDS.search(gap) is not None and _is_glue(gap, "00", "00", _glue())


def _lone_number(parts: list[tuple[str, str]], lex: _NumberLexicon) -> bool:
    if any(kind != "number" for kind, _ in parts):
        return False
    return len(parts) > 1 or lex.values[parts[0][1]] >= 11


def _read_groups(parts: list[tuple[str, str]], lex: _NumberLexicon) -> list[str]:
    """Turn number-word parts into digit groups, the way numbers are read aloud."""
    groups: list[str] = []
    cur: int | None = None
    last: int | None = None  # value of the last number word in `cur`
    repeat = 1
    joined = False  # a connector since the last number ("twenty and three", "drei und ...")
    for kind, word in parts:
        if kind == "connector":
            joined = True
            continue
        if kind == "repeat":
            if cur is not None:
                groups.append(str(cur))
                cur = last = None
            repeat = lex.repeat[word]
            continue
        if kind == "multiplier":
            factor = lex.multipliers[word]
            if cur is None:
                cur = factor
            elif cur < 10:
                cur *= factor
            else:
                groups.append(str(cur))
                cur = factor
            last = factor
            joined = False
            continue
        value = lex.values[word]
        if repeat > 1:
            if cur is not None:
                groups.append(str(cur))
                cur = last = None
            groups.append(str(value) * repeat)
            repeat = 1
            joined = False
            continue
        if cur is None:
            cur, last = value, value
        elif cur >= 100 and cur % 100 == 0 and value < 100:
            cur, last = cur + value, value  # "nine hundred sixteen", "девятьсот шестнадцать"
        elif last is not None and last >= 20 and last % 10 == 0 and 0 < value < 10:
            cur, last = cur + value, value  # "seventy seven", "vinte e três"
        elif last in (60, 80) and 10 <= value < 20:
            cur += value  # "soixante-douze", "quatre vingt dix neuf"
            last = cur if value == 10 else value
        elif last == 4 and word.startswith("vingt") and cur == 4:
            cur, last = 80, 80  # "quatre vingt" written with a space
        elif joined and last is not None and 0 < last < 10 and value >= 20 and value % 10 == 0:
            cur = cur - last + value + last  # Arabic "ثلاثة وعشرون" = 23
            last = cur
        else:
            groups.append(str(cur))
            cur, last = value, value
        joined = False
    if cur is not None:
        groups.append(str(cur))
    return groups


def _repeated_digits(view: View, lex: _NumberLexicon) -> View:
    """A digit after a word that repeats it, written as the digits ("07700 9double0 412", "double 7 0"): the
    repeat words of the number-word table, glued to the digit or a space or dash apart."""
    text = view.text
    if not lex.repeat:
        return view
    pattern = _repeat_pattern(tuple(sorted(lex.repeat, key=len, reverse=True)))
    found = list(pattern.finditer(text))
    # a repeat said in two words ("teen baar paanch", "तीन बार पाँच") stands as its one-word form before a number word
    phrases = tuple(sorted((w for w in lex.repeat if " " in w), key=len, reverse=True))
    single = {(n, w.isascii()): w for w, n in lex.repeat.items() if " " not in w}  # by count and script
    if phrases:
        found += [m for m in _repeat_phrase_pattern(phrases).finditer(text)
                  if _split_number_token(_FIRST_TOKEN.match(text, m.end()).group(), lex) is not None]
        found.sort(key=lambda m: m.start())
    if not found:
        return view
    b = _Builder()
    pos = 0
    for m in found:
        if m.start() < pos:
            continue
        b.copy(view, pos, m.start())
        if m.re.groups == 2:
            b.add(m.group(2) * lex.repeat[m.group(1)], view.starts[m.start()], view.ends[m.end() - 1])
        else:
            form = single.get((lex.repeat[m.group(1)], text[m.end():m.end() + 1].isascii()), m.group(1))
            b.add(form + " ", view.starts[m.start()], view.ends[m.end() - 1])
        pos = m.end()
    b.copy(view, pos, len(text))
    return b.view()


_FIRST_TOKEN = re.compile(LETTER + r"*")


@lru_cache(maxsize=8)
def _repeat_phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, phrases)) + r")\s+(?=[^\W\d_])")


@lru_cache(maxsize=8)
def _repeat_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # (not a digit that begins a word of its own: "double 8-bit", "double 4k")
    return re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, words)) + r")[ \t-]?(\d)(?!\d)(?!-?[^\W\d_])")


def numeric(view: View, languages: tuple[str, ...], words_seen: frozenset[str] | None = None) -> View:
    """The `numeric` view: number words and look-alike letters read as digits."""
    view = _digits_from_lookalikes(view)
    text = view.text
    if not languages:
        return view
    lex = _lexicon(languages)
    if words_seen is None or not words_seen.isdisjoint(lex.repeat_words):
        view = _repeated_digits(view, lex)
        text = view.text
    if words_seen is not None and lex.parts.isdisjoint(words_seen) and not any(
        w[0] == "\u0648" and w[1:] in lex.parts for w in words_seen if not w.isascii()
    ):
        return view  # not one number word in the message
    words = lex.count_words(text)
    if words == 0 or (words == 1 and len(_DIGIT_RUN.findall(text)) < 3):
        return view  # no run of number words here: skip the tokenizer
    tokens = list(_TOKEN.finditer(text))
    # Find runs of numeric tokens separated by short gaps of separators.
    runs: list[tuple[int, int]] = []  # token index ranges [a, b)
    number_end = -1  # where the last digit group or read run of number words ends in `text`
    i = 0
    n = len(tokens)
    classified: list[list[tuple[str, str]] | None] = [None] * n
    for k, tok in enumerate(tokens):
        word = tok.group()
        if word.isdigit():
            classified[k] = [("digits", word)]
        else:
            classified[k] = _split_number_token(word, lex)
    while i < n:
        if classified[i] is None or classified[i][0][0] == "connector":
            i += 1
            continue
        j = i + 1
        while j < n and classified[j] is not None:
            gap = text[tokens[j - 1].end():tokens[j].start()]
            if not _GAP.fullmatch(gap):
                break
            if not gap and (classified[j][0][0] == "digits") != (classified[j - 1][0][0] == "digits"):
                word = tokens[j - 1 if classified[j][0][0] == "digits" else j].group()
                if not _glued_digit_word(word, lex):
                    break  # "123e4567", "mp3": letters glued to digits are not number words
            j += 1
        # Trailing connectors do not belong to the run.
        while j > i and classified[j - 1][-1][0] == "connector":
            j -= 1
        # count number words, not tokens: "null-eins-sieben-zwo" is four of them
        words = sum(1 for k in range(i, j) for kind, _ in classified[k] if kind not in ("digits", "connector"))
        total = j - i
        # one number word among digit groups ("917 482 39 ten") counts when digits come first
        # or stands among them ("+44 79 8two 316 504")
        lone = next((classified[k] for k in range(i, j) if classified[k][0][0] == "number"), None)
        lone_word_read = (
            words == 1 and total >= 4 and classified[i][0][0] == "digits"
            and lone is not None and len(lone[-1][1]) >= 3
            and lone[-1][1] not in _ambiguous_number_words()  # "... 0958 once the contract": English
        )
        # a lone compound from eleven up ("quarante-sept", "zweiundvierzig") is a house number,
        # an age, a count: harmless as digits, and addresses need it; lone "one", "do", "das" stay
        lone_compound = total == 1 and _lone_number(classified[i], lex)
        if words >= 3 or (words >= 2 and total >= 3) or lone_word_read or lone_compound or (
                words >= 2 and _carries_number(text, number_end, tokens[i].start())):
            runs.append((i, j))
            number_end = tokens[j - 1].end()
        elif any(classified[k][0][0] == "digits" for k in range(i, j)):
            number_end = max(tokens[k].end() for k in range(i, j) if classified[k][0][0] == "digits")
        i = max(j, i + 1)
    if not runs:
        return view
    b = _Builder()
    pos = 0
    for a, z in runs:
        start = tokens[a].start()
        b.copy(view, pos, start)
        # Each maximal stretch of word tokens is read into groups; digit tokens stay.
        k = a
        first = True
        while k < z:
            if not first:
                g0, g1 = tokens[k - 1].end(), tokens[k].start()
                if g1 > g0:
                    b.copy(view, g0, g1)  # keep the separator: "15.07.2025" stays a date
                else:
                    b.add(" ", view.starts[g0 - 1], view.ends[g0 - 1])
            first = False
            if classified[k][0][0] == "digits":
                b.copy(view, tokens[k].start(), tokens[k].end())
                k += 1
                continue
            m = k
            parts: list[tuple[str, str]] = []
            while m < z and classified[m][0][0] != "digits":
                parts.extend(classified[m])
                m += 1
            groups = _read_groups(parts, lex)
            s0, s1 = view.starts[tokens[k].start()], view.ends[tokens[m - 1].end() - 1]
            b.add(" ".join(groups), s0, s1)
            k = m
        pos = tokens[z - 1].end()
    b.copy(view, pos, len(text))
    return b.view()

# -- glue between digit groups -------------------------------------------------------------

# What may stand between the digit groups of one number: the separators people type, plus the
# glue evaders use (line breaks, emoji and other symbols, runs of dots, a word in brackets after
# each group, connecting words: "917 (one) 555 (two)", "917 then 555 and then 0123").
_GROUP = re.compile(r"\d+")
_PLAIN_GAP = re.compile(r"[ \-.(){}/_*\[\]\\|~]{0,3}")
_ASIDE_WORD = r"(?:[^\W\d_]|[\u0900-\u0903\u093a-\u094f])"  # Devanagari vowel signs are no \w
_BRACKETED = re.compile(r"[(\[{<][^\W\d_]{1,20}(?:[ '\u2019][^\W\d_]{1,20}){0,2}[)\]}>]"  # "(still me)"
                        r"|[\u2014\u2013-]\s+" + _ASIDE_WORD + r"{1,20}(?:[ '\u2019]" + _ASIDE_WORD + r"{1,20}){0,2}"
                        r"\s+[\u2014\u2013-]")  # an aside between dashes: "— wait —", "— रुको —"
_GAP_WORDS = re.compile(r"[^\W\d_]+")
_GAP_NOISE = re.compile(r"[\s\W_]")
_MAX_GAP = 24
_ENUMERATOR = re.compile(r"\d{1,2}[.)]\s")


class _Glue:
    """What may connect the groups of one number (lexicon.json): a connecting phrase whole
    ("and then", "y luego"), or a few words that are all connecting vocabulary with at least one
    word that moves the number on ("los que faltan son", "et pour finir", "ke baad"); function
    words alone connect nothing ("44 et le 7", "это 3 июня"). A bare conjunction joins single
    digits only ("cuatro, tres y cero"), like a bare comma: "1500 and 2300" is two amounts."""

    def __init__(self) -> None:
        from engine.lexicon import lexicon

        words = lexicon()
        self.phrases = frozenset(" ".join(p.split()) for p in words["glue_words"])
        self.conjunctions = frozenset(words["glue_conjunctions"])
        self.sequencers = frozenset(words["glue_sequencers"])
        self.vocabulary = self.sequencers | self.conjunctions | frozenset(words["glue_fillers"])

    def joins(self, words: list[str], left: str, right: str, bare: bool) -> bool:
        """`bare`: the gap holds nothing but words, spaces and commas, between groups that are no
        part of a date, a time or a dotted section number ("1.2.3.4 and 5.6.7")."""
        if " ".join(words) in self.phrases:
            return True
        if not bare or len(words) > _MAX_GLUE_WORDS or not all(w in self.vocabulary for w in words):
            return False
        if all(w in self.conjunctions for w in words):
            return len(left) == 1 and len(right) == 1
        return any(w in self.sequencers for w in words)


_MAX_GLUE_WORDS = 5
_INTRODUCING = re.compile(r"(?<=[^\W\d_])\s*[:\-\u2013\u2014]\s*$")
_BARE_GAP = re.compile(r"[^\W\d_'\u2019 ,]*(?:[\s,'\u2019]+[^\W\d_]*)*")


@lru_cache(maxsize=1)
def _glue() -> _Glue:
    return _Glue()


_DATE_SIGNS = "./:"


def _in_date(text: str, start: int, end: int) -> bool:
    """Whether the groups from `start` to `end` are the ends of dates, times or decimals
    ("el 17/12 y el resto el 23/12", "482-37-15, после 18:00")."""
    return (start >= 2 and text[start - 1] in _DATE_SIGNS and text[start - 2].isdigit()) or (
        end + 1 < len(text) and text[end] in _DATE_SIGNS and text[end + 1].isdigit())


def _is_glue(gap: str, left: str, right: str, glue: _Glue, dated: bool = False) -> bool:
    """Whether `gap` between digit groups `left` and `right` only glues one number together
    (`dated`: the groups belong to dates or times, which connecting words do not join)."""
    if len(gap) > _MAX_GAP or _PLAIN_GAP.fullmatch(gap):
        return False  # too long to be glue, or a separator the phone pattern reads anyway
    rest = _BRACKETED.sub(" ", gap)
    words = _GAP_WORDS.findall(rest)
    if words:
        # the words may introduce the next group with a colon or a dash: "and the last ones — 66"
        rest = _INTRODUCING.sub(" ", rest)
        return glue.joins(words, left, right, not dated and _BARE_GAP.fullmatch(rest) is not None)
    stripped = rest.strip()
    if ("%" in stripped or "\u2030" in stripped) and gap.lstrip()[:1] in "%\u2030" and stripped not in ("%", "\u2030"):
        return False  # "25–34 (40%), 35–44": a percentage ends its number ("0612%34%56" is glue)
    if stripped == "-" and "\n" in gap:
        return True  # "11⏎6294⏎-⏎3817": a dash on a line of its own between the groups, no range
    if any(unicodedata.category(ch) in ("Sm", "Sc") for ch in stripped) or stripped.rstrip("( ") in (":", "/", "-"):
        # (a currency sign ends an amount: "240 000 ₽, 4 stages" is no glue either)
        # times (10:30), fractions, ranges, dimensions (1920×1080) and sums read as written; a bracket opening
        # the next group changes nothing ("69: (71) 99614-2287" is a correction, then the number)
        return False
    if stripped in (",", ";"):
        return len(left) == 1 and len(right) == 1  # "9,1,7,5": a comma between every digit
    return True  # line breaks, emoji, symbols, control glue, "....": nothing a number needs


_SIGNED_DECIMAL = re.compile(r"\s*[:=(,;]\s*-\s*")
_DECIMAL_PART = re.compile(r"[.,]\d")


def unglued(view: View) -> View:
    """`view` with the glue between digit groups replaced by one space (see `_is_glue`)."""
    text = view.text
    groups = list(_GROUP.finditer(text))
    if len(groups) < 2:
        return view
    glue = None
    cuts: list[tuple[int, int]] = []
    for left, right in zip(groups, groups[1:], strict=False):
        a, b = left.end(), right.start()
        if b - a > _MAX_GAP or b == a:
            continue
        gap = text[a:b]
        if not _GAP_NOISE.search(gap) and not gap.isalpha():
            continue
        if "\n" in gap and _ENUMERATOR.match(text, right.start()):
            continue  # "IL 61602\n3. 915 Main St": the next line is item 3 of a list
        if _SIGNED_DECIMAL.fullmatch(gap) and _DECIMAL_PART.match(text, right.end()):
            continue  # "2024: −0.06 mean": a signed decimal after its label, no piece of a number
        if glue is None:
            glue = _glue()
        if _is_glue(gap, left.group(), right.group(), glue, _in_date(text, left.start(), right.end())):
            cuts.append((a, b))
    if not cuts:
        return view
    out = _Builder()
    pos = 0
    for a, b in cuts:
        out.copy(view, pos, a)
        out.add(" ", view.starts[a], view.ends[b - 1])
        pos = b
    out.copy(view, pos, len(text))
    return out.view()


# -- word sets ----------------------------------------------------------------------------

_ASCII_LETTERS = re.compile(r"[a-z]+")  # the folded view is lower case
_ARABIC_PREFIXES = ("\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644",
                    "\u0639\u0627\u0644", "\u0627\u0644", "\u0648", "\u0628", "\u0644", "\u0641", "\u0639")
_word_cache: tuple[str, frozenset[str]] = ("", frozenset())


def word_set(t: str) -> frozenset[str]:
    """The letter-only words of a folded text, plus Arabic words without attached prefixes and
    Russian words without case endings: what the detectors' cheap gates test before running
    their long patterns. Detectors run one after another on the same text, so the last result
    is kept (keyed by the string's identity)."""
    global _word_cache
    cached = _word_cache  # one read: another thread may replace the cache meanwhile
    if cached[0] is t:
        return cached[1]
    if t.isascii():
        result = frozenset(_ASCII_LETTERS.findall(t))
        _word_cache = (t, result)
        return result
    words = set(_LETTERS.findall(t))
    for w in [w for w in words if not w.isascii()]:
        if "\u0600" <= w[0] <= "\u06ff":
            words.update(w[len(p):] for p in _ARABIC_PREFIXES if w.startswith(p) and len(w) - len(p) >= 2)
            if len(w) >= 4 and w[-1] in "\u064a\u0643":  # a possessive after it: "سنابي" (my Snap), "رقمك"
                words.add(w[:-2] if w.endswith("\u0643\u0645") else w[:-1])
        elif "\u0400" <= w[-1] <= "\u04ff":
            words.update(w[:-k] for k in (1, 2, 3) if len(w) - k >= 2)
    result = frozenset(words)
    _word_cache = (t, result)
    return result



class Text:
    """A message prepared for the detectors: the original and its lazily built views."""

    __slots__ = ("original", "languages", "derived", "_folded", "_numeric", "_words", "_digits")

    def __init__(self, original: str, languages: tuple[str, ...] = ()) -> None:
        self.original = original
        self.languages = languages
        self.derived: dict[str, object] = {}  # further views detectors share, built once
        self._folded: View | None = None
        self._numeric: View | None = None
        self._words: frozenset[str] | None = None
        self._digits: View | None = None

    @property
    def folded(self) -> View:
        """Folded view (see module docstring)."""
        if self._folded is None:
            self._folded = fold(self.original)
        return self._folded

    @property
    def words(self) -> frozenset[str]:
        """The distinct words of the folded view (see `word_set`): cheap gates test these."""
        if self._words is None:
            self._words = word_set(self.folded.text)
        return self._words

    @property
    def numeric(self) -> View:
        """Numeric view (see module docstring)."""
        if self._numeric is None:
            self._numeric = numeric(self.folded, self.languages, self.words)
        return self._numeric

    @property
    def digits(self) -> View:
        """Numeric view with the glue between digit groups made a space (see `unglued`)."""
        if self._digits is None:
            self._digits = unglued(self.numeric)
        return self._digits
