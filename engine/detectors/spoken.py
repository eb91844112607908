"""The `spoken` view shared by the email and link detectors: at/dot words read as symbols.

"john [at] gmail (dot) com", "j o h n @ g m a i l . c o m", "hxxps://site[.]com" and
"name arroba correo punto com" all become plain addresses, each rewritten span mapped back
to the original text. The view records where the symbols were disguised, because a spoken
" at " is common English and counts only with more evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from engine.lexicon import LETTER, lexicon
from engine.normalize import Text, View, _Builder

_OPEN = r"[\(\[\{<]"
# Two lines or more that are each one piece of an address (no space in them; the last may go on
# after its piece when that piece has a dot or an '@': "jonas\n.becker@\ngmail.com — schreib mir");
# which of their line breaks join the pieces is decided by `_joins`.
_LINE_PIECE = r"[a-z0-9@._+:/\-]+"
_BREAK = r" ?\n"  # a "\r\n" folds to " \n"
_WRAPPED_LINES = (rf"(?P<wrap>(?:^|(?<=\n)){_LINE_PIECE}(?:{_BREAK}{_LINE_PIECE}(?= ?\n))*{_BREAK}"
                  rf"(?:{_LINE_PIECE}(?= ?\n|$)|[a-z0-9_+:/\-]*[.@]{_LINE_PIECE}(?=\s)))")
_GLUE_AT_BREAK = frozenset(".-/@_")
_CLOSE = r"[\)\]\}>]"


@lru_cache(maxsize=1)
def _branches() -> tuple[tuple[str, str], ...]:
    """The rewrite pattern's alternatives in order, each named by its group."""
    words = lexicon()
    at = "|".join(sorted((re.escape(w) for w in words["at_words"] if w != "@"), key=len, reverse=True))
    dot = "|".join(sorted((re.escape(w) for w in words["dot_words"]), key=len, reverse=True))
    slash = "|".join(sorted((re.escape(w) for w in words["slash_words"]), key=len, reverse=True))
    glue = "|".join(sorted((re.escape(w) for w in words["glue_words"]), key=len, reverse=True))
    # in brackets, the sign's names count too: "(Klammeraffe)", "[arobase]", "(собака)"
    sign = "|".join(sorted((re.escape(w) for w in {*words["at_words"], *words["at_sign_words"]} - {"@"}),
                           key=len, reverse=True))
    return (
        # [at] (at) {at} <at> [@] ( @ )
        ("bat", rf"(?P<bat>\s?{_OPEN}\s?(?:{sign}|@)\s?{_CLOSE}\s?"
                # (or a bracketed "a" glued inside an address, Portuguese and Spanish shorthand: "ti.pereira(a)uol")
                rf"|(?<=[a-z0-9])[(\[]a[)\]](?=[a-z0-9][a-z0-9-]*(?:\.|{_OPEN}\.{_CLOSE}|\s?{_OPEN}?\s?(?:{dot}))))"),
        ("bdot", rf"(?P<bdot>\s?{_OPEN}\s?(?:{dot}|\.)\s?{_CLOSE}\s?)"),
        # " at " and " dot " between words
        # (or in a list of spelled pieces, between commas: "r, o, j, a, s, arroba, g, m, a, i, l, punto com")
        # (an ellipsis that carries a message on may stand before it: "lena.schubert.dental" / "…at gmx punkt de")
        ("sat", rf"(?P<sat>(?<=[\w.\u0900-\u0dff])(?:\s+(?:\.\.\.)?(?:{at})\s+|,\s*(?:{at})\s*,\s*)"
                rf"(?=[\w\u0900-\u0dff]))"),
        ("sdot", rf"(?P<sdot>(?<=[\w\u0900-\u0dff])(?:\s*(?<![^\W_])(?:{dot})(?![^\W_])\s*|,\s*(?:{dot}),?\s*)"
                 rf"(?=[\w\u0900-\u0dff]))"),
        ("slash", rf"(?P<slash>(?<=[\w.\u0900-\u0dff])\s*(?<![^\W_])(?:{slash})(?![^\W_])\s*)"),
        # a provider's name said in two words after the at: "at gee mail", "at g mail", "at hot mail"
        ("prov", r"(?P<prov>(?<=@|\s)(?P<first>gee|g|ji|hot|out)\s+(?=(?:mail|look)(?![^\W_])))"),
        # a connecting word between an address's pieces: "reem.editing@ بعدها yahoo.com", "ana.ruiz then @gmail.com"
        ("gat", rf"(?P<gat>(?<=[a-z0-9])\s*@\s*(?:{glue})\s+(?=[a-z0-9]))"),
        ("glue", rf"(?P<glue>(?<=[a-z0-9])\s+(?:{glue})\s+(?=@\s*[a-z0-9]))"),
        # a connecting word, then a spoken dot: "dubbingbox وبعدين دوت نت", "tut and then dot by"
        ("gdot", rf"(?P<gdot>(?<=[a-z0-9])\s+(?:{glue})\s+(?:{dot})(?![^\W_])\s*(?=[\w\u0900-\u0dff]))"),
        # emoji slipped into an address: "lucia🌸@🌸gmail🌸.com"
        ("emoji", r"(?P<emoji>(?<=[\w.@])[\U0001F000-\U0001FAFF\u2600-\u27BF\ufe0f]+(?=[\w.@]))"),
        # spaced symbols: "john @ gmail . com"
        ("pat", r"(?P<pat>(?<=\w)\s+@\s*(?=\w)|(?<=\w)\s*@\s+(?=\w))"),
        # (on one line, or a line that starts with the dot: "see the handbook .\n\nNext" ends a
        # sentence, "lucia\n.ferrer" does not)
        ("pdot", r"(?P<pdot>(?<=\w)(?:[ \t]+\.[ \t]*|\n\.)(?=[a-z]{2,}\b)"
                 r"|(?<=[a-z0-9])[ \t]*\.[ \t]+(?=(?:com|net|org|io)(?![\w-])))"),
        # defanged schemes and separators: hxxp, h**p, [:], [/]
        ("scheme", r"(?P<scheme>\bh(?:xx|\*\*|tt)p(?P<s>s?)\s?(?:\[:\]|:)\s?(?:\[/\]|/)(?:\[/\]|/))"),
        # top-level domains spoken in another script, after a spoken dot: "точка ру", "نقطة كوم"
        ("tld", r"(?P<tld>(?<=\s)(?:ру|рф|бай|кз|уз|юа|ком|орг|нет|كوم|نت|اورج|कॉम|कोम|नेट|इन)(?![^\W_]))"),
        # letters dotted one by one: "g.m.a.i.l", "j.o.h.n.d.o.e"
        ("dotted", r"(?P<dotted>(?<![\w.])(?:[a-z0-9]\.){3,}[a-z0-9](?![\w]))"),
        # letters spaced out one by one: "j o h n"
        ("spaced", r"(?P<spaced>(?<!\S)(?:[a-z0-9@._-][ ]){3,}[a-z0-9](?!\S))"),
        # an address broken over lines, each line one piece: "www.atelier\n.com.br", "ww\nw.ebeniste-\nlefort.\nfr"
        ("wrap", _WRAPPED_LINES),
    )


@lru_cache(maxsize=1)
def _branch_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each alternative of the rewrite pattern compiled on its own, in order (compiled once: a
    pattern per combination of alternatives would compile anew, in the browser too, whenever a
    keystroke brings a new combination)."""
    return tuple((name, re.compile(src)) for name, src in _branches())


def _rewrites(src: str, names: frozenset[str]):
    """The matches of the rewrite pattern's alternatives named in `names`, as one alternation of
    them would find them: leftmost first, the earlier alternative on a tie, none overlapping.

    Each alternative starts with a look-behind that the regex engine tries at every position, so
    only the alternatives that can match in the text run (see `_possible`), each searched again
    only when the last match taken passed its next one."""
    patterns = [(name, rx) for name, rx in _branch_patterns() if name in names]
    upcoming = [rx.search(src) for _, rx in patterns]
    pos = 0
    while True:
        best = None
        for k, (_, rx) in enumerate(patterns):
            m = upcoming[k]
            if m is not None and m.start() < pos:
                m = upcoming[k] = rx.search(src, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        yield best
        pos = best.end()


@lru_cache(maxsize=1)
def _literals() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The at-words, dot-words and slash-words alone: one must occur for its alternative to match."""
    words = lexicon()

    def alternation(items) -> re.Pattern[str]:
        return re.compile("|".join(sorted((re.escape(w) for w in items if w != "@"), key=len, reverse=True)))

    return (alternation({*words["at_words"], *words["at_sign_words"]}), alternation(words["dot_words"]),
            alternation(words["slash_words"]))


_BRACKETS = re.compile(r"[\(\[\{<]")
_EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\ufe0f]")


def _possible(src: str) -> frozenset[str]:
    """The alternatives of the rewrite pattern that can match in `src`: each needs a character or
    a word that a plain substring search finds far faster than the look-behinds would fail."""
    at, dot, slash = _literals()
    names = set()
    if _BRACKETS.search(src):
        names.update(("bat", "bdot"))
    if at.search(src):
        names.add("sat")
    if dot.search(src):
        names.update(("sdot", "gdot"))
    if slash.search(src):
        names.add("slash")
    if _EMOJI.search(src):
        names.add("emoji")
    if "@" in src:
        names.update(("pat", "gat", "glue"))
    if "." in src:
        names.update(("pdot", "dotted"))
    if "h" in src and "p" in src:
        names.add("scheme")
    if ("mail" in src or "look" in src) and _SPLIT_PROVIDER.search(src):
        names.add("prov")
    if not src.isascii():
        names.add("tld")
    if _SPACED.search(src):
        names.add("spaced")
    if "\n" in src and _WRAPPED.search(src):
        names.add("wrap")
    return frozenset(names)


_WRAPPED = re.compile(_WRAPPED_LINES)
_SPLIT_PROVIDER = re.compile(r"(?<![^\W_])(?:gee|g|ji|hot|out)\s+(?:mail|look)(?![^\W_])")
_PROVIDER_LETTERS = {"gee": "g", "ji": "g"}  # a letter said by its name


def _joins(lines: list[str], k: int) -> bool:
    """Whether the line break after `lines[k]` splits one address: a dot, hyphen, slash, '@' or
    '_' touches it, or a piece beside it is too short to be a line of its own ("ww" / "w.site")."""
    left, right = lines[k], lines[k + 1]
    return left[-1] in _GLUE_AT_BREAK or right[0] in _GLUE_AT_BREAK or min(len(left), len(right)) <= 3


_TLD_WORDS = {"ру": "ru", "рф": "рф", "бай": "by", "кз": "kz", "уз": "uz", "юа": "ua",
              "ком": "com", "орг": "org", "нет": "net", "كوم": "com", "نت": "net",
              "اورج": "org", "कॉम": "com", "कोम": "com", "नेट": "net", "इन": "in"}


class SpokenView:
    """A view with disguised '@' and '.' rewritten, plus where each rewrite happened."""

    __slots__ = ("view", "spoken_at", "disguised", "original", "joined")

    def __init__(self, view: View, spoken_at: set[int], disguised: set[int], original: str = "",
                 joined: frozenset[int] = frozenset()) -> None:
        self.original = original  # the message the view maps back to
        self.view = view
        self.spoken_at = spoken_at      # view indices of '@' that came from a bare " at "
        self.disguised = disguised      # view indices of symbols that came from any disguise
        self.joined = joined            # original offsets of line breaks read as glue inside an address


def spoken(text: Text) -> SpokenView:
    """The spoken view of a message, built once per message and shared."""
    cached = text.derived.get("spoken")
    if cached is not None:
        return cached  # type: ignore[return-value]
    folded = text.folded
    needed = _needs_rewrite(text)
    if needed and "@" in folded.text and _SPACED_PICTOGRAPHS.search(folded.text):
        # "nina 🌸 obrien @ 🌸 yahoo 🌸 dot com" (without an "@" a pictograph may stand for it: the email
        # detector's "joel.fotografia 🌴 outlook.com")
        folded = _without_spaced_pictographs(folded)
    src = folded.text
    possible = _possible(src) if needed else None
    if not possible:
        result = SpokenView(folded, set(), set(), text.original)
    else:
        b = _Builder()
        spoken_at: set[int] = set()
        disguised: set[int] = set()
        joined: set[int] = set()
        pos = 0
        for m in _rewrites(src, possible):
            b.copy(folded, pos, m.start())
            s0, s1 = folded.starts[m.start()], folded.ends[m.end() - 1]
            kind = m.lastgroup
            if kind in ("bat", "sat", "pat", "gat"):
                if kind == "sat":
                    spoken_at.add(len(b.chars))
                disguised.add(len(b.chars))
                b.add("@", s0, s1)
            elif kind == "sdot" and _reduplicated(src, m):
                b.copy(folded, m.start(), m.end())  # "punto por punto", "Punkt für Punkt": point by point
            elif kind == "pdot" and m.end() < len(src) and text.original[folded.starts[m.end()]:][:1].isupper():
                b.copy(folded, m.start(), m.end())  # "développeurs .NET", "Frameworks: .Net": a name, no domain
            elif kind in ("bdot", "sdot", "pdot", "gdot"):
                disguised.add(len(b.chars))
                b.add(".", s0, s1)
            elif kind == "slash":
                disguised.add(len(b.chars))
                b.add("/", s0, s1)
            elif kind == "tld":
                word = m.group()
                if b.chars and b.chars[-1] == ".":
                    b.add(_TLD_WORDS[word], s0, s1)
                else:
                    for k in range(m.start(), m.end()):
                        b.add(src[k], folded.starts[k], folded.ends[k])
            elif kind == "prov":
                first = m.group("first")
                b.add(_PROVIDER_LETTERS.get(first, first), s0, s1)  # "gee mail" is "gmail"
            elif kind == "scheme":
                b.add("https://" if m.group("s") else "http://", s0, s1)
            elif kind == "emoji":
                pass  # dropped: glue, not part of the address
            elif kind == "glue":
                disguised.add(len(b.chars))  # a connecting word dropped between the pieces

            elif kind == "wrap":
                run = m.group()
                lines = re.split(_BREAK, run)
                k = m.start()
                for n, line in enumerate(lines):
                    b.copy(folded, k, k + len(line))
                    k += len(line)
                    if n + 1 < len(lines):
                        width = 2 if src[k] == " " else 1
                        if "." in run and _joins(lines, n):
                            disguised.add(len(b.chars))  # the piece after the break: a disguise
                            joined.update(range(folded.starts[k], folded.ends[k + width - 1]))
                        else:
                            b.copy(folded, k, k + width)
                        k += width
            elif kind == "dotted":
                for k in range(m.start(), m.end()):
                    if src[k] != ".":
                        b.add(src[k], folded.starts[k], folded.ends[k])
            else:  # spaced letters: drop the spaces
                for k in range(m.start(), m.end()):
                    if src[k] != " ":
                        b.add(src[k], folded.starts[k], folded.ends[k])
            pos = m.end()
        if pos:  # every alternative consumes text, so pos moved if anything was rewritten
            b.copy(folded, pos, len(src))
            result = SpokenView(b.view(), spoken_at, disguised, text.original, frozenset(joined))
        else:  # nothing to rewrite
            result = SpokenView(folded, spoken_at, disguised, text.original)
    text.derived["spoken"] = result
    return result


def _reduplicated(src: str, m: re.Match[str]) -> bool:
    """Whether the spoken dot `m` is one of a word said twice around a short word ("respondo punto
    por punto", "point par point", "пункт за пунктом"): an idiom, no separator."""
    word = m.group().strip(" ,\t\n")
    if not word.isalpha():
        return False
    stem = word[:4]
    joiners = _joiners()
    after = src[m.end():m.end() + 24].split()
    before = src[max(0, m.start() - 24):m.start()].split()
    # (the same word again, in any case form: "пункт за пунктом")
    return ((len(after) >= 2 and after[0] in joiners and after[1].startswith(stem))
            or (len(before) >= 2 and before[-1] in joiners and before[-2].startswith(stem)))


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    return frozenset(lexicon()["reduplication_joiners"])


# pictographs typed between an address's pieces with spaces around them read as one space, so the
# spoken at and dot around them join the pieces; glued ones ("lucia🌸@🌸gmail") are the emoji branch's
_SPACED_PICTOGRAPHS = re.compile(r" [\U0001F000-\U0001FAFF\u2600-\u27BF\ufe0f\u200d]+ ?"
                                 r"|[\U0001F000-\U0001FAFF\u2600-\u27BF\ufe0f\u200d]+ ")


def _without_spaced_pictographs(view: View) -> View:
    """`view` with each spaced run of pictographs (and its spaces) made one space."""
    b = _Builder()
    pos = 0
    for m in _SPACED_PICTOGRAPHS.finditer(view.text):
        b.copy(view, pos, m.start())
        b.add(" ", view.starts[m.start()], view.ends[m.end() - 1])
        pos = m.end()
    b.copy(view, pos, len(view.text))
    return b.view()


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Tokens of the at-words, dot-words, slash-words, spoken TLDs and bare mail providers."""
    words = lexicon()

    def tokens(items) -> frozenset[str]:
        out = set()
        for w in items:
            out.update(_TOKEN.findall(w.lower()))
        return frozenset(out)

    from engine.detectors.email import tlds as known_tlds

    # every country's code ("sapo ponto pt", "bluewin point ch") and the common generic ones
    tlds = ["com", "net", "org", "io", "info", "biz", "dev", "app", "edu", "gov", *_TLD_WORDS,
            *(t for t in known_tlds() if len(t) == 2)]
    at = [w for w in (*words["at_words"], *words["at_sign_words"]) if w != "@"]  # "(Klammeraffe)" in brackets
    return (tokens(at), tokens(words["dot_words"]), tokens(words["slash_words"]),
            tokens(tlds), tokens(words.get("bare_providers", [])))


_TOKEN = re.compile(LETTER + "+")  # as normalize.word_set tokenizes: "डॉट" keeps its vowel sign
# (a space before a dot only, "lenadesign .com", is the pdot rewrite's too)
_SYMBOLS = re.compile(r"@|xx|\*\*|[\(\[\{<]\.|\s\.\s|\w[ \t]+\.[a-z]{2}")
_DOTTED = re.compile(r"(?<![\w.])(?:[a-z0-9]\.){3}[a-z0-9](?!\w)")
_SPACED = re.compile(r"(?<!\S)(?:[a-z0-9@._-] ){3}")
_DOTTED_WORD = re.compile(r"[^\W_]\.[^\W_]")


def _needs_rewrite(text: Text) -> bool:
    """A cheap first look (symbols, then the words present) before the rewrite pattern itself."""
    src = text.folded.text
    if _SYMBOLS.search(src) or ("\n" in src and _WRAPPED.search(src)):
        return True
    seen = text.words
    # letters one by one ("j o h n", "g.m.a.i.l") leave several one-letter words behind
    if sum(1 for w in seen if len(w) == 1) >= 3 and (_SPACED.search(src) or _DOTTED.search(src)):
        return True
    at, dot, slash, tld, providers = _word_sets()
    has_at = not at.isdisjoint(seen)
    has_dot = not dot.isdisjoint(seen)
    if not (has_at or has_dot or not slash.isdisjoint(seen)):
        return False
    if (
        not slash.isdisjoint(seen)
        or (has_dot and not tld.isdisjoint(seen))
        or (has_at and (has_dot or not providers.isdisjoint(seen) or _DOTTED_WORD.search(src)))
    ):
        return True  # the rewrite itself finds out; a text it leaves alone keeps the folded view
    return False
