"""Links to outside sites: URLs with or without a scheme, defanged, spoken, shortened or raw-IP.

Allowed: the marketplace's own and reference domains (rule set `allowed_domains`), public
repositories on `reference_hosts`, a single work sample on `work_sample_hosts`, and a site
discussed as the client's own ("your site acme.com").
"""

from __future__ import annotations

import re

from engine.detectors import Hit
from engine.detectors.email import tlds
from engine.detectors.spoken import spoken
from engine.lexicon import lexicon, word_pattern
from engine.normalize import Text
from engine.rules import RuleSet

_HOST = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\.?"
_IP = r"\d{1,3}(?:\.\d{1,3}){3}"
_PATH = r"(?::\d{2,5})?(?:[/?#][^\s<>\"'`]*)?"
_URL = re.compile(
    r"(?P<scheme>(?:https?|ftp)://|www\.)(?P<host>" + _IP + "|" + _HOST + r"|[a-z0-9-]+)" + _PATH
    + r"|(?<![@\w.\-/])(?P<bare>" + _HOST + r")" + _PATH
    + r"|(?<![\w.])(?P<ipurl>" + _IP + r")(?P<ippath>:\d{2,5}(?:/[^\s<>\"']*)?|/[^\s<>\"']+)"
)
# Parts of a path that mark one item rather than a profile or a whole site.
_ITEM_MARKERS = re.compile(
    r"/(?:file|files|design|proto|board|watch|embed|shorts|video|videos|gallery|shot|shots|pen|s|sh|d|drive/folders|"
    r"document|spreadsheets|presentation|forms/d|view|p|photo|photos|a|album|post|posts|blob|tree|issues|pull|wiki|"
    r"questions|q|wiki|package|project|packages|crate|crates|r)/",
)
_TRAILING = ".,;:!?)]}'\""


class LinkDetector:
    """Finds outside links; skips allowed references, single work samples and client sites."""

    def __init__(self, rules: RuleSet) -> None:
        settings = rules.detectors["link"]
        self.shorteners = frozenset(settings.get("shorteners", []))
        self.allowed = tuple(rules.allowed_domains)
        self.references = tuple(rules.reference_hosts)
        self.samples = tuple(rules.work_sample_hosts)
        words = lexicon()
        self.file_ext = frozenset(words["file_extensions"])
        self.tech = frozenset(words["tech_names"])
        self.reserved_tlds = frozenset(words["reserved_tlds"])
        self._your = word_pattern(words["your_words"])
        self._phrases = word_pattern(words["off_platform_phrases"])

    def find(self, text: Text) -> list[Hit]:
        """Links in one prepared message."""
        sv = spoken(text)
        view = sv.view
        src = view.text
        if sv.spoken_at:
            # "my portfolio at site.com": a spoken " at " before a site is not an email
            chars = list(src)
            for i in sv.spoken_at:
                chars[i] = " "
            src = "".join(chars)
        hits: list[Hit] = []
        if "." in src or "/" in src:
            for m in _URL.finditer(src):
                end = m.end()
                while end > m.start() and src[end - 1] in _TRAILING:
                    end -= 1
                rule = self._judge(src, m, end, sv)
                if rule:
                    a, b = view.span(m.start(), end)
                    hits.append(Hit("link", a, b, rule))
        folded = text.folded
        for m in self._phrases.finditer(folded.text):
            a, b = folded.span(m.start(), m.end())
            hits.append(Hit("link", a, b, "link.off_platform_directions"))
        return hits

    def _judge(self, src: str, m: re.Match[str], end: int, sv) -> str | None:
        url = src[m.start():end]
        if m.group("ipurl"):
            return "link.raw_ip"
        scheme = m.group("scheme")
        host = (m.group("host") or m.group("bare") or "").rstrip(".")
        if not host:
            return None
        if scheme and re.fullmatch(_IP, host):
            return "link.raw_ip"
        labels = host.split(".")
        tld = labels[-1]
        path = url[url.find(host) + len(host):] if host in url else ""
        if not scheme:
            if len(labels) < 2 or tld not in tlds() or tld in self.reserved_tlds:
                return None
            if host in self.tech or (tld in self.file_ext and not path.startswith("/")):
                return None
            if re.fullmatch(r"[\d.]+", host.replace(tld, "")):
                return None
        elif scheme == "www." and tld not in tlds():
            return None
        if tld in self.reserved_tlds:
            return None
        host_key = host[4:] if host.startswith("www.") else host
        if _under(host_key, self.shorteners):
            return "link.shortener"
        if "/forms" in path or host_key == "forms.gle":
            return "link.form"  # contact and survey forms, wherever they are hosted
        if _under(host_key, self.allowed):
            return None
        if _under(host_key, self.references) and path.strip("/").count("/") >= 1:
            return None  # a public repository, issue or file
        if _under(host_key, self.samples) and _ITEM_MARKERS.search(path + "/"):
            return None  # one work sample
        before = src[max(0, m.start() - 40):m.start()]
        if self._client_site(before):
            return None
        if any(i in sv.disguised for i in range(m.start(), end)) or scheme is None and "[" in url:
            return "link.disguised"
        return "link.url" if scheme else "link.domain"

    def _client_site(self, before: str) -> bool:
        """'your site acme.com', 'the client's store at ...': the work itself, not a contact."""
        tail = before[-28:]
        return self._your.search(tail) is not None


def _under(host: str, domains: tuple[str, ...] | frozenset[str]) -> bool:
    for domain in domains:
        if host == domain or host.endswith("." + domain):
            return True
    return False
