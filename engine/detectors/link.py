"""Links to outside sites: URLs with or without a scheme, defanged, spoken, shortened or raw-IP.

Allowed: the marketplace's own and reference domains (rule set `allowed_domains`), public
repositories on `reference_hosts`, a single work sample on `work_sample_hosts`, and a site
discussed as the client's own ("your site acme.com").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice

from engine.detectors import Hit
from engine.detectors.email import tlds
from engine.detectors.spoken import spoken
from engine.lexicon import WordGate, lazy_compile, lexicon, word_pattern
from engine.normalize import Text
from engine.rules import RuleSet

# Labels in any script ("марина-фото.рф", "उदाहरण.भारत"): letters with their marks, digits, inner hyphens;
# a name in another script counts only under a top-level domain of the Public Suffix List.
_IP = r"\d{1,3}(?:\.\d{1,3}){3}"
_PATH = r"(?::\d{2,5})?(?:[/?#][^\s<>\"'`]*)?"


def _url_pattern(ch: str, top: str) -> re.Pattern[str]:
    host = r"(?:" + ch + r"(?:(?:" + ch + r"|-){0,61}" + ch + r")?\.)+" + top + r"\.?"
    return re.compile(
        # (the scheme may be transliterated: "хттпс://", "ввв.")
        r"(?P<scheme>(?:https?|ftp|хттпс?|хтпс?)://|www\.|ввв\.)(?P<host>" + _IP + "|" + host + r"|[a-z0-9-]+)" + _PATH
        + r"|(?<![@\w.\-/])(?P<bare>" + host + r")(?![a-z0-9@-])" + _PATH
        + r"|(?<![\w.])(?P<ipurl>" + _IP + r")(?P<ippath>:\d{2,5}(?:/[^\s<>\"']*)?|/[^\s<>\"']+)"
    )


_URL = _url_pattern("[a-z0-9]", "[a-z]{2,24}")
# Labels in any script ("марина-фото.рф", "उदाहरण.भारत"): letters with their marks, digits, inner hyphens;
# a name in another script counts only under a top-level domain of the Public Suffix List. A slower
# pattern, used only when a dot touches a character beyond ASCII.
_CH = r"(?:[^\W_]|[\u0900-\u0dff])"  # Python's \w leaves out the Indic scripts' vowel signs
_URL_ANY_SCRIPT = _url_pattern(_CH, r"(?:(?!\d)" + _CH + r"){2,24}")
_BEYOND_ASCII_DOT = re.compile(r"[^\x00-\x7f][^\s.]{0,62}\.[^\s.]|[^\s.]\.[^\s.]{0,62}[^\x00-\x7f]")
# Parts of a path that mark one item rather than a profile or a whole site.
_ITEM_MARKERS = re.compile(
    r"/(?:file|files|design|proto|board|watch|embed|shorts|video|videos|gallery|shot|shots|pen|s|sh|d|drive/folders|"
    r"document|spreadsheets|presentation|forms/d|view|p|photo|photos|a|album|post|posts|blob|tree|issues|pull|wiki|"
    r"questions|q|wiki|package|project|packages|crate|crates|r)(?:[/?#=]|$)",
)
# A cheap first look before the URL pattern: a dot inside a word, a scheme, or an IP-like run.
_MAYBE_URL = re.compile(r"[a-z0-9-]\.[a-z0-9]|://|www\.")
# "moc.ngisedrepramot": a domain written backwards
_REVERSED = re.compile(r"(?<![\w.@])(?:moc|ten|gro|oi|ved|ku\.oc)\.[a-z0-9-]{3,}(?:\.[a-z0-9-]+)*(?![\w@])")
# a page of documentation by its path: "/docs/", "/icu/userguide/", "/smart-contract-best-practices"
_DOC_PATH = re.compile(r"/(?:docs?|documentation|reference|api|manual|wiki|rfc|spec|specimen|"
                       r"(?:[\w-]*-)?(?:guides?|user-?guides?|handbook|tutorials?|cookbook|best-practices))(?:[/?#]|$)")
# Who a "search for ... and use the form" direction points to: the sender.
_SELF_TARGETS = ["me", "us", "agency", "company", "studio", "name", "agencia", "empresa", "estudio", "estúdio",
                 "agência", "agence", "entreprise", "agentur", "firma", "агентство", "компанию", "وكالتي", "شركتي"]
_SELF_MARKET = [
    "me", "como", "as", "profile", "perfil", "profil", "gig", "меня", "i'm on", "i am on", "i'm also on", "also on",
    "username", "same username", "same name", "user", "nick", "ник", "нику", "usuario", "usuário", "pseudo",
    "benutzername", "estoy en", "estou no", "je suis sur", "ich bin auf", "я есть на", "я на", "я также есть на",
]
_OPAQUE_ID = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{6,20}")
_PROFILE_SEGMENTS = frozenset({"channel", "c", "user", "u", "profile", "profiles", "people", "member", "members",
                               "in", "company", "artist", "artists", "creator", "creators"})
_FORM_HOSTS = frozenset({"forms.gle", "forms.office.com", "forms.app"})
_REVERSED_HINT = re.compile(r"(?:moc|ten|gro|oi|ved)\.")
# another top-level domain named right after one, as an alternative: ".ie or .com", ".de/.at"
# (on the spoken view, whose rewrite may have joined the second ending to the conjunction: " or.com")
_TLD_LISTED = re.compile(r"\s*(?:,|/|\s(?:or|and|o|ou|y|e|oder|und|или|и|أو|و|ya|aur)(?=[\s.]))"
                         r"\s*\.([a-z]{2,10})(?![\w.])")
_PICTOGRAPH_CLASS = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u25a0-\u25ff]\ufe0f?"
_PICTOGRAPH = re.compile(_PICTOGRAPH_CLASS)
# pieces of a name with the same pictograph between them: "studio 🔸 lumen 🔸 ch"
_PICTOGRAPH_DOTS = re.compile(r"(?<![\w.])[a-z0-9][a-z0-9-]{1,40}(?:[ ]?" + _PICTOGRAPH_CLASS
                              + r"[ ]?[a-z0-9][a-z0-9-]{0,40}){1,3}(?![\w])")
_TRAILING = ".,;:!?)]}'\""
# Generic top-level domains people put sites on; other word-like TLDs (.save, .post, .phone, .data)
# after a code object read as attribute access.
_COMMON_TLDS = frozenset("com net org io co dev app ai me info biz xyz site online store shop tech studio design "
                         "agency blog page cloud digital media pro club live space website art email link".split())


class LinkDetector:
    """Finds outside links; skips allowed references, single work samples and client sites."""

    def __init__(self, rules: RuleSet) -> None:
        settings = rules.detectors["link"]
        self.shorteners = frozenset(settings.get("shorteners", []))
        self.mail_providers = frozenset(p.lower() for p in rules.detectors["email"].get("providers", []))
        self.allowed = tuple(rules.allowed_domains)
        self.references = tuple(rules.reference_hosts)
        self.samples = tuple(rules.work_sample_hosts)
        # The marketplace's own name and domains (rule set `marketplace`) are never contact routes:
        # its URLs pass, and phrases naming it are dropped from the lists of other marketplaces.
        self.own = tuple(rules.marketplace_domains)
        own_words = {rules.marketplace_name.lower()} | {d.split(".")[0] for d in self.own}
        own_words.discard("")
        words = {
            key: [w for w in value if not own_words.intersection(re.findall(r"[a-z0-9]+", w.lower()))]
            if isinstance(value, list) else value
            for key, value in lexicon().items()
        }
        self.file_ext = frozenset(words["file_extensions"])
        self.code_objects = frozenset(words["code_identifiers"])
        self.function_words = frozenset(words["function_words"])
        self.tld_nouns = frozenset(words["tld_nouns"])
        self.tech = frozenset(words["tech_names"])
        self.reserved_tlds = frozenset(words["reserved_tlds"])
        self._your = word_pattern(words["your_words"])
        self._intent = word_pattern(words["contact_intent_words"])
        # a claim on a site in its sentence: "my", "meines Studios", "الخاص بي", an offer, or an app
        # named beside it ("Discord schmidt.art" is a handle)
        apps = [a for app in rules.apps for a in (app.name, *app.aliases) if len(a) > 3]
        self._mine = word_pattern(words["my_words"] + words["contact_intent_words"] + apps)
        self._my = word_pattern(words["my_words"])
        # "ohne Plattformgebühr: karriere.….de/jobs", "te escribes por ahí": a way off the platform, said so
        self._site_noun = word_pattern(words["site_nouns"])
        self._off_platform = word_pattern(words["fee_avoidance"] + words["reach_me_words"]
                                          + [w for w in words["call_me_words"] if " " in w or "-" in w])

        self._reference = word_pattern(words["reference_words"])
        self._work = word_pattern(words["work_words"])
        self._strong_hosts = frozenset(words.get("contact_hosts", []))
        # other marketplaces under any country's domain: freelancer.in, kwork.ru, mostaql.com
        self._market_labels = frozenset(
            re.sub(r"\.[a-z]{2,3}$", "", m) for m in words["marketplaces"] if re.fullmatch(r"[a-z0-9.]+", m)
        )
        self._phrases = word_pattern(words["off_platform_phrases"])
        self._self_contact = word_pattern(words["self_contact_cues"])
        mine_source = word_pattern(words["my_words"]).pattern
        site_source = word_pattern(words["site_nouns"]).pattern
        # "my studio site", "la web de mi estudio", "le site de mon studio": the sender's own site
        self._own_site = lazy_compile(
            mine_source + r"(?:\s+[^\W\d_]+){0,2}?\s+" + site_source
            + "|" + site_source + r"\s+(?:of|de|da|do|du|des|von|der)\s+" + mine_source + r"\s+[^\W\d_]+"
        )
        verbs = word_pattern(words["search_verbs"]).pattern
        sites = word_pattern(words["site_form_words"]).pattern
        # "search for 'Studio Lune' and use the form on the site", in eight languages
        target = word_pattern(words["my_words"] + _SELF_TARGETS).pattern
        self._site_gate = WordGate(words["site_form_words"])
        self._verb_gate = WordGate(words["search_verbs"])
        self._phrase_gate = WordGate(words["off_platform_phrases"])
        # "look us up and send a message through the site": a verb that names its own target
        own_search = word_pattern(words["self_search_verbs"]).pattern
        # and the name first, as German and Hindi put the verb last: "„Studio Feldgrau“ googeln und das
        # Kontaktformular ausfüllen", "mon site, que vous trouverez en tapant mon nom ... formulaire"
        quoted = r"[«'\"“„‘]\s*(?P<{0}>[^«»'\"“”„‘’\n]{{2,50}}?)\s*[»'\"”“’]"  # a quoted name: checked for capitals
        self._directions = lazy_compile(
            verbs + r"[^\n]{0,40}?(?:" + target + "|" + quoted.format("q1") + r")[^\n]{0,60}?" + sites
            + "|" + own_search + r"[^\n]{0,60}?" + sites
            + r"|(?:" + target + "|" + quoted.format("q2") + r")[^\n]{0,60}?" + verbs + r"[^\n]{0,80}?" + sites
        )
        # a direction to look the sender up, read over its sentence and the ones beside it
        self._search_verbs = word_pattern(words["search_verbs"])
        self._engines = word_pattern(words["search_engine_words"])
        self._self_search = word_pattern(words["self_search_verbs"])
        self._name_parts = word_pattern(words["name_parts"])
        forms = [w for w in words["site_form_words"] if not _SITE_ONLY.fullmatch(w)]  # a form or a message
        # a form or a message, the sender's details, or the search's result pointed at ("da steht alles",
        # "wahan form hai"); German names forms in compounds ("Anfrageformular", "Buchungsformular")
        pointed = forms + words["self_contact_cues"] + words["found_there_phrases"]
        self._forms = lazy_compile(word_pattern(pointed).pattern
                                   + r"|(?<![^\W_])[^\W\d_]+formular(?:e|s|en)?(?![^\W_])")
        self._own_nouns = word_pattern(sorted(set(words["my_words"]) & set(words["site_nouns"])))
        markets = word_pattern(words["marketplaces"]).pattern
        mine = word_pattern(words["my_words"] + _SELF_MARKET).pattern
        # "find me on Workana as carlos-ruiz-dev", "my Fiverr gig"
        self._market_gate = WordGate(words["marketplaces"] + words["shop_marketplaces"])
        self._everyday_markets = word_pattern(words["marketplace_everyday_names"])
        then = "|".join(sorted((re.escape(w) for w in words["continuation_words"]), key=len, reverse=True))
        dot = "|".join(sorted((re.escape(w) for w in words["dot_words"] if w.isalpha()), key=len, reverse=True))
        self._narrated = lazy_compile(
            r"(?<![\w.@])(?P<name>[a-z][a-z0-9-]{3,40})[\s,;:]{1,3}(?:(?:and|y|e|et|und|и|و|aur)\s+)?(?:" + then
            + r")[\s,;:]{1,3}"
            r"(?:(?:the|el|la|o|a|le|l'|das|der|den)\s+)?(?:" + dot + r")\s+(?P<tld>[a-z]{2,6})(?![\w.@-])"
        )
        self._narrated_keys = frozenset(words["continuation_words"])
        from engine.detectors.social import alias_source

        # (Russian case endings and Arabic prefixes: "на Озоне", "على نون")
        shop_names = [w.lower() for w in words["marketplaces"] + words["shop_marketplaces"]]
        self._shops = lazy_compile(alias_source(shop_names))
        self._same_name = word_pattern(words["same_name_phrases"])
        self._reach_me = word_pattern(words["reach_me_words"])
        self._cheaper = word_pattern(words["cheaper_words"])
        self._order = word_pattern(words["order_words"])
        self._there = word_pattern(words["there_words"])
        self._here_mine = word_pattern(words["self_contact_cues"] + words["presence_words"])
        self._negated = word_pattern(words["negation_cues"])
        # the writer's own, not an organisation's ("our Ozon shop" in a brief is the work)
        self._my_own = word_pattern(sorted(set(words["my_words"]) - set(words["organisation_voice"])))
        self._site_word = word_pattern(words["site_nouns"] + ["página", "pagina", "page", "seite", "сайт", "موقع"])
        # "também estou na 99freelas como joao-redator", "sur Malt sous le nom de thomas-girard-dev"
        as_name = (r"(?:as|under the name|como|com o nome|sous le nom de|sous le pseudo|comme|als|unter dem namen|"
                   r"как|под ником|باسم|naam se)")
        # "No Workana tenho 120 avaliações, procura por arteluzcenica lá": a name to look for there
        look = word_pattern([w for w in words["search_verbs"] if w != "google"]).pattern  # ("Google Sheets")
        shops = word_pattern(words["marketplaces"] + words["shop_marketplaces"]).pattern  # shops too: Etsy, Avito
        self._market = lazy_compile(mine + r"[^.!?\n]{0,30}?" + markets + "|" + markets + r"[^.!?\n]{0,40}?" + mine
                                    + "|" + markets + r"[^.!?\n]{0,12}?\s" + as_name
                                    + r"\s+[a-z0-9][a-z0-9._\-]{2,40}[a-z0-9]"
                                    + "|" + shops + r"[^.!?\n]{0,40}?" + look + r"\s+(?:(?:da|ahí|lá|там)\s+)?"
                                    r"(?:(?:por|for|nach|pelo|pela|como|as|als|как|под ником)\s+)?"
                                    r"[\"'„“«]?[a-z0-9][a-z0-9._\-]{2,40}[a-z0-9](?![\w])[\"'“”»]?"
                                    r"(?=\s*(?:[,.;:!?)]|$|\n|(?:lá|la|ahí|allí|there|dort|da|там|هناك|wahan|and|y|e|und|и|et)\b))")

    def _sent_to_market(self, text: Text, hits: list[Hit]) -> None:
        """A marketplace or a shop in a sentence that sends the buyer there: the writer there under
        the same name, cheaper, or an order to place there ("Fiverr pe bhi hoon same naam se, wahan
        order kar lo", "у меня магазин на Озоне под тем же названием, найдите и пишите через них")."""
        folded = text.folded
        low = folded.text
        for m in islice(self._shops.finditer(low), 4):
            if self._everyday_word(text.original, folded, m.start(), m.end()):
                continue  # "at noon", "contra": the word
            lo = max(0, low.rfind(".", 0, m.start()) + 1, low.rfind("\n", 0, m.start()) + 1)
            stop = _CLAUSE_STOP.search(low, m.end())
            hi = stop.start() if stop else len(low)
            if self._my_own.search(low, lo, hi) is None and self._here_mine.search(low, lo, hi) is None:
                continue  # the writer's own shop or profile there ("tenho loja", "I'm on") is what moves the buyer
            # (or to write to the writer there: "da kannst ma direkt schreiben", "وابعتلي رسالة من هناك")
            sent = (self._same_name.search(low, lo, hi) or self._cheaper.search(low, lo, hi)
                    or ((self._order.search(low, lo, hi) or self._reach_me.search(low, lo, hi))
                        and self._there.search(low, lo, hi)))
            if sent and not self._negated.search(low, lo, hi):
                a, b = folded.span(m.start(), hi)
                hits.append(Hit("link", a, b, "link.marketplace"))
                return

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
        any_script = not src.isascii() and _BEYOND_ASCII_DOT.search(src) is not None
        if any_script or _MAYBE_URL.search(src):
            matches = []
            pattern = _URL_ANY_SCRIPT if any_script else _URL
            for m in pattern.finditer(src):
                end = m.end()
                while end > m.start() and src[end - 1] in _TRAILING:
                    end -= 1
                matches.append((m, end))
            discussion = _Discussion(self, src, matches)
            for m, end in matches:
                rule = self._judge(src, m, end, sv, discussion)
                if rule in ("link.url", "link.domain") and _CONTACT_PAGE.search(src, m.start(), end) and not (
                        _site_pages(src, matches, m)):
                    # "tomaszk.dev/contact", "…/hire-me": a page to reach its owner (not one page of a site
                    # whose other pages the message lists too: a menu's links are the work's)
                    rule = "link.contact_page"
                if rule:
                    a, b = view.span(m.start(), end)
                    hits.append(Hit("link", a, b, rule))
        folded = text.folded
        seen = text.words
        for admitted, pattern, rule in (
            (self._phrase_gate.admits(seen), self._phrases, "link.directions"),
            (self._site_gate.admits(seen) and self._verb_gate.admits(seen), self._directions, "link.directions"),
            (self._market_gate.admits(seen), self._market, "link.marketplace"),
        ):
            if not admitted:
                continue  # none of the pattern's key words is in the message
            for m in pattern.finditer(folded.text):
                if pattern is self._directions and not _names_a_business(text.original, folded, m):
                    continue  # "search the 'checkout' bug": a quoted word, not a name to look up
                if pattern is self._market and self._everyday_word(text.original, folded, m.start(), m.end()):
                    continue  # "contra-rótulo como …", "vacina contra dengue": the word, not the marketplace
                a, b = folded.span(m.start(), m.end())
                hits.append(Hit("link", a, b, rule))
        if self._market_gate.admits(seen) and not any(h.rule == "link.marketplace" for h in hits):
            self._sent_to_market(text, hits)
        if self._verb_gate.admits(seen) and not any(h.rule == "link.directions" for h in hits):
            hits.extend(self._looked_up(text))
        if not text.words.isdisjoint(self._narrated_keys):
            # "mi página es sonidoscanarios y luego el punto com": a site's name, then its top-level
            # domain said after a word for "then" (the spoken view joins only adjacent pieces)
            for m in self._narrated.finditer(folded.text):
                if m.group("tld") in tlds() and self._site_word.search(folded.text, max(0, m.start() - 40), m.start()):
                    a, b = folded.span(m.start(), m.end())
                    hits.append(Hit("link", a, b, "link.narrated"))
        if _PICTOGRAPH.search(folded.text):
            self._pictograph_dots(text, hits)
        for m in (_REVERSED.finditer(src) if _REVERSED_HINT.search(src) else ()):
            host = m.group()[::-1]
            if host.split(".")[-1] in tlds() and host not in self.tech:
                a, b = view.span(m.start(), m.end())
                hits.append(Hit("link", a, b, "link.reversed"))
        return hits

    def _pictograph_dots(self, text: Text, hits: list[Hit]) -> None:
        """A site's name with one pictograph standing for each of its dots, said to be a site ("mon site
        🌐 studio 🔸 lumen 🔸 ch / contact"): the same pictograph between the pieces, the last piece a
        top-level domain, a site's noun or a path beside it ("love 😍 this 😍 design" says no site)."""
        folded = text.folded
        low = folded.text
        pos = 0
        while (m := _PICTOGRAPH_DOTS.search(low, pos)) is not None:
            first = _PICTOGRAPH.search(low, m.start())
            pos = first.end() if first is not None and first.end() < m.end() else m.end()  # retry from the next piece
            marks = set(_PICTOGRAPH.findall(m.group()))
            tld = _PICTOGRAPH.split(m.group())[-1].strip()
            if len(marks) != 1 or tld not in tlds() or not (len(tld) == 2 or tld in _COMMON_TLDS):
                continue  # (a word that is also a new top-level domain, "cards", "design", ends a list)
            around = low[max(0, m.start() - 40):m.end() + 12]
            if self._site_word.search(around) is None and not low[m.end():m.end() + 3].lstrip().startswith("/"):
                continue
            a, b = folded.span(m.start(), m.end())
            hits.append(Hit("link", a, b, "link.disguised"))
            return

    def _everyday_word(self, original: str, folded, start: int, end: int) -> bool:
        """Whether the marketplace named in folded[start:end] is one whose name is an everyday word,
        written as the word (lower case), not as the name ("Contra", "MALT")."""
        for m in self._everyday_markets.finditer(folded.text, start, end):
            a, _ = folded.span(m.start(), m.end())
            if not original[a:a + 1].isupper():
                return True
        return False

    def _looked_up(self, text: Text) -> list[Hit]:
        """Directions to look the sender up, read by sentence: a search verb with a name to look for
        (written in quotes or capitals, "my name", or a search engine: "pon en el buscador lucia
        ferrer foto gastro"), and in that sentence or one beside it the sender's own site or a
        form or contact route ("auf meiner Webseite, einfach nach Sprecher Jannik Oltmanns suchen";
        "das Studio heißt Krähenfeld Games, die Website hat ein Kontaktformular, einfach googeln")."""
        folded = text.folded
        low = folded.text
        for m in self._search_verbs.finditer(low):
            a, b = folded.span(m.start(), m.end())
            if text.original[a:b] == "Google" and _PRODUCT_AFTER.match(text.original, b):
                continue  # "a Google Drive folder", "their Google Business Profile": a product
            bounds = _sentence_bounds(text.original, folded, m.start())
            start, end = bounds[1]
            around = (bounds[0][0], bounds[2][1])
            said = low[start:end]
            own = (self._own_site.search(low, *around) or self._own_nouns.search(low, *around)
                   or self._self_search.search(said))
            if not (own or self._forms.search(low, *around)):
                continue
            if not own and self._reference.search(said):
                continue  # "google 'Vogt Holzbau' for the style references, everything is there": a reference
            # "pon en el buscador", "наберите в поисковике": the verb names the engine; "google" alone does not
            engine = next((e for e in self._engines.finditer(said) if " " in m.group()
                           or e.start() + start >= m.end() or e.end() + start <= m.start()), None)
            if not (self._self_search.search(said) or engine
                    or (self._name_parts.search(said) and self._mine.search(said))
                    or _capitalised_name(text.original, folded, start, end)):
                continue
            a, b = folded.span(start, end)
            return [Hit("link", a, b, "link.directions")]
        return []

    def _judge(self, src: str, m: re.Match[str], end: int, sv, discussion: _Discussion) -> str | None:
        url = src[m.start():end]
        if m.group("ipurl"):
            path = m.group("ippath") or ""
            if _private_ip(m.group("ipurl"), path):
                return None
            if _documentation_ip(m.group("ipurl")) and _PORT_ONLY.fullmatch(path.rstrip(".,;)")):
                said = _SENTENCE_TAIL.search(src, max(0, m.start() - 80), m.start())
                if self._mine.search(src, said.start() if said else m.start(), min(len(src), end + 40)) is None:
                    return None  # "RDP on 198.51.100.11:3389": a documentation host and its port ("my demo" is not)
            return "link.raw_ip"
        scheme = m.group("scheme")
        if scheme and _HTTP_CALL.search(src, max(0, m.start() - 16), m.start()):
            return None  # "GET https://viacep.com.br/ws/01310100/json/ returns 200": an API call described
        host = (m.group("host") or m.group("bare") or "").rstrip(".")
        if not host:
            return None
        if scheme and re.fullmatch(_IP, host):
            return None if _private_ip(host) else "link.raw_ip"
        labels = host.split(".")
        tld = labels[-1]
        if not host.isascii() and not _one_script(labels) and not self._spoken_in_script(src, m, end, sv, labels):
            return None  # "التصميم.Store", "مطور دوت نت": a sentence run on, not a name under its domain
        path = url[url.find(host) + len(host):] if host in url else ""
        if not scheme:
            if len(labels) < 2 or tld not in tlds() or tld in self.reserved_tlds:
                return None
            if host in self.tech or (tld in self.file_ext and not path.startswith("/")):
                return None
            if re.fullmatch(r"[\d.]+", host.replace(tld, "")):
                return None
            if len(labels) == 2 and len(labels[0]) <= 2 and not path and _capitalised_parts(sv, m.start(), end):
                return None  # "M.Tech", "B.Sc", "Ph.D": a degree written with capitals, not a domain
            if self._code_reference(src, m.start(), end, labels):
                return None  # "self.user.profile.phone", "order.save()", "settings.SUPPORT": code
            if _sentence_join(sv, m.start(), end, labels, path) and not discussion.offers_contact(m.start(), end):
                return None  # "ready.Page 3 has ...", "match.here is": a full stop without its space
        elif scheme in ("www.", "ввв.") and tld not in tlds():
            return None
        elif (len(labels) < 2 or tld not in tlds() or not labels[-2].strip("-")) and host != "localhost":
            return None  # "http://microsoft", "http://no-tld", "http://twitter-.com": no host anyone can reach
        if tld in self.reserved_tlds or (len(labels) > 1 and labels[-2] == "example"):
            return None
        host_key = host[4:] if host.startswith("www.") else host
        if _under(host_key, self.own):
            return None  # the marketplace's own jobs, profiles, offers and help pages
        if not path.strip("/") and len(labels) <= 3 and labels[0] in self.mail_providers:
            return None  # "gmail.com" names a mail provider (the email detector judges the address)
        if _under(host_key, self.shorteners):
            return "link.shortener"
        if host_key in _FORM_HOSTS or (host_key == "docs.google.com" and path.startswith("/forms")):
            return "link.form"  # contact and survey forms
        if any(i in sv.disguised for i in range(m.start(), end)) or scheme is None and "[" in url:
            if scheme is None and (labels[0] in self.function_words or labels[0] in self.tld_nouns
                                   or _crosses_sentence(sv, m.start(), end)):
                return None  # "o ponto com mais peso", "le point demain. Net, ...": words, not a domain
            other = _TLD_LISTED.match(src, end)
            if scheme is None and other is not None and other.group(1) in tlds():
                return None  # "… short names" / ".ie or .com, what do you think?": endings compared, no site
            after = _WORD_AFTER.match(src, end)
            if (scheme is None and not path and tld in self.function_words and after
                    and after.group().strip() not in _AND
                    and self._site_word.search(src, max(0, m.start() - 40), m.start()) is None):
                # "autour du point de vente", "el punto de partida": a phrase, the TLD its preposition (not
                # after a site's noun: "meri website kabirsharma dot in pe …")
                return None
            return "link.disguised"
        if _under(host_key, self.samples) and _is_single_item(path):
            a, b = discussion._sentence(m.start(), end)
            if not (self._off_platform.search(src, a, b) or discussion._read(m.start(), end)[1]):
                # one work sample named as part of the writer's portfolio ("Mein Portfolio: behance.net/gallery/…"),
                # with no contact details or invitation behind it ("my CV, with my details: docs.google.com/…" has)
                return None
        if discussion.offers_contact(m.start(), end):
            return "link.self_contact"  # "my CV, with my details: docs.google.com/...", "my GitHub, with my email"
        if _under(host_key, self.allowed) or _is_documentation(host_key, path):
            return None
        if (_PUBLIC_BODY.intersection(labels[1:]) or ".".join(labels[-2:]) in _PUBLIC_SUFFIXES
                or (len(labels) == 2 and labels[0] in _PUBLIC_BODY and len(tld) == 2)):  # "gov.br/anpd", "egov.kz"
            return None  # a government or public body's site ("oqlf.gouv.qc.ca", "europa.eu"): a reference
        if len(labels) >= 2 and labels[-2] in self._market_labels and path.strip("/"):
            return "link.marketplace"  # a profile or gig on another marketplace
        if _under(host_key, self._strong_hosts):
            if not path.strip("/") and discussion.about_work_or_references(m.start(), end):
                return None  # "similar to calendly.com in feel": the brand as a reference
            return "link.contact_service"  # schedulers, form builders, applicant tracking, marketplaces
        if _under(host_key, self.references) and path.strip("/").count("/") >= 1:
            return None  # a public repository, issue or file
        if _under(host_key, self.samples) and _is_single_item(path):
            return None  # one work sample
        return self._by_context(src, m.start(), end, "link.url" if scheme else "link.domain", discussion, sv)

    def _spoken_in_script(self, src: str, m: re.Match[str], end: int, sv, labels: list[str]) -> bool:
        """"मेरी वेबसाइट: डॉक्टर-अनुराधा डॉट इन": a name, its dot and its top-level domain all spoken
        in the name's own script, after words offering a site (without them, "مطور دوت نت" is a
        ".NET developer")."""
        a, b = sv.view.span(m.start(), end)
        written = sv.original[a:b]
        return (_one_script(labels[:-1]) and _one_script([written])
                and self._intent.search(src, max(0, m.start() - 40), m.start()) is not None)

    def _code_reference(self, src: str, start: int, end: int, labels: list[str]) -> bool:
        """An attribute chain read as a domain: a code object first, a word as the 'TLD', or a call."""
        if src[end:end + 1] == "(" or any("_" in label for label in labels):
            return True  # (an underscore in the path, "fiverr.com/mike_motion", is a username)
        tld = labels[-1]
        return labels[0] in self.code_objects and len(tld) > 2 and tld not in _COMMON_TLDS

    def _by_context(self, src: str, start: int, end: int, rule: str, discussion: _Discussion, sv) -> str | None:
        """A plain site: flag it as the sender's own unless it reads as a reference or the work."""
        before = src[max(0, start - 40):start]
        after = src[end:end + 24]
        if self._client_site(before):
            return None
        if rule == "link.domain" and _brand_in_a_list(sv, start, end) and not self._intent.search(before):
            a, b = discussion._sentence(start, end)
            if self._my.search(src, a, b) is None:
                return None  # "Booking.com, Expedia et Airbnb sont connectés": a brand named among others
        if rule == "link.domain" and _brand_after_preposition(sv, start, end):
            a, b = discussion._sentence(start, end)
            if self._my.search(src, a, b) is None and self._intent.search(src, a, b) is None:
                return None  # "Cartão de teste do Pagar.me", "via Respond.io", "no Frame.io": a service named as a tool
        if self._intent.search(before) or self._intent.search(after):
            return rule  # "visit", "contact", "book", "my portfolio": a way to reach the sender
        if self._theirs_after(src, end) and self._mine.search(src, max(0, start - 80), end + 40) is None:
            return None  # "sdoba-kazan.ru/sostav, это их сайт": the client's page, the work
        a, b = discussion._sentence(start, end)
        stop = src.find(" ", start)
        if REACH_PAGE.search(src, start, len(src) if stop < 0 else stop):
            return rule  # "…/contact", "…/kontakt", "…/booking": a page to reach someone, whatever it is cited as
        if self._off_platform.search(src, a, b):
            return rule  # "ohne Plattformgebühr: karriere.….de", "entra con tu correo y me escribes por ahí"
        if discussion.about_work_or_references(start, end):
            return None  # "our site x.com loads slowly, can you fix it?": the work itself
        if len(src) >= _LONG_MESSAGE:
            a, b = discussion._sentence(start, end)
            if self._mine.search(src, a, b) is None and not _personal_page(src[start:len(src) if stop < 0 else stop]):
                return None  # "Kanäle: karriere.at", "по данным esomar.org", "siehe https://www.bildungsserver.de/":
                #              in a proposal, a site no one in its sentence claims is a source, a tool or a channel
        if discussion.coordinated(start, end) and self._mine.search(src, a, b) is None and not self._intent.search(
                src, a, b):
            return None  # "Сайты: www.avito.ru и www.cian.ru, только аренда": sites listed as the work's targets
        return rule  # a bare site with nothing around it: treat it as the sender's

    def _theirs_after(self, src: str, end: int) -> bool:
        """'sdoba-kazan.ru/sostav, это их сайт': the clause right after names the site someone else's."""
        after = src[end:end + 40]
        clause = re.split(r"[.!?;\n]", after, maxsplit=1)[0]
        return self._your.search(clause) is not None and self._site_noun.search(clause) is not None

    def _client_site(self, before: str) -> bool:
        """'your site acme.com', 'the client's store at ...': the work itself, not a contact."""
        tail = before[-28:]
        return self._your.search(tail) is not None


_CLAUSE_STOP = re.compile(r"[.!?;\n]")
_COORDINATION = re.compile(r"\s*(?:[,;&+]\s*(?:(?:and|und|y|e|et|и|или|or|oder|ou|o|و|aur|ya)\s+)?|"
                           r"\s(?:and|und|y|e|et|и|или|or|oder|ou|o|و|aur|ya)\s+)")
# A page to reach someone: contact, booking, applying (careers pages, applicant tracking), or a
# form to send a request or ask for a quote ("…/anfrage", "…/support-form", "…/talab", "…/devis").
# An organisation's brief may hand over its own contact or booking page as the work; its page to
# apply through is a way to reach it whoever's brief it is (engine/detector.py reads APPLY_PAGE).
_APPLY_WORDS = (r"apply|application|bewerb\w*|careers?|jobs?|karriere|vacanc\w*|vagas?|empleo\w*|trabaja\w*|"
                r"candidat\w*|vacatures|вакансии")
_REQUEST_WORDS = (r"contact\w*|kontakt\w*|contato|contacto|book\w*|reserv\w*|agend\w*|termin\w*|rdv|rendez-vous|"
                  r"(?:[\w-]*-)?(?:form|forms|formulario|formulaire|formular)|anfrage\w*|solicitud|cotizaci[oó]n|cotizar|"
                  r"or[cç]amento|devis|quote|talab|zayavka|zapros|hire-?me|hire|contr[aá]ta(?:me|nos|-me)?|"
                  r"work-with-me|trabaja-conmigo|trabalhe-comigo|zakaz|заказ\w*|заявк\w*")
_PAGE = r"/(?:[\w.-]+/)*(?:{})(?![^/\s?#.,;)\"'\]>])"  # (a quote or a bracket may close a written URL)
APPLY_PAGE = re.compile(_PAGE.format(_APPLY_WORDS), re.IGNORECASE)
REACH_PAGE = re.compile(_PAGE.format(_REQUEST_WORDS + "|" + _APPLY_WORDS), re.IGNORECASE)
_REACH = 300
_SENTENCE_END = re.compile(r"[.!?\n\u3002\u061f\u06d4](?:\s|$)|\n")


class _Discussion:
    """What the sentence around a link says, links aside: references, the work, or the sender's
    own contact details (computed once per sentence). A long proposal that cites documentation in
    one sentence and buries "my site, with my contact page" in another is judged per sentence."""

    def __init__(self, detector: LinkDetector, src: str, matches: list[tuple[re.Match[str], int]]) -> None:
        self.detector = detector
        self.src = src
        self.matches = matches
        self._cache: dict[tuple[int, int], tuple[bool, bool, bool]] = {}
        self._starts = [m.start() for m, _ in matches]

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around [start, end), looked for at most _REACH characters either side
        (a long text with many links and no full stop stays linear)."""
        lo = max(0, start - _REACH)
        a = lo
        for m in _SENTENCE_END.finditer(self.src, lo, start):
            a = m.end()
        m = _SENTENCE_END.search(self.src, end, end + _REACH)
        return a, (m.start() if m else min(len(self.src), end + _REACH))

    def _read(self, start: int, end: int) -> tuple[bool, bool, bool]:
        bounds = self._sentence(start, end)
        answer = self._cache.get(bounds)
        if answer is None:
            a, b = bounds
            parts, pos = [], a
            k = bisect_left(self._starts, a)
            while k < len(self.matches) and self._starts[k] < b:
                m, link_end = self.matches[k]
                if link_end <= b and m.start() >= pos:
                    parts.append(self.src[pos:m.start()])
                    pos = link_end
                k += 1
            parts.append(self.src[pos:b])
            rest = " ".join(parts)
            d = self.detector
            work = bool(d._work.search(rest))
            answer = (work or bool(d._reference.search(rest)), bool(d._self_contact.search(rest)), work)
            self._cache[bounds] = answer
        return answer

    def coordinated(self, start: int, end: int) -> bool:
        """Whether the link at [start, end) and another stand joined by "and" or a comma ("www.avito.ru
        и www.cian.ru", "Os sites são www.mercadolivre.com.br e www.magazineluiza.com.br")."""
        for m, link_end in self.matches:
            if link_end <= start and _COORDINATION.fullmatch(self.src, link_end, start):
                return True
            if m.start() >= end and _COORDINATION.fullmatch(self.src, end, m.start()):
                return True
        return False

    def about_work_or_references(self, start: int, end: int) -> bool:
        """The link's sentence reads as references or as the work itself."""
        return self._read(start, end)[0]

    def offers_contact(self, start: int, end: int) -> bool:
        """The link's sentence says the sender's contact details or own site are behind it (and
        does not ask for work on it: "our site x.com loads slowly, can you fix it?")."""
        _, contact, work = self._read(start, end)
        if contact:
            return not work
        a, b = self._sentence(start, end)
        own = self.detector._own_site.search(self.src, a, start)
        if own is None:
            return False
        # work words outside the "my studio site" phrase itself ("le site" names both)
        rest = self.src[a:own.start()] + " " + self.src[own.end():b]
        return self.detector._work.search(rest) is None


def _crosses_sentence(sv, start: int, end: int) -> bool:
    """Whether the original text under view[start:end] holds a sentence end ('. ' or a line break)."""
    a, b = sv.view.span(start, end)
    written = "".join(ch for k, ch in enumerate(sv.original[a:b], a) if k not in sv.joined)  # "" if a >= b
    return bool(_LIST_OR_SENTENCE_BREAK.search(written))


# A sentence's end, or a list's separator before a capital ("Photography · Video · Design"), or a line break
_LIST_OR_SENTENCE_BREAK = re.compile(r"[.!?\u00b7\u2022\u2219\u22c5\u30fb]\s+[A-ZÀ-ÖØ-ÞА-Я]|\n")


def _sentence_join(sv, start: int, end: int, labels: list[str], path: str) -> bool:
    """A bare 'word.Word' or 'word.here' with no path: two sentences typed without a space.
    The part after the dot starts with a capital in the original, or is a word-like TLD that
    sites rarely use."""
    if path.strip("/") or len(labels) != 2:
        return False
    a, b = sv.view.span(start, end)
    original = sv.original[a:b]
    dot = original.rfind(".")
    after = original[dot + 1:]
    if after[:1].isupper() and not after.isupper() and original[:dot][-1:].islower():
        return True
    return len(labels[-1]) > 2 and labels[-1] not in _COMMON_TLDS and labels[0].isalpha()


def _is_documentation(host: str, path: str) -> bool:
    """docs.docker.com, developer.apple.com/..., laravel.com/docs/...: public documentation."""
    first = host.split(".")[0]
    if first in ("docs", "doc", "developer", "developers", "dev", "learn", "api", "wiki", "help", "support", "kb"):
        return True
    return bool(_DOC_PATH.search(path))


_PERSONAL_SEGMENTS = frozenset({"resume", "resumes", "cv", "lebenslauf", "curriculum", "in", "u", "user", "profile",
                                 "people", "member"})


def _personal_page(url: str) -> bool:
    """'hh.ru/resume/4f1e…', 'linkedin.com/in/ana-souza', 'site.com/@ana': one person's page (a CV, a
    profile), which a proposal cites as no source, tool or channel."""
    path = re.sub(r"^[a-z][\w+.-]*://", "", url.lower()).partition("/")[2]
    segments = [p for p in re.split(r"[/?#]", path) if p]
    return bool(segments) and (segments[0] in _PERSONAL_SEGMENTS and len(segments) >= 2
                               or (len(segments) == 1 and segments[0].startswith("@") and len(segments[0]) > 2))


def _is_single_item(path: str) -> bool:
    """/file/abc/Landing, /watch?v=..., /912345678: one item rather than a profile or site."""
    if _ITEM_MARKERS.search(path):
        return True
    segments = [p for p in re.split(r"[/?#]", path) if p]
    if segments and (segments[0].lower() in _PROFILE_SEGMENTS or segments[0].startswith("@")):
        return False  # "youtube.com/channel/UC…", "/@ana.draws", "/user/x": a profile, not one item
    if len(segments) >= 2:
        return True
    # youtu.be/8aGhZQkoFbQ, vimeo.com/912345678: one opaque id
    return len(segments) == 1 and (segments[0].isdigit() or _OPAQUE_ID.fullmatch(segments[0]) is not None)


_PRIVATE_NETWORKS = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
# Addresses reserved for documentation (RFC 5737, RFC 3849): with a port and no page they are the
# hosts of a report or a config, like example.com; with a page ("http://203.0.113.7/hire-me") they
# are still a page to visit
_DOCUMENTATION_NETWORKS = ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
_PORT_ONLY = re.compile(r":\d{2,5}")
_SENTENCE_TAIL = re.compile(r"[^.!?\n]*$")


def _documentation_ip(ip: str) -> bool:
    import ipaddress

    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net) for net in _DOCUMENTATION_NETWORKS)


_WORD_AFTER = re.compile(r"[ \t]+[^\W\d_]{2,}")
_AND = frozenset(lexicon()["glue_conjunctions"])  # "atelier point de et voilà": the domain ends
_SITE_ONLY = re.compile(
    r"(?:the |our |my |through the |via the |pelo |par le |über die )?"
    r"(?:site|website|seite|сайт|сайте|الموقع)(?: pe| se)?")
_PRODUCT_AFTER = re.compile(r"[ \t]+[A-Z0-9]")
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])[.!?;:؟。](?=\s|$)|\n")
_NAME_RUN = re.compile(r"(?<![\w'])[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]+(?:[ \t]+(?:&[ \t]+)?[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]+)+")
_QUOTED_NAME = re.compile(r"[«'\"“„‘]\s*([^«»'\"“”„‘’\n]{2,50}?)\s*[»'\"”“’]")


def _sentence_bounds(original: str, view, pos: int) -> list[tuple[int, int]]:
    """The view's spans of the sentence at `pos` and of the sentences before and after it (each
    at most 300 characters; a sentence ends at . ! ? ; : or a line break, not after "Dr")."""
    low = view.text
    stops = _sentence_stops(low)
    k = bisect_right(stops, pos)  # stops[:k] end at or before pos
    start = stops[k - 1] if k >= 1 else 0
    end = stops[k] if k < len(stops) else len(low)
    prev_start = stops[k - 2] if k >= 2 else 0
    next_end = stops[k + 1] if k + 1 < len(stops) else len(low)
    return [(max(prev_start, start - 300), start), (start, end), (end, min(next_end, end + 300))]


@lru_cache(maxsize=4)
def _sentence_stops(low: str) -> list[int]:
    """Where each sentence of a text ends (once per text: a long message asks for many)."""
    return [m.end() for m in _SENTENCE_STOP.finditer(low)]


def _capitalised_name(original: str, view, start: int, end: int) -> bool:
    """Whether the sentence names someone to look up: a quoted name with a capital (or in a caseless
    script), or two capitalised words in a row that do not open the sentence."""
    a, b = view.span(start, end)
    sentence = original[a:b]
    for q in _QUOTED_NAME.finditer(sentence):
        if any(c.isupper() or (c.isalpha() and c.lower() == c.upper()) for c in q.group(1)):
            return True
    lead = len(sentence) - len(sentence.lstrip())
    return any(m.start() > lead + 1 for m in _NAME_RUN.finditer(sentence))


def _names_a_business(original: str, view, m: re.Match[str]) -> bool:
    """Whether a quoted name in a search direction is a name as written (a capital, or a caseless
    script): "„Studio Feldgrau Leipzig“", not "'checkout'"."""
    for group in ("q1", "q2"):
        if m.group(group):
            a, b = view.span(m.start(group), m.end(group))
            return any(c.isupper() or (c.isalpha() and c.lower() == c.upper()) for c in original[a:b])
    return True


# Second-level labels of governments and public bodies in the Public Suffix List's country domains.
_PUBLIC_BODY = frozenset({"gov", "gouv", "gob", "govt", "gv", "gc", "bund", "go", "gub", "gos", "admin", "egov"})
_LONG_MESSAGE = 400  # a proposal or a brief, not a chat line
_PUBLIC_SUFFIXES = frozenset({"europa.eu", "admin.ch", "bund.de", "service-public.fr", "gosuslugi.ru"})


_LIST_JOIN = r"(?:,|;|/|&|\s(?:and|or|et|ou|und|oder|y|o|e|и|или|و|aur))"
_LIST_AFTER = re.compile(r"\s*" + _LIST_JOIN + r"\s*\(?[A-Z\u0600-\u06ff][\w.-]+")
_LIST_BEFORE = re.compile(r"[A-Z\u0600-\u06ff][\w.-]+\)?\s*" + _LIST_JOIN + r"\s*$")


def _brand_in_a_list(sv, start: int, end: int) -> bool:
    """Whether a bare domain is written as a brand ("Booking.com", "Frame.io": a capital, then
    lower case) in a list of two other names or more ("Booking.com, Expedia et Airbnb")."""
    a, b = sv.view.span(start, end)
    written = sv.original[a:b]
    if "/" in written or not written[:1].isupper() or written.isupper():
        return False
    others, pos = 0, b
    while others < 2 and (m := _LIST_AFTER.match(sv.original, pos)) is not None:
        others, pos = others + 1, m.end()
    pos = a
    while others < 2 and (m := _LIST_BEFORE.search(sv.original, max(0, pos - 40), pos)) is not None:
        others, pos = others + 1, m.start()
    return others >= 2  # two other names at least: "Studioluna.com and Instagram" may be the writer's own


# a preposition or a genitive right before a name: "do", "via", "in", "на", "عبر"
_TOOL_PREPOSITION = re.compile(
    r"(?<![^\W_])(?:in|on|via|through|with|from|of|into|do|da|no|na|pelo|pela|com|de|del|en|con|por|au|du|dans|sur|avec|"
    r"par|über|mit|im|auf|vom|в|на|через|с|из|من|على|في|عبر|pe|se|ka|ki|ke)\s+$", re.IGNORECASE)


def _brand_after_preposition(sv, start: int, end: int) -> bool:
    """Whether a bare domain is written as a brand ("Pagar.me", "Frame.io": a capital, then lower case,
    no path) right after a preposition or a genitive: a service named as the tool of the work."""
    a, b = sv.view.span(start, end)
    written = sv.original[a:b]
    if "/" in written or not written[:1].isupper() or written.isupper() or not written[1:2].islower():
        return False
    return _TOOL_PREPOSITION.search(sv.original, max(0, a - 12), a) is not None


def _capitalised_parts(sv, start: int, end: int) -> bool:
    """Whether both parts of "A.Bcd" begin with a capital as written (an abbreviation, not x.com)."""
    a, b = sv.view.span(start, end)
    parts = sv.original[a:b].split(".")
    return len(parts) == 2 and all(p[:1].isupper() for p in parts) and not parts[1].isupper()


def _one_script(labels: list[str]) -> bool:
    """Whether a domain's names and its top-level domain are written in one script (any script;
    "марина-фото.рф", "münchen.de"), and not through a spoken dot."""
    def scripts(words: list[str]) -> set[str]:
        return {unicodedata.name(c, "?").split()[0] for w in words for c in w if c.isalpha()}

    names, top = scripts(labels[:-1]), scripts(labels[-1:])
    return len(names | top) == 1


_HTTP_CALL = re.compile(
    r"(?<![\w-])(?:get|post|put|patch|delete|head|options|curl(?: -[a-z]+)*|wget|fetch\(|axios\.\w+\()\s*[\"'`]?$"
)
_SERVICE_PORTS = frozenset({21, 22, 23, 25, 110, 143, 389, 465, 587, 993, 995, 1433, 1521, 2181, 3306, 5432, 5672,
                            6379, 9042, 9092, 9200, 9300, 11211, 27017})


def _private_ip(ip: str, path: str = "") -> bool:
    """Not a site anyone can visit: private, loopback, link-local, reserved or unspecified
    addresses (Python's `ipaddress` knows the ranges), and CIDR ranges ("50.22.30.40/32")."""
    import ipaddress

    if re.fullmatch(r"/\d{1,2}", path.rstrip(".,;)")):
        return True  # a network range in a firewall rule, not a URL
    port = re.match(r":(\d{2,5})(?!\d)", path)
    if port is not None and int(port.group(1)) in _SERVICE_PORTS:
        return True  # "185.22.64.10:5432": a database or a shell, not a site anyone browses
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return True
    if address.is_loopback or address.is_link_local or address.is_unspecified or address.is_multicast:
        return True
    return any(address in ipaddress.ip_network(net) for net in _PRIVATE_NETWORKS)


# a site's page for reaching its owner: the last segment of its path
_CONTACT_PAGE = re.compile(
    r"(?<=[\w.])/(?:[\w.-]+/)*(?:contact(?:-?(?:me|us|o|os))?|kontakt(?:e|ieren)?|contato|contacto|hire-?me|"
    r"work-?with-?me|get-?in-?touch|book-?(?:a-?call|me)|svyaz|kontakty|تواصل|اتصل-بنا)/?(?:[?#][^\s]*)?(?=$|[\s)\]>\"',])",
    re.IGNORECASE,
)


def _site_pages(src: str, matches: list, m: re.Match[str]) -> bool:
    """Whether another link of the message goes to another page of m's host."""
    host = _HOST_OF.match(src, m.start())
    if host is None:
        return False
    others = [src[o.start():e] for o, e in matches if o.start() != m.start()]
    return any(h is not None and h.group(1).lower() == host.group(1).lower()
               for h in (_HOST_OF.match(o) for o in others))


_HOST_OF = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?([^\s/:?#]+)", re.IGNORECASE)


def _under(host: str, domains: tuple[str, ...] | frozenset[str]) -> bool:
    for domain in domains:
        if host == domain or host.endswith("." + domain):
            return True
    return False
