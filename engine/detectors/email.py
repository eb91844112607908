"""Email addresses, plain or disguised, and provider-plus-username hints."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from engine.detectors import Hit
from engine.detectors.spoken import spoken
from engine.lexicon import lexicon
from engine.normalize import Text
from engine.rules import RuleSet

# local@domain.tld, on the spoken view (so "[at]" and " dot " are already symbols)
_EMAIL = re.compile(
    r"(?<![\w.%+-])(?P<local>[a-z0-9][a-z0-9._%+-]{0,63})@(?P<domain>[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*)"
)
_EVERYDAY = frozenset({"live", "mail", "free", "list", "inbox", "orange", "terra"})
_TECH_BEFORE = re.compile(r"(?:ssh|scp|sftp|rsync|git|mosh|telnet|ftp|psql|mysql)\s+(?:-\S+\s+)*$")


@lru_cache(maxsize=1)
def tlds() -> frozenset[str]:
    """Top-level domains from the Public Suffix List (engine/data/tlds.txt)."""
    text = resources.files("engine").joinpath("data/tlds.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


class EmailDetector:
    """Finds email addresses in any disguise; ignores reserved and code-only addresses."""

    def __init__(self, rules: RuleSet) -> None:
        providers = rules.detectors["email"].get("providers", [])
        self.providers = frozenset(p.lower() for p in providers)
        words = lexicon()
        self.reserved = frozenset(words["reserved_email_domains"])
        self.reserved_tlds = frozenset(words["reserved_tlds"])
        # Providers whose name is also an everyday word count only inside a real domain.
        self.named = frozenset(p for p in self.providers if len(p) >= 4 and p not in _EVERYDAY)
        names = "|".join(sorted((re.escape(p) for p in self.named), key=len, reverse=True))
        # "my gmail is jdoe77", "outlook: maria.lopez88", "gmail - jdoe_77"
        self._provider_user = re.compile(
            rf"(?<![\w.@])(?P<provider>{names})(?:\s+(?:id|address|account|acc|mail|adresse|direcci[oó]n|endere[cç]o))?"
            r"\s*(?:is|:|=|-|es|é|est|ist|это|هو|hai|h)\s*(?P<user>[a-z0-9][a-z0-9._-]{2,40})"
        ) if names else None

    def find(self, text: Text) -> list[Hit]:
        """Email addresses in one prepared message."""
        sv = spoken(text)
        view = sv.view
        src = view.text
        hits: list[Hit] = []
        if "@" in src:
            for m in _EMAIL.finditer(src):
                rule = self._judge(src, m, sv)
                if rule:
                    a, b = view.span(m.start(), m.end())
                    hits.append(Hit("email", a, b, rule))
                else:
                    reversed_rule = self._reversed(src, m)
                    if reversed_rule:
                        a, b = view.span(*reversed_rule)
                        hits.append(Hit("email", a, b, "email.reversed"))
        if self._provider_user is not None:
            for m in self._provider_user.finditer(view.text):
                user = m.group("user")
                if any(c.isdigit() for c in user) or "." in user or "_" in user:
                    a, b = view.span(m.start(), m.end())
                    hits.append(Hit("email", a, b, "email.provider_username"))
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
            return None
        if tld in self.reserved_tlds or ".".join(labels[-2:]) in self.reserved:
            return None
        if len(labels) == 1 and labels[0] not in self.named:
            return None
        if at in sv.spoken_at:
            # a bare " at " is everyday English: ask for a provider, a spoken dot or a handle-like name
            dot_disguised = any(i in sv.disguised for i in range(at + 1, m.end()))
            if not (provider or dot_disguised or re.search(r"[\d._]", local)):
                return None
            return "email.spoken"
        if at in sv.disguised:
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
        if len(labels) > 1 and labels[-1] in tlds() and labels[0] in self.providers:
            return k, end
        return None
