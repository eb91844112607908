"""Social contact information: handles, messenger IDs, app invite links, meeting IDs, moves to an app.

A pipeline in the style of python-phonenumbers' matcher: one alternation regex finds app names
(from the rule set) in the folded view, then cheap context checks decide whether each mention
is a route off the platform ("add me on insta", "whatsapp pe baat karte hain") or just the
app named as work ("a WhatsApp clone", "Instagram ads", "zoom in"). Handles, Skype `live:` IDs,
Discord tags, meeting IDs and app links have their own patterns. The words are data in
engine/data/social_lexicon.json.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from engine.detectors import Hit, capped
from engine.lexicon import LETTER, WordGate, homograph_guard, lazy_compile, read_data, trie_alternation, unmarked
from engine.normalize import Text, View, all_number_words, word_set
from engine.rules import RuleSet

CATEGORY = "social"
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 50
_NEAR = 16  # an intent phrase ending this close before an app name counts as "add me insta"


@lru_cache(maxsize=8)
def load_lexicon(name: str) -> dict:
    """A JSON lexicon from engine/data, parsed once."""
    return json.loads(read_data(name))


def phrase_source(phrases, bounded: bool = True) -> str:
    """One alternation matching any phrase as whole words; a trailing * makes a stem."""
    # ("9 mil seguidores" is no Hindi "mil", meet: the homographs' look-arounds after the match)
    alternation = "(?:" + trie_alternation(set(phrases)) + ")" + homograph_guard({p.lower() for p in phrases})
    if bounded:
        return r"(?<!\w)" + alternation + r"(?!\w)"
    return alternation


_LETTERS = re.compile(LETTER + "+")
def gate_keys(phrases) -> frozenset[str]:
    """For each phrase its longest word: a phrase can only match if that word is in word_set."""
    keys = set()
    for phrase in phrases:
        tokens = _LETTERS.findall(unmarked(phrase).lower().rstrip("*"))
        if tokens:
            keys.add(max(tokens, key=len))
    return frozenset(keys)


def collapse(s: str) -> str:
    """Text with runs of whitespace made one space, as the folded view writes it (no nukta)."""
    return " ".join(unmarked(s).split())


_WORD = re.compile(r"[^\W_][\w'.-]*|[^\W\d_]")
# و ف ب ل ع before ال, or one of them alone (Levantine "ع" for "على": "عالأخضر", "عالواتس")
_ARABIC_PREFIX = "(?:[\u0648\u0641\u0628\u0644\u0639]?\u0627\u0644|[\u0648\u0641\u0628\u0644\u0639])?"
_CYRILLIC_SUFFIX = "[\u0430-\u044f\u0451]{0,3}"
_TLDS = {"com", "net", "org", "io", "co", "ru", "de", "fr", "es", "br", "in", "uk", "us", "me", "info", "biz", "edu",
         "gov", "ng", "ke", "za", "au", "ca", "mx", "ar", "it", "nl", "pl", "ua", "app", "dev", "ai"}
_OTHER_POSSESSIVES = {
    "your", "ur", "his", "her", "their", "client's", "clients", "tu", "su", "tus", "seu", "sua", "teu", "tua",
    "ton", "ta", "votre", "dein", "deine", "deinem", "ihr", "ihre", "твой", "твоя", "ваш", "ваша", "твоём",
    "твоем", "вашем", "aapka", "aapki", "tumhara", "tera", "apna", "apni",
}
_YOUR_MORE = {"eurer", "euer", "eure", "eures", "вашего", "вашей", "вашу", "вашим", "твоего", "твоей", "tumhare",
              "aapke", "vuestro", "vuestra", "vosso", "vossa", "seus", "suas", "vos", "sus"}
_DETERMINERS = {"my", "the", "a", "mi", "el", "la", "meu", "minha", "o", "mon", "ma", "le", "mein", "meinem", "meine",
                "dem", "den", "мой", "моём", "моем", "моя", "мою", "our", "mere", "meri", "mera"}
_NUMBER_TAIL = re.compile(r"(?:[ \t().-]{0,2}\d)+")
_FAR_BLOCKERS = frozenset({"login", "logins", "sign-in", "signin", "oauth", "auth", "sdk", "sdks", "api", "apis",
                           "pixel", "clone", "clones", "bot", "bots", "integration", "integrations", "webhook"})
_CLAUSE_BREAK = re.compile(r"[.!?;\n]")
# An app counted ("WhatsApp 55 %", "WhatsApp: 40%") or an item of a list of things in brackets
# ("(signboards, WhatsApp messages, menus)"): a channel as the subject of the work, not a route.
_SHARE_AFTER = re.compile(r"\s*[:(]?\s*\d[\d.,]*\s*[%\u066a]")
_QUOTE_REACH = 60
_OPENING_QUOTES = ('"', "\u201c", "\u201e", "\u00ab", "\u2039", "\u300c", "'")
_CLOSING_QUOTES = {"\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb", "\u2039": "\u203a", "\u300c": "\u300d"}
# (a share of people and what they do there: "17% want a reminder on WhatsApp", "٣٩٪ يفضلون الحجز عبر التطبيق")
_SHARE_BEFORE = re.compile(r"\d[\d.,]*\s*[%\u066a]\s*(?:[^\s,.;:!?\u060c]+\s+){0,4}"
                           r"(?:(?:on|via|por|par|über|через|عبر|على|في|в|на|no|na|em|en|sur|auf|pe)\s+)?$")
_LIST_BEFORE = re.compile(r"\([^()]*,\s*$")
_LIST_AFTER = re.compile(r"(?:\s+[^\W\d_]+)?(?:\s*[,)/]|\s+(?:and|or|y|o|e|ou|et|und|oder|и|или|و|aur|ya)\s)")
_AFTER_NUMBER = re.compile(r"\d[\d.,]*\s?$")
# a handle's shape without an "@": a dot or an underscore inside, or digits ("kai.draws", "lily0921")
_HANDLE_TOKEN = r"@?(?:[a-z][a-z0-9]*[._][a-z0-9._]*[a-z0-9]|[a-z][a-z0-9_]*\d[a-z0-9_]*)"
_CREDENTIALS = re.compile(
    r"pass(?:word|wort|e)?\b|pwd|contraseña|senha|mot de passe|пароль|كلمة (?:المرور|السر)|staging|login|\btest|demo\b"
    r"|sandbox|dummy|example|fixture"
)
_HEX_NEIGHBOURS = re.compile(r"[0-9a-f]{2}[:-][0-9a-f]{2}[:-][0-9a-f]{2}")
_CODE_TALK = re.compile(
    r"(?<![\w@])(?:django|flask|fastapi|spring|angular|nestjs|laravel|symfony|rails|typescript|javascript|python|java|"
    r"kotlin|swift|php|css|scss|sass|decorators?|annotations?|middleware|endpoints?|controllers?|view|views|"
    r"function|functions|method|methods|class|classes|module|modules|hooks?)(?!\w)"
)
_DECORATOR_WORD = re.compile(r"d[ée]corat|dekorat|декорат|decorador|annotation|аннотац|anotaç|anotación")
_DECORATOR_CALL = re.compile(r"(?<![\w@])@[a-z_][\w.]*\(")
_WEAK_ONLY_BLOCKERS = {"in", "out", "to", "level", "levels", "factor", "strength", "strong", "weak", "lost", "grid",
                       "height", "spacing", "processing", "style", "lens", "filter", "filters", "effect", "effects"}


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def alias_source(aliases) -> str:
    """Alternation of app names, allowing Arabic attached prefixes and Russian case endings."""
    arabic = {a for a in aliases if a and _is_arabic(a[0])}
    cyrillic = {a for a in aliases if a and a not in arabic and _is_cyrillic(a[-1]) and len(a) > 2}
    plain = {a for a in aliases if a and a not in arabic and a not in cyrillic}
    groups = []
    if plain:
        groups.append(trie_alternation(plain, space=r"\s*"))
    if cyrillic:
        groups.append(trie_alternation(cyrillic, space=r"\s*") + _CYRILLIC_SUFFIX)
    if arabic:
        # (and a possessive suffix after it: "سنابي", "واتسابك": my Snap, your WhatsApp)
        groups.append(_ARABIC_PREFIX + trie_alternation(arabic, space=r"\s*") + "(?:\u064a|\u0643|\u0643\u0645)?")
    return r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)"


_SESSION_ID = re.compile(r"(?<![0-9a-f])05[0-9a-f]{64}(?![0-9a-f])")
_WECHAT_ID = re.compile(r"(?<![\w.])wxid_[a-z0-9_]{4,30}(?![\w.])")

_QUESTION_AFTER = re.compile(r"\s*(?:then|entonces|então|alors|dann|тогда|إذن|phir)?\s*[?؟]")
_WORD_RE = re.compile(r"[^\W\d_]+")
_SENTENCE_STOP = re.compile(r"[.!?\u061f](?=\s|$)|\n")
_CLAUSE_STOP = re.compile(r"[.!?;\u061f](?=\s|$)|\n")


# the intent is to write here, on the platform: "für Rückfragen bitte hier schreiben; Telegram-Gruppen erst später"
_HERE_NEAR = re.compile(r"(?<![^\W_])(?:here|hier|aquí|aqui|acá|ici|здесь|тут|هنا|yahan|yaha)(?![^\W_])")
# channels listed as the topic: the app's name, then what goes through it ("… call and WhatsApp conversation")
_CHANNEL_TOPIC = re.compile(r"\s+(?:conversations?|chats?|messages?|threads?|inbox|history|logs?|traffic|tickets?|"
                            r"conversaciones?|conversas?|mensajes?|mensagens?|messages?|gespräche?|nachrichten|"
                            r"переписк\w*|сообщени\w*|محادثات|رسائل)(?![^\W_])")
# an intent word coordinated with the app name, nothing else between: "call and WhatsApp", "appel ou WhatsApp"
# talk about the app, not on it: "on peut parler de WhatsApp dans la campagne", "let's discuss Telegram's API"
_TOPIC_OF = re.compile(r"\s+(?:about|regarding|de|sobre|acerca\s+de|über|von|о|об|про|عن|ke\s+baare\s+(?:mein|me))"
                       r"(?:\s+(?:the|la|el|le|les|l'|o|a|os|as|das|die|der|den))?\s*")
_COORDINATED = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b|\by\b|\bo\b|\be\b|\bou\b|\bet\b|\bund\b|\boder\b|"
                          r"\bи\b|\bили\b|\baur\b|\bya\b|\u0648)\s*")


# the app's name inside a code identifier: a package, a module path, a snake_case name
_IDENTIFIER_AFTER = re.compile(r"[._][a-z0-9]|-[a-z0-9]+[._@/][a-z0-9]")
_IDENTIFIER_BEFORE = re.compile(r"[a-z0-9][._]$|(?<![^\s\"'(/])[a-z0-9]+-$")


def _sentence_of(t: str, s: int, e: int, clause: bool = False) -> tuple[str, int]:
    """The sentence (or clause, at a semicolon too) around t[s:e] and its start; a dot inside a
    handle or a domain ("@lena.bakes") ends nothing."""
    stop = _CLAUSE_STOP if clause else _SENTENCE_STOP
    lo = 0
    for m in stop.finditer(t, 0, s):
        lo = m.end()
    after = stop.search(t, e)
    return t[lo:after.start() if after else len(t)], lo


class _AppName:
    __slots__ = ("app", "weak", "verb")

    def __init__(self, app: str, weak: bool, verb: bool) -> None:
        self.app = app
        self.weak = weak
        self.verb = verb


class AppLexicon:
    """Every app name of a rule set, compiled into one regex, with a lookup back to the app."""

    def __init__(self, rules: RuleSet) -> None:
        lex = load_lexicon("social_lexicon.json")
        weak = set(lex["weak_aliases"])
        verb = set(lex["verb_aliases"])
        self.names: dict[str, _AppName] = {}
        for app in rules.apps:
            for alias in (*app.aliases, *app.euphemisms):
                key = collapse(alias.lower())
                if not key:
                    continue
                self.names.setdefault(key, _AppName(app.name, key in weak or len(key) <= 2, key in verb))
        # an app described by its icon: "la app de los fantasmitas", "Geist-App", "hawai jahaz wala app"
        present = {app.name for app in rules.apps}
        self.icons: dict[str, _AppName] = {
            collapse(icon.lower()): _AppName(name, False, False)
            for name, icons in lex["app_icons"].items() if name in present for icon in icons}
        sources = [alias_source(self.names)] if self.names else []
        if self.icons:
            icon = trie_alternation(set(self.icons), space=r"\s+")
            noun = trie_alternation(set(lex["app_nouns"]), space=r"\s+")
            link = r"(?:[\s\-]+(?:" + trie_alternation(set(lex["icon_links"]), space=r"\s+") + r"))?[\s\-]+"
            sources.append(r"(?<!\w)(?:" + noun + link + icon + "|" + icon + link + noun + r")(?!\w)")
            self.icon_regex = lazy_compile(r"(?<!\w)(?:" + icon + r")(?!\w)")
        self.regex = lazy_compile("|".join(sources)) if sources else None
        self.keys = gate_keys(self.names) | gate_keys(self.icons)
        self.squeezed = {}
        for name, info in self.names.items():
            self.squeezed.setdefault(name.replace(" ", ""), info)

    def lookup(self, matched: str) -> _AppName | None:
        """The app a matched name belongs to (Arabic prefix and Russian ending tolerated)."""
        key = collapse(matched)
        if key in self.names:
            return self.names[key]
        info = self.squeezed.get(key.replace(" ", ""))
        if info is not None:
            return info
        for cut in range(1, 4):
            if key[:-cut] in self.names and _is_cyrillic(key[-1]):
                return self.names[key[:-cut]]
        if _is_arabic(key[:1]):
            for suffix in ("\u0643\u0645", "\u064a", "\u0643", ""):  # "سنابي", "واتسابك": a possessive after it
                if suffix and not key.endswith(suffix):
                    continue
                stem = key[:len(key) - len(suffix)]
                for cut in range(0, 4):
                    if stem[cut:] in self.names:
                        return self.names[stem[cut:]]
        if self.icons:
            described = self.icon_regex.search(key)
            if described is not None:
                return self.icons.get(collapse(described.group()))
        return None


def _with_conjunction(phrases: list[str]) -> list[str]:
    """Arabic writes "and" joined to the next word: "ونكمل على الواتس" has the verb "نكمل"."""
    return phrases + ["\u0648" + p for p in phrases if "\u0600" <= p[:1] <= "\u06ff" and not p.startswith("\u0648")]


# a clause's marks, commas too: the words before an app in its own clause (engine/assembly.py reads them too)
COMMA_CLAUSE = re.compile(r"[,;:.!?\n\u060c]")


class SocialDetector:
    """Finds social contact information."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        lex = load_lexicon("social_lexicon.json")
        self.apps = AppLexicon(rules)
        from engine.lexicon import lexicon, word_pattern

        self.mine = word_pattern(lexicon()["my_words"])
        intents = [p for words in lex["intent"].values() for p in words]
        self.intent = lazy_compile(phrase_source(_with_conjunction(intents)))
        self.preps = set(lex["prepositions_before"])
        self.move = lazy_compile(phrase_source(_with_conjunction(lex["move_verbs"])))
        self.move_preps = set(lex["move_prepositions"])
        self.weak_preps = set(lex["weak_prepositions_before"])
        self.postpositions = set(lex["postpositions_after"])
        self.me_after = lazy_compile(r"\s*" + phrase_source(lex["me_words"]))
        self.noun_after = lazy_compile(r"[\s:-]*" + phrase_source(lex["contact_nouns_after"]))
        self.blockers_after = set(lex["blockers_after"])
        self.blockers_before = set(lex["blockers_before"])
        self.possessives = set(lex["possessives"])
        self.account_kinds = set(lex["account_kinds"])
        self.id_stopwords = set(lex["id_stopwords"])
        seps = sorted(lex["id_separators"], key=len, reverse=True)
        sep_src = "|".join(re.escape(s) + (r"(?!\w)" if s[-1].isalnum() else "") for s in seps)
        # "my skype is john.doe_88", "wechat id: lily0921", "tg: @jdoe", "line id abc123"
        self.id_after = lazy_compile(
            # (one line break may stand in any gap: "mon insta c'est⏎@kev.annotations")
            r"[ \t]*(?:\n[ \t]*)?-?(?:(?P<idw>" + phrase_source(lex["id_words"]) + r")[ \t]*(?:\n[ \t]*)?)?"
            r"(?:(?P<sep>" + sep_src + r")[ \t]*(?:\n[ \t]*)?)?"
            r"(?P<tok>@?[\w+][\w.+-]{1,40})"
        )
        verbs = phrase_source(lex["off_platform_verbs"])
        places = phrase_source(lex["off_platform_places"])
        self.off_platform = lazy_compile(
            verbs + r"[^.!?\n]{0,40}?" + places + "|" + places + r"[^.!?\n]{0,30}?" + verbs
        )
        self.off_platform_keys = gate_keys(lex["off_platform_places"])
        self.handle_excluded = set(lex["handle_excluded"])
        self.style_before = set(lex["handle_style_before"])
        self.style_after = set(lex["handle_style_after"])
        # the same, as a phrase right after the handle in any script ("@amul_india जैसा मज़ेदार टोन")
        self.style_after_phrase = lazy_compile(r"[\s,]{0,3}" + phrase_source(lex["handle_style_after"]))
        # "Exemplos de conteúdo que gosto como referência: os vídeos do @nubank e do @magazineluiza"
        self.reference_cue = lazy_compile(phrase_source(lex["handle_reference_cues"]))
        self.reference_gate = WordGate(lex["handle_reference_cues"])
        from engine.lexicon import lexicon as _general

        general = _general()
        singular = [w for w in general["my_words"] if w not in set(general["organisation_voice"])]
        self._claimed = word_pattern(singular + lex["add_me_verbs"] + ["follow me", "sígueme", "suis-moi", "folge mir",
                                                                      "me segue", "подпишись", "تابعني"])
        self.manage = lazy_compile(phrase_source(lex["manage_verbs"]))
        self.ui_element = lazy_compile(phrase_source(lex["ui_elements"]))
        self.me_word = lazy_compile(phrase_source(lex["me_words"]))  # "message me there": the writer's own channel
        self.brand = lazy_compile(phrase_source(lex["brand_accounts"]))
        # "@lena.bakes (120k, Berlin)", "kuchenliebe on TikTok (85k)": an account measured by its audience
        self.audience_words = lazy_compile(phrase_source(lex["audience_words"]))
        self.audience = lazy_compile(r"[^.!?\n]{0,24}?(?:\(\s*)?\d+(?:[.,]\d+)?\s?(?:k|m|mil|тыс\.?|млн|lakh|ألف)"
                                     r"(?![^\W\d_])|\s*\(?\s*" + self.audience_words.pattern)
        self.discord_excluded = set(lex["discord_name_excluded"])
        self.path_excluded = set(lex["domain_path_excluded"])
        # @name, not inside an email (word char before) nor a path or scoped package.
        # ("/@name" after a space is YouTube's form of a handle, not a path)
        # (nor after "!#$%&*", as twitter-text's own rules read a mention: "f!@kn" is no handle)
        self.handle = lazy_compile(r"(?<![\w@.+\-`'!#$%&*])(?<![^\s(\[]/)@([a-z_][a-z0-9_.]{1,30})")
        # live:john.doe_88, live:.cid.1a2b3c
        self.skype_live = lazy_compile(r"(?<!\w)live:(?:\.cid\.)?([a-z0-9][\w.\-]{2,40})")
        # name#1234 (Discord's old tags)
        self.discord = lazy_compile(r"(?<![\w#@/.])([a-z_][\w.]{1,31})#(\d{4})(?!\w)")
        meeting = phrase_source(lex["meeting_id"])
        # "Meeting ID: 845 2291 0043"
        # (words that name many things: a meeting's only beside its app or its passcode)
        self.plain_meeting_words = frozenset({"id", "kennung", "code", "код", "رقم", "идентификатор", "конференция",
                                              "المعرف", "معرف", "الآيدي", "الايدي", "آيدي", "identifiant",
                                              "identificador", "identificação"})
        meeting_apps = phrase_source(["zoom", "teams", "meet", "google meet", "webex", "gotomeeting", "skype", "зум",
                                      "زوم", "زووم", "تيمز", "jitsi", "whereby", "bluejeans"])
        # "ID de reunión de Zoom 815 2290 4471", "ID da reunião do Teams: 394 221 870 556": the app may
        # stand between the words and the number
        self.meeting = lazy_compile(
            meeting + r"(?:\s+(?:de|do|da|du|del|of|на|в|في)?\s*" + meeting_apps + r")?"
            + r"\s*[:#.\-]?\s*(\d{3}(?:[ \-]?\d{3,4}){1,2}[ \-]?\d{3,5})(?!\d)"
        )
        # the same with the ID said in words, read on the numeric view: "meeting id eight four one, two two nine, …"
        self.meeting_spelled = lazy_compile(
            meeting + r"(?:\s+(?:de|do|da|du|del|of|на|в|في)?\s*" + meeting_apps + r")?"
            + r"\s*[:#.\-]?\s*((?:\d[ ,\-]{0,2}){9,12})(?<![ ,\-])(?!\d)"
        )
        self.app_before = lazy_compile(meeting_apps + r"[^.!\n]{0,24}$")  # "Teams now? ID 349 812 775 014"
        self.app_after = lazy_compile(r"[^.!?\n]{0,32}?" + meeting_apps)
        self.passcode = lazy_compile(phrase_source(lex["passcode"]) + r"\s*[:#.=\-]?\s*([\w]{3,12})(?!\w)")
        self.id_noun_before = lazy_compile(r"(?<![^\W_])" + phrase_source(lexicon()["id_context"], bounded=False)
                                           + r"[\s#:-]*$")
        self.passcode_after = lazy_compile(r"[\s,;]{0,3}(?:(?:and|y|e|et|und|и|و)\s*)?" + phrase_source(lex["passcode"])
                                           + r"\s*[:#.=\-]?\s*([\w]{3,12})(?!\w)")
        self.meeting_keys = gate_keys(lex["meeting_id"]) | {"meet"}
        self.meet_code = lazy_compile(r"(?<![\w\-])[a-z]{3}-[a-z]{4}-[a-z]{3}(?![\w\-])")
        domains = sorted({d for app in rules.apps for d in app.domains}, key=len, reverse=True)
        dot = r"(?:\.|\[\.\]|\(\.\)|\s?\[dot\]\s?|\s?\(dot\)\s?)"
        dom_src = "|".join(dot.join(re.escape(p) for p in d.split(".")) for d in domains)
        # wa.me/15551234567, t.me/jdoe, https://www.instagram.com/name, zoom.us/j/123
        self.domain = lazy_compile(
            r"(?<![\w.@\-])(?:h[tx]{2}ps?://)?(?:www\.|m\.|web\.|mobile\.)?(?:" + dom_src + r")"
            r"[/?]([\w\-+~%.=&?/#]*)"
        ) if domains else None

        # Handles named without an "@": "LINE: kenji_88", "Signal, Nutzername jonas.b.42", "u/name",
        # "👻 lucia.ferrer", a reversed handle after "backwards", "WA?", "tg same nick", and
        # "search LinkedIn for Daniel Whitfield, ..." (a profile found by name).
        labels = {collapse(n.lower()) for app in rules.apps for n in (app.name, *app.aliases, *app.euphemisms)}
        labels.discard("")
        apps = alias_source(labels) if labels else r"(?!)"
        self.label_words = gate_keys(labels)
        token = _HANDLE_TOKEN
        id_words = phrase_source(lex["id_words"])
        as_words = phrase_source(["as", "como", "comme", "als", "как", "باسم", "under", "naam se", *lex["self_naming"]])
        self.labelled = lazy_compile(
            apps + r"[ \t]*(?:[,\-]?[ \t]*" + id_words + r"[ \t]*[:：=,\-]?|[:：=,\-])[ \t]*" + token + r"(?![\w@])"
            + "|" + id_words + r"[ \t]+(?:\w+[ \t]+){0,2}?" + apps + r"[ \t]*[:：=][ \t]*" + token
            # "búscame en insta como estudio.coral", "find me on Signal as kestrel.42", "on TikTok I'm lama.draws"
            + "|" + apps + r"[ \t,]+(?:[^\W\d_]+[ \t]+){0,2}?" + as_words + r"[ \t]+" + token + r"(?![\w@])"
            # "Signal is safest for me, username kestrel.42": the app, then its id word in the sentence
            + "|" + apps + r"[^.!?\n]{1,40}?" + id_words + r"[ \t]*[:：=]?[ \t]*" + token + r"(?![\w@])"
            # "Tele is where I'm fastest → rajatvfx_91": the app, then an arrow pointing at the name
            + "|" + apps + r"[^.!?\n]{0,50}?(?:→|->|=>|➡\ufe0f?|👉)[ \t]*" + token + r"(?![\w@])"
            # "plus réactif sur Discord, tu peux m'ajouter : lucas_anim": the app, then "add me: <name>"
            + "|" + apps + r"[^.!?\n]{1,60}?" + phrase_source(lex["add_me_verbs"]) + r"[ \t]*[:：][ \t]*"
            + token + r"(?![\w@])"
        )
        # "…my process happens on Discord. Add me: loreleidraws": "add me" and a colon before one
        # name, with an app named earlier in the paragraph (checked in find with the apps' own
        # pattern); a plain word counts when it ends the clause, as a name given after a colon does
        self.add_me_name = lazy_compile(
            phrase_source(lex["add_me_verbs"]) + r"(?:[ \t]+[^\W\d_]+)?[ \t]*[:：][ \t]*(?P<tok>" + token
            + r"|[a-z][a-z0-9]{5,31}(?=[ \t]*(?:[,.;!)—–]|$|\n|[ \t]+(?:and|y|e|et|und|и|و|aur)(?!\w))))(?![\w@])"
        )
        # "I'm kai.draws on insta", "soy vale_ruiz en insta": the handle, then the app it is on (found from
        # the app, which is rare, and looked for backwards: a handle-shaped pattern tried at every letter is not)
        on = r"(?:on|in|en|no|na|sur|auf|bei|im|dans|em|в|на|على|في|فى|عبر|pe|par)"
        self.on_app = lazy_compile(r"[ \t]+" + on + r"[ \t]+" + apps + r"(?![\w@])")
        self.token_before = lazy_compile(r"(?<![\w@.])" + token + r"$")
        self.reddit = lazy_compile(r"(?<![\w/])u/[a-z0-9_-]{3,20}(?![\w/])")
        emoji = "|".join(re.escape(e) for e in lex["handle_emoji"])
        self.emoji_handle = lazy_compile(r"(?:" + emoji + r")\s*" + token) if emoji else None
        self.reversal = lazy_compile(
            phrase_source(lex["reversal_cues"]) + r"[^\n]{0,12}?[:：\s]\s*(?P<tok>[\w.]{4,40})"
        )
        self.app_question = lazy_compile(
            r"(?:^|[.!?\n]\s*)[¿]?\s*" + apps + r"\s*[?؟]"
            + "|" + apps + r"[\s,:]*" + phrase_source(lex["same_name_words"])
        )
        # "mesmo nome daqui ... no face", "Gleicher Name wie hier auf LinkedIn": the app and a pointer
        # to the name or number the other party already has, in one sentence, either order
        from engine.lexicon import lexicon

        pointers = [*lex["same_name_words"], *lexicon()["name_as_address"]]
        same = phrase_source(pointers)
        # "bei XING hinterlegt, finden Sie unter meinem vollen Namen": the app and the name to look up
        self.pointed_app = lazy_compile(apps + r"[^.!?\n]{0,50}?" + same + "|" + same + r"[^.!?\n]{0,50}?" + apps)
        self.same_keys = gate_keys(pointers)
        # "pseudo : remi_shop_builder_bxl", "ник: lera_design": a handle after a label that only names
        # handles, with no app named (the label's colon and the token's shape say what it is)
        self.handle_label = lazy_compile(
            phrase_source(lex["handle_labels"]) + r"(?:(?:[ \t]*[:：=]|[ \t]+(?:is|es|é|est|ist|это|هو|hai))[ \t]*"
            + _HANDLE_TOKEN + r"(?![\w@]|\.[a-z])"
            # with no colon or verb, the name ends its clause ("sous le pseudo seydou.grafik, t'as qu'à …",
            # "мой ник kolya_mixing, кину"); "the username field_name is required" goes on
            + r"|[ \t]+" + _HANDLE_TOKEN + r"(?=[ \t]*(?:[,;!?)]|\.(?:\s|$)|$|\n)))"
        )
        self.handle_label_keys = gate_keys(lex["handle_labels"])
        self.profile_search = lazy_compile(
            phrase_source(lex["search_verbs"]) + r"\s+(?:\w+\s+){0,2}?" + apps
            + r"[\s:,]+(?:(?:for|por|nach|pour|по|عن|mein|pe)\s+)?[\s:,'\"«“„‘]*"
            + r"(?P<name>[^\W\d_]+\.?\s+[^\W\d_]+)"
        )
        # "no LinkedIn é só buscar Edvaldo Cumbe", "auf LinkedIn, such einfach nach Katrin Obermayr":
        # the app first, then the search and the name; counted with the writer in the sentence
        # ("...e me chamar", "Ich verbinde mich"), as "search LinkedIn for Data Engineers" is work
        self.app_then_search = lazy_compile(
            apps + r"[^.!?\n]{0,30}?" + phrase_source(lex["search_verbs"]) + r"\s+(?:\w+\s+){0,1}?"
            + r"(?:(?:for|por|nach|pour|по|عن|mein|pe)\s+)?[\s:,'\"«“„‘]*"
            + r"(?:(?P<name>[^\W\d_]+\.?\s+[^\W\d_]+)|(?<=['\"«“„‘])(?P<quoted>[\w.]{4,30})(?=['\"»”“’]))"
        )
        # the writer in a sentence: "me", "I'm", a possessive of the first person, or the pronoun itself
        self.writer = lazy_compile(phrase_source([*lex["me_words"], *lex["self_naming"], *lexicon()["my_words"],
                                                  "i", "ich", "je", "eu", "yo", "mich", "moi", "меня",
                                                  "tenho", "tengo", "hab", "habe", "j'ai", "у меня", "عندي"]))

    # -- the pipeline ---------------------------------------------------------------------
    def find(self, text: Text) -> list[Hit]:
        """Hits in one prepared message."""
        view = text.folded
        t = view.text
        if not t:
            return []
        hits: list[Hit] = []
        words = word_set(t)
        if not words.isdisjoint(self.apps.keys):
            self._app_mentions(view, t, hits)
        if "@" in t:
            self._handles(view, t, hits)
        if not words.isdisjoint(self.off_platform_keys):
            # "can we talk outside the platform?", "давай общаться вне платформы": no app named
            for m in capped(self.off_platform.finditer(t), view, CATEGORY, hits):
                hits.append(self._hit(view, m.start(), m.end(), "social.off_platform"))
        if "05" in t:
            # a Session account ID: 66 hex digits, "05" then an X25519 public key
            for m in capped(_SESSION_ID.finditer(t), view, CATEGORY, hits):
                hits.append(self._hit(view, m.start(), m.end(), "social.session_id"))
        if "wxid" in t:
            # a WeChat ID as WeChat generates it: "wxid_" and letters and digits
            for m in capped(_WECHAT_ID.finditer(t), view, CATEGORY, hits):
                hits.append(self._hit(view, m.start(), m.end(), "social.wechat_id"))
        if "live:" in t:
            for m in capped(self.skype_live.finditer(t), view, CATEGORY, hits):
                if m.group(1) not in ("true", "false", "null", "none"):
                    hits.append(self._hit(view, m.start(), m.end(), "social.skype_live"))
        if "#" in t:
            for m in capped(self.discord.finditer(t), view, CATEGORY, hits):
                name = m.group(1).rstrip(".")
                if name not in self.discord_excluded and not name.isdigit():
                    hits.append(self._hit(view, m.start(), m.end(), "social.discord_tag"))
        if self.domain is not None and ("/" in t or "?" in t) and ("." in t or "dot" in t):
            for m in capped(self.domain.finditer(t), view, CATEGORY, hits):
                path = m.group(1)
                first = re.split(r"[/?#.=&]", path, maxsplit=1)[0]
                if not first or first in self.path_excluded:
                    continue
                end = m.end()
                while end > m.start() and t[end - 1] in ".,?!":
                    end -= 1
                hits.append(self._hit(view, m.start(), end, "social.app_link"))
        if hits or not words.isdisjoint(self.meeting_keys):
            self._meetings(view, t, hits, text.numeric)
        self._unmarked_handles(view, t, text.original, words, hits)
        return hits

    def _in_code_talk(self, t: str, pos: int) -> bool:
        """Whether the sentence around `pos` talks about code (a framework or a language named) and
        asks nothing."""
        a = max(t.rfind(c, max(0, pos - 150), pos) for c in ".!?\n") + 1
        ends = [i for i in (t.find(c, pos) for c in ".!?\n") if i >= 0]
        b = min(ends) if ends else len(t)
        return (_CODE_TALK.search(t, a, b) is not None and not self.intent.search(t, a, b)
                and not self.mine.search(t, a, b))  # "my Python courses are on @code_with_ana"

    def _referenced(self, t: str, pos: int) -> bool:
        """Whether the sentence before `pos` names what follows as a reference, an example or a
        style, and asks nothing ("un style comme le compte insta de @sezane")."""
        sentence = max(t.rfind(c, max(0, pos - 120), pos) for c in ".!?\n") + 1
        if (self.reference_cue.search(t, sentence, pos) and not self.intent.search(t, sentence, pos)
                and not self._claimed.search(t, sentence, pos)):  # ("mi insta es como el de antes: @vale_ruiz")
            return True
        # or the rest of its sentence does: "(@perfumeriaalba) está buenísima como referencia de estilo"
        if not self.reference_gate.admits(word_set(t)):
            return False
        stop = _SENTENCE_STOP.search(t, pos, min(len(t), pos + 160))
        end = stop.start() if stop else min(len(t), pos + 160)
        return (bool(self.reference_cue.search(t, pos, end)) and not self.intent.search(t, sentence, end)
                and not self._claimed.search(t, sentence, end))  # "my insta @ana_paints for style references"

    def _unmarked_handles(self, view: View, t: str, original: str, words: frozenset[str], hits: list[Hit]) -> None:
        """Handles without an "@" that something else marks as a handle (see __init__)."""
        if "u/" in t:
            for m in capped(self.reddit.finditer(t), view, CATEGORY, hits):
                if _AFTER_NUMBER.search(t, max(0, m.start() - 12), m.start()):
                    continue  # "Drehzahl 1.450 U/min": a unit after a number
                hits.append(self._hit(view, m.start(), m.end(), "social.reddit_user"))
        if self.emoji_handle is not None and "\U0001f47b" in t:
            for m in capped(self.emoji_handle.finditer(t), view, CATEGORY, hits):
                hits.append(self._hit(view, m.start(), m.end(), "social.app_emoji"))
        for m in capped(self.handle_label.finditer(t) if not words.isdisjoint(self.handle_label_keys) else (),
                        view, CATEGORY, hits):
            if not _CREDENTIALS.search(t, max(0, m.start() - 60), min(len(t), m.end() + 60)):
                hits.append(self._hit(view, m.start(), m.end(), "social.labelled_handle"))  # (a login is work)
        if words.isdisjoint(self.label_words):
            return
        for m in capped(self.add_me_name.finditer(t), view, CATEGORY, hits):
            paragraph = t.rfind("\n\n", 0, m.start()) + 1
            a, b = view.span(m.start(), m.end())
            if self.apps.regex is not None and self.apps.regex.search(
                    t, max(paragraph, m.start() - 300), m.start()) is not None and not any(
                    h.start < b and a < h.end for h in hits):
                hits.append(self._hit(view, m.start(), m.end(), "social.app_id"))
        for m in capped(self.labelled.finditer(t), view, CATEGORY, hits):
            if not self._referenced(t, m.start()) and not self._brand_work(t, m.start(), m.end()):
                hits.append(self._hit(view, m.start(), m.end(), "social.app_id"))  # ("wie @ritter_sport auf Instagram")
        for m in capped(self.on_app.finditer(t), view, CATEGORY, hits):
            handle = self.token_before.search(t, max(0, m.start() - 45), m.start())
            if handle is not None and not self._referenced(t, handle.start()) and not self._brand_work(
                    t, handle.start(), m.end()) and not self._measured(t, handle.start(), m.end()):
                hits.append(self._hit(view, handle.start(), m.end(), "social.app_id"))
        for m in capped(self.app_question.finditer(t), view, CATEGORY, hits):
            a = m.start() + len(m.group()) - len(m.group().lstrip(".!?\n ¿"))
            hits.append(self._hit(view, a, m.end(), "social.app_question"))
        for m in capped(self.pointed_app.finditer(t) if not words.isdisjoint(self.same_keys) else (), view,
                        CATEGORY, hits):
            hits.append(self._hit(view, m.start(), m.end(), "social.profile_pointer"))
        for m in capped(self.profile_search.finditer(t), view, CATEGORY, hits):
            a, _ = view.span(m.start("name"), m.start("name") + 1)
            if original[a:a + 1].isupper() or not original[a:a + 1].isascii():
                hits.append(self._hit(view, m.start(), m.end(), "social.profile_search"))
        for m in capped(self.app_then_search.finditer(t), view, CATEGORY, hits):
            stop = _CLAUSE_BREAK.search(t, m.end())
            begin = max(t.rfind(".", 0, m.start()), t.rfind("\n", 0, m.start()), 0)
            sentence = t[begin:stop.start() if stop else len(t)]
            if m.group("quoted") is not None:
                # one quoted token: a handle ("such nach 'GartenGustl'", "procura por 'nandaflorestal' lá"),
                # by its shape or with the writer in the sentence, not a topic ("search TikTok for 'cottagecore'")
                a, b = view.span(m.start("quoted"), m.end("quoted"))
                token = original[a:b]
                shaped = any(c.isdigit() or c in "._" for c in token) or any(c.isupper() for c in token[1:])
                if shaped or self.writer.search(sentence):
                    hits.append(self._hit(view, m.start(), m.end(), "social.profile_search"))
                continue
            a, _ = view.span(m.start("name"), m.start("name") + 1)
            if original[a:a + 1].isupper() and self.writer.search(sentence):
                hits.append(self._hit(view, m.start(), m.end(), "social.profile_search"))
        for m in capped(self.reversal.finditer(t), view, CATEGORY, hits):
            tok = m.group("tok")
            if any(c in "._" or c.isdigit() for c in tok) or tok[::-1] != tok:
                hits.append(self._hit(view, m.start(), m.end(), "social.reversed_handle"))

    @staticmethod
    def _hit(view: View, a: int, b: int, rule: str) -> Hit:
        start, end = view.span(a, b)
        return Hit(CATEGORY, start, end, rule)

    def _app_mentions(self, view: View, t: str, hits: list[Hit]) -> None:
        regex = self.apps.regex
        if regex is None:
            return
        for m in capped(regex.finditer(t), view, CATEGORY, hits):
            info = self.apps.lookup(m.group())
            if info is None:
                continue
            if info.weak and _HEX_NEIGHBOURS.search(t, max(0, m.start() - 3), min(len(t), m.end() + 3)):
                continue  # "3c:22:fb:8a": a MAC address or hex dump, not Facebook
            span = self._judge(t, m.start(), m.end(), info)
            if span is not None and self._ui_label(t, m.start(), m.end()):
                continue  # 'Botón de "Escríbenos por WhatsApp"': the words of a button being built, quoted
            if span is not None and span[2] == "social.app_id" and self._referenced(t, m.start()):
                continue  # "wie bei @manufactum auf Insta: ruhige Farben": a style reference, then its traits
            if span is not None:
                hits.append(self._hit(view, span[0], span[1], span[2]))

    def _measured(self, t: str, s: int, e: int) -> bool:
        """Whether the account at t[s:e] is measured by its audience right after it, or its sentence
        lists influencers or creators ("Shortlist of influencers: @lena.bakes (120k, Berlin), …"),
        with no writer named: a third party discussed as the work, not a way to reach the writer."""
        sentence, lo = _sentence_of(t, s, e)
        if self.me_word.search(sentence) is not None or self.intent.search(t, lo, s) is not None:
            return False
        return self.audience.match(t, e) is not None or self.audience_words.search(sentence) is not None

    def _brand_work(self, t: str, s: int, e: int) -> bool:
        """Whether the account at t[s:e] is the client's, named as the work: its sentence calls it the
        brand's or the organisation's ("das ist der Markenaccount", "наш канал") or gives it to the
        reader to run ("genau den sollst du bespielen", "ты будешь вести"), and names no writer."""
        sentence, _ = _sentence_of(t, s, e, clause=True)
        return ((self.brand.search(sentence) is not None or self.manage.search(sentence) is not None)
                and self.me_word.search(sentence) is None and self.intent.search(sentence) is None)

    def _ui_label(self, t: str, s: int, e: int) -> bool:
        """Whether t[s:e] lies inside quotation marks that a user-interface element introduces
        ("the button “Chat with us on WhatsApp”", 'زر "تواصل معنا عبر واتساب"'): the quoted words are
        the product's, mentioned, not used."""
        opening = max(t.rfind(q, max(0, s - _QUOTE_REACH), s + 1) for q in _OPENING_QUOTES)
        if opening < 0:
            return False
        closer = _CLOSING_QUOTES.get(t[opening], t[opening])
        inside = t[opening + 1:s]
        closing = t.find(closer, max(e, opening + 1), e + _QUOTE_REACH)
        if closing < 0 or closer in inside or "\n" in t[opening:closing]:
            return False
        return self.ui_element.search(t, max(0, opening - 24), opening) is not None

    def _judge(self, t: str, s: int, e: int, info: _AppName) -> tuple[int, int, str] | None:
        """Decide whether one app mention is a route off the platform; return its span."""
        if _IDENTIFIER_AFTER.match(t, e) or _IDENTIFIER_BEFORE.search(t, max(0, s - 24), s):
            return None  # "whatsapp-web.js@1.23", "telegram.error.BadRequest", "python-telegram-bot": code names
        before = t[max(0, s - _WINDOW_BEFORE):s]
        after = t[e:e + _WINDOW_AFTER]
        words_before = _WORD.findall(before)[-3:]
        words_after = _WORD.findall(after)[:2]
        last = words_before[-1] if words_before else ""
        # A clone, an API, ads, zoom in: the app is the work, not a channel.
        own = last in self.possessives  # "mi WhatsApp Business", "my Telegram channel": the writer's own account
        # (words of the app's own sentence: "… the green app? the notifications here are useless" blocks nothing)
        said = _WORD.findall(_SENTENCE_STOP.split(after, maxsplit=1)[0])
        for w in said[:2]:
            if w in self.blockers_after and (info.weak or w not in _WEAK_ONLY_BLOCKERS) and not (
                    own and w in self.account_kinds):
                return None
        if any(w in _FAR_BLOCKERS for w in said[2:5]):
            return None  # "Facebook and Google login", "Telegram or Slack bot": technical work
        clause = _WORD.findall(COMMA_CLAUSE.split(before)[-1])[-3:]  # ("same number for both, WhatsApp's easier")
        if any(w in self.blockers_before for w in clause):
            return None
        if _SHARE_AFTER.match(after) or (_LIST_BEFORE.search(before) and _LIST_AFTER.match(after)):
            return None  # "WhatsApp 55 %, chat 30 %", "(signboards, WhatsApp, menus)": a channel counted or listed
        if last in _OTHER_POSSESSIVES:
            return None  # "your Instagram": work on their account, or a request (requests.py)
        # "whatsapp me", "skype us"
        if info.verb:
            me = self.me_after.match(after)
            if me:
                return s, e + me.end(), "social.app_verb"
        # "my skype is john.doe_88", "wechat id: lily0921", "tg: @jdoe"
        # (an Arabic app with the possessive suffix is the writer's own: "سنابي mnoor.cakes" is "my Snap: …")
        owned_suffix = (t[e - 1:e] == "\u064a" and _is_arabic(t[s:s + 1]) and collapse(t[s:e]) not in self.apps.names
                        and self.apps.lookup(t[s:e - 1]) is not None)
        ident = self._identifier(after, "my" if owned_suffix and "my" in self.possessives else last, info)
        if ident is not None and (self._brand_work(t, s, e + ident) or self._measured(t, s, e + ident)):
            return None  # "la de la marca, @cafetal.andino en Insta … tú solo redactas": the client's account
        if ident is not None:
            return s, e + ident, "social.app_id"
        clause = _CLAUSE_BREAK.split(before)[-1]
        rest = _CLAUSE_BREAK.split(after)[0]
        if ((self.manage.search(clause) or self.manage.search(rest) or _SHARE_BEFORE.search(clause))
                and self.me_word.search(clause) is None and self.me_word.search(rest) is None):
            # "je peux gérer … la page Facebook", "могу вести … чат в ВК", "60% WhatsApp": the channel
            # is the work (support outsourcing) or a share of it, not a way to reach the writer
            return None
        ib = None
        for found in self.intent.finditer(before):
            ib = found  # the intent phrase closest to the app name
        ia = self.intent.search(after)
        prep_set = self.weak_preps if info.weak else self.preps
        gap = before[len(before.rstrip()):]
        prep = False
        if words_before and before.rstrip().endswith(last) and len(gap) <= 2:
            if last in prep_set:
                prep = True
            elif last in _DETERMINERS and len(words_before) >= 2 and words_before[-2] in prep_set:
                prep = True
        if not prep and t[s] in "\u0628\u0639" and t[s + 1:s + 3] == "\u0627\u0644":
            prep = True  # "بالواتساب", "عالواتس": the preposition is attached
        post = bool(words_after) and words_after[0] in self.postpositions and after[:1].isspace()
        start = s
        end = e
        if ib is not None:
            start = (len(t[:s]) - len(before)) + ib.start()
        noun = self.noun_after.match(after)
        if noun:
            end = e + noun.end()  # "a skype call", "the zoom link"
        # "Signal is better for privacy, shall we switch?", "Wechseln wir zu Signal?"
        move_before = self.move.search(before)
        move_after = self.move.search(after)
        if move_before is not None or move_after is not None:
            clause_start = not before.strip() or before.rstrip()[-1] in ".!?,;:\n"
            if not info.weak or clause_start or last in self.move_preps or prep:
                if move_after is not None and move_before is None:
                    return s, e + move_after.end(), "social.move_to_app"
                return (s - len(before) + move_before.start() if move_before else start), end, "social.move_to_app"
        if (not info.weak and (last in self.move_preps or last == "\u0432") and _QUESTION_AFTER.match(after)
                and len(_WORD_RE.findall(clause)) <= 4):
            # "ok, тогда в вотсап?", "to WhatsApp then?", "¿a Telegram?": a move proposed by a short question
            return s - len(before) + len(before.rstrip()) - len(last), e, "social.move_to_app"
        if (prep or post) and (ib is not None or ia is not None):
            if ib is None and ia is not None:
                end = max(end, e + ia.end())
            return start, end, "social.move_to_app"
        if (not info.weak and ib is not None and len(before) - ib.end() <= _NEAR
                and not _HERE_NEAR.search(before, max(0, ib.start() - 12), ib.end() + 12)
                and not _TOPIC_OF.fullmatch(before, ib.end())
                and not (_COORDINATED.fullmatch(before, ib.end()) and self.me_word.search(clause) is None
                         and self.me_word.search(rest) is None and _CHANNEL_TOPIC.match(t, e))):
            # ("every email, call and WhatsApp conversation with a lead": channels listed, no one's route)
            return start, end, "social.contact_intent"
        if not info.weak and ia is not None and ia.start() <= _NEAR and not _CLAUSE_BREAK.search(after, 0, ia.start()):
            return start, e + ia.end(), "social.contact_intent"  # "the green app works better for me"
        if noun and (ib is not None or self.intent.search(after, noun.end()) is not None):
            sentence, _ = _sentence_of(t, s, e, clause=True)
            if self.brand.search(sentence) is not None and self.me_word.search(sentence) is None:
                return None  # "brand ke official Instagram handle se DM jayega": the brand's account does the work
            return start, e + noun.end(), "social.app_meeting"
        return None

    def _identifier(self, after: str, last: str, info: _AppName) -> int | None:
        m = self.id_after.match(after)
        if m is None:
            return None
        idw, sep, tok = m.group("idw"), m.group("sep"), m.group("tok")
        tok_clean = tok.rstrip(".-")
        if not tok_clean or tok_clean in self.id_stopwords:
            return None
        if not tok_clean.isascii():
            return None  # "Telegram: приём заказов": usernames and IDs of every app are ASCII; words are not
        poss = last in self.possessives
        if not (sep or idw or poss) or (info.weak and not (sep or poss)):
            return None
        if tok_clean.startswith("@"):
            return m.end("tok") - (len(tok) - len(tok_clean))
        marked = any(c.isdigit() or c in "_." for c in tok_clean) or tok_clean.startswith("+")
        digits = tok_clean.lstrip("+")
        if digits.isdigit() and len(digits) < 6 and not poss and not idw and not tok_clean.startswith("+"):
            return None
        if sep == "-" and not (idw or poss):
            return None
        if after[:1] == "-" and idw and not marked:
            return None  # "den Instagram-Account eurer Marke": a compound noun, then a word
        if info.weak and not marked and not idw and tok_clean.lower() not in all_number_words():
            return None  # "traitement du signal : filtre passe-bas": a weak name's word after a colon is prose
        if marked or (len(tok_clean) >= 3 and (idw or sep in (":", "="))):
            if sep is None and not idw and not marked:
                return None
            end = m.end("tok") - (len(tok) - len(tok_clean))
            if tok_clean[0] in "+0123456789":
                # "WhatsApp: +1 415 555 0132": the identifier is the whole number, not "+1"
                rest = _NUMBER_TAIL.match(after, end)
                if rest is not None:
                    end = rest.end()
            return end
        return None

    def _handles(self, view: View, t: str, hits: list[Hit]) -> None:
        if _DECORATOR_WORD.search(t) or _DECORATOR_CALL.search(t):
            return  # "@login_required and @cache_page(60 * 15)": code, not handles
        for m in capped(self.handle.finditer(t), view, CATEGORY, hits):
            name = m.group(1).rstrip(".")
            end = m.start(1) + len(name)
            if len(name) < 2 or name in self.handle_excluded or name.endswith(("bot", "botfather")):
                continue  # Telegram requires every bot's username to end in "bot": a service, not a person
            nxt = t[end:end + 1]
            if nxt in ("(", "/", ":", "{", "<", "-"):
                continue  # decorator call, scoped package, CSS at-rule (@font-face)
            if "." in name and name.rsplit(".", 1)[1] in _TLDS:
                continue  # "@gmail.com": the email detector's business
            line_start = t.rfind("\n", max(0, m.start() - 80), m.start()) + 1
            if not t[line_start:m.start()].strip():
                rest = t[end:end + 120].lstrip(" \t")
                if rest.startswith("\n") and re.match(r"\s*(?:@|def |class |async |public |private |function |export )",
                                                      rest):
                    continue  # a decorator line above code
            near = _WORD.findall(t[max(0, m.start() - 50):m.start()])[-6:]
            if any(w in _OTHER_POSSESSIVES or w in _YOUR_MORE or (w[:1] >= "\u0600" and w.endswith("\u0643\u0645"))
                   for w in near) and not self.intent.search(t, max(0, m.start() - 50), m.start()):
                continue  # "your brand's Instagram (@cafeteriaolmo)": the client's account is the work
            # (the comparison may stand a few words back: "um feed parecido com o do @natura")
            before = _WORD.findall(t[max(0, m.start() - 40):m.start()])[-5:]
            if any(w.rstrip(".") in self.style_before for w in before) and not self.intent.search(
                t, max(0, m.start() - 50), m.start()
            ):
                continue  # "make it like @nike's feed" (but "agrégame como @vale" asks to be added)
            if self._referenced(t, m.start()):
                continue  # accounts named as references or examples earlier in the sentence
            if self._brand_work(t, m.start(), end) or self._measured(t, m.start(), end):
                continue  # "o perfil da loja … vc vai gerenciar", "@lena.bakes (120k)": the work's accounts
            if "_" in name and self._in_code_talk(t, m.start()):
                continue  # "the Django view now uses @login_required and @require_POST": decorators
            after = t[end:end + 30]
            words_after = _WORD.findall(after)[:3]
            if after.startswith("'s") or after.startswith("’s"):
                words_after = _WORD.findall(after[2:])[:2]
                if any(w in self.style_after for w in words_after):
                    continue
            if any(w in self.style_after for w in words_after) or self.style_after_phrase.match(t, end):
                continue  # "@glossier as a style reference", "how @glossier writes captions"
            hits.append(self._hit(view, m.start(), end, "social.handle"))

    def _app_named_after(self, t: str, end: int) -> bool:
        """A meeting app named in the few words after an ID, as the meeting's, not the work's ("…, código
        4kQ9xz (es zoom)", not "… for the Zoom integration ticket")."""
        m = self.app_after.match(t, end, min(len(t), end + 40))
        if m is None:
            return False
        following = _WORD.findall(t[m.end():m.end() + 24])[:1]
        return not (following and following[0] in self.blockers_after)

    def _passcode_after(self, t: str, start: int, end: int) -> bool:
        """A passcode with a digit in it right after an ID: the two open a meeting (not an order's ID and
        code: an identifier's noun before the ID word names what it is)."""
        m = self.passcode_after.match(t, end)
        if m is None or not any(c.isdigit() for c in m.group(1)):
            return False
        return self.id_noun_before.search(t, max(0, start - 24), start) is None

    def _meetings(self, view: View, t: str, hits: list[Hit], numeric: View | None = None) -> None:
        found = False
        for m in capped(self.meeting.finditer(t), view, CATEGORY, hits):
            word = t[m.start():m.start(1)].strip(" :#.-")
            if (word in self.plain_meeting_words and not self.app_before.search(t, max(0, m.start() - 30), m.start())
                    and not self._app_named_after(t, m.end()) and not self._passcode_after(t, m.start(), m.end())):
                # "ID 812 4736 9205" is a meeting only beside "Zoom", "Teams-Besprechung", "(es zoom)", or
                # with its passcode after it ("конференция 783 2210 6614, код 7712")
                continue
            found = True
            hits.append(self._hit(view, m.start(), m.end(), "social.meeting_id"))
        if not found and numeric is not None and numeric.text != t:
            n = numeric.text
            for m in capped(self.meeting_spelled.finditer(n), numeric, CATEGORY, hits):
                word = n[m.start():m.start(1)].strip(" :#.-")
                if word in self.plain_meeting_words and not self.app_before.search(n, max(0, m.start() - 30),
                                                                                   m.start()):
                    continue
                found = True
                hits.append(self._hit(numeric, m.start(), m.end(), "social.meeting_id"))
        if found or hits:
            # A passcode only counts next to a meeting ID, meeting link or a move to an app.
            for m in capped(self.passcode.finditer(t), view, CATEGORY, hits):
                if any(c.isdigit() for c in m.group(1)) or found:
                    hits.append(self._hit(view, m.start(), m.end(), "social.meeting_passcode"))
        if "meet" in t:
            for m in capped(self.meet_code.finditer(t), view, CATEGORY, hits):
                hits.append(self._hit(view, m.start(), m.end(), "social.meet_code"))
