"""Word lists shared by detectors (engine/data/lexicon.json), loaded once and lazily."""

from __future__ import annotations

import json
import re
import weakref
from functools import lru_cache
from importlib import resources

# The Devanagari nukta (U+093C) marks a borrowed sound ("फ़ोन", "ज़ूम") and is often left out
# ("फोन"): the folded view drops it, phrases and gate words are kept without it, and a compiled
# phrase lets any consonant carry it (readings on the text as written see it).
NUKTA = "\u093c"
# Arabic short vowels, nunation, shadda and sukun (and the dagger alif) are optional marks: most chat
# leaves them out, a careful text writes them ("مُعرّف", "مرحباً"). The folded view drops them, and so
# do the phrases of every lexicon.
ARABIC_MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
_MARKS = re.compile("[" + NUKTA + "".join(sorted(ARABIC_MARKS)) + "]")


def read_data(name: str) -> str:
    """The text of a file in engine/data, its Arabic vowel marks dropped as the folded view drops them."""
    text = resources.files("engine").joinpath(f"data/{name}").read_text("utf-8")
    return _ARABIC.sub("", text) if _ARABIC.search(text) else text


_ARABIC = re.compile("[" + "".join(sorted(ARABIC_MARKS)) + "]")
# (on a text not yet folded a letter may carry a shadda, the one mark chat keeps: "بدّل", "غيّر"; every
# mark there would cost the compiled patterns 2 MB more in the worker's snapshot for rarely vocalised chat)
_ARABIC_MARK_RUN = "\u0651?"


def unmarked(phrase: str) -> str:
    """A phrase as the folded view writes it: without the Devanagari nukta or Arabic vowel marks."""
    return _MARKS.sub("", phrase) if _MARKS.search(phrase) else phrase


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[str]]:
    """The shared lexicon document, with the forms derived from its entries (_DERIVED)."""
    words = json.loads(read_data("lexicon.json"))
    for key, derive in _DERIVED.items():
        entries = words[key]
        entries.extend(form for form in dict.fromkeys(f for e in entries for f in derive(e)) if form not in entries)
    return words


def _arabic_definite(entry: str) -> list[str]:
    """An Arabic name with the article it takes in a sentence ("على الياهو", "بالجيميل")."""
    if not entry or not "\u0600" <= entry[0] <= "\u06ff" or entry.startswith("ال"):
        return []
    return ["ال" + entry]


# Lexicon entries whose forms in a sentence follow from the entry itself
_DERIVED = {"email_provider_aliases": _arabic_definite}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """engine/data/first_names.txt (scripts/person_names_source.py: faker's person providers)."""
    text = resources.files("engine").joinpath("data/first_names.txt").read_text("utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


def is_first_name(word: str) -> bool:
    """Whether a capitalised word is a first name of the table, Russian case endings allowed
    ("Дарью" is "Дарья", "Ивана" and "Иваном" are "Иван")."""
    names = first_names()
    if word in names:
        return True
    if "\u0400" <= word[-1:] <= "\u04ff" and len(word) > 3:
        stems = (word[:-1], word[:-2], word[:-1] + "а", word[:-1] + "я", word[:-2] + "а", word[:-2] + "я")
        return any(s in names for s in stems)
    return False


def word_pattern(words: list[str] | tuple[str, ...]) -> LazyPattern:
    """One alternation matching any of `words` as a whole word (longest first, as a trie)."""
    return lazy_compile(r"(?<![^\W_])" + word_alternation(words) + r"(?![^\W_])")


def word_alternation(words: list[str] | tuple[str, ...]) -> str:
    """The source of `word_pattern` without its word boundaries, to put after a digit ("4hrs")."""
    literal = {w.lower().replace("*", "\x00") for w in words if w}  # no stems here: '*' is literal
    # Arabic writes "and", "with", "the" before a word and "my", "your" after it, in one word
    # ("وجوالي", "رقمك", "بالواتس"): an Arabic word of three letters or more takes its clitics
    arabic = {w for w in literal if len(w) >= 3 and "\u0600" <= w[0] <= "\u06ff"}
    groups = [trie_alternation(sorted(literal - arabic), space=" ")] if literal - arabic else []
    if arabic:
        groups.append(_ARABIC_PROCLITICS + trie_alternation(sorted(arabic), space=" ") + _ARABIC_ENCLITICS)
    source = ("(?:" + "|".join(groups) + ")" if len(groups) > 1 else groups[0] if groups else "(?!)")
    source = source.replace("\x00", r"\*")
    return source + homograph_guard(literal)


def homograph_guard(literal: set[str]) -> str:
    """Where a word of `literal` is another language's word of the same spelling (lexicon.json
    "homographs"): Spanish "mes" (month) after "/" or "al", French "mis" (put) before "en", Hinglish
    "mein" (in) before "hai". A source to put right after the alternation: look-arounds at the end
    of a match that fail it there ("(?<!/mes)", "(?!(?<=mein) hai)"), so they cost nothing where
    nothing matched; "" when no word of `literal` has such contexts."""
    table = _homographs()
    parts = []
    for word in sorted(literal & table.keys()):
        contexts = table[word]
        parts += ["(?<!" + re.escape(b + word) + ")" for b in contexts.get("before", [])]
        after = [re.escape(a) + (r"(?![^\W_])" if a[-1].isalnum() else "") for a in contexts.get("after", [])]
        if after:
            parts.append("(?!(?<=" + re.escape(word) + ")(?:" + "|".join(after) + "))")
    return "".join(parts)


@lru_cache(maxsize=1)
def _homographs() -> dict[str, dict[str, list[str]]]:
    doc = json.loads(read_data("lexicon.json"))
    return {k.lower(): v for k, v in doc.get("homographs", {}).items()}


# و ف ب ل ع before ال, or لل, or one of و ف ب ل alone; then after the word ها هم كم نا ني or ي ك ه
_ARABIC_PROCLITICS = "(?:[\u0648\u0641\u0628\u0644\u0639]?\u0627\u0644|\u0644\u0644|[\u0648\u0641\u0628\u0644])?"
_ARABIC_ENCLITICS = "(?:\u0647\u0627|\u0647\u0645|\u0643\u0645|\u0646\u0627|\u0646\u064a|[\u064a\u0643\u0647])?"


# A letter, or a combining vowel sign or mark of an Indic script, which Python's \w leaves out
# ("नौ" is NA + the AU sign): without them Devanagari words fall apart. Every tokenizer of the
# engine uses this class, so that gates and word sets agree.
LETTER = r"(?:[^\W\d_]|[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7])"
_TOKEN = re.compile(LETTER + "+")  # letters only, as in normalize.word_set


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
            tokens = _TOKEN.findall(unmarked(phrase).lower())
            if tokens:
                first.add(tokens[0])
            else:
                always = True  # a phrase without letters ("$", "163"): cannot be gated by words
        self.first = frozenset(first)
        self.always = always

    def admits(self, words: frozenset[str]) -> bool:
        """Whether the text's words include the first word of some phrase."""
        return self.always or not self.first.isdisjoint(words)


_END = ""  # trie key marking the end of a phrase


def trie_alternation(phrases, space: str = r"\s+", stem: str = r"\w*") -> str:
    """One regex group matching any of `phrases`, with shared prefixes factored out.

    Python's `re` tries the branches of an alternation one after another at every position;
    a trie ("e(?:mail(?:\\s+address)?|-mail)") rejects a position after one character instead
    of after every branch. A space in a phrase matches `space`; a trailing "*" makes a stem.
    Longer matches are preferred, as in a longest-first alternation.
    """
    root: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        is_stem = phrase.endswith("*") and len(phrase) > 1
        body = unmarked(phrase[:-1] if is_stem else phrase)
        for ch in " ".join(body.split()):
            node = node.setdefault(ch, {})
        node[_END if not is_stem else "*"] = {}
    return _render(root, space, stem) if root else "(?!)"


def _render(node: dict, space: str, stem: str) -> str:
    branches = []
    ends = []
    for key in sorted(node, key=lambda k: (k in (_END, "*"), k)):
        child = node[key]
        if key == _END:
            ends.append("")
            continue
        if key == "*":
            ends.append(stem)
            continue
        piece = space if key == " " else re.escape(key)
        if "\u0915" <= key <= "\u0939":
            piece += NUKTA + "?"  # a consonant that may carry the nukta in a text not yet folded ("फ़ोन")
        elif "\u0620" <= key <= "\u064a":
            piece += _ARABIC_MARK_RUN  # a letter that may carry a shadda in a text not yet folded ("بدّل")
        rest = _render(child, space, stem) if child else ""
        branches.append(piece + rest)
    # Longest first: real branches before the optional end of the phrase here.
    if stem in ends:
        branches.append(stem)
    if "" in ends:
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and _atomic(branches[0]) else "(?:" + "|".join(branches) + ")"
        return body + "?"
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _atomic(src: str) -> bool:
    """Whether `src` is a single regex atom that a following '?' applies to as a whole."""
    return len(src) == 1 or (len(src) == 2 and src[0] == "\\")


class LazyPattern:
    """A regular expression compiled on first use.

    Detectors build dozens of large patterns from their lexicons, and most messages never need
    most of them (the word-set gates skip them), so compiling on demand shortens the start-up
    that every browser tab pays before its first verdict. On first use the compiled pattern's
    methods are bound onto the instance, so later calls cost what a plain pattern's do.
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")
    _made: weakref.WeakSet[LazyPattern] = weakref.WeakSet()  # every live instance, for a warm-up

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        LazyPattern._made.add(self)

    @classmethod
    def pending(cls) -> list[LazyPattern]:
        """The live patterns not compiled yet (web/snapshot_warmup.py compiles them all without
        listing the whole heap, which a 30 MiB snapshot has no room for)."""
        return [p for p in cls._made if "_compiled" not in p.__dict__]

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            self.__dict__["_compiled"] = compiled
            for name in self._METHODS:
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    def __getattr__(self, name: str):
        # Only reached before the first compile: afterwards the methods live on the instance.
        if name in LazyPattern._METHODS:
            self.compiled()
            return self.__dict__[name]
        raise AttributeError(name)


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern that compiles on first use (see LazyPattern)."""
    return LazyPattern(pattern, flags)
