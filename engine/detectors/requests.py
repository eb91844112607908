"""Requests for the other party's contact details ("what's your number?"), in eight languages.

One alternation of nouns (phone, email, address words and every app name of the rule set) finds
candidates; the words just before decide whether the noun is being asked for ("send me your",
"¿me pasas tu", "у тебя есть", "عندك") and the words just after rule out topics ("email
marketing", "phone case", "number of revisions"). Each hit spans the request phrase and carries
the category asked for; only categories enabled in the rule set are reported.
"""

from __future__ import annotations

import re
from functools import lru_cache

from engine.detectors import Hit
from engine.detectors.social import AppLexicon, alias_source, collapse, gate_keys, load_lexicon, phrase_source, word_set
from engine.lexicon import lazy_compile, lexicon, word_alternation, word_pattern
from engine.normalize import Text, View
from engine.rules import RuleSet

_BEFORE = 70
_AFTER = 30
_WORD = re.compile(r"[^\W_][\w'-]*")
_PREPOSITIONS = frozenset({
    "on", "in", "to", "from", "with", "for", "at", "via", "into", "onto", "en", "no", "na", "em", "sur", "dans", "à",
    "auf", "an", "mit", "für", "в", "на", "с", "по", "على", "في", "mein", "pe", "par",
})


def _after_preposition(t: str, pos: int) -> bool:
    """'access on your phone?': a possessive after a preposition names a place, not a request."""
    words = _WORD.findall(t[max(0, pos - 20):pos])
    return bool(words) and words[-1] in _PREPOSITIONS


_ARABIZI_YOURS = re.compile(r"(?:ak|ek|tak)$|(?:taba3|bta3|ta3)ak$")
_QR_REACH = 120
_SENTENCE_STOP = re.compile(r"[.!?؟\n]")
_SENTENCE_STOP_BEFORE = re.compile(r"[.!?؟\n][^.!?؟\n]*$")
_GENITIVES = frozenset({"of", "de", "du", "des", "do", "da", "del", "der"})
PLATFORM = re.compile(r"(?<![^\W_])(?:platform|plataforma|plateforme|plattform|платформ\w*|площадк\w*|المنصة|upwork)")
# a call by video or in a named app is no telephone call: "созвонимся через видеозвонок", "в зуме"
_VIDEO = re.compile(r"(?<![^\W_])(?:video\w*|vídeo\w*|vidéo\w*|visio\w*|видео\w*|فيديو|zoom|зум\w*|meet|teams|"
                    r"skype|скайп\w*)")
_ON_PLATFORM_LATER = re.compile(r"[^.!?؟\n]{0,24}?(?<![^\W_])(?:here|on (?:the|this) (?:platform|site|app)|aqu[ií]|"
                                r"por aqu[ií]|ici|hier|здесь|тут|هنا|yahan)(?![^\W_])")
_CONJUNCTIONS = frozenset({"and", "or", "y", "o", "e", "ou", "et", "und", "oder", "и", "или", "aur", "ya", "و", "&"})
# a Russian noun in the genitive, as after "номер" ("номер договора", "номер карты", "номер рейсов")
_GENITIVE_NOUN = re.compile(r"[а-яё]{2,}(?:а|я|ов|ев|ей|ии|ы)")
_COMPOUND_HEAD = re.compile(r"-([^\W\d_]{2,})")
_ARTICLELESS = re.compile(r"[\u0400-\u04ff\u0600-\u06ff]")  # Cyrillic and Arabic script
_ON_PLATFORM = re.compile(
    r"\s*(?:here|in here|on (?:the|this) (?:platform|site|app)|aqu[ií]|ici|hier|здесь|тут|هنا|yahan|yaha)(?!\w)"
)


@lru_cache(maxsize=1)
def phone_genitives() -> frozenset[str]:
    """The genitives that name the phone itself after "номер" ("номер телефона", "номер мобильного",
    "номер для связи"): any other genitive names the thing the number belongs to ("номер договора")."""
    nouns = load_lexicon("requests_lexicon.json")["nouns"]["phone"]
    return frozenset(w for n in nouns for w in n.split()[1:]) | {"для", "тебя", "меня", "вашего", "твоего"}


# a value right after the noun: "your business number 81234 5678", "tu número: 55 1234 5678"
# Hindi verbs after a noun that are also Romance prepositions: "number de" gives, "correo de contacto" is "of";
# the word after tells them apart (a Hindi particle or the clause's end, or a noun going on)
_ROMANCE_HOMOGRAPHS = frozenset({"de", "do", "dein", "dena"})
_NOUN_GOES_ON = re.compile(r"\s+(?!(?:do|de|dijiye|dijie|dena|na|ji|yaar|yar|bhai|please|pls|plz|jaldi|abhi|zara|"
                           r"to|toh|sir|madam|mam)(?![^\W_]))[^\W\d_]")
# "número de traductor jurado", "numéro de membre": a bare genitive after a number names its kind
_BARE_GENITIVE = re.compile(r"\s+(?:de|of|von)\s+(?!(?:la|el|los|las|le|les|l'|the|o|a|os|as|der|des|dem|"
                            r"su|sus|tu|tus|seu|sua|vos|votre|your|his|her|their|ihr\w*)\s)(?P<kind>[^\W\d_]+)")
_VALUE_AFTER = re.compile(r"\s*[:#]?\s*\+?\d[\d \-]{3,}")
# what stands between a list's label and one of its items: other items and their commas
_LIST_ONLY = re.compile(r"[^.!?\n:;]*")


def _sentence_bounds(t: str, s: int, e: int, reach: int) -> tuple[int, int, bool]:
    """The sentence around t[s:e] (at most `reach` characters either side) and whether it asks."""
    lo = max(0, s - reach)
    stop = _SENTENCE_STOP_BEFORE.search(t, lo, s)
    lo = stop.start() + 1 if stop else lo
    end = _SENTENCE_STOP.search(t, e, min(len(t), e + reach))
    hi = end.start() if end else min(len(t), e + reach)
    return lo, hi, end is not None and t[hi] in "?؟"


_WEB_OBJECT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:page|pages|site|website|link|url|repo|profile|docs|file|files|"
                         r"página|pagina|sitio|site|seite|webseite|страниц\w*|сайт\w*|الصفحة|الموقع|الرابط)(?![^\W_])")
_TO_ME = re.compile(r"(?:^|[\s-])(?:me|mi|moi|mir|mich|мне|لي)(?![^\W_])")
PARTS_RULE = "request.address_parts"  # (engine/context.py: parts after an ask in the history answer it)


class RequestDetector:
    """Finds requests for a phone number, email, street address or messenger handle."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        lex = load_lexicon("requests_lexicon.json")
        self.enabled = {c for c in ("phone", "email", "address", "link", "social") if rules.detectors[c]["enabled"]}
        self.categories: dict[str, str] = {}
        for category, nouns in lex["nouns"].items():
            for noun in nouns:
                self.categories.setdefault(collapse(noun), category)
        self.apps = AppLexicon(rules) if "social" in self.enabled else None
        app_src = alias_source(self.apps.names) if self.apps is not None and self.apps.names else None
        noun_src = phrase_source(self.categories)
        self.noun_regex = lazy_compile(noun_src + ("|" + app_src if app_src else ""))
        # "send it to me by email", "أرسل لي على الإيميل", "forward them to me via mail": the writer (and the
        # thing) as a sending verb's objects, then a route's preposition and an email noun
        objects = (r"(?:\s+(?:it|them|this|that|these|me|to\s+me|over|lo|la|los|las|me\s+lo|le|les|moi|es|mir|sie|"
                   r"mich|мне|его|их|لي|إياه|ياه|mujhe|ye|yeh|मुझे))")
        email_nouns = [n for n in lex["nouns"]["email"] if " " not in n or n.startswith(("e-", "e "))]
        self.send_by_email = lazy_compile(
            r"(?<![^\W_])(?:" + phrase_source(lex["send_by_route_verbs"], bounded=False) + r")(?:-(?:moi|le|la))*"
            + objects + r"{0,3}[\s,]+(?:(?:rather|instead|better|mejor|plutôt|lieber|лучше|أحسن|better)\s+)?"
            + r"(?:" + phrase_source(lex["route_prepositions"], bounded=False) + r")"
            + r"\s*(?:(?:the|el|la|le|o|a|der|die|das|ال)\s*)?(?:" + phrase_source(email_nouns, bounded=False)
            + r")(?![^\W_])")
        self.send_keys = gate_keys(lex["send_by_route_verbs"])
        self.generic_phone = {collapse(n) for n in lex["generic_phone_nouns"]}
        self.id_before = lazy_compile(r"(?<![^\W_])(?:" + word_alternation(
            [w for w in lexicon()["id_context"] if w[0].isalnum()]) + r")[\s\-]*$")
        self.contact_words = frozenset(lex["contact_words"])  # a noun that is also a verb ("te contacto")
        self.verb_subjects = frozenset(lex["verb_subjects"])
        social = load_lexicon("social_lexicon.json")
        self.identity_heads = frozenset((*social["id_words"], *social["contact_nouns_after"]))  # "Skype-Name"
        self.phone_genitives = phone_genitives()
        self.generic_address = {collapse(n) for n in lex["generic_address_nouns"]}
        self.generic_link = {collapse(n) for n in lex["generic_link_nouns"]}
        # "what's your location?" asks for a city (fine); "send me your location", "la ubicación exacta en
        # Maps" asks for a pin: a location counts with a transfer or a map word beside it
        self.location = {collapse(n) for n in lex["location_nouns"]}
        self.location_transfer = lazy_compile(phrase_source(lex["location_transfers"]))
        self.link_contact = lazy_compile(phrase_source(lex["link_contact_words"]))
        self.own_site = lazy_compile(phrase_source(lex["own_site_qualifiers"]))
        self.samples = lazy_compile(phrase_source(lex["sample_words"]))
        self.here = word_pattern(lexicon()["here_words"])
        fillers = phrase_source(lex["fillers"])
        poss = phrase_source(lex["possessives"])
        # "... your (personal) " right before the noun
        self.poss_before = lazy_compile(poss + r"\s+(?:" + fillers + r"\s+){0,2}$")
        self.possessive = lazy_compile(poss)
        please = phrase_source(lex["please"])
        self.please = lazy_compile(please)
        # "what's ", "send me ", "¿me pasas " right before the possessive
        self.ask_before = lazy_compile(
            phrase_source(lex["ask"]) + r"[\s,]+(?:(?:over|across|along|through|back)\s+)?"
            r"(?:(?:me|mi|moi|mir|мне|ji|" + please + r")[\s,]+){0,2}$"
        )
        # "do you have (a) ", "у тебя есть ", "عندك " right before the noun; in a language without
        # articles (Russian; Arabic writes its article on the noun) every ask works so: "дадите номер?",
        # "скиньте рабочий и личный e-mail", "عطني اليوزر"
        articleless = [w for w in lex["ask"] if _ARTICLELESS.search(w)]
        conjunctions = phrase_source(sorted(_CONJUNCTIONS))
        self.ask_complete = lazy_compile(
            phrase_source([*lex["ask_complete"], *articleless]) + r"\s+(?:" + phrase_source(lex["articles"])
            + r"\s+){0,2}(?:" + fillers + r"\s+(?:" + conjunctions + r"\s+)?){0,2}$"
        )
        # "Pásame algún número", "Geben Sie mir doch mal eine Handynummer", "Vous me laissez un numéro ?":
        # an ask, then an indefinite (for a generic noun, in a question or beside a purpose of
        # reaching the reader)
        self.ask_indefinite = lazy_compile(
            phrase_source(lex["ask"]) + r"[\s,]+(?:(?:me|mi|moi|mir|мне|ji|" + please + "|"
            + phrase_source(lex["ask_adverbs"]) + r")[\s,]+){0,3}"
            r"(?:" + phrase_source(lex["articles"]) + r"\s+)(?:" + fillers + r"\s+){0,2}$"
        )
        # "what's the best way to reach you?", "which street are you on?"
        self.question_categories: dict[str, str] = {}
        for category, phrases in lex["question_requests"].items():
            for phrase in phrases:
                self.question_categories[collapse(phrase)] = category
        self.question_request = lazy_compile(phrase_source(self.question_categories))
        self.ar_possessive_after = lazy_compile(r"\s*" + phrase_source(lex["arabic_possessive_after"]))
        ext = lex["app_extensions"]
        self.ext_social = lazy_compile(r"\s*" + phrase_source(ext["social"]))
        self.ext_phone = lazy_compile(r"\s*" + phrase_source(ext["phone"]))
        self.blockers = set(lex["noun_blockers_after"])
        verbs = phrase_source(lex["verbs_after"])
        self.verbs_after = lazy_compile(
            # (Hindi's "if there is one": "koi contact number ho to de dijiye", "नंबर हो तो दे दीजिए")
            r"\s*(?:id\s+|number\s+|no\.?\s+)?(?:(?:ho|hai|ho\s+sake)\s+toh?\s+|(?:हो|है)\s+तो\s+)?"
            r"(?:abhi\s+|jaldi\s+|zara\s+)?(?P<verb>" + verbs + r")"
        )
        self.verbs_need_poss = set(lex["verbs_after_need_possessive"])
        # "WA hai kya?", "тг есть?", "¿WhatsApp tienes?": the app, then the question after it
        self.question_tail = lazy_compile(r"\s*(?:" + phrase_source(lex["question_tails"]) + r")\s*[?؟]")
        self.question_tail_you = lazy_compile(r"\s*(?:" + phrase_source(lex["question_tails_you"]) + r")\s*[?؟]")
        self.question = lazy_compile(r"[^\n.!?؟]{0,60}[?؟]")
        # "your email and (your) phone number": a second noun joined to a request
        self.chain = lazy_compile(
            r"[\s,]*(?:and|&|or|y|e|et|und|oder|и|или|aur|ya|\u0648|/|\+)?[\s,]*"
            r"(?:" + poss + r"\s+)?(?:" + fillers + r"\s+){0,2}"
        )
        # An address asked for by its detail: "your full address", "the address (street, number, floor)"
        qualifiers = phrase_source(lex["address_qualifiers"])
        self.address_qualifier = lazy_compile(qualifiers + r"\s+(?:" + fillers + r"\s+){0,2}$")
        part = phrase_source(lex["address_parts"])
        self.address_parts = lazy_compile(
            r"[^\n.!?(:]{0,30}?[\s(:\-—–]+" + part + r"(?:\s*(?:[,;/]|\s(?:and|y|e|et|und|и|و)\s)\s*" + part + r"){1,}"
        )
        self.sentence_ask = lazy_compile(phrase_source(lex["ask"]) + r"(?![^\W_])")
        self.part_chain = lazy_compile(r"(?:\s*(?:,|and|aur|y|e|et|und|и|و)\s*" + part + r"){1,3}")
        # an address asked for by two of its parts or more, one of them specific (a street, a floor, a
        # flat, a tower, a landmark, a map pin): "just tell me your house, which estate and the road"
        self.part_word = lazy_compile(part)
        self.generic_parts = frozenset(collapse(w) for w in lex["address_parts_generic"])
        self.part_keys = gate_keys([w for w in lex["address_parts"] if collapse(w) not in self.generic_parts])
        self.qualifier_after = lazy_compile(r"[ \t]+" + qualifiers)  # "la dirección exacta", "l'adresse complète"
        # "send me the street address", "pásame la dirección": an ask, then an article, then the noun
        self.ask_article = lazy_compile(
            phrase_source(lex["ask"]) + r"[\s,]+(?:(?:me|mi|moi|mir|мне|ji)[\s,]+)?"
            + r"(?:the|la|el|o|a|le|l'|die|den|das|los|las|os|as|les)\s*$"
        )
        self.keys = gate_keys(self.categories) | (self.apps.keys if self.apps is not None else frozenset())
        general = lexicon()
        self.qr = word_pattern(general["qr_words"])
        self.qr_scan = word_pattern(general["scan_verbs"])
        plural = set(general["organisation_voice"])  # "our site" in a client's brief is the work's
        self.qr_mine = word_pattern([w for w in general["my_words"] if w not in plural])
        self.qr_group = word_pattern(general["group_words"])
        self.qr_not = word_pattern(general["negation_cues"])
        self.qr_place = word_pattern(general["qr_destinations"])
        self.question_keys = gate_keys(self.question_categories)
        # "le numéro du président", "o número de WhatsApp da coordenadora", "die Handynummer Ihrer
        # Geschäftsführerin", "رقم موبايل مديرة البرامج": the noun, a genitive, a role on the reader's side
        roles = phrase_source(lex["reader_side_roles"])
        self.role_after = lazy_compile(
            r"(?:\s+(?:de|of|del|do|da|dos|das|du|des|der|von|di|ka|ki|ke|de la|de l'|of the|of your|de tu|de su|"
            r"de vos|de votre|de sua|de seu|do seu|da sua|ihrer|ihres|deiner|deines|eurer|вашего|вашей|твоего|твоей|"
            r"موبايل|الموبايل|جوال|تليفون|واتساب|whatsapp|de whatsapp|de contacto|de contato|de portable|de celular)"
            r"){1,3}\s*(?:[\w'-]+\s+)?" + roles + r"(?![^\W_])|\s+" + roles + r"(?![^\W_])"
        )
        self.role_before = lazy_compile(roles + r"\s+(?:ka|ki|ke|का|की|के)\s+(?:[\w-]+\s+){0,2}$")
        self.delivery = word_pattern(general["delivery_verbs"] + lex["sending_verbs_first_person"])
        # "to call you", "llamarte" as a phrase; or the reader as the object of a verb of reaching or
        # sending, two words apart at most, either way ("te puedo marcar", "ruf ich Sie morgen an",
        # "puis-je vous renvoyer", "я сам вам напишу")
        # (the pronoun right after the verb or its subject, "ruf ich Sie", never after a noun's words,
        # "email as you gave"; or an object clitic or dative before it: "you write" has a subject)
        reach = phrase_source(lex["contact_verb_stems"])
        gap = r"\s+(?:[^\W\d_][\w'-]*\s+){0,2}?"
        self.contact_you = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["contact_you"]) + r"(?![^\W_])|"
                                        + phrase_source(lex["you_objects_before"]) + gap + reach + "|"
                                        + reach + r"\s+(?:(?:ich|je|yo|eu|я|main)\s+)?"
                                        + phrase_source(lex["you_objects"]))
        self.id_before = lazy_compile(r"(?<![^\W_])" + phrase_source(general["id_context"]) + r"[\s#:-]*$")
        self.field_list = lazy_compile(phrase_source(lex["field_labels"]) + r"[ \t]*[:：]")
        # "Wohin darf ich Ihnen die Erklärung mailen?", "¿dónde te llega mejor un correo?": where to
        # email or send things to the reader, asked
        self.where = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["where_words"]) + r"(?![^\W_])")
        self.where_keys = gate_keys(lex["where_words"])
        self.exactly = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["exactly_words"]) + r"(?![^\W_])")
        self.visit = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["visit_intents"]) + r"(?![^\W_])")
        self.where_email = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["where_email_words"]) + r"(?![^\W_])")
        self.where_post = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["where_post_verbs"]) + r"(?![^\W_])")
        readers = [w for w in lex["you_objects"] if len(w) > 2 or w in ("te",)] + lex["you_objects_before"]
        self.reader = lazy_compile(r"(?<![^\W_])" + phrase_source(readers) + r"(?![^\W_])")
        # "is there a way I can just ring you?", "können wir das telefonisch klären?": talking by
        # telephone asked for between the two parties
        self.map_place = lazy_compile(phrase_source(lex["map_place_nouns"]) + r"\s+"
                                      + phrase_source(lex["map_phrases"]))
        self.map_keys = gate_keys(lex["map_phrases"])
        self.identity = lazy_compile(phrase_source(lex["identity_nouns"]))
        self.pronoun_ask = lazy_compile(phrase_source(lex["pronoun_asks"]))
        self.identity_keys = gate_keys(lex["identity_nouns"])
        self.app_blockers = frozenset(load_lexicon("social_lexicon.json")["blockers_after"])
        self.phone_call = lazy_compile(phrase_source(lex["phone_call_phrases"]))
        self.call_keys = gate_keys(lex["phone_call_phrases"])
        self.together = lazy_compile(phrase_source(lex["together_words"]))
        self.joint_calls = frozenset(lex["joint_call_phrases"])
        # "welche private Mailadresse hast du?": an adjective of the route may stand after "which"
        # "em que rua", "qual o andar", "which street", "in welcher Straße": which of a place's specific parts
        specific = [w for w in lex["address_parts"] if collapse(w) not in frozenset(
            collapse(g) for g in lex["address_parts_generic"])]
        self.which_part = lazy_compile(
            r"(?<![^\W_])" + phrase_source(lex["which_words"]) + r"\s+(?:(?:" + phrase_source(lex["articles"])
            + r")\s+)?" + phrase_source(specific) + r"(?![^\W_])")
        self.which_keys = gate_keys(lex["which_words"])
        self.which = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["which_words"])
                                  + r"(?:\s+" + phrase_source(lex["fillers"]) + r")?\s+$")
        # "¿cuál es el tuyo?": a pronoun standing for the route named before it
        self.pronoun = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["possessive_pronouns"]) + r"(?![^\W_])")
        self.pronoun_keys = gate_keys(lex["possessive_pronouns"])
        prefixes = "|".join(re.escape(p) for ps in lex["mobile_prefix_nouns"].values() for p in ps)
        self.prefix_noun = lazy_compile(r"(?<![^\W_])(?P<det>un|ton|votre)\s+(?P<noun>" + prefixes
                                        + r")(?![\d.,:/-]|\s*\d)")
        self.which_is = lazy_compile(r"(?<![^\W_])" + phrase_source(lex["which_words"])
                                     + r"(?:'s|\s+(?:is|es|é|est|ist|это|هو|hai))?\s+$")

    def find(self, text: Text) -> list[Hit]:
        """Hits in one prepared message."""
        if not self.enabled:
            return []
        view = text.folded
        t = view.text
        words = word_set(t)
        hits: list[Hit] = []
        if not words.isdisjoint(self.question_keys):
            for m in self.question_request.finditer(t):
                category = self.question_categories.get(collapse(m.group()))
                if _ON_PLATFORM.match(t, m.end()):
                    continue  # "how can I reach you here if the chat is down?"
                if category in self.enabled:
                    a, b = view.span(m.start(), m.end())
                    hits.append(Hit(category, a, b, f"request.{category}"))
        if ("qr" in t or "кьюар" in t or "كيو" in t or "क्यूआर" in t or "باركود" in t or "barcode" in t
                or "كود" in t) and self.qr.search(t) is not None:
            self._qr_pointer(view, t, hits)
        if ("06" in t or "07" in t) and "phone" in self.enabled:
            self._prefix_requests(view, t, hits)
        if not words.isdisjoint(self.where_keys):
            self._where_to(view, t, hits)
            if "address" in self.enabled and not any(h.category == "address" for h in hits):
                self._where_exactly(view, t, hits)
        if "phone" in self.enabled and not words.isdisjoint(self.call_keys):
            self._call_requests(view, t, hits)
        if "address" in self.enabled and not words.isdisjoint(self.map_keys) and not any(
                h.category == "address" for h in hits):
            self._map_location(view, t, hits)
        if "address" in self.enabled and not words.isdisjoint(self.part_keys) and not any(
                h.category == "address" for h in hits):
            self._parts_requested(view, t, hits)
        if "address" in self.enabled and not words.isdisjoint(self.part_keys) and not words.isdisjoint(
                self.which_keys) and not any(h.category == "address" for h in hits):
            self._which_part(view, t, hits)
        if "email" in self.enabled and not words.isdisjoint(self.send_keys) and not any(
                h.category == "email" for h in hits):
            m = self.send_by_email.search(t)
            if m is not None and not _SENTENCE_STOP.search(t, m.start(), m.end()) and (
                    _TO_ME.search(m.group()) or "-moi" in m.group() or "ياه" in m.group()):  # to the writer
                a, b = view.span(m.start(), m.end())
                hits.append(Hit("email", a, b, "request.email"))
        if words.isdisjoint(self.keys):
            return hits
        if not words.isdisjoint(self.pronoun_keys):
            self._pronoun_requests(view, t, hits)
        if "social" in self.enabled and self.apps is not None and not words.isdisjoint(self.identity_keys) and not any(
                h.category == "social" for h in hits):
            self._identity_requests(view, t, hits)
        chain_end = -1
        for count, m in enumerate(self.noun_regex.finditer(t)):
            if count >= 32:
                break
            chained = chain_end >= 0 and self.chain.fullmatch(t, chain_end, m.start()) is not None
            end = self._judge(view, t, m.start(), m.end(), m.group(), hits, chained, text.original)
            if end is not None:
                chain_end = end
        return hits

    def _identity_requests(self, view: View, t: str, hits: list[Hit]) -> None:
        """An account's name asked for beside an app: the reader's possessive, the identity noun, in a
        question or after an ask, and an app named as a route in its sentence or just before ("Ok I'll send
        it to your wechat, what's your id"), not as the work ("your user id in the Telegram bot database")."""
        for m in self.identity_asked(t):
            lo, hi = _sentence_bounds(t, m.start(), m.end(), 120)[:2]
            if any(not self.app_worked(t, app.end()) for app in self.apps.regex.finditer(t, max(0, lo - 120), hi)):
                a, b = view.span(m.start(), m.end())
                hits.append(Hit("social", a, b, "request.social"))
                return

    def identity_asked(self, t: str):
        """The identity nouns of `t` asked for as the reader's (a possessive before, a question or an ask
        in the sentence, not on the platform): engine/assembly.py reads them after an app in the history."""
        if self.apps is None or self.apps.regex is None:
            return
        for m in self.identity.finditer(t):
            if self.poss_before.search(t, max(0, m.start() - _BEFORE), m.start()) is None:
                continue
            lo, hi, question = _sentence_bounds(t, m.start(), m.end(), 120)
            if not (question or self.sentence_ask.search(t, lo, m.start()) or self.please.search(t, lo, hi)):
                continue
            if PLATFORM.search(t, lo, hi) or self.here.search(t, m.end(), min(hi, m.end() + 16)):
                continue  # "what's your username on the platform?", "your user here"
            yield m

    def app_worked(self, t: str, end: int) -> bool:
        """Whether the words right after an app make it the work ("the Telegram bot", "WhatsApp API")."""
        return any(w in self.app_blockers for w in _WORD.findall(t[end:end + 30])[:2])

    def _map_location(self, view: View, t: str, hits: list[Hit]) -> None:
        """A place asked for on a map: a place noun, then "on the map", in a question or after an ask
        ("ممكن تبعثلي الموقع على الخريطة؟ بدي أجي", "send me the spot on google maps"); not on the platform."""
        for m in self.map_place.finditer(t):
            lo, hi, question = _sentence_bounds(t, m.start(), m.end(), 120)
            if not (question or self.sentence_ask.search(t, lo, m.start())
                    or self.location_transfer.search(t, lo, m.start())):
                continue
            if PLATFORM.search(t, lo, hi) or self.id_before.search(t, max(lo, m.start() - 24), m.start()):
                continue
            a, b = view.span(m.start(), m.end())
            hits.append(Hit("address", a, b, "request.address"))
            return

    def _parts_requested(self, view: View, t: str, hits: list[Hit]) -> None:
        """An address asked for by its parts after an ask in one sentence: two parts or more, one of
        them specific ("just tell me your house, which estate and the road, or any landmark near it",
        "أرسلي لي اسم البرج ورقم الشقة والطابق", "ترسل لي موقع البيت، رقم السكة ورقم المنزل أو دبوس
        الخريطة"). Not a list of a form's fields, and not the work's own figures ("send me the number of
        floors and the building's height": one specific part)."""
        for ask in self.sentence_ask.finditer(t):
            if ask.group() in self.verbs_need_poss:
                continue  # "do", "de": Hindi asks only beside a possessive ("Imóvel do cliente: Rua …")
            lo, hi, _ = _sentence_bounds(t, ask.start(), ask.end(), 160)
            parts = {collapse(m.group()) for m in self.part_word.finditer(t, ask.end(), hi)}
            if len(parts) < 2 or parts <= self.generic_parts:
                continue
            fields = self.field_list.search(t, max(0, lo - 120), hi)
            if fields is not None or not self.blockers.isdisjoint(_WORD.findall(t[ask.end():hi])):
                continue  # "Campos: calle, número, piso", "send me the floor plan and the unit mix": the work's data
            # the reader's own place: asked of them ("tell me", "أرسلي لي", "your"), or for a visit ("وأنا آتي");
            # "preciso deduplicar por CEP + número" asks no one
            told = _TO_ME.match(t, ask.end()) is not None or _TO_ME.search(ask.group()) is not None
            if not (told or self.possessive.search(t, lo, hi) or self.reader.search(t, lo, hi)
                    or self.visit.search(t, max(0, lo - 200), min(len(t), hi + 200))):
                continue
            a, b = view.span(ask.start(), hi)
            hits.append(Hit("address", a, b, PARTS_RULE))
            return

    def _prefix_requests(self, view: View, t: str, hits: list[Hit]) -> None:
        """A mobile prefix said for the number ("t'as un 06 ?", "tu peux m'envoyer ton 07 ?", "vous
        avez un 06 où je peux vous joindre"), after an indefinite or the reader's determiner ("le 07"
        is a date) and not followed by more digits, asked by a question, an ask before it or a
        purpose of reaching the reader."""
        for m in self.prefix_noun.finditer(t):
            lo, hi, question = _sentence_bounds(t, m.start(), m.end(), 80)
            if not self.blockers.isdisjoint(_WORD.findall(t[lo:hi])):
                continue  # "un 06 ou un 07 pour le formulaire, le champ accepte les deux préfixes": the work
            asked = (question or self.ask_before.search(t, lo, m.start("det")) is not None
                     or self.ask_complete.search(t, lo, m.start("noun")) is not None
                     or self._purpose(t, m.start(), m.end()))
            if asked:
                a, b = view.span(m.start(), m.end())
                hits.append(Hit("phone", a, b, "request.phone"))
                return

    def _call_requests(self, view: View, t: str, hits: list[Hit]) -> None:
        """Talking by telephone asked for in a question between the two parties ("is there a way I can
        just ring you?", "on ne pourrait pas plutôt s'appeler ?", "ما في طريقة نحكي على التلفون؟"): to
        call, the number is needed. The platform's own calls, and others' calls, ask for nothing."""
        for m in self.phone_call.finditer(t):
            lo, hi, question = _sentence_bounds(t, m.start(), m.end(), 120)
            if not question or PLATFORM.search(t, lo, hi) or self.here.search(t, lo, hi) or _VIDEO.search(t, lo, hi):
                continue  # (a call here, in the platform's own calls or by video, asks for no number)
            near = min(len(t), hi + 80)  # (or in the sentence after: "¿hay forma de hablar por teléfono? … te marco")
            if (self.reader.search(t, lo, near) is None and self.together.search(t, lo, near) is None
                    and m.group() not in self.joint_calls):
                continue  # "should the client be called by phone?": no one here asked
            a, b = view.span(lo, hi)
            hits.append(Hit("phone", a, b, "request.phone"))
            return

    def _where_to(self, view: View, t: str, hits: list[Hit]) -> None:
        """A question for where to email or send things to the reader: "Wohin darf ich Ihnen die
        Erklärung mailen?" (email), "¿dónde te llega mejor un correo?" (email), "where can I ship the
        samples to you?" (address). The reader is named in it; "where do I upload the files?" and
        "where do I send the invoice here?" ask for nothing off the platform."""
        for m in self.where.finditer(t):
            lo, hi, question = _sentence_bounds(t, m.start(), m.end(), 120)
            if not question or PLATFORM.search(t, lo, hi):
                continue
            # the options may follow in a short sentence of their own: "Where can I send the NDA to? Gmail or
            # work one, whatever you check more"
            follow = _SENTENCE_STOP.search(t, hi + 1, min(len(t), hi + 100))
            options = follow.start() if follow else min(len(t), hi + 100)
            if options - hi > 100 or self.where.search(t, hi + 1, options) or self.delivery.search(t, lo, hi) is None:
                options = hi  # (the question sends something: "where do I upload …? the gmail sync …" offers nothing)
            readers = list(self.reader.finditer(t, lo, options))
            for category, pattern in (("email", self.where_email), ("address", self.where_post)):
                found = pattern.search(t, m.end(), hi)
                if found is None and category == "email" and options > hi:
                    found = pattern.match(t, hi + 1 + len(t[hi + 1:options]) - len(t[hi + 1:options].lstrip()))
                # English "you" before the verb is its subject ("where did you email the client from?")
                if found is not None and category in self.enabled and any(
                        r.group() != "you" or r.start() >= found.end() for r in readers):
                    a, b = view.span(m.start(), found.end())
                    hits.append(Hit(category, a, b, f"request.{category}"))
                    return

    def _where_exactly(self, view: View, t: str, hits: list[Hit]) -> None:
        """A question for where exactly a place is, in a message that says the writer will come ("Wo genau
        ist die Werkstatt? Ich würde Donnerstag mit dem Fotografen vorbeikommen", "وين الكراج بالضبط؟ أبي أجي
        يوم الخميس"): the place's address, asked for. "Where exactly is the bug?" plans no visit."""
        for m in self.where.finditer(t):
            lo, hi, question = _sentence_bounds(t, m.start(), m.end(), 120)
            if not question or self.exactly.search(t, lo, hi) is None or PLATFORM.search(t, lo, hi):
                continue
            visit = self.visit.search(t, max(0, lo - 160), min(len(t), hi + 200))
            if visit is None or _WEB_OBJECT.match(t, visit.end()):
                continue  # ("I'll visit the page later": a page is visited online)
            a, b = view.span(m.start(), hi)
            hits.append(Hit("address", a, b, "request.address"))
            return

    def _which_part(self, view: View, t: str, hits: list[Hit]) -> None:
        """A question for which street, floor or building a place is on, in a message that says the writer
        will come ("Gostava de ver a casa. Em que rua fica e qual o andar?", "Which street is the shop on?
        I'd come by Friday"): the place's address, asked for. A part that alone names no door ("which
        city?") asks for none, and neither does a question without a visit ("which floor plan?")."""
        for m in self.which_part.finditer(t):
            lo, hi, question = _sentence_bounds(t, m.start(), m.end(), 120)
            after = _WORD.findall(t[m.end():hi])
            if not question or PLATFORM.search(t, lo, hi) or (after and after[0] in self.blockers):
                continue  # ("which floor plan", "what street view layer"): the part names another thing
            visit = self.visit.search(t, max(0, lo - 160), min(len(t), hi + 200))
            if visit is None or _WEB_OBJECT.match(t, visit.end()):
                continue
            a, b = view.span(m.start(), hi)
            hits.append(Hit("address", a, b, "request.address"))
            return

    def _pronoun_requests(self, view: View, t: str, hits: list[Hit]) -> None:
        """A pronoun for the reader's route named earlier in the message, asked for: "hablemos por el
        cel, ¿cuál es el tuyo?", "if you'd rather talk by phone, send me yours", "pásame el tuyo con lada".
        The noun must name the route itself, not a topic ("email marketing")."""
        for p in self.pronoun.finditer(t):
            lo = max(0, p.start() - 120)
            asked = self.ask_before.search(t, max(0, p.start() - 40), p.start()) is not None or (
                self.which_is.search(t, max(0, p.start() - 24), p.start()) is not None
                and self.question.match(t, p.end()) is not None)  # not "and yours?", "what about yours?"
            if not asked:
                continue
            for m in self.noun_regex.finditer(t, lo, p.start()):
                key = collapse(m.group())
                category = self.categories.get(key)
                if category is None and self.apps is not None and self.apps.lookup(m.group()) is not None:
                    category = "social"
                following = _WORD.findall(t[m.end():m.end() + _AFTER])[:1]
                if category is None or category not in self.enabled or (following and following[0] in self.blockers):
                    continue
                a, b = view.span(m.start(), p.end())
                hits.append(Hit(category, a, b, f"request.{category}"))
                return

    def _qr_pointer(self, view: View, t: str, hits: list[Hit]) -> None:
        """A QR code given as the way there: "scan the QR on page 2 of my CV, it goes to my booking
        site" (link), "a primeira foto tem o QR do meu WhatsApp" (social). The code is told to be
        scanned or is the writer's, and its sentence names where it leads: an app, or the writer's
        site, page, form or group. "Generate QR codes for the menu" asks for work."""
        for m in self.qr.finditer(t):
            lo = max(0, m.start() - _QR_REACH)
            hi = min(len(t), m.end() + _QR_REACH)
            stop = _SENTENCE_STOP.search(t, m.end(), hi)
            hi = stop.start() if stop else hi
            start = _SENTENCE_STOP_BEFORE.search(t, lo, m.start())
            lo = start.end() if start else lo
            sentence = t[lo:hi]
            mine = self.qr_mine.search(sentence) is not None
            # a negation counts in the clause that names the writer's or the destination ("o QR aponta
            # para o site de vocês, não para o meu"), not in another ("…, commission nahi lagega")
            claimed = [c for c in re.split(r"[,;،]", sentence)
                       if self.qr_mine.search(c) or self.qr_place.search(c) or self.qr.search(c)]
            if not (mine or self.qr_scan.search(sentence)) or any(self.qr_not.search(c) for c in claimed):
                continue  # the client's, said so
            app = self.apps.regex.search(sentence) if self.apps is not None and self.apps.regex is not None else None
            category = None
            scan = self.qr_scan.search(sentence) is not None
            if "social" in self.enabled and ((app is not None and self.apps.lookup(app.group()) is not None)
                                             or (scan and self.qr_group.search(sentence))):
                category = "social"  # an app's code, or a group to join by scanning
            elif mine and self.qr_place.search(sentence) and "link" in self.enabled:
                category = "link"
            if category is not None:
                a, b = view.span(lo, hi)
                hits.append(Hit(category, a, b, f"{category}.qr_pointer"))
                return

    def _judge(
        self, view: View, t: str, s: int, e: int, noun: str, hits: list[Hit], chained: bool = False, original: str = ""
    ) -> int | None:
        key = collapse(noun)
        categories: list[str]
        if key in self.categories:
            categories = [self.categories[key]]
            if self.apps is not None and self.apps.lookup(noun) is not None:
                categories.append("social")  # "tu whatsapp" asks for the number and the app
        elif self.apps is not None and self.apps.lookup(noun) is not None:
            categories = ["social"]
            ext = self.ext_phone.match(t, e)
            if ext:
                categories.append("phone")
                e = ext.end()
            else:
                ext = self.ext_social.match(t, e)
                if ext:
                    e = ext.end()
        else:
            return None
        fields = self.field_list.search(t, max(0, s - 120), s)
        if (fields is not None and _LIST_ONLY.fullmatch(t, fields.end(), s)
                and self.possessive.search(t, fields.end(), s) is None):  # ("Campos: tu dirección" asks)
            return None  # "Campos: nombre, dirección, colonia, CP", "(columnas: nombre, dirección completa, …)"
        after = t[e:e + _AFTER]
        if _VALUE_AFTER.match(after):
            return None  # "just your business number 81234 5678 RT0001": the value is given, not asked for
        if after.startswith(("'s ", "'s?")):
            return None  # "your phone's screen size": the phone is the topic
        compound = _COMPOUND_HEAD.match(after)
        if compound is not None and collapse(compound.group(1)) not in self.categories and (
                compound.group(1) not in self.identity_heads):
            return None  # "email-рассылка", "Telegram-бот": the noun qualifies the thing ("WhatsApp-Nummer" asks)
        words_after = _WORD.findall(after)[:2]
        given = self.verbs_after.match(t, e)  # (Hindi "number de do": "de" gives, and the word after it too)
        kind = _BARE_GENITIVE.match(t, e) if key in self.generic_phone and (
            given is None or (given.group("verb") == "de" and _NOUN_GOES_ON.match(t, given.end()))) else None
        if (kind is not None and kind.group("kind") not in self.phone_genitives
                and (self.apps is None or self.apps.lookup(kind.group("kind")) is None)
                and original[view.starts[kind.start("kind")]:view.starts[kind.start("kind")] + 1].islower()):
            return None  # "indique su número de traductor jurado": a registration; "el número de Juan" is Juan's
        if words_after and words_after[0] in _GENITIVES and "address" not in categories:
            side = self._someone_on_their_side(t, s, e)  # "the number of your project manager", before "number of …"
            if side is not None:
                a, b = view.span(side, e)
                for category in categories:
                    if category in self.enabled:
                        hits.append(Hit(category, a, b, f"request.{category}"))
                return e
        if words_after and words_after[0] in self.blockers and after[:1] not in "?؟":
            return
        if (len(words_after) > 1 and words_after[1] in self.blockers and after.lstrip()[:1].isalpha()
                and words_after[0] not in _CONJUNCTIONS):  # "your address and zip" asks for both
            # "LinkedIn company page", "número de pedido", "номер заказа": the second word decides
            between = after[after.index(words_after[0]) + len(words_after[0]):after.index(words_after[1])]
            if between.strip() in ("", "-"):
                return None
        if (words_after and key in self.generic_phone and _GENITIVE_NOUN.fullmatch(words_after[0])
                and words_after[0] not in self.phone_genitives and not after[:1].strip()
                and (self.apps is None or self.apps.lookup(words_after[0]) is None)):
            return None  # "номер договора", "номер рейса": the number of a thing named after it
        if key in self.generic_phone and self.id_before.search(t, max(0, s - 24), s) is not None:
            return None  # "order number de dijiye", "UTR number bhejo": an identifier's number, no phone
        if key in self.location and self.location_transfer.search(t, max(0, s - 40), min(len(t), e + 40)) is None:
            return None
        before = t[max(0, s - _BEFORE):s]
        offset = s - len(before)
        start = s if chained else None
        generic = key in self.generic_phone or key in self.generic_address
        if key in self.contact_words:
            last = _WORD.findall(t[max(0, s - 12):s])[-1:]
            if (last and last[0] in self.verb_subjects) or (
                    words_after and words_after[0] in _GENITIVES and not self.verbs_after.match(t, e)):
                return None  # "te contacto cuando …" is a verb; "el contacto del proveedor" is a third party's
        if key in self.generic_link:
            # "do you have a website?" is often the client's own site (the work); ask it only
            # next to contact wording: "a website with a contact form", "a Calendly I can book through"
            if self.link_contact.search(t, max(0, s - 40), min(len(t), e + 50)) is None:
                if not self._own_site_for_samples(t, s, e):
                    return None
                a, b = view.span(max(0, s - 24), e)
                hits.append(Hit("link", a, b, "request.link"))
                return e
            generic = True
        pm = self.poss_before.search(before)
        asked = self.question.match(after) is not None or self.please.search(t, max(0, s - 25), e + 25) is not None
        if pm is not None:
            am = self.ask_before.search(before, 0, pm.start())
            if am is not None and before[am.end():pm.start()].strip() == "":
                start = offset + am.start()
            elif asked or self._bare_request(t, offset + pm.start(), e):
                if not _after_preposition(t, offset + pm.start()):
                    start = offset + pm.start()
        if start is None:
            cm = self.ask_complete.search(before)
            if cm is not None and (not generic or asked or not cm.group()[0].isascii()):
                start = offset + cm.start()
        if start is None:
            im = self.ask_indefinite.search(before)
            weak = generic or categories == ["social"]  # "we need a WeChat Mini Program" is the work
            if im is not None and (not weak or asked or self._purpose(t, s, e)) and not (
                    "email" in categories and self.delivery.search(im.group()) is not None
                    and _TO_ME.search(im.group()) is None):
                # (not "send an email to the tenant": the email is the message; "Schick mir lieber eine Mail"
                # emails the writer, off the platform)
                start = offset + im.start()
        if start is None and self._arabic_own(key) is False and self.ar_possessive_after.match(t, e):
            key += "\u0643"  # "البريد الإلكتروني حقك": the possessive comes after the noun
            e = self.ar_possessive_after.match(t, e).end()
        if start is None and self._arabic_own(key):
            am = self.ask_before.search(before)
            if am is not None:
                start = offset + am.start()
            elif asked or self.question.match(t, e):  # "ممكن ترسل لي إيميلك عشان أشارك معك الملفات؟"
                start = s
        if start is None:
            vm = self.verbs_after.match(t, e)
            chained = self.part_chain.match(t, e) if vm is None and "address" in categories else None
            if chained is not None:  # "dukaan ka exact pata aur gali bata do": more parts, then the ask
                vm = self.verbs_after.match(t, chained.end())
            if vm is not None and vm.group("verb") in _ROMANCE_HOMOGRAPHS and _NOUN_GOES_ON.match(t, vm.end()):
                vm = None  # "su correo de contacto": Spanish "de", not Hindi "give"; "number de do" gives
            if vm is not None:
                verb = vm.group("verb")
                if verb not in self.verbs_need_poss or pm is not None:
                    start = offset + pm.start() if pm is not None else s
                    e = vm.end()
            elif "social" in categories and self.question_tail.match(t, e):
                start = offset + pm.start() if pm is not None else s
                e = self.question_tail.match(t, e).end()
            elif self.question_tail_you.match(t, e):  # "а почта у тебя какая?"
                start = offset + pm.start() if pm is not None else s
                e = self.question_tail_you.match(t, e).end()
        if start is None and (pm is not None or self._arabic_own(key)):
            ask = self.pronoun_ask.search(t, e, min(len(t), e + 48))
            if ask is not None and not _SENTENCE_STOP.search(t, e, ask.start()):
                # "sur ton mail perso, donne-le-moi", "на твою личную почту, напиши её": the pronoun stands for it
                start, e = (offset + pm.start() if pm is not None else s), ask.end()
        if start is None and "address" not in categories:
            start = self._someone_on_their_side(t, s, e)
        if start is None and "address" not in categories:
            start = self._addressed(t, s, e, key, offset + pm.start() if pm is not None else None, generic)
        if start is None and "address" in categories:
            start = self._which_address(t, s, e, generic)
        if start is None and "address" in categories:
            start, e = self._detailed_address(t, offset, before, s, e)
        if start is None:
            return None
        if (own := self.ar_possessive_after.match(t, e)) is not None:
            e = own.end()  # "ممكن الايميل حقك؟": the possessive after the noun is the request's
        vm = self.verbs_after.match(t, e)
        if vm is not None:
            e = vm.end()  # "aapka mobile number dijiye"
        a, b = view.span(start, e)
        for category in categories:
            if category in self.enabled:
                hits.append(Hit(category, a, b, f"request.{category}"))
        return e

    def _addressed(self, t: str, s: int, e: int, key: str, possessive: int | None, generic: bool) -> int | None:
        """Where a request for a route starts when its sentence says what for: to contact the reader
        ("got a number I can text you at?", "pasame por acá tu número y te escribo", "¿me das un
        número pa' llamarte?"), or which one the reader uses ("which email should I send the invite
        to?"). A question, or the reader's own noun; a device ("what phone do you use?") or a
        generic noun needs the purpose."""
        lo, hi, question = _sentence_bounds(t, s, e, 120)
        if not (question or possessive is not None):
            return None
        if self._purpose(t, s, e):
            if self.id_before.search(t, max(lo, s - 24), s) is None:  # "the order number so I can call you"
                return possessive if possessive is not None else s
        platform = PLATFORM.search(t, lo, hi)
        if question and not generic and platform is None and self.which.search(t, max(lo, s - 32), s) is not None:
            if self.categories.get(key) in ("email", "social") or any(c.isdigit() for c in key) or (
                    self.apps is not None and self.apps.lookup(key) is not None):
                return s
        return None

    def _purpose(self, t: str, s: int, e: int) -> bool:
        """Whether the sentence around a noun says the writer will reach the reader by it ("…, dann ruf
        ich Sie morgen an", "… donde te encuentre"), not here ("I'll message you here")."""
        lo, hi, _ = _sentence_bounds(t, s, e, 120)
        you = self.contact_you.search(t, lo, hi)
        return you is not None and not _ON_PLATFORM_LATER.match(t, you.end())

    def _someone_on_their_side(self, t: str, s: int, e: int) -> int | None:
        """A route of someone on the reader's side asked for ("pourriez-vous me transmettre le numéro de
        portable du responsable technique ?", "kya aap apne director ka WhatsApp number share kar sakte hain?"):
        the noun with a role after it (or before it, with ka), and an ask or a question in its sentence."""
        role = self.role_after.match(t, e)
        if role is None and self.role_before.search(t, max(0, s - 40), s) is None:
            return None
        lo, hi, question = _sentence_bounds(t, s, e, 160)
        if not (question or self.sentence_ask.search(t, lo, s) or self.please.search(t, lo, hi)):
            return None
        if self.id_before.search(t, max(lo, s - 24), s) is not None:
            return None  # "the order number of the manager's account"
        return s

    def _which_address(self, t: str, s: int, e: int, generic: bool) -> int | None:
        """'An welche Adresse soll ich die Muster schicken?', 'to which address should I ship it?': a
        question for the address things go to, by which, with a verb of sending in it."""
        lo, hi, question = _sentence_bounds(t, s, e, 120)
        if not question or self.which.search(t, max(lo, s - 32), s) is None or PLATFORM.search(t, lo, hi):
            return None
        if generic or self.delivery.search(t, lo, hi) is None:
            # "À quelle adresse puis-je vous renvoyer l'accord signé ?": sent to the reader
            return s if self._purpose(t, s, e) else None
        return s

    def _own_site_for_samples(self, t: str, s: int, e: int) -> bool:
        """"¿no tenés una web propia con más trabajos?", "Hast du eine eigene Website? Hier sind nur 4
        Bilder": a question for the other party's OWN site (a qualifier beside the noun), to see
        their work or more than the profile here shows. "Do you have a website?" alone is often the
        client's site, the work."""
        if self.own_site.search(t, max(0, s - 24), min(len(t), e + 60)) is None:
            return False  # (the qualifier may follow: "… I could look at? Like your own, not the profile")
        stop = re.search(r"[.!\n]", t[e:])
        sentence_end = e + (stop.start() if stop else len(t) - e)
        if "?" not in t[e:sentence_end + 80] and "؟" not in t[e:sentence_end + 80]:
            return False
        around = (max(0, s - 120), min(len(t), e + 120))
        return self.samples.search(t, *around) is not None or self.here.search(t, *around) is not None

    def _detailed_address(self, t: str, offset: int, before: str, s: int, e: int) -> tuple[int | None, int]:
        """An address asked for by its detail, wherever the possessive is: a list of its parts
        after it ("the exact address of the flat (street, number and floor)") or a qualifier before
        it with an ask earlier in the sentence ("send me the property's full street address")."""
        parts = self.address_parts.match(t, e)
        if parts is not None:
            return s, parts.end()
        asked = self.ask_article.search(before)
        if asked is not None:
            return offset + asked.start(), e
        after = self.qualifier_after.match(t, e)
        if after is not None and self.sentence_ask.search(re.split(r"[.!?\n]", before)[-1]) is not None:
            return s, after.end()
        qualifier = self.address_qualifier.search(before)
        if qualifier is not None:
            clause = re.split(r"[.!?\n]", before[:qualifier.start()])[-1]
            if self.sentence_ask.search(clause) is not None:
                return offset + qualifier.start(), e
        return None, e

    @staticmethod
    def _arabic_own(key: str) -> bool:
        """Arabic nouns carrying the second-person suffix: رقمك, ايميلك, عنوانك; in Arabizi ra2mak,
        emailak, 3enwanak (or after it: "el email taba3ak")."""
        if "\u0600" <= key[0] <= "\u06ff":
            return any(w.endswith("\u0643") for w in key.split())
        return _ARABIZI_YOURS.search(key) is not None

    @staticmethod
    def _bare_request(t: str, poss: int, end: int) -> bool:
        """'Ton adresse mail', 'ok, your email': the possessive noun phrase is the whole message."""
        if t[end:].strip(" \t\n.!,:;)") != "":
            return False
        return len(_WORD.findall(t[:poss])) <= 1
