"""Email addresses, plain or disguised, and provider-plus-username hints."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from engine.detectors import Hit
from engine.detectors.spoken import spoken
from engine.lexicon import WordGate, lazy_compile, lexicon, word_pattern
from engine.normalize import Text
from engine.rules import RuleSet

# local@domain.tld, on the spoken view (so "[at]" and " dot " are already symbols); letters of any
# script (with the Indic scripts' vowel signs, which Python's \w leaves out), as internationalised
# addresses (RFC 6531) and IDN domains allow: "pablo.nuñez@yahoo.es", "иван@почта.рф", "प्रकाश@जीमेल.कॉम"
_EMAIL = re.compile(
    r"(?<![\w.%+\u0900-\u0dff-])(?P<local>[^\W_][\w.%+\u0900-\u0963\u0966-\u0dff-]{0,63})"
    r"@(?P<domain>[^\W_](?:[^\W_]|[\u0900-\u0963\u0966-\u0dff-]){0,62}(?:\.(?:[^\W_]|[\u0900-\u0963\u0966-\u0dff-]){1,63})*)"
)
_HANDLE_BEFORE = re.compile(r"(?<![\w.])@[a-z0-9_][\w.]*[,;]?\s+$", re.IGNORECASE)
_USERNAME_LIKE = re.compile(r"\d|[._]")
_FILE_LIKE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|zip|txt|csv|mp4|psd|ai|fig|js|py|html?)$")
_EVERYDAY = frozenset({"live", "mail", "free", "list", "inbox", "orange", "terra"})
_TECH_BEFORE = re.compile(r"(?<![^\W_])(?:ssh|scp|sftp|rsync|git|mosh|telnet|ftp|psql|mysql)\s[^\n]{0,60}$")


@lru_cache(maxsize=1)
def tlds() -> frozenset[str]:
    """Top-level domains from the Public Suffix List (engine/data/tlds.txt)."""
    text = resources.files("engine").joinpath("data/tlds.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


# Digits typed for the letters they look like (leetspeak), for a domain read back.
_LEET = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"})


_EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF#%&*$~^]{1,3}\ufe0f?"  # pictographs and odd signs


def _user_name(letters: str) -> str:
    """A handle-shaped name of `letters` (a class's ranges): five characters or more with a digit, a dot or an
    underscore before a letter or digit, and no version number."""
    return (rf"(?P<user>(?=[{letters}])(?=[{letters}0-9._-]{{0,40}}?[\d._][{letters}0-9])(?!v?\d+(?:\.\d+)+\b)"
            rf"[{letters}][{letters}0-9._-]{{4,40}})")


class EmailDetector:
    """Finds email addresses in any disguise; ignores reserved and code-only addresses."""

    def __init__(self, rules: RuleSet) -> None:
        providers = rules.detectors["email"].get("providers", [])
        self.providers = frozenset(p.lower() for p in providers)
        words = lexicon()
        self.reserved = frozenset(words["reserved_email_domains"])
        self.reserved_tlds = frozenset(words["reserved_tlds"])
        self.folders = frozenset(words["mail_folder_words"])  # "spam chez Outlook" names a folder, not a mailbox
        self.function_words = frozenset(words["function_words"])
        # Providers whose name is also an everyday word count only inside a real domain.
        self.named = frozenset(p for p in self.providers if len(p) >= 4 and p not in _EVERYDAY)
        aliases = [a.lower() for a in words.get("email_provider_aliases", [])]
        names = "|".join(sorted((re.escape(p) for p in list(self.named) + aliases), key=len, reverse=True))
        user = _user_name("a-z")
        # (or a name spelled in Arabic letters before the provider: "سارة نقطة الحداد على جيميل نقطة كوم")
        user_any = _user_name("a-z\u0621-\u064a")
        self._provider_gate = WordGate(list(self.named) + aliases)
        pointer = word_pattern(words["name_as_address"]).pattern
        self._provider_name = lazy_compile(
            rf"(?<![\w.@])(?:{names})(?![\w@])[^.!?\n@]{{0,16}}?" + pointer
            # "my work email, which is the same as my full name on this profile, at gmail"
            + "|" + pointer + r"[^.!?\n@]{0,40}?(?<![^\W_])(?:at|@|en|no|na|chez|bei|на|على|pe)\s+"
            + rf"(?:{names})(?![\w@])"
        ) if names else None
        # "my gmail is jdoe77", "outlook: maria.lopez88", "mera gmail id rahul.verma91 hai",
        # "мой яндекс — ivan.petrov85"; and the other order, "ahmed.hassan88 على الجيميل"
        # "pooja 🌼 yahoo 🌼 in", "sveta 🐶 list 🔹 ru": any symbols standing for "@" and "." between a
        # name, a mail provider and a top-level domain (the provider and the TLD make it an address)
        every = "|".join(sorted((re.escape(p) for p in self.providers if p.isalpha()), key=len, reverse=True))
        # "chiamaka.edits, then the at sign, then yahoo.co.uk": the parts narrated with words between them
        then = "|".join(sorted((re.escape(w) for w in words["continuation_words"]), key=len, reverse=True))
        sign = "|".join(sorted((re.escape(w) for w in {*words["at_sign_words"], "at sign", "at symbol", "at", "@"}),
                               key=len, reverse=True))
        # (a conjunction may join the pieces too: "а потом собака и outlook.com", "arroba y gmail.com")
        glue = (r"[\s,;:\-—]{1,4}(?:(?:" + then + r")[\s,;:\-—]{1,4})?(?:(?:and|y|e|et|und|и|و|aur)\s+)?"
                r"(?:(?:the|la|el|a|o|le|l'|das|die)\s+)?")
        # a dot spoken inside the name: "revisao ponto cerrado e depois a arroba do hotmail"
        spoken_dot = "|".join(sorted((re.escape(w) for w in words["dot_words"] if w.isalpha()), key=len, reverse=True))
        named = r"[a-z][a-z0-9._-]{2,40}[a-z0-9](?:\s+(?:" + spoken_dot + r")\s+[a-z0-9][a-z0-9._-]{1,30})?"
        of = r"(?:(?:of|do|da|de|del|du|von|vom|от|على)\s+)?"
        self._narrated = lazy_compile(
            r"(?<![\w.@])(?P<user>" + named + r")" + glue + r"(?P<sign>" + sign + r")" + glue + of
            + r"(?P<domain>[a-z0-9-]{2,40}(?:\.[a-z]{2,12}){1,2}"
            + (r"|(?P<provider>" + every + r")" if every else "")
            + r")(?![\w@-])(?!\.[\w-])"  # a sentence's full stop may follow
        )
        self._narrated_keys = frozenset(words["continuation_words"])
        # "tarasovamail на домене bk.ru", "pavel.gromov.crm, домаин gmail.com": a name, the word for the
        # domain, then the domain (a mail provider's, or any with the at sign said in the sentence)
        domain_nouns = "|".join(sorted((re.escape(w) for w in words["domain_nouns"]), key=len, reverse=True))
        self._on_domain = lazy_compile(
            r"(?<![\w.@])(?P<user>[a-z][a-z0-9._-]{2,40}[a-z0-9])[\s,;:\-—]{1,4}"
            r"(?:(?:on|at|in|en|el|no|na|sur|le|auf|der|die|на|в|على|في|pe)\s+){0,2}(?:" + domain_nouns + r")"
            r"[\s:\-—]{1,4}(?P<domain>[a-z0-9-]{2,40}(?:\.[a-z]{2,12}){1,2})(?![\w@-])(?!\.[\w-])"
        )
        self._domain_gate = WordGate([w for w in words["domain_nouns"] if " " not in w])
        self._at_said = word_pattern(words["at_sign_words"])
        self._then = lazy_compile(r"(?<![^\W_])(?:" + then + r")(?![^\W_])")
        # "joel.fotografia 🌴 outlook.com": a pictograph between a name and a provider's domain (spoken view)
        self._emoji_at = lazy_compile(
            r"(?<![\w.@])(?P<user>[a-z][a-z0-9._-]{1,40})\s*" + _EMOJI + r"\s*(?:" + every + r")"
            r"\.(?P<tld>[a-z]{2,6})(?![\w.@\-])"
        ) if every else None
        self._symbol_separated = lazy_compile(
            r"(?<![\w.@])(?P<user>[a-z][a-z0-9._-]{1,40})\s*" + _EMOJI + r"\s*(?:" + every + r")\s*" + _EMOJI
            + r"\s*(?P<tld>[a-z]{2,6})(?![\w.@\-])"
        ) if every else None
        self._provider_user = (
            lazy_compile(rf"(?<![\w.@])(?:{names})(?![\w@])[^.!?\n@]{{0,24}}?(?<![\w./]){user}(?![\w@])"),
            # ("r.balasubramanian, the usual symbol, rediffmail": a few words may stand for the "@")
            # (the provider with its domain's ending too: "rocio.alcantara en icloud.com")
            lazy_compile(rf"(?<![\w.@]){user_any}(?![\w@])[^.!?\n@\d]{{0,24}}?(?<![\w.])(?:{names})"
                         r"(?:\.[a-z]{2,6}(?:\.[a-z]{2})?)?(?![\w.@])"),
        ) if names else None

    def find(self, text: Text) -> list[Hit]:
        """Email addresses in one prepared message."""
        sv = spoken(text)
        view = sv.view
        src = view.text
        hits: list[Hit] = []
        if "@" in src:
            pos = 0
            while True:
                m = _EMAIL.search(src, pos)
                if m is None:
                    break
                rule = self._judge(src, m, sv)
                if rule:
                    a, b = view.span(m.start(), m.end())
                    hits.append(Hit("email", a, b, rule))
                    pos = m.end()
                    continue
                reversed_span = self._reversed(src, m)
                if reversed_span:
                    a, b = view.span(*reversed_span)
                    hits.append(Hit("email", a, b, "email.reversed"))
                    pos = m.end()
                    continue
                # "me at john.doe@gmail.com": the real address starts after the first "@"
                pos = m.start("domain")
        if self._symbol_separated is not None and not text.words.isdisjoint(self.providers):
            folded = text.folded
            for m in self._symbol_separated.finditer(folded.text):
                if m.group("tld") in tlds() and m.group("tld") not in self.reserved_tlds:
                    a, b = folded.span(m.start(), m.end())
                    hits.append(Hit("email", a, b, "email.disguised"))
        if "." in src and not text.words.isdisjoint(self._narrated_keys):
            for m in self._narrated.finditer(text.folded.text):
                labels = m.group("domain").split(".")
                if m.group("sign") == "at" and not _USERNAME_LIKE.search(m.group("user")):
                    continue  # "I work at acme, then at globex.com": a bare "at" needs a handle-shaped name
                if m.groupdict().get("provider") and self._then.search(m.group()) is None:
                    continue  # "maria at gmail" is the spoken reading's; a narration says "then" on the way
                if m.groupdict().get("provider") or (labels[-1] in tlds() and labels[-1] not in self.reserved_tlds
                                                     and "example" not in labels):
                    a, b = text.folded.span(m.start(), m.end())
                    hits.append(Hit("email", a, b, "email.narrated"))
        if "." in src and self._domain_gate.admits(text.words):
            folded = text.folded.text
            for m in self._on_domain.finditer(folded):
                labels = m.group("domain").split(".")
                if labels[-1] not in tlds() or labels[-1] in self.reserved_tlds or "example" in labels:
                    continue
                sentence = re.split(r"[.!?\n](?:\s|$)", folded[m.end():], maxsplit=1)[0]
                if labels[0] in self.providers or self._at_said.search(sentence) is not None:
                    a, b = text.folded.span(m.start(), m.end())
                    hits.append(Hit("email", a, b, "email.on_domain"))
        if self._emoji_at is not None and not src.isascii() and not text.words.isdisjoint(self.providers):
            for m in self._emoji_at.finditer(src):
                if m.group("tld") in tlds() and m.group("tld") not in self.reserved_tlds:
                    a, b = view.span(m.start(), m.end())
                    hits.append(Hit("email", a, b, "email.disguised"))
        if self._provider_user is not None and self._provider_gate.admits(text.words):
            folded = text.folded
            # "my Gmail is my full name here, all lowercase": the address is rebuilt from the profile
            for m in self._provider_name.finditer(folded.text):
                a, b = folded.span(m.start(), m.end())
                hits.append(Hit("email", a, b, "email.provider_name"))
            # on the spoken view too: "anousha (dot) ramdin, aur gmail"
            for shown in (folded, view) if view.text != folded.text else (folded,):
                found = False
                for pattern in self._provider_user:
                    for m in pattern.finditer(shown.text):
                        user = m.group("user").rstrip("._-")
                        # (not a provider's own domain named before another: "en gmail.com y outlook")
                        if _USERNAME_LIKE.search(user) and not _FILE_LIKE.search(user) and (
                                user.split(".")[0] not in self.providers):
                            a, b = shown.span(m.start(), m.end())
                            hits.append(Hit("email", a, b, "email.provider_username"))
                            found = True
                if found:
                    break
        return hits

    def _judge(self, src: str, m: re.Match[str], sv) -> str | None:
        local, domain = m.group("local"), m.group("domain").strip("-.")
        at = m.start("domain") - 1
        labels = [x for x in domain.split(".") if x]
        if not labels:
            return None
        if _TECH_BEFORE.search(src[max(0, m.start() - 40):m.start()]) or local == "git":
            return None
        provider = labels[0] in self.providers
        tld = labels[-1] if len(labels) > 1 else ""
        if len(labels) > 1 and tld not in tlds() and not provider:
            # "m4rc0.d3v@pr0t0nm4il.c0m": digits for letters in the domain, read back as letters
            plain = [label.translate(_LEET) for label in labels]
            if (any(c.isdigit() for c in tld) and any(c.isalpha() for c in tld) and plain[-1] in tlds()
                    and all(any(c.isalpha() for c in label) for label in labels[:-1])):  # not "at 1.5x"
                return "email.leet"
            return None
        if tld in self.reserved_tlds or ".".join(labels[-2:]) in self.reserved or "example" in labels[:-1]:
            return None
        if len(labels) == 1 and labels[0] not in self.named:
            return None
        if at in sv.spoken_at:
            # a bare " at " is everyday English: ask for a provider, a spoken dot or a handle-like name
            dot_disguised = any(i in sv.disguised for i in range(at + 1, m.end()))
            if not (provider or dot_disguised or re.search(r"[\d._]", local)):
                return None
            if local.lower() in self.folders and not dot_disguised:
                return None  # "23 % arrivent en spam chez Outlook", "lands in junk at Gmail": the mail is the topic
            return "email.spoken"
        if at in sv.disguised:
            if local.lower() in self.function_words and not provider and _HANDLE_BEFORE.search(
                    src, max(0, m.start() - 40), m.start()):
                return None  # "@bean_there and @truth.coffee": a list of handles, a word joined to the next one
            return "email.disguised"
        return "email.address"

    def _reversed(self, src: str, m: re.Match[str]) -> tuple[int, int] | None:
        """'moc.liamg@nhoj' read backwards."""
        start, end = m.start(), m.end()
        # extend left over the reversed domain "moc.liamg"
        k = start
        while k > 0 and (src[k - 1].isalnum() or src[k - 1] in "._-"):
            k -= 1
        token = src[k:end]
        back = token[::-1]
        rm = _EMAIL.fullmatch(back)
        if not rm:
            return None
        labels = rm.group("domain").split(".")
        forward_tld = m.group("domain").rsplit(".", 1)[-1]
        if len(labels) > 1 and labels[-1] in tlds() and (labels[0] in self.providers or forward_tld not in tlds()):
            return k, end  # backwards it is an address; forwards it is none ("ed.nilesoip@remmah.saibot")
        return None
