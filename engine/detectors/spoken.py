"""The `spoken` view shared by the email and link detectors: at/dot words read as symbols.

"john [at] gmail (dot) com", "j o h n @ g m a i l . c o m", "hxxps://site[.]com" and
"name arroba correo punto com" all become plain addresses, each rewritten span mapped back
to the original text. The view records where the symbols were disguised, because a spoken
" at " is common English and counts only with more evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from engine.lexicon import lexicon
from engine.normalize import Text, View, _Builder

_OPEN = r"[\(\[\{<]"
_CLOSE = r"[\)\]\}>]"


@lru_cache(maxsize=1)
def _rewrites() -> re.Pattern[str]:
    words = lexicon()
    at = "|".join(sorted((re.escape(w) for w in words["at_words"] if w != "@"), key=len, reverse=True))
    dot = "|".join(sorted((re.escape(w) for w in words["dot_words"]), key=len, reverse=True))
    slash = "|".join(sorted((re.escape(w) for w in words["slash_words"]), key=len, reverse=True))
    # in brackets, the sign's names count too: "(Klammeraffe)", "[arobase]", "(собака)"
    sign = "|".join(sorted((re.escape(w) for w in {*words["at_words"], *words["at_sign_words"]} - {"@"}),
                           key=len, reverse=True))
    return re.compile(
        # [at] (at) {at} <at> [@] ( @ )
        rf"(?P<bat>\s?{_OPEN}\s?(?:{sign}|@)\s?{_CLOSE}\s?)"
        rf"|(?P<bdot>\s?{_OPEN}\s?(?:{dot}|\.)\s?{_CLOSE}\s?)"
        # " at " and " dot " between words
        rf"|(?P<sat>(?<=[\w.])\s+(?:{at})\s+(?=[\w]))"
        rf"|(?P<sdot>(?<=\w)\s*(?<![^\W_])(?:{dot})(?![^\W_])\s*(?=\w))"
        rf"|(?P<slash>(?<=[\w.])\s*(?<![^\W_])(?:{slash})(?![^\W_])\s*)"
        # emoji slipped into an address: "lucia🌸@🌸gmail🌸.com"
        r"|(?P<emoji>(?<=[\w.@])[\U0001F000-\U0001FAFF\u2600-\u27BF\ufe0f]+(?=[\w.@]))"
        # spaced symbols: "john @ gmail . com"
        r"|(?P<pat>(?<=\w)\s+@\s*(?=\w)|(?<=\w)\s*@\s+(?=\w))"
        r"|(?P<pdot>(?<=\w)\s+\.\s*(?=[a-z]{2,}\b)|(?<=[a-z0-9])\s*\.\s+(?=(?:com|net|org|io)(?![\w-])))"
        # defanged schemes and separators: hxxp, h**p, [:], [/]
        r"|(?P<scheme>\bh(?:xx|\*\*|tt)p(?P<s>s?)\s?(?:\[:\]|:)\s?(?:\[/\]|/)(?:\[/\]|/))"
        # top-level domains spoken in another script, after a spoken dot: "точка ру", "نقطة كوم"
        r"|(?P<tld>(?<=\s)(?:ру|рф|ком|орг|нет|كوم|نت|اورج|कॉम|कोम|नेट|इन)(?![^\W_]))"
        # letters dotted one by one: "g.m.a.i.l", "j.o.h.n.d.o.e"
        r"|(?P<dotted>(?<![\w.])(?:[a-z0-9]\.){3,}[a-z0-9](?![\w]))"
        # letters spaced out one by one: "j o h n"
        r"|(?P<spaced>(?<!\S)(?:[a-z0-9@._-][ ]){3,}[a-z0-9](?!\S))"
    )


_TLD_WORDS = {"ру": "ru", "рф": "xn--p1ai", "ком": "com", "орг": "org", "нет": "net", "كوم": "com", "نت": "net",
              "اورج": "org", "कॉम": "com", "कोम": "com", "नेट": "net", "इन": "in"}


class SpokenView:
    """A view with disguised '@' and '.' rewritten, plus where each rewrite happened."""

    __slots__ = ("view", "spoken_at", "disguised", "original")

    def __init__(self, view: View, spoken_at: set[int], disguised: set[int], original: str = "") -> None:
        self.original = original  # the message the view maps back to
        self.view = view
        self.spoken_at = spoken_at      # view indices of '@' that came from a bare " at "
        self.disguised = disguised      # view indices of symbols that came from any disguise


def spoken(text: Text) -> SpokenView:
    """The spoken view of a message, built once per message and shared."""
    cached = text.derived.get("spoken")
    if cached is not None:
        return cached  # type: ignore[return-value]
    folded = text.folded
    src = folded.text
    if not _needs_rewrite(text):
        result = SpokenView(folded, set(), set(), text.original)
    else:
        b = _Builder()
        spoken_at: set[int] = set()
        disguised: set[int] = set()
        pos = 0
        for m in _rewrites().finditer(src):
            b.copy(folded, pos, m.start())
            s0, s1 = folded.starts[m.start()], folded.ends[m.end() - 1]
            kind = m.lastgroup
            if kind in ("bat", "sat", "pat"):
                if kind == "sat":
                    spoken_at.add(len(b.chars))
                disguised.add(len(b.chars))
                b.add("@", s0, s1)
            elif kind in ("bdot", "sdot", "pdot"):
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
            elif kind == "scheme":
                b.add("https://" if m.group("s") else "http://", s0, s1)
            elif kind == "emoji":
                pass  # dropped: glue, not part of the address
            elif kind == "dotted":
                for k in range(m.start(), m.end()):
                    if src[k] != ".":
                        b.add(src[k], folded.starts[k], folded.ends[k])
            else:  # spaced letters: drop the spaces
                for k in range(m.start(), m.end()):
                    if src[k] != " ":
                        b.add(src[k], folded.starts[k], folded.ends[k])
            pos = m.end()
        b.copy(folded, pos, len(src))
        result = SpokenView(b.view(), spoken_at, disguised, text.original)
    text.derived["spoken"] = result
    return result


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Tokens of the at-words, dot-words, slash-words, spoken TLDs and bare mail providers."""
    words = lexicon()

    def tokens(items) -> frozenset[str]:
        out = set()
        for w in items:
            out.update(_TOKEN.findall(w.lower()))
        return frozenset(out)

    tlds = ["com", "net", "org", "io", "co", "me", "info", "biz", "dev", "app", "ru", "de", "fr", "es", "br", "uk",
            "in", "it", "nl", "pl", "ua", "mx", "ar", "au", "ca", "ng", "ke", "za", "eg", "sa", "ae", *_TLD_WORDS]
    at = [w for w in (*words["at_words"], *words["at_sign_words"]) if w != "@"]  # "(Klammeraffe)" in brackets
    return (tokens(at), tokens(words["dot_words"]), tokens(words["slash_words"]),
            tokens(tlds), tokens(words.get("bare_providers", [])))


_TOKEN = re.compile(r"[^\W_]+")
_SYMBOLS = re.compile(r"@|xx|\*\*|[\(\[\{<]\.|\s\.\s")
_DOTTED = re.compile(r"(?<![\w.])(?:[a-z0-9]\.){3}[a-z0-9](?!\w)")
_SPACED = re.compile(r"(?<!\S)(?:[a-z0-9@._-] ){3}")
_DOTTED_WORD = re.compile(r"[^\W_]\.[^\W_]")


def _needs_rewrite(text: Text) -> bool:
    """A cheap first look (symbols, then the words present) before the rewrite pattern itself."""
    src = text.folded.text
    if _SYMBOLS.search(src):
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
        return _rewrites().search(src) is not None
    return False
