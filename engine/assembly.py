"""Identifiers assembled over a conversation, beyond what joining the texts can show.

`context.py` joins the newest message to its history and rescans; that finds a split that reads
as one text. People also give the pieces with words around each one ("my mobile starts with
622", "then 418", "and it ends in 397"), give instructions instead of the symbol ("replace the
# with @", "put the at sign between"), finish an address with its postcode in the next message,
or point to their profile ("same as my username here") after the other party asked for a
Skype or an email. Each class is one feature here, credited to the newest message:

- `split_number`: the digit groups of consecutive short messages, oldest first, make a valid
  phone number, the newest message adds a group (or puts one in front: "and before it 030"),
  and a phone cue opened the run;
- `substitution`: the newest message tells how to turn a symbol into "@" (or to put it between
  two parts), and doing so yields an email address;
- `address_completion`: the newest message holds a postcode, the recent history a street; or
  it names a unit with its number and a place after the other party asked where to send or come;
- `tld_completion`: the newest message is only a top-level domain ("dot com"), the history an
  address cut before it;
- `profile_pointer`: the newest message says the handle or address is the name shown here,
  after the other party asked for an app or an email.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from engine.detectors import Hit
from engine.detectors.requests import PLATFORM
from engine.detectors.social import COMMA_CLAUSE
from engine.lexicon import WordGate, lazy_compile, lexicon, word_alternation, word_pattern
from engine.regions import CLOCK, DATE_ONLY
from engine.replies import meeting_credentials, replied
from engine.scope import cleared

if TYPE_CHECKING:
    from engine.detector import Detector

# a digit group, not digits inside a word (Arabizi writes letters with them: "ba3den", "marra7el")
_GROUP = re.compile(r"(?<![^\W\d_])\+?\d[\d \-.()]*\d(?![^\W\d_])|(?<![^\W\d_])\d(?![^\W\d_])")
_SHORT = 80  # a piece of a split number is a short message
_SENTENCE_MAX = 260  # a sentence of a long message that the single-message readings read
_PIECE = 300  # any message that completes an identifier assembled over a conversation
_SPACED_SYMBOL = re.compile(r"\s\.\s|\s_|_\s")  # "@ vitor _ mods _ rs"
# "I'm on there as kestrel.dubs.44": "as" right before a name
_AS_ANYWHERE = re.compile(r"(?<![^\W_])(?:as|como|comme|als|как|en tant que)(?![^\W_])")
_AS_BEFORE = re.compile(r"(?<![^\W_])(?:as|como|comme|als|как|en tant que)\s*:?\s*$")
_PLACED_AT = re.compile(r"\w@\w")
_NO_AT = re.compile(r"(?<![^\W_])(?:sem|sin|sans|without|no|ohne|без|بدون|bla|bila|bina|bagair)\s+"
                    r"(?:the\s+|el\s+|o\s+|l'|die\s+)?(?:@|arroba|at sign|at-sign|arobase|at-zeichen|собак\w*|ат)"
                    r"(?![^\W_])")
_SYMBOLS = re.compile(r"[#%&*$~!|^]")
_SWAPPED = re.compile(r"[\w.][#%&*$~!|^]\w")  # a symbol inside a token: "tomas.ibarra#yahoo.es"
# Postcodes of the common formats (US ZIP+4, CA, GB, NL, BR, PL, 4 to 6 digits) beside a capital word.
_POSTCODE = re.compile(
    r"(?<![\w-])(?:\d{5}(?:-\d{3,4})?|\d{6}|\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
    r"|\d{4} ?[A-Z]{2}|\d{2}-\d{3})(?![\w-])"
)
@lru_cache(maxsize=1)
def _postcodes() -> re.Pattern[str]:
    """Google's postcode formats of the rule set's regions (address_structure.json), as written: capitals."""
    from engine.detectors.social import load_lexicon

    union = "|".join(f"(?:{p})" for p in load_lexicon("address_structure.json")["postcode_patterns"])
    return re.compile(r"(?<![\w-])(?:" + union + r")(?![\w-])")


def _derived_postcode(text: str) -> bool:
    """A postcode of a format the hand-written one lacks ("T12 X2H6", an Eircode), with a digit and a letter."""
    return any(re.search(r"\d", m.group()) and re.search(r"[A-Z]", m.group()) for m in _postcodes().finditer(text))


_CAPITAL_WORD = re.compile(r"(?<![\w])[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'-]{2,}|[\u0600-\u06ff]{3,}")
_TLD_ONLY = re.compile(
    r"^\W*(?:(?:dot|punto|ponto|point|punkt|точка|نقطة|دوت)\s*|\.)\s*"
    r"(?:com|net|org|io|co|de|fr|es|ru|in|br|uk|me|dev|app|ком|ру|كوم|نت)\W*$",
    re.IGNORECASE,
)


class _Cues:
    def __init__(self) -> None:
        words = lexicon()
        self.phone = word_pattern(words["phone_context"])
        self.ids = word_pattern(words["id_context"])
        # a phone word that is more than "number": "phone", "móvil", "телефон" (not "номер заказа")
        generic = {"number", "numbers", "num", "no", "nr", "número", "numero", "numéro", "nummer", "номер", "رقم",
                   "الرقم", "nambar", "नंबर", "number hai"}
        self.phone_only = word_pattern([w for w in words["phone_context"] if w not in generic])
        self.replace = word_pattern(words["substitution_verbs"])
        self.instead_word = word_pattern(words["instead_words"])
        # a digit put instead of another: "19 now not 91", "84 вместо 83", "en vez del 3", "вместо 3"
        instead = word_alternation(words["instead_words"]) + r"\w*"  # "en vez del", "au lieu des"
        self.instead = lazy_compile(
            r"\d[\s,]*(?:now\s+)?(?:" + word_alternation(words["replacement_words"]) + "|" + instead + r")(?![^\W_])"
            r"\s*(?:el|la|o|a|le|du|des|dem|der)?\s*\d"
            r"|(?<![^\W_])" + instead + r"\s+\d")
        self.at_sign = word_pattern(words["at_sign_words"])
        self.parts = word_pattern(words["part_words"])
        self.pointer = word_pattern(words["name_as_address"])
        # apps by the default rule set's names and aliases, and words for apps in general ("another app")
        from engine.rules import default_document

        aliases = [a.lower() for app in default_document()["detectors"]["social"]["apps"]
                   for a in (app["name"], *app["aliases"]) if len(a) > 1]
        self.apps = word_pattern(words["app_request_words"] + aliases)
        self.email_words = word_pattern(words["email_request_words"])
        self.move_there = word_pattern(words["move_there"])
        self.in_parts = word_pattern(words["in_parts"])
        self.still = word_pattern(words["still_words"])
        self.need = word_pattern(words["need_words"])
        self.dictation = word_pattern(words["dictation_words"])  # "записывайте: 8 912", "anota aí: 85": digits follow
        self.last_piece = word_pattern(words["last_piece_words"])
        self.prepend = word_pattern(words["prepend_words"])
        self.extension = word_pattern(words["extension_words"])
        self.where = word_pattern(words["where_words"])
        self.route = word_pattern(words["route_question_words"])
        self.negation = word_pattern(words["negation_cues"])
        self.deliver = word_pattern(words["delivery_verbs"])
        self.pickup = word_pattern(words["pickup_verbs"])
        from engine.detectors.social import load_lexicon as _load

        places = _load("address_lexicon.json")
        self.landmark = word_pattern(places["landmark_relations"] + places["route_relations"])
        self.dwelling = word_pattern(places["dwelling_descriptions"])
        self.poi = word_pattern(places["poi_nouns"])
        self.directions = word_pattern(places["directions_questions"])
        self.meet = word_pattern(_load("address_lexicon.json")["meeting_cues"] + words["meeting_verbs"])
        self.weekday = word_pattern(_load("calendar_words.json")["weekdays"])
        self.continuation = word_pattern(words["continuation_words"])
        self.site = word_pattern(words["site_nouns"])
        self.mine = word_pattern(words["my_words"])
        self.amend = word_pattern(words["amendment_words"])
        self.country_code = word_pattern(words["country_code_words"])
        self.prefix_question = word_pattern(words["country_code_words"] + words["dialling_prefix_words"])
        self.ordinal = word_pattern(words["ordinal_choices"])
        self.sequencer = word_pattern(words["glue_sequencers"])
        self.sequencer_words = frozenset(words["glue_sequencers"])
        units = word_alternation([w for w in words["units"] if w[0].isalnum()])
        # "4 hrs 20 min", "7.4 GB at 4K": a number with its unit is a measure, no piece of a number
        self.measure = lazy_compile(r"\d\s?(?:" + units + r")(?![^\W_])")
        from engine.detectors.social import load_lexicon

        forms = [w.rstrip("*") for w in load_lexicon("requests_lexicon.json")["link_contact_words"]]
        self.contact_form = word_pattern(forms + ["booking form", "contact form", "enquiry form", "kontaktformular",
                                                  "форма", "формой", "نموذج", "form"])
        self.affirm = word_pattern(words["affirmations"])
        self.agree = word_pattern(words["agreement_words"])
        # a provider by name or by nickname ("at the google one"); the nicknames stay out of the email
        # detector's alternation, where phrases opening with "the", "el", "o" slow every position
        self.provider = word_pattern(words["bare_providers"] + words["email_provider_aliases"]
                                     + words["provider_nicknames"] + words["provider_domains"])
        self.name_part = word_pattern(words["name_parts"])
        # a public mailbox named as where an address is: "chez hotmail.fr", "bei web.de", "yahoo.co.in pe"
        mailboxes = word_alternation(words["bare_providers"] + words["email_provider_aliases"]
                                     + words["provider_domains"])
        preps = word_alternation(words["provider_prepositions"])
        # a provider's name in another script before its domain's ending, as the spoken view reads
        # "гмейл точка ком": "гмейл.com"
        self.alias_domain = lazy_compile(r"(?<![^\W_])(?:" + word_alternation(words["email_provider_aliases"])
                                         + r")\.[a-z]{2,12}(?![\w.-])")
        self.provider_at = lazy_compile(r"(?<![^\W_])(?:" + preps + r")\s+(?:" + mailboxes + r")(?![^\W_])"
                                        r"|(?<![^\W_])(?:" + mailboxes + r")\s+(?:pe|par)(?![^\W_])")
        from engine.detectors.social import load_lexicon

        social = load_lexicon("social_lexicon.json")
        self.self_naming = word_pattern(social["self_naming"] + words["my_words"] + social["me_words"])
        # an app as the work's object: its API, SDK, webhooks, a bot or a clone of it
        self.app_work = word_pattern(social["app_work_words"])
        self.handle_label = word_pattern(social["handle_labels"] + social["id_words"])
        self.append = word_pattern(words["append_words"])
        self.own = word_pattern(words["own_account_words"])
        self.more = word_pattern(words["more_words"])  # "and 612 more": a count, no piece of a number
        self.count_question = word_pattern(words["count_questions"])  # "how many phones?"
        self.identity = word_pattern(words["identity_questions"])
        # "o user é igual ao daqui", "ник тот же что и тут", "such nach meinem Namen hier": the name
        # or the sameness, and "here", in one short message
        self.here = word_pattern(words["here_words"])
        self.likeness = word_pattern(words["likeness_words"])
        self.attachment = word_pattern(words["attachment_words"])
        self.line_kind = word_pattern(words["line_kind_words"])
        self.theirs = word_pattern(words["their_words"])
        # a handle spelled out: pieces of letters and digits joined by a dot or underscore word or a spaced symbol
        spelled = word_alternation(words["dot_words"] + words["underscore_words"])
        # a dot spaced on both sides (" . "; "word. Word" ends a sentence), an underscore spaced on either
        separator = r"(?:\s+(?:" + spelled + r")\s+|\s+\.\s+|\s*_\s+|\s+_\s*)"
        piece = r"[a-z0-9\u0600-\u06ff]+"
        self.spoken_handle = lazy_compile(
            r"(?<![\w@.])(?:@\s*|arroba\s+)?" + piece + r"(?:" + separator + piece + r"){1,4}(?![\w.])")
        self.spoken_sep = word_pattern(words["dot_words"] + words["underscore_words"])
        self.spoken_dot = word_pattern(words["dot_words"])
        self.spoken_split = lazy_compile(r"\s+(?:" + word_alternation(words["dot_words"] + words["underscore_words"])
                                         + r")\s+|[\s._@]+")
        self.elsewhere = word_pattern(words["elsewhere_places"])
        self.sent_document = word_pattern(words["sent_documents"])
        self.other = word_pattern(words["other_words"])
        self.marketplace = word_pattern(words["marketplaces"] + ["upwork"])
        self.end = word_pattern(words["end_words"] + words["append_words"])
        self.same = word_pattern(words["sameness_words"])
        self.name = word_pattern(words["name_words"])
        self.search = word_pattern(words["search_verbs"] + words["self_search_verbs"])
        self.picture = word_pattern(social["profile_pictures"])
        self.invite = word_pattern(words["invite_words"])
        self.held_document = word_pattern(words["held_documents"])
        self.address_noun = word_pattern(words["address_nouns"])
        self.before_rest = word_pattern(words["before_words"])
        # a recipe: how to put an identifier together ("together", "слитно", "sans accent"), a spelled
        # separator, or a piece at one end; the writer's birth year is one more ingredient
        self.composition = word_pattern(words["composition_words"] + words["underscore_words"])
        self.composition_near_name = word_pattern(words["composition_near_name"])
        # cheap first looks on the message's words before the readings' long patterns run
        self.recipe_gate = WordGate(words["composition_words"] + words["composition_near_name"]
                                    + words["underscore_words"] + words["birth_year_words"])
        self.piece_gate = WordGate(words["end_words"] + words["append_words"] + words["prepend_words"])
        self.there_gate = WordGate(words["there_words"])
        self.reach_gate = WordGate(words["reach_me_words"] + social["add_me_verbs"] + words["self_search_verbs"])
        self.apps_gate = WordGate(words["app_request_words"])
        self.spelled_gate = WordGate(words["dot_words"] + words["underscore_words"])
        self.same_gate = WordGate(words["sameness_words"])
        self.route_gate = WordGate(words["app_request_words"] + words["email_request_words"]
                                   + social["handle_labels"] + words["marketplaces"] + words["bare_providers"]
                                   + words["email_provider_aliases"] + words["provider_domains"])
        self.birth_year = word_pattern(words["birth_year_words"])
        self.second_person = word_pattern(words["second_person_words"])
        self.there = word_pattern(words["there_words"])
        self.contact_made = word_pattern(words["contact_made_words"])
        self.contract = word_pattern(words["contract_words"])
        self.deferral = word_pattern(words["deferral_conjunctions"])
        # the contract itself, not its verbs ("accept when you see it" accepts a friend request)
        self.contract_noun = word_pattern([w for w in words["contract_words"] if not w.startswith(("accept", "hire"))])
        self.display = word_pattern(words["display_places"])
        self.display_at = lazy_compile(r"(?<![^\W_])(?:on|in|at|en|no|na|em|sur|dans|auf|im|an|на|в|في|على|pe|mein)"
                                       r"\s+(?:[^\W\d_]+\s+){0,2}?" + word_alternation(words["display_places"])
                                       + r"(?![^\W_])")
        self.yours = word_pattern(words["your_words"])
        self.inbox = word_pattern(words["inbox_words"])
        self.reach_me = word_pattern(words["reach_me_words"] + social["add_me_verbs"] + words["self_search_verbs"])
        ours = {"our", "nuestro", "nuestra", "nuestros", "nuestras", "nosso", "nossa", "notre", "nos", "unser",
                "unsere", "unseren", "unserer", "unserem", "unseres", "наш", "наша", "нашего", "нашей", "нашем",
                "нашу", "наши", "hamara", "hamari", "हमारा", "हमारी", "हमारे", "عندي", "لي", "بي"}
        self.my_route = lazy_compile(
            r"(?<![^\W_])" + word_alternation([w for w in words["my_words"] if w not in ours])
            + r"\s+(?:[\w-]+\s+){0,1}(?:" + word_alternation(words["app_request_words"] + words["email_request_words"]
                                          + social["handle_labels"] + words["bare_providers"]) + r")(?![^\W_])")
        self.recipe_route = word_pattern(words["app_request_words"] + words["email_request_words"]
                                         + social["handle_labels"] + words["marketplaces"])
        at_words = sorted({*words["at_words"], *words["at_sign_words"], "at rate", "at the rate"} - {"@"}, key=len)
        self.partial_email = lazy_compile(
            r"[a-z0-9][\w.+-]{1,40}\s*(?:@|\s(?:" + "|".join(re.escape(w) for w in reversed(at_words))
            + r")\s)\s*[a-z0-9-]{2,30}(?![\w.-]|\s*(?:\.|dot\b))"
        )


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    return _Cues()


def assembled_hits(detector: Detector, text: str, history: list[str]) -> list[Hit]:
    """Hits on the newest message from the features above."""
    if not text.strip():
        return []
    if len(text) > _PIECE:
        # an instruction or a missing piece is a short message; in a long proposal, the readings that
        # need no history still read each sentence ("… mi usuario, es el mismo que uso acá pero con
        # punto entre nombre y apellido, en gmail.")
        return _in_sentences(detector, text)
    cues = _cues()
    hits: list[Hit] = []
    whole = (0, len(text))
    lower = text.lower()
    spoken = _spoken_handle(lower, history, cues)
    if spoken is not None:
        # "tengo el insta del estudio" then "es taller punto fenix punto 3d"; "such nach tirolerbua
        # unterstrich 88": a handle spelled with the words for its dots and underscores, or spaced
        hits.append(Hit("social", *spoken, "social.spoken_handle"))
    named = _named_handle(detector, text, lower, cues, history) if spoken is None else None
    if named is not None:
        # "ana 3al tele, ismi hamza_gis_jo", "pour Signal, mon numéro d'utilisateur : pentest.lyon.42":
        # an app and a handle-shaped name the writer gives as theirs, in one short message
        hits.append(Hit("social", *named, "social.named_handle"))
    elif spoken is None:
        shown = _display_name(detector, text, lower, cues, history)
        if shown is not None:
            # "sur l'appli de l'oiseau bleu je suis « la cartographe du dimanche », écris-moi là-bas",
            # "my profile pic there is a red fox, search 'foxglove annotates' and DM"
            hits.append(Hit("social", *shown, "social.display_name"))
    words = _words_of(detector, text, lower)
    there = (_route_then_there(text, lower, cues)
             if not hits and cues.there_gate.admits(words) and cues.reach_gate.admits(words)
             and cues.route_gate.admits(words) else None)
    if there is not None:  # "mi LinkedIn, lo encuentra buscando …. Agrégueme y escríbame por ahí"
        hits.append(Hit("social", *there, "social.route_then_there"))
    recipe = (_recipe(lower, history, cues)
              if not hits and _may_be_recipe(lower, words, cues) and (history or cues.route_gate.admits(words))
              else None)
    if recipe is not None:
        # "meu user é corte seco, junto, com underline no meio"; "на мэйл ру, перед собакой — имя и
        # фамилия через точку, латиницей": the identifier given by how to make it
        hits.append(Hit(recipe, *_content_span(text), f"{recipe}.recipe"))
    if not history:
        if _described_email(lower, [], cues):  # "пиши на почту, она у меня как ник тут + гмейл"
            hits.append(Hit("email", *whole, "email.described"))
        elsewhere = _held_elsewhere(lower, [], cues)
        if elsewhere is not None and not hits:  # "manda no e-mail que tá no meu perfil do Behance"
            hits.append(Hit(elsewhere, *_content_span(text), f"{elsewhere}.held_elsewhere"))
        if _derived_handle(lower, [], cues):
            hits.append(Hit("social", *_content_span(text), "social.derived_handle"))
        if _country_code_added(detector, text, [], cues):  # "the country code of Chile, then 9 8123 4567"
            hits.append(Hit("phone", *_content_span(text), "phone.country_code"))
        if not hits and _made_there(detector, text, lower, [], cues) == "social":
            # "I wrote on WA, did you see?", "написал тебе в телеграм": contact made, the app named in it
            hits.append(Hit("social", *_content_span(text), "social.made_there"))
        # "replace the # with @: tomas.ibarra#yahoo.es" needs no history
        if (_SWAPPED.search(text) and cues.at_sign.search(lower) and cues.replace.search(lower)
                and not detector._data.spans(text) and _substitution(detector, text, [])):
            hits.append(Hit("email", *whole, "email.substitution"))
        return hits
    again = _asked_again(detector, lower, history, cues) if not hits else None
    if again is not None:
        # "whats your gmail" / "?" / "still need that email btw, drive won't let me share otherwise"
        clause = re.split(r"[,;.!?]", text, maxsplit=1)[0]  # (its reason may be negated: "drive won't let me share")
        hits.append(Hit(again, *_content_span(clause), f"request.{again}+again"))
    if not hits:
        there = _answered_there(detector, text, lower, history, cues, words)
        if there is not None:
            # "What's your Discord?" / "it's kaylavo#4417" / "yep that's the one, add me there"; "Bist du der
            # Beatmaker Dunkelton auf SoundCloud?" / "Jo, bin ich. Schreib mir da"
            hits.append(Hit("social", *there, "social.answered_there"))
    if not hits:
        made = _made_there(detector, text, lower, history, cues)
        if made is not None:
            # "Do you use LinkedIn? …" / "Cool, add me" / "ok, added you 👍 accept when you see it";
            # "Which gmail?" / "the one with my surname" / "done, check your inbox there"
            hits.append(Hit(made, *_content_span(text), f"{made}.made_there"))
    if not hits:
        shown = _shown(detector, text, lower, history, cues)
        if shown is not None:
            # "¿me pasas el tuyo?" / "el que está en la tarjeta que te mandé en foto"; "Is your WhatsApp
            # the +61 number in your profile photo?" / … / "yes that one"
            hits.append(Hit(shown, *_content_span(text), f"{shown}.shown"))
    if not hits:
        completed = _handle_completed(detector, text, lower, history, cues)
        if completed is not None:
            # "meu insta é" / "marina.ceramica" / "ponto sp no final": a handle's last piece, after its app
            hits.append(Hit("social", *completed, "social.handle_completed"))
    number = _split_number(detector, text, history, cues)
    if number is not None:
        hits.append(Hit("phone", number[0], number[1], "phone.valid+split"))
    elif not hits and _number_begun(detector, text, lower, history, cues):
        # "WhatsApp?" / "07" / "seven eight two"; "Phone pe baat ho sakti hai?" / "haan, likho: 96": a number
        # being given piece by piece, on the piece that begins or carries it, not only on the last
        hits.append(Hit("phone", *_content_span(text), "phone.begun"))
    elif _country_code_added(detector, text, history, cues):
        # "082 774 3016" then "add the country code of where I said I live, drop the first zero"
        hits.append(Hit("phone", *_content_span(text), "phone.country_code"))
    if ((cues.replace.search(lower) or cues.parts.search(lower)) and (cues.at_sign.search(lower) or "@" in text)
            and not _PLACED_AT.search(text)):  # "ssh deploy@10.0.4.21 then ...": the at sign is already placed
        if _substitution(detector, text, history):
            hits.append(Hit("email", *whole, "email.substitution"))
    if (_POSTCODE.search(text) or _derived_postcode(text)) and _CAPITAL_WORD.search(text) and _recent(
            detector, history, "address"):
        hits.append(Hit("address", *whole, "address.completion"))
    elif _dwelling_unit(detector, text) and _recent(detector, history, "address", depth=3):
        # "y el piso es 5ºB", "bloco C, apto 204", "подъезд 3, этаж 7" after the street: the rest of it
        hits.append(Hit("address", *whole, "address.completion"))
    elif _CAPITAL_WORD.search(text) and _asked_where(history, cues) and _dwelling_unit(detector, text, own=True):
        # "Where do I send the plans?" then "Block 7, Lot 22, Phase 2, Camella Homes, Bacoor": the
        # unit, its number and a place, in answer to where goods go or where to come
        hits.append(Hit("address", *whole, "address.answered"))
    elif _directions_answer(text, lower, history, cues):
        # "Como chego?" then "É a casa amarela depois da igreja de São Benedito, em frente à mercearia do Seu Zé":
        # the place described by its landmarks, in answer to how to get there or where it is
        hits.append(Hit("address", *whole, "address.directions"))
    elif _meeting_answer(detector, text, lower, history, cues):
        # "Где забрать камеру?" then "Одесса, Дерибасовская угол Ришельевской, у фонтана, суббота 12:00":
        # a named place and a time, in answer to where to meet or pick something up
        hits.append(Hit("address", *whole, "address.meeting_answer"))
    if _described_email(lower, history, cues):
        # "it's my first name and last name together, at hotmail", "mein Gmail ist mein Username
        # hier" then "mit Punkt zwischen Vor- und Nachname", or then "add 88 at the end"
        hits.append(Hit("email", *whole, "email.described"))
    elif _tld_only(detector, text) and _email_begun(history, cues):
        # "legal.desk" / "at the rate verma associates" / "aur last mein dot co dot in"
        hits.append(Hit("email", *whole, "email.tld_completion"))
    elif _email_completion(detector, text, history, cues):
        # "mi correo empieza por mar.quintana" / "luego va la arroba" / "y después outlook.es"
        hits.append(Hit("email", *whole, "email.domain_completion"))
    elif _local_part_last(detector, text, history, cues):
        # "und die Mail?" / "yahoo.de" / "davor: kati.voiceover": the domain first, then its name
        hits.append(Hit("email", *whole, "email.local_part_completion"))
    elif _at_sign_between(text, history, cues):
        # "m.adeyemi90" / "yahoo.com" / "the first one then this:" / "@": the sign that joins the two
        hits.append(Hit("email", *whole, "email.at_completion"))
    elif _path_completion(detector, text, history):
        # "allez sur coachingdubreuil" / "point fr" / "le reste : /rdv-bilan": the page of a site just given
        hits.append(Hit("link", *_content_span(text), "link.path_completion"))
    elif _site_completion(detector, text, history, cues):
        # "my site is liffeyframes" / "type that into the browser, the booking form is there" / ".ie not .com"
        hits.append(Hit("link", *whole, "link.tld_completion"))
    if _searched_profile(text, lower, history, cues):
        # "are you on LinkedIn?" / "search me" / "Itziar Gorostiza, redactora de subvenciones, Bilbao —
        # la foto es con un perro": a name, a title and a city to find the writer's profile by
        hits.append(Hit("social", *_content_span(text), "social.searched_profile"))
    elif _confirmed_handle(text, history, cues):
        # "is it @jonah.frames?" then "yes that's my IG": the sender owns the handle asked about
        hits.append(Hit("social", *_content_span(text), "social.confirmed_handle"))
    elif _split_handle(text, history, cues) or _searched_piece(text, history, cues):
        # "my insta is @tom." / "harper." / "design": a handle given in pieces; "such mal nach frieda" /
        # "zeichnet_illu, Insta": the rest of a name to search for on an app
        hits.append(Hit("social", *_content_span(text), "social.split_handle"))
    elif _HANDLE_TOKEN.search(text) and (_asked_for_app(history, cues) or _requested(detector, history, "social")) \
            and not cues.app_work.search(lower):
        # (not "I've integrated the Zoom Meetings API …, webhooks for meeting.ended": the app is the work)
        # "do you have instagram?" then "ok it's kai.draws": a handle given in answer
        hits.append(Hit("social", *whole, "social.answered_handle"))
    elif _handle_after_label(text, history, cues):
        # "line id is" / "wait" / "and then manila_subs, all lowercase": the label, then the handle
        hits.append(Hit("social", *whole, "social.labelled_handle"))
    elif _open_label_answered(text, history, cues):
        # "mon discord c'est" / "pixelvirgile, ajoute-moi"; "Mein Username auf Discord" / "ist" / "retrogrid,
        # ohne Zahlen": the label left open at the end of the last message, its value now
        hits.append(Hit("social", *_content_span(text), "social.open_label"))
    if not hits:
        reply = replied(detector, text, history, cues)
        if reply is not None:
            # "is this your number? 0722 418 693" then "yes that one"; "Office: … / Mobile: …" then
            # "the second"; "7 not 1 at the end"; "meant gmail not hotmail"; "et pareil sur LINE";
            # "is the number on your website still good?" then "yep same one, ends in 19 now not 91"
            hits.append(Hit(reply[0], *_content_span(text), reply[1]))
        elif _chosen_app(detector, text, history, cues):
            # "Telegram, WhatsApp or Signal?" then "the second app you listed, same handle as here"
            hits.append(Hit("social", *_content_span(text), "social.chosen_app"))
    if not hits and _identity_asked_there(detector, text, history, cues):
        # "eu tô no Discord também" / "qual o seu user lá?": the account's name asked for on the app just named
        hits.append(Hit("social", *_content_span(text), "request.social"))
    if not hits:
        instead = _asked_instead(detector, lower, history, cues)
        if instead is not None:
            # "can I get your number?" / "sorry, not before a contract" / "fine, just the email then?": another
            # route asked for after the first was refused
            asked = re.match(r"[^?؟]*[?؟]", text)  # the question only ("I won't spam" after it is no refusal)
            hits.append(Hit(instead, *_content_span(asked.group() if asked else text), f"request.{instead}+instead"))
    if not hits and _derived_handle(lower, history, cues):
        # "same as this handle but with _ph at the end", "é o mesmo do Insta, só troca o ponto por
        # underline": a handle made from one already named, with an app on the way
        hits.append(Hit("social", *_content_span(text), "social.derived_handle"))
    if not hits and _answers_with_app(detector, text, lower, history, cues):
        # "Is there a faster way to talk?" then "the green app, same number as yesterday": the
        # route asked for, answered by naming an app (its name, slang or a description of its icon)
        hits.append(Hit("social", *_content_span(text), "social.answered_app"))
    if not hits:
        attached = _attached_contact(text, lower, history, cues)
        if attached is not None:
            # "is your number the one on your CV?" then "yeah that one's current"; "sending my business
            # card pic" then "the number on it is my direct": the contact is in the attachment, confirmed now
            hits.append(Hit(attached, *_content_span(text), f"{attached}.attached"))
    if not hits:
        elsewhere = _held_elsewhere(lower, history, cues)
        if elsewhere is not None:
            # "¿me recuerdas tu número?" then "el mismo que te di en la otra oferta, solo cambia el 2 final
            # por un 9"; "manda no e-mail que tá no meu perfil do Behance": the contact is held elsewhere
            hits.append(Hit(elsewhere, *_content_span(text), f"{elsewhere}.held_elsewhere"))
    if not hits and meeting_credentials(text, history):
        # "Zoom 921 0483 6612" then "same ID as last time, the password changed: Echecs77"
        hits.append(Hit("social", *_content_span(text), "social.meeting_credentials"))
    meeting = _MEETING_ID.search(lower)
    if meeting is not None and _named_id(lower, meeting.start(), cues):
        meeting = None  # "order id 918 2043 7765": another kind of ID
    if meeting is not None and _MEETING_APP.search(" ".join(history[-2:]).lower()):
        # "Can we switch to Zoom?" then "Meeting ID is 918 2043 7765 and the code is 0047"
        hits.append(Hit("social", *whole, "social.meeting_id+context"))
    if cues.move_there.search(lower) and cues.apps.search(" ".join(history[-3:]).lower()):
        # "ok, I'll write you there" after "shall we continue on Telegram?": the move, agreed
        hits.append(Hit("social", *whole, "social.move_agreed"))
    elif _move_asked_then_agreed(lower, history, cues):
        # "Telegram?" / … / "You mean move the whole convo there?" / "ok let's do it, switching now"
        hits.append(Hit("social", *_content_span(text), "social.move_agreed"))
    if cues.pointer.search(lower) or _points_here(lower, cues):
        asked = " ".join(history[-3:]).lower()
        if cues.email_words.search(asked):
            hits.append(Hit("email", *whole, "email.profile_pointer"))
        elif cues.apps.search(asked):
            hits.append(Hit("social", *whole, "social.profile_pointer"))
    return hits


_SUFFIX_PIECE = re.compile(r"(?<![\w.@])[._][a-z0-9][a-z0-9._]{1,30}(?![\w@])")
_PLUS_PIECE = re.compile(r"\+\s?[a-z0-9_.]{2,12}(?![\w@])")
_DIGIT_PIECE = re.compile(r"(?<![\d.,])\d{2,4}(?![\d.,]?\d)")
# a piece taken away: "just without the digits", "sin los números", "только без цифр", "بدون الأرقام"
_REMOVED_PIECE = re.compile(
    r"(?<!\w)(?:without|minus|sin|sem|sans|ohne|без|بدون|bina|bagair)\s+(?:the\s+|los\s+|las\s+|os\s+|as\s+|les\s+|"
    r"die\s+|den\s+)?(?:digits|numbers|number|dígitos|digitos|números|numeros|chiffres|zahlen|ziffern|цифр\w*|"
    r"номера|أرقام|الأرقام|الرقم)(?!\w)")


# a sentence: a dot inside a word ("luzdemaiz.foto", "v2.1") goes on; one before a space or the end stops it
_SENTENCE_PIECE = re.compile(r"[^.!?\n]+(?:[.!?](?=[^\s.!?])[^.!?\n]*)*(?:[.!?]+(?=\s)|[.!?]*$)?|[^\n]+")


def _in_sentences(detector: Detector, text: str) -> list[Hit]:
    """The single-message readings (a described email, an app and a named handle) on each sentence
    of a long message."""
    cues = _cues()
    hits: list[Hit] = []
    whole = text.lower()
    providers = cues.provider.search(whole) is not None  # a described email names its provider
    handles = "." in text or "_" in text
    words = _words_of(detector, text, whole)
    app_words = cues.apps_gate.admits(words)
    # a named handle in a long message needs its app in the sentence: any app of the rule set
    from engine.detectors.social import SocialDetector

    social = _detector_of(detector, SocialDetector)
    handles = handles and (app_words or (social is not None and not social.apps.keys.isdisjoint(words)))
    recipes = (cues.recipe_gate.admits(words) and cues.composition.search(whole) is not None
               and cues.recipe_route.search(whole) is not None)
    spelled = (app_words and cues.spelled_gate.admits(words) and cues.spoken_sep.search(whole) is not None
               and cues.apps.search(whole) is not None)
    derived = (app_words and cues.same_gate.admits(words) and cues.same.search(whole) is not None
               and cues.apps.search(whole) is not None)
    there = (_route_then_there(text, whole, cues) if cues.there_gate.admits(words) and cues.reach_gate.admits(words)
             and cues.route_gate.admits(words) else None)
    if there is not None:
        hits.append(Hit("social", *there, "social.route_then_there"))
    if not (providers or handles or recipes or spelled or derived):
        return hits
    for m in _SENTENCE_PIECE.finditer(text):
        sentence = m.group()
        lower = sentence.lower()
        if there is not None and there[0] <= m.start() < there[1]:
            continue
        if len(sentence) > _SENTENCE_MAX or len(sentence.strip()) < 12:
            continue
        recipe = _recipe(lower, [], cues) if recipes else None
        if recipe is not None:
            hits.append(Hit(recipe, m.start(), m.end(), f"{recipe}.recipe"))
            continue
        said = _spoken_handle(lower, [], cues) if spelled and len(sentence) <= 160 else None
        if said is not None:  # "sígueme en insta, me encuentras como ilustra punto chepa"
            hits.append(Hit("social", m.start() + said[0], m.start() + said[1], "social.spoken_handle"))
            continue
        if derived and _derived_handle(lower, [], cues):  # "username wahi hai jo yahan hai bas aage 'edits.' laga do"
            hits.append(Hit("social", m.start(), m.end(), "social.derived_handle"))
            continue
        if providers and _described_email(lower, [], cues):
            hits.append(Hit("email", m.start(), m.end(), "email.described"))
        named = _named_handle(detector, sentence, lower, cues) if handles else None
        if named is not None:
            hits.append(Hit("social", m.start() + named[0], m.start() + named[1], "social.named_handle"))
    return hits


def _handle_completed(detector: Detector, text: str, lower: str, history: list[str],
                      cues: _Cues) -> tuple[int, int] | None:
    """A short message that adds a handle's last piece, opening with its glue ("_designs on the gram",
    "underscore dev at the end", "ponto sp no final"), after messages that named an app and gave a
    handle-shaped piece ("meu insta é" / "marina.ceramica"). Not a domain's or a file's ending."""
    if len(text) > 80:
        return None
    m = _handle_piece_pattern().match(lower)
    if m is None:
        return None
    from engine.detectors.email import tlds

    piece = m.group("piece")
    dotted = "_" not in m.group("glue") and not _UNDERSCORE_WORD.search(m.group("glue"))
    if re.fullmatch(r"v\d+|final|draft|old|new|copy|backup", piece):
        return None  # "_v2", "_final": a file's version, no handle's piece
    if dotted and (piece in tlds() or piece in _file_extensions()):
        return None  # ".com", "ponto pdf": a domain's or a file's ending, the link detector's
    recent = history[-3:]
    if not any(_PIECE_BEFORE.search(h.lower()) for h in recent):
        return None  # no piece of a handle before: "kirill_m", "marina.ceramica", "amaraa"
    from engine.detectors.social import SocialDetector

    social = _detector_of(detector, SocialDetector)
    named_now = social is not None and social.apps.regex is not None and any(True for _ in _routes(social, lower))
    if social is None or not (named_now or _app_in_history(social, history, cues, depth=3)):
        return None
    return _content_span(text)


# a handle's last piece, its glue first: "_designs", ". sp", "underscore dev", "ponto sp", "точка арт";
# after a connecting word ("then underscore and the year, 1994", "y luego guion bajo y 97", "aí underline e
# 2003"); the glue's names and the words around it from the lexicon
@lru_cache(maxsize=1)
def _handle_piece_pattern() -> re.Pattern[str]:
    words = lexicon()
    glue = word_alternation(words["underscore_words"] + words["dot_words"])
    lead = word_alternation(words["continuation_words"] + words["glue_conjunctions"])
    fill = word_alternation(words["glue_conjunctions"] + words["year_words"] + words["birth_year_words"])
    return re.compile(r"\s*(?:(?:" + lead + r")[\s,]+){0,2}(?P<glue>[_.]|(?:" + glue + r")(?![^\W_])[\s,]*"
                      r"(?:(?:" + fill + r")(?![^\W_])[\s,]*){0,3})"
                      r"(?P<piece>[a-z0-9][a-z0-9_]{1,20})(?![\w.@/])")


_UNDERSCORE_WORD = re.compile(r"under|unterstrich|подч|شرطة|अंडर")
# a piece of a handle on its own or after "is": "kirill_m", "is k1rill", "marina.ceramica", "amaraa"
_PIECE_BEFORE = re.compile(r"(?:^|\b(?:is|am|i'm|im|es|é|est|ist|bin|soy|sou)\s+|'s\s+)[a-z][a-z0-9._]{2,30}\s*$")


def _number_begun(detector: Detector, text: str, lower: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short message gives a piece of a phone number (one to six digits, in digits or
    words, a few words around them) that the writer says is their number ("sure, my number is 085")
    or that answers a request for a number or an app in the last three messages ("celular?" / "11" /
    "nove"). A count, a date, a time, an amount or an identifier asked for is no piece."""
    if len(text) > 48 or _QUANTITY.search(text) or DATE_ONLY.fullmatch(text.strip()) or CLOCK.search(text):
        return False
    if not any(c.isdigit() for c in text):
        from engine.normalize import all_number_words

        numbers = all_number_words()
        if not all(w in numbers for w in re.findall(r"[^\W\d_]+", lower)):
            return False  # digits in words only, and nothing else: "nove", "do shunya" (not "só depois do contrato")
    spelled = _spelled(detector, text)
    groups = list(_GROUP.finditer(spelled))
    digits = "".join(c for g in groups for c in g.group() if c.isdigit())
    if not groups or len(groups) > 3 or not 1 <= len(digits) <= 6:
        return False
    if len(_LETTER_WORD.findall(_GROUP.sub(" ", spelled))) > 5 or cues.ids.search(lower):
        return False  # a sentence with a number in it; "ticket 4471"
    from engine.detectors.address import _quantity_after

    if any(_quantity_after(lower, m.end()) for m in _ANY_NUMBER.finditer(lower)):
        return False  # "١٢ صفحة", "3 pages": a count
    if cues.same.search(lower) is not None or cues.more.search(lower):
        return False  # "igual que acá + 1987" derives a handle; "and 612 more" counts
    if cues.phone.search(lower) is not None and cues.mine.search(lower) is not None:
        return True  # "sure, my number is 085"
    if cues.dictation.search(lower) is not None and any(cues.phone.search(m.lower()) for m in history[-3:]):
        return True  # "prefiro falar por telefone" / "blz, anota aí: 85"
    for message in reversed(history[-3:]):  # the latest question decides
        low = message.lower()
        if (cues.ids.search(low) and not cues.phone_only.search(low)) or cues.count_question.search(low):
            return False  # "Номер заказа?", "how many phones?": an identifier or a count asked for
        if PLATFORM.search(low) is not None:
            return False  # "созвонимся?" / "да, через платформу" / "… в 10": the call stays here
        if _QUANTITY.search(message):
            return False  # "Sure, fee is 40%": the talk moved on to amounts
        asked = any(h.rule.startswith("request.") and h.category in ("phone", "social")
                    for h in detector.find_in_history(message))
        size = len(_LETTER_WORD.findall(message))
        bare = _APP_QUESTION.search(message) is not None and (
            (size <= 6 and (cues.phone.search(low) is not None or _phone_apps(detector).search(low) is not None))
            or (size <= 12 and cues.phone_only.search(low) is not None))  # "Phone pe baat ho sakti hai?"
        if asked or bare:
            return True
    return False


_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def _phone_apps(detector: Detector) -> re.Pattern[str]:
    """The names of the rule set's apps that find a person by phone number (`by_number`): a number's
    piece answers "WhatsApp?", not "Instagram?". Built once per rule set."""
    rules = detector.rules
    pattern = _PHONE_APPS.get(rules.fingerprint)
    if pattern is None:
        from engine.detectors.social import alias_source

        names = tuple(n.lower() for app in rules.apps if app.by_number
                      for n in (app.name, *app.aliases, *app.euphemisms))
        pattern = _PHONE_APPS[rules.fingerprint] = re.compile(alias_source(names) if names else "(?!)")
    return pattern


_PHONE_APPS: dict[str, re.Pattern[str]] = {}  # rule set fingerprint -> its by-number apps' names
_ANY_NUMBER = re.compile(r"\d+")


def _answered_there(detector: Detector, text: str, lower: str, history: list[str], cues: _Cues,
                    words: frozenset[str]) -> tuple[int, int] | None:
    """A short reply that sends the reader to the app the last two messages named: to reach the
    writer there ("add me there", "Schreib mir da", "ابعتلي رسالة هناك", "dann chatten wir dort weiter"),
    or a yes that tells the writer's profile apart by its picture ("genau der, mit dem Hund im
    Profilbild"); not negated, not deferred (the scope clears an intent)."""
    if len(text) > 160 or cues.negation.search(lower):
        return None
    invited = cues.there_gate.admits(words) and cues.there.search(lower) is not None and (
        cues.reach_me.search(lower) is not None or _CHAT_THERE.search(lower) is not None)
    pictured = cues.picture.search(lower) is not None and (_opens_yes(lower, cues) or cues.same.search(lower)
                                                           or _THATS_ME.search(lower) is not None)
    if not (invited or pictured):
        return None
    from engine.detectors.social import SocialDetector

    social = _detector_of(detector, SocialDetector)
    if social is None or social.apps.regex is None or not _app_in_history(social, history, cues, depth=3):
        return None
    return _content_span(text)


def _made_there(detector: Detector, text: str, lower: str, history: list[str], cues: _Cues) -> str | None:
    """A short report that the writer already reached the reader off the platform: on the app the
    last three messages named ("ok, added you, accept when you see it", "já te adicionei lá", "je
    t'ai demandé en ami") — social; or by the email they named ("done, check your inbox", "revisá
    la bandeja de entrada (y spam)") — email. Not negated; the platform's own inbox is no email."""
    if len(text) > 200 or cues.negation.search(lower):
        return None
    if cues.contract_noun.search(lower) and cues.deferral.search(lower):
        return None  # "j'accepte l'offre, dès qu'elle est active je te donne mon Discord": deferred
    made = cues.contact_made.search(lower) is not None
    inbox = cues.inbox.search(lower) is not None
    if not (made or inbox):
        return None
    recent = history[-3:]
    if recent and cues.contract.search(recent[-1].lower()):
        return None  # "contract tak yahin rehna please" / "done": the last word kept it here
    if inbox and (any(cues.email_words.search(m.lower()) for m in recent)
                  or any(h.category == "email" for m in recent for h in detector.find_in_history(m))):
        return "email"
    if made:
        from engine.detectors.social import SocialDetector

        social = _detector_of(detector, SocialDetector)
        if social is not None and social.apps.regex is not None and (
                _app_in_history(social, history, cues, depth=3) or _app_in_history(social, [text], cues, depth=1)):
            return "social"  # (or named in the report: "t'as dû recevoir un salam sur WhatsApp")
    return None


def _shown(detector: Detector, text: str, lower: str, history: list[str], cues: _Cues) -> str | None:
    """The writer's number, email or handle shown on a picture, card, sign, vehicle or slide: pointed
    to in answer to a request for it ("¿me pasas el tuyo?" / "el que está en la tarjeta que te mandé
    en foto, ese"), or confirmed by a yes when the question asked whether the one shown there is the
    reader's ("O número que aparece na carrinha da tua foto é o teu?" / … / "isso, esse mesmo")."""
    if len(text) > 160 or cues.negation.search(lower) or cues.contract.search(lower):
        return None  # (not "once you accept the offer I'll give you my number")
    if cues.yours.search(lower) is not None and cues.mine.search(lower) is None:
        return None  # "Номер горячей линии вашей клиники поставил на визитку": the reader's, put on the work
    recent = history[-3:]
    if cues.display_at.search(lower) is not None:  # "on the card", "na carrinha", "sur la bâche", "на визитке"
        for message in reversed(recent):
            asked = [h.category for h in detector.find_in_history(message)
                     if h.rule.startswith("request.") and h.category in ("phone", "email", "social")]
            if asked:
                return "phone" if "phone" in asked else asked[0]
        if any(_APP_QUESTION.search(m) for m in recent):
            for words, category in ((cues.email_words, "email"), (_NUMBER_NOUN, "phone")):
                if any(words.search(m.lower()) for m in recent):
                    return category  # "necesito un número …" / "¿me pasas el tuyo?"
        return None
    if not (_opens_yes(lower, cues) or cues.same.search(lower)):
        return None
    for message in reversed(recent):
        low = message.lower()
        if _APP_QUESTION.search(message) and cues.display.search(low) and cues.yours.search(low):
            for words, category in ((cues.email_words, "email"), (_NUMBER_NOUN, "phone")):
                if words.search(low):
                    return category  # the question named what the place shows
    return None


# a chat moved there: "DM there", "dann chatten wir dort weiter", "ابعتلي رسالة هناك", "pishi tam"
_CHAT_THERE = re.compile(r"(?<![^\W_])(?:dm|chat\w*|message|msg|pn|schreib\w*|rede\w*|escrib\w*|habl\w*|convers\w*|"
                         r"falamos|fala\w*|écri\w*|parl\w*|пиш\w*|напиш\w*|общ\w*|رسالة|نكمل|نحكي|baat)(?![^\W_])")


def _route_then_there(text: str, lower: str, cues: _Cues) -> tuple[int, int] | None:
    """The span from the writer's own app named in one sentence ("… consulter mon profil LinkedIn,
    Ousmane Fall Logistique") to an invitation to reach them there in one of the next ("Ajoutez-moi
    et écrivez-moi par message là-bas"); neither negated."""
    if cues.my_route.search(lower) is None or cues.reach_me.search(lower) is None or cues.there.search(lower) is None:
        return None
    route_at: tuple[int, int] | None = None
    for m in _SENTENCE_PIECE.finditer(text):
        sentence = lower[m.start():m.end()]
        if cues.negation.search(sentence):
            route_at = None
            continue
        if (route_at is not None and m.start() - route_at[1] <= 240 and cues.reach_me.search(sentence)
                and cues.there.search(sentence)):
            return route_at[0], m.end()
        mine = cues.my_route.search(sentence)
        if mine is not None:
            route_at = (m.start() + mine.start(), m.end())
    return None


def _attached_contact(text: str, lower: str, history: list[str], cues: _Cues) -> str | None:
    """The category of a contact item that the reply confirms as the writer's and that lies in an
    attachment (a business card, a CV, a photo, a signature) named in the reply or the last two
    messages: a yes or a pointer to a question about the writer's number or email ("is your number
    the one on your CV?" then "sí, ese mismo"), or a claim now ("the number on it is my direct")."""
    if len(lower) > 160:
        return None
    recent = [m.lower() for m in history[-2:]]
    if cues.attachment.search(lower) is None and not any(cues.attachment.search(m) for m in recent):
        return None
    if cues.theirs.search(lower):
        return None  # "unke phone/email CV mein hi hain": the candidates' CVs, not the writer's
    for words, category in ((cues.phone, "phone"), (cues.email_words, "email")):
        named = words.search(lower)
        clause = max(lower.rfind(c, 0, named.start()) for c in ",.;:!?") + 1 if named is not None else 0
        if named is not None and cues.negation.search(lower, clause, named.start()):
            continue  # "not my number", "no es mi correo", "je ne peux pas donner mon numéro"
        if named is not None and (cues.mine.search(lower) or cues.line_kind.search(lower) or _opens_yes(lower, cues)):
            return category  # "the number on it is my direct", "номер на ней прямой, не офисный"
        asked = [m for m in recent if _APP_QUESTION.search(m) and words.search(m)]
        if asked and (_opens_yes(lower, cues) or cues.pointer.search(lower) or cues.same.search(lower)):
            return category  # "¿tu número es el que aparece en tu CV?" then "sí, ese mismo"
    return None


def _held_elsewhere(lower: str, history: list[str], cues: _Cues) -> str | None:
    """The category of the writer's contact that a short message points to in another place: the
    same as (or on) the writer's profile, ad, cover letter or earlier offer, or another platform,
    answering a question about it or naming it ("c'est le même que celui de mon autre annonce",
    "вайбер тот же что и номер в профиле на авито")."""
    if len(lower) > 200 or cues.negation.search(lower):
        return None
    recent = [m.lower() for m in history[-2:]]
    if (cues.invite.search(lower) and cues.held_document.search(lower) and cues.address_noun.search(lower)
            and (cues.apps.search(lower) or any(cues.apps.search(m) for m in recent))):
        return "social"  # "¿Teams?" / "mándame la invitación a la dirección que aparece en mi CV": the move, accepted
    if cues.elsewhere.search(lower) is None:
        # "same as the one on my invoice" answering "just email them?": a document the writer sent
        # holds it; only as the answer to a question about the number or the email
        if (cues.sent_document.search(lower) is not None and cues.same.search(lower) is not None
                and not cues.here.search(lower) and not re.search(r"\d{3}", lower)):  # (not "aqui mesmo em PDF")
            # (a question for it, or a message about sending by it: "أبغى أرسل العقد بالإيميل" / "عادي" /
            # "نفس الإيميل المكتوب في أسفل ملف العرض")
            for words, category in ((cues.email_words, "email"), (_NUMBER_NOUN, "phone")):
                if any(words.search(m) for m in recent):
                    return category
        return None
    if cues.marketplace.search(lower):
        return None  # "mere Upwork profile ke portfolio tab me": the marketplace's own profile holds no contact
    if (len(lower) <= 60 and any(_APP_QUESTION.search(m) and cues.apps.search(m) for m in recent)
            and not cues.contract.search(lower) and not cues.here.search(lower)):
        return "social"  # "Bist du auf Snapchat?" / "ja" / "Steht in meiner Bio, alles klein": the handle shown there
    if cues.same.search(lower) is None and cues.other.search(lower) is None and cues.mine.search(lower) is None:
        return None
    kinds = ((cues.email_words, "email"), (_NUMBER_NOUN, "phone"))  # a number asked for, not a "ring"
    for words, category in kinds:  # the question answered decides: "а почта у тебя есть?"
        if any(_APP_QUESTION.search(m) and words.search(m) for m in recent):
            return category
    if cues.apps.search(lower) and cues.same.search(lower):
        return "social"  # "вайбер тот же что и номер в профиле на авито"
    for words, category in ((cues.email_words, "email"), (_NUMBER_NOUN, "phone")):  # not "the phone mockups"
        if words.search(lower) and (cues.mine.search(lower) or cues.same.search(lower)):
            return category  # "manda no e-mail que tá no meu perfil do Behance"
    if cues.provider.search(lower) and cues.name_part.search(lower) and cues.mine.search(lower):
        return "email"  # "mon prénom point mon nom chez free, tu as les deux sur mon profil"
    if (cues.my_route.search(lower) or (cues.mine.search(lower) and "@" in lower)) and not cues.contract.search(lower):
        return "social"  # "j'ai mis mon insta dans ma photo de profil", "tá na minha bio … aparece o @"
    return None


def _asked_again(detector: Detector, lower: str, history: list[str], cues: _Cues) -> str | None:
    """The category of a request repeated in a short message: it names the route again with a word
    for "still" or "again" ("still need that email btw", "sigo necesitando tu correo", "il me faut
    toujours ton mail", "email abhi bhi chahiye"), after a request for it in the last three messages."""
    if len(lower) > 120 or cues.still.search(lower) is None or cues.need.search(lower) is None:
        return None
    if cues.negation.search(re.split(r"[,;.!?]", lower, maxsplit=1)[0]):
        return None  # ("still need that email, drive won't let me share otherwise": the reason may be negated)
    for words, category in ((cues.email_words, "email"), (_NUMBER_NOUN, "phone")):
        if words.search(lower) and any(h.category == category and h.rule.startswith("request.")
                                       for m in history[-3:] for h in detector.find_in_history(m)):
            return category
    return None


_NUMBER_NOUN = re.compile(r"(?<![^\W_])(?:number|número|numero|numéro|nummer|номер\w*|رقم\w*|nambar|नंबर)(?![^\W_])")


def _opens_yes(lower: str, cues: _Cues) -> bool:
    """A yes in the reply's first words ("oui c'est bien celle-là", "yeah that one's current"): looser
    than replies._opens_with_yes, which wants the yes and pointers alone up to a stop; here the
    attachment or the question already names the item."""
    first = lower.lstrip(" ¡¿\"'«")[:24]
    return cues.affirm.match(first) is not None


def _derived_handle(lower: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short message makes a handle from one already named or shown here: sameness
    ("same as", "genauso wie hier", "o mesmo do Insta") and a change to it (a piece to add,
    "_ph", or a swap, "troca o ponto por underline"), with an app named now or just before."""
    if len(lower) > 160:
        return False
    here = cues.here.search(lower)
    likeness = here is not None and cues.likeness.search(lower, max(0, here.start() - 24), here.end() + 12) is not None
    if cues.same.search(lower) is None and not likeness:
        return False  # "same as", "genauso wie hier", "как здесь", "yahan wala"
    # a piece to add: "_ph", "+ 1987", "93 à la fin", "в конце 1995"
    piece = (_SUFFIX_PIECE.search(lower) is not None or _PLUS_PIECE.search(lower) is not None
             or (_DIGIT_PIECE.search(lower) is not None and cues.end.search(lower) is not None)
             or _REMOVED_PIECE.search(lower) is not None)
    swapped = cues.replace.search(lower) or cues.instead_word.search(lower)  # "troca", "statt", "की जगह"
    if not piece and not (swapped and _HANDLE_PARTS.search(lower)):
        return False  # "same Instagram colours, change the font" changes no handle
    if not history:  # "heiß dort genauso wie hier nur mit _atelier dahinter": the name shown here, changed
        return cues.apps.search(lower) is not None and cues.here.search(lower) is not None
    return cues.apps.search(lower) is not None or cues.apps.search(" ".join(history[-3:]).lower()) is not None


def _points_here(lower: str, cues: _Cues) -> bool:
    """Whether a short message says the handle is the name used here: a name word, a "here" word,
    and a sameness word or a search verb ("o user é igual ao daqui", "ник тот же что и тут",
    "search my name here"); "no, let's keep it here, my name is Ana" says neither."""
    here = cues.here.search(lower)
    if len(lower) > 120 or here is None or cues.name.search(lower) is None:
        return False
    if cues.search.search(lower) is not None:
        return True  # "such einfach nach meinem Namen hier"
    # "a gente segue por aqui mesmo", "aquí mismo", "ici même": the sameness stresses "here"
    return any(lower[:m.start()].rstrip()[-len(here.group()):] != here.group() for m in cues.same.finditer(lower))


# A handle's shape: ASCII, with a dot, an underscore or a digit inside ("kai.draws", "ada_writes");
# not a version ("v2.4.1", "r12.3": one letter, then numbers)
_HANDLE_TOKEN = re.compile(
    r"(?<![\w@./])(?![a-z]\d+(?:[._]\d+)+(?![\w@]))@?[a-z][a-z0-9]*[._][a-z0-9._]*[a-z0-9](?![\w@]|\.[a-z])"
    r"|(?<![\w@])@[a-z_]\w{2,}",
    re.IGNORECASE,
)
_APP_QUESTION = re.compile(r"[?؟]")
# an account ID of capitals and digits, both ("47KX30PE" on Threema): as written, and on the folded view
_APP_ID = re.compile(r"(?<![\w@])(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,12}(?![\w@])")
_APP_ID_FOLDED = re.compile(r"(?<![\w@])(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{6,12}(?![\w@])")


# a provider's domain ("outlook.es", "@proton.me") or a TLD piece (".com.mx")
_DOMAIN_PIECE = re.compile(
    r"(?<![\w@])@?\s*(?:[a-z0-9-]+\.)+(?P<tld>[a-z]{2,12})(?![\w.-])"
    r"|(?<![\w.])\.(?P<bare>[a-z]{2,6})(?:\.[a-z]{2})?(?![\w.-])",
    re.IGNORECASE,
)
# the name of an address: with a dot, an underscore or digits ("mar.quintana", "ivan85")
_LOCAL_PART = re.compile(
    r"(?<![\w@./])[a-z][a-z0-9]*(?:[._][a-z0-9]+)+(?![\w@]|\.[a-z])|(?<![\w@./])[a-z]+\d+[a-z0-9]*(?![\w@.])",
    re.IGNORECASE,
)


def _email_completion(detector: Detector, text: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message gives the domain of an address whose name the last messages
    gave, with an email word or the at sign on the way: the name, the "@" and the domain one per
    message. A mail provider's domain completes any name; another domain ("une.edu.co",
    "sapo.pt") completes one only when the at sign was said between them."""
    if len(text) > 80:
        return False
    piece = _DOMAIN_PIECE.search(text)
    if piece is None:  # "dann noch gmx punkt net dahinter": the domain spoken (read only when a name was given)
        from engine.detectors.spoken import spoken
        from engine.normalize import Text

        text = spoken(Text(text, detector.rules.number_languages)).view.text
        piece = _DOMAIN_PIECE.search(text)
        if piece is None and cues.alias_domain.search(text.lower()) is not None:
            return _name_given(history, cues, detector) is not None  # "а домен гмейл точка ком"
    if piece is None:
        return False
    from engine.detectors.email import tlds

    providers = frozenset(p.lower() for p in detector.rules.detectors["email"].get("providers", []))
    named = _name_given(history, cues, detector)
    if named is None:
        # "логин у меня dasha.illustrator" / "ящик на mail.ru": a login named in the last messages, then a
        # mail provider's domain
        # (or any domain, after the at sign said now: "karim_voixgrave" / "et après l'arobase : hotmail.fr")
        host = piece.group().lstrip("@ \t").lower()
        said_at = cues.at_sign.search(text.lower(), 0, piece.start()) is not None
        if piece.group("bare") or not (said_at or host.split(".")[0] in providers):
            return False
        logins = [(h.lower(), m) for h in history[-2:] for m in _LOCAL_PART.finditer(h.lower())]
        return any(said_at or cues.name.search(h, 0, m.start()) for h, m in logins)
    if piece.group("bare"):
        # ".com.mx" after the name and the provider: a TLD piece
        said = " ".join(history[-3:]).lower()
        return piece.group("bare").lower() in tlds() and any(p in said for p in providers)
    host = piece.group().lstrip("@ \t").lower()
    if piece.group("tld").lower() not in tlds():
        return False
    # "outlook.es", "proton.me": a mail provider's domain; any domain after "then the @"
    at_said = named == "at" or "@" in text[:piece.start() + 1] or cues.at_sign.search(text.lower(), 0, piece.start())
    return host.split(".")[0] in providers or bool(at_said)


def _asked_instead(detector: Detector, lower: str, history: list[str], cues: _Cues) -> str | None:
    """The route a short newest message asks for ("just the email then?", "¿y el correo al menos?", "ну хоть
    почту дайте?") right after the other party refused the route asked for two messages back (a request, then
    a negation or the contract in the reply)."""
    if len(lower) > 80 or len(history) < 2 or not ("?" in lower or "؟" in lower):
        return None
    refused = history[-1].lower()
    if cues.negation.search(refused) is None and cues.contract.search(refused) is None:
        return None
    if not any(h.rule.startswith("request.") for h in detector.find_in_history(history[-2])):
        return None
    for words, category in ((cues.email_words, "email"), (_NUMBER_NOUN, "phone")):
        if words.search(lower) is not None:
            return category
    return None


def _move_asked_then_agreed(lower: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message agrees ("ok let's do it", "alles klar", "يلا خلاص", "चलो ठीक है") to
    the last message's question about going on "there" ("You mean move the whole convo there?", "Also alles
    Weitere dort?"), after an app was named as the route in the last three messages."""
    if len(lower) > 80 or not history or cues.negation.search(lower) or cues.deferral.search(lower):
        return False
    asked = history[-1].lower()
    if not _APP_QUESTION.search(asked) or cues.there.search(asked) is None or cues.app_work.search(asked):
        return False
    # the app proposed as the route: asked ("Telegram?", "wie wär's mit Telegram?") or invited to ("टेलीग्राम पे
    # आ जाओ"), not the work's subject ("We need reels for Instagram")
    if not any(cues.apps.search(m.lower()) and not cues.app_work.search(m.lower())
               and (_APP_QUESTION.search(m) or cues.reach_me.search(m.lower()) or cues.invite.search(m.lower()))
               for m in history[-3:]):
        return False
    return cues.agree.match(lower.lstrip(" ,.!")) is not None or cues.affirm.match(lower.lstrip(" ,.!")) is not None


_PATH_PIECE = re.compile(r"(?<![\w.:/])/[a-z0-9][\w\-]{1,40}(?:/[\w\-]+)*/?(?![\w/])", re.IGNORECASE)


def _path_completion(detector: Detector, text: str, history: list[str]) -> bool:
    """Whether a short newest message gives a page's path ("le reste : /rdv-bilan", "aage /book-demo laga
    dena") right after the last messages gave a site, whole or in pieces."""
    path = _PATH_PIECE.search(text) if len(text) <= 60 and history else None
    if path is None or "." in path.group():
        return False  # (a file's name, "/report.pdf", is no page)
    joined = " ".join(history[-3:])
    return len(joined) <= 240 and any(h.category == "link" for h in detector.find_in_history(joined))


def _at_sign_between(text: str, history: list[str], cues: _Cues) -> bool:
    """Whether the newest message is the at sign alone (or its word) and the last messages gave an
    address's name and its domain, each a message of its own, in either order ("m.adeyemi90" /
    "yahoo.com" / "dazwischen gehört noch das hier:" / "@")."""
    bare = text.strip().strip(".:!").strip()
    if len(bare) > 16 or not (bare == "@" or cues.at_sign.fullmatch(bare.lower())):
        return False
    recent = history[-4:]
    names = [i for i, m in enumerate(recent) if len(m) <= 60 and _LOCAL_PART.fullmatch(m.strip().lower())
             and m.strip().lower().rsplit(".", 1)[-1] not in _file_extensions()]  # not "report_v2.pdf"
    domains = [i for i, m in enumerate(recent) if len(m) <= 60 and (d := _DOMAIN_PIECE.fullmatch(m.strip()))
               and not d.group("bare") and "@" not in m and "example" not in m.lower()]
    if not names or not domains:
        return False
    from engine.detectors.email import tlds

    return any(n != d and _DOMAIN_PIECE.fullmatch(recent[d].strip()).group("tld").lower() in tlds()
               for n in names for d in domains)


def _local_part_last(detector: Detector, text: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message gives the name of an address whose domain or mail provider
    one of the last two messages gave, after the other party asked for an email: a handle-shaped
    name with a word for "before" or for the rest ("davor: kati.voiceover", "antes vem
    mestre_do_lego_3d", "nachodisena y ya sabes el resto (.me)")."""
    if len(text) > 80 or len(history) < 2 or "@" in text:
        return False
    lower = text.lower()
    # or the other party asked what comes before the at sign ("y el usuario antes de la arroba es...", "et
    # avant le @ ?", "а что перед @?"), and the newest message is the name alone ("rodrigo", "nastya.k")
    last = history[-1].lower()
    asked_before = (cues.before_rest.search(last) is not None or cues.prepend.search(last) is not None) and (
        "@" in last or cues.at_sign.search(last) is not None)
    if cues.prepend.search(lower) is None and cues.before_rest.search(lower) is None and not asked_before:
        return False
    # the name: handle-shaped, or the one long word left beside the "before" ("nachodisena y ya sabes el resto")
    rest = re.findall(r"[^\W_][\w.]*", cues.before_rest.sub(" ", cues.prepend.sub(" ", lower)))
    alone = asked_before and len(rest) == 1 and rest[0].isascii() and len(rest[0]) >= 3
    if _HANDLE_TOKEN.search(text) is None and not alone and not (
            len(rest) <= 2 and any(len(w) >= 6 and w.isascii() for w in rest)):
        return False
    providers = frozenset(p.lower() for p in detector.rules.detectors["email"].get("providers", []))
    recent = [h.lower() for h in history[-2:]]
    domain = any(_DOMAIN_PIECE.search(h) or any(re.search(rf"(?<![\w.]){re.escape(p)}(?![\w])", h) for p in providers)
                 for h in recent)
    asked = asked_before or any(cues.email_words.search(h.lower()) for h in history[-3:])
    return domain and asked


_BARE_NAMES = frozenset({"name", "nombre", "nome", "nom", "namen", "имя", "اسم", "الاسم", "naam", "नाम"})


def _described_email(lower: str, history: list[str], cues: _Cues) -> bool:
    """Whether the newest message gives an address by describing it: a mail provider and the
    sender's name or username as its name, said now ("my first name and last name together, at
    hotmail"; "почта как ник тут + гмейл") or in one of the last messages and now refined
    ("mit Punkt zwischen Vor- und Nachname", "add 88 at the end"). A bare "name" counts only as
    the name shown here ("a Gmail with my company name" describes no address)."""
    if len(lower) > 160:
        return False
    name_here = _names_self(lower, cues)
    if name_here and cues.provider.search(lower) is not None:
        if cues.here.search(lower) is not None or any(
                cues.mine.search(lower, max(0, m.start() - 24), m.start()) for m in cues.name_part.finditer(lower)):
            return True  # "my first name and last name", "как ник тут"
        return cues.email_words.search(" ".join(history[-2:]).lower()) is not None  # answering "your email?"
    said = any(cues.provider.search(m.lower()) and _names_self(m.lower(), cues) for m in history[-3:])
    if not said:
        return False
    return name_here or (any(c.isdigit() for c in lower) and cues.append.search(lower) is not None)


_CODE_MARKS = re.compile(r"[{}=<>`;|]|\n\s*[\w-]+:")
# "+ 509", "+ 'the'", "+ punto mx": a piece added, not a telephone number's plus ("+49 30 …")
_RECIPE_PLUS = re.compile(r"\+\s?(?:[a-z_.][a-z0-9_.]{1,11}|\d{2,4}(?![\d\s-]*[\d(]))(?![\w@])")
_NAMED_PIECE = re.compile(r"[«\"“„](?P<name>[^«»\"“”„]{3,40})[»\"”“]|(?<!\w)'(?P<single>[^'\n]{3,40})'(?!\w)")


def _words_of(detector: Detector, text: str, lower: str) -> frozenset[str]:
    """The newest message's words (the prepared text's, when it is this message)."""
    prepared = detector.prepared
    if prepared is not None and prepared.original == text:
        return prepared.words
    from engine.normalize import word_set

    return word_set(lower)


def _may_be_recipe(lower: str, words: frozenset[str], cues: _Cues) -> bool:
    """A cheap look before `_recipe`: a composing word, a "+", or digits with a word for an end."""
    if cues.recipe_gate.admits(words):
        return True
    return "+" in lower or (cues.piece_gate.admits(words) and any(c.isdigit() for c in lower))


def _recipe(lower: str, history: list[str], cues: _Cues) -> str | None:
    """The category of an identifier given by a recipe: a route (an app, a mail provider or an
    email word, a handle word, another marketplace), what it is made of (the writer's name, name
    parts, birth year, "the name here", or a name quoted or given with its spelled joints) and how
    ("together", "en un mot, sans accent", "латиницей", "com underline no meio", "+ 509", "the
    at the end"). "Put our brand name in one word on Instagram" has no first-person ingredient;
    "the handle is lowercase" names no ingredient."""
    if len(lower) > 300 or _CODE_MARKS.search(lower) is not None:
        return None  # code and data: keys and values are no recipe
    composed = [m for m in cues.composition.finditer(lower)]
    composed += [m for m in cues.composition_near_name.finditer(lower)
                 if cues.name_part.search(lower, max(0, m.start() - 40), m.end() + 40)]
    extra = _RECIPE_PLUS.search(lower) is not None or (
        _DIGIT_PIECE.search(lower) is not None and (cues.end.search(lower) or cues.prepend.search(lower)))
    if not composed and not extra:
        return None
    route = cues.recipe_route.search(lower) or cues.provider_at.search(lower)  # "chez hotmail.fr", "bei web.de"
    asked = " ".join(history[-2:]).lower() if history else ""
    if route is None and not (asked and cues.recipe_route.search(asked)):
        return None
    # the ingredient: the writer's (or "here") name parts, the birth year, a name quoted or joined by spelled joints
    own = any(m.group() not in _BARE_NAMES and not cues.theirs.search(lower, max(0, m.start() - 16), m.start())
              for m in cues.name_part.finditer(lower))
    own = own or (cues.name_part.search(lower) is not None
                  and (cues.here.search(lower) is not None or cues.mine.search(lower) is not None))
    own = own or cues.birth_year.search(lower) is not None
    quoted = _NAMED_PIECE.search(lower)
    joints = len(composed) >= 2 or (bool(composed) and extra)
    if not (own or (quoted is not None and (composed or extra)) or joints):
        return None
    if cues.negation.search(lower) is not None:
        return None  # "no le pongas guion bajo al nombre del archivo": not a recipe of the writer's
    # the recipe is for reaching the writer: an answer to a question about a route, an invitation
    # ("findest du mich", "envoie-moi un mot sur Threads"), or the writer's own route ("mon LinkedIn")
    answer = any((_APP_QUESTION.search(h) or cues.recipe_route.search(h.lower()) or cues.name_part.search(h.lower()))
                 and (cues.second_person.search(h.lower()) or cues.self_naming.search(h.lower()))
                 for h in history[-3:])
    # (or a public mailbox named as where the address is: "Prénom et nom attachés, chez hotmail.fr" gives the
    # writer's own address; a company's naming rule names its own domain, and "… иначе Outlook ругается" the program)
    if not (answer or cues.reach_me.search(lower) or cues.my_route.search(lower) or cues.provider_at.search(lower)):
        return None
    if cues.email_words.search(lower) or cues.provider.search(lower) or (
            route is None and (cues.email_words.search(asked) or cues.provider.search(asked))):
        return "email"
    if cues.marketplace.search(lower) or cues.site.search(lower):
        return "link"
    return "social"


def _names_self(lower: str, cues: _Cues) -> bool:
    """A username, a first or last name, or a bare "name" with "here" ("como meu nome aqui")."""
    return any(m.group() not in _BARE_NAMES for m in cues.name_part.finditer(lower)) or (
        cues.name_part.search(lower) is not None and cues.here.search(lower) is not None)


def _name_given(history: list[str], cues: _Cues, detector: Detector | None = None) -> str | None:
    """Whether the last messages give an address's name after an email word, or before the at
    sign ("mi correo empieza por mar.quintana", "franziska.moll82 und das Zeichen mit dem
    Kringel"), and not a file ("report_v2.docx"): "at" when the at sign followed the name,
    "email" when only an email word came before it, None when neither. The question, the name
    and the at sign may each be a message of its own; with `detector`, so may the pieces of the
    name, read in the spoken view ("nikita" / "точка" / "3d")."""
    recent = history[-4:]
    lower = "\n".join(recent).lower()
    start = len(lower) - len("\n".join(recent[-3:]))  # the name is in the last three; an email word may precede
    found = _name_in(lower, start, cues)
    if found is None and detector is not None:
        from engine.detectors.spoken import spoken
        from engine.normalize import Text

        earlier = "\n".join(recent[:-3]).lower()
        said = spoken(Text(" ".join(recent[-3:]), detector.rules.number_languages)).view.text.lower()
        found = _name_in(earlier + "\n" + said, len(earlier) + 1, cues)
    return found


def _name_in(lower: str, start: int, cues: _Cues) -> str | None:
    """`_name_given` on one text: the name from `start` on."""
    found = None
    for m in _LOCAL_PART.finditer(lower, start):
        if m.group().rsplit(".", 1)[-1] in _file_extensions():
            continue
        if cues.at_sign.search(lower, m.end()) or "@" in lower[m.end():]:
            return "at"
        if cues.email_words.search(lower, 0, m.start()):
            found = "email"
    return found


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(lexicon()["function_words"]) | {"between", "with", "entre", "zwischen", "между", "بين", "beech"}


@lru_cache(maxsize=1)
def _file_extensions() -> frozenset[str]:
    return frozenset(lexicon()["file_extensions"])


def _named_id(lower: str, pos: int, cues: _Cues) -> bool:
    """Whether the word before an "ID" at `pos` names another kind of identifier ("order id")."""
    before = re.findall(r"[^\W\d_]+", lower[max(0, pos - 24):pos])
    return bool(before) and before[-1] not in ("meeting", "reunión", "reunião", "réunion", "конференции", "الاجتماع") \
        and cues.ids.fullmatch(before[-1]) is not None


_MEETING_ID = re.compile(
    r"(?<![\w-])(?:id|код|كود|رقم|código|codigo|kennung)\b[^\d\n]{0,12}\d{3}[ \-]?\d{3,4}[ \-]?\d{3,5}(?!\d)"
)
_MEETING_APP = re.compile(r"(?<!\w)(?:zoom|зум|زوم|teams|google meet|meet|webex|skype|скайп|jitsi|whereby)(?!\w)")
_TLD_PIECE = re.compile(r"(?<![\w.])\.(?P<tld>[a-z]{2,12})(?!\w|\.\w)", re.IGNORECASE)
# a site's name ended after a hyphen, with its ending: "-eks.рф", "-events.com"
_HYPHEN_PIECE = re.compile(r"\W*-[^\W_]+(?:-[^\W_]+)*\.(?P<tld>[^\W\d_]{2,12})(?![\w.])")


def _site_completion(detector: Detector, text: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message gives the top-level domain (".ie", "und dann .de") of a site
    the conversation offers: a site word, and the sender's claim or a contact form, in the last
    messages ("Hast du eine Website? ... Kontaktformular" / "klangraum-ost, und dann .de")."""
    if len(text) > 120:
        return False
    from engine.detectors.email import tlds

    piece = _TLD_PIECE.search(text)
    if piece is None and cues.spelled_gate.admits(frozenset(re.findall(r"[^\W\d_]+", text.lower()))):
        # "-eks точка рф, раздел «Заявка»" after "адрес — perevod": the name's last part after a hyphen,
        # and the ending, spoken
        from engine.detectors.spoken import spoken
        from engine.normalize import Text

        piece = _HYPHEN_PIECE.match(spoken(Text(text, detector.rules.number_languages)).view.text)
    if piece is None or piece.group("tld").lower() not in tlds():
        return False
    said = (" ".join(history[-3:]) + " " + text).lower()
    return cues.site.search(said) is not None and (
        cues.mine.search(said) is not None or cues.contact_form.search(said) is not None)


def _answers_with_app(detector: Detector, text: str, lower: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message names an app, not negated and not as the work, right after
    the other party asked how or where to talk or to see more."""
    # (or the app itself asked about, "Hast du Telegram?", and the answer makes it the same as a route given:
    # "wie vorhin – die Telegram-Nummer ist dieselbe wie die Handynummer", "वही जो पहले बताया था, बस इस बार टेलीग्राम पर")
    if len(text) > 200 or not any(
        len(m) <= 200 and _APP_QUESTION.search(m) and cues.route.search(m.lower()) for m in history[-2:]
    ) and not (_asked_for_app(history, cues) and cues.same.search(lower) is not None) and not (
        # (or "which one?" right after the other party moved to an app by a nickname: "le truc vert" / "lequel ?")
        len(history) >= 2 and len(history[-1]) <= 24 and _APP_QUESTION.search(history[-1]) is not None
        and any(h.category == "social" for h in detector.find_in_history(history[-2]))
    ):
        return False
    from engine.detectors.social import SocialDetector
    from engine.normalize import Text

    social = _detector_of(detector, SocialDetector)
    if social is None or social.apps.regex is None:
        return False
    folded = Text(text, detector.rules.number_languages).folded.text
    for m, info in _routes(social, folded):
        if info.weak and len(m.group()) <= 3:
            continue  # "wa", "ig" alone: too short to stand for the app without more
        if cues.negation.search(folded, max(0, m.start() - 30), m.start()) or cleared(folded, m.start(), m.end()):
            continue  # "no tengo WhatsApp"; "Nach Vertragsstart kriegst du meinen Telegram-Namen"
        return True
    return False


def _named_handle(detector: Detector, text: str, lower: str, cues: _Cues,
                  history: list[str] = ()) -> tuple[int, int] | None:
    """The span from an app to a handle-shaped name in a short message (200 characters or less)
    where the writer names themselves or labels the name ("I'm on there as kestrel.dubs.44",
    "esmi hunak karim_3d_jo", "id: kenji_mx_3d", "मेरा टेलीग्राम यूज़रनेम है vikram_dubbing_hi"), not
    negated ("I'm not on Telegram, kai.draws is my Behance"), and not a file, a domain or code. The
    name is read on the folded view, so look-alike letters count ("Insta pro : 𝗹𝗲𝗮.𝘁𝗮𝘁𝘁𝗼𝗼")."""
    app_id = _APP_ID.search(text)  # "Threema … meine ID … also 47KX30PE": an app's ID in capitals and digits
    if len(text) > _SENTENCE_MAX or ("." not in text and "_" not in text and app_id is None):
        return None  # every handle this reads holds a dot or an underscore, or is an ID in capitals
    if text.isascii() and not _HANDLE_TOKEN.search(text) and app_id is None:
        return None
    named = cues.self_naming.search(lower) is not None
    # a name said to be a handle without its at sign ("…, sem arroba mesmo", "zakaria_dev2 bla @"), or one to
    # look for on the app ("insta pe dhoondo cakesbyanjali.ranchi")
    labelled = (named or cues.handle_label.search(lower) is not None or _NO_AT.search(lower) is not None
                or cues.search.search(lower) is not None)
    if not labelled and not _AS_ANYWHERE.search(lower):
        return None
    from engine.detectors.social import SocialDetector
    from engine.normalize import Text

    prepared = detector.prepared
    if prepared is None or prepared.original != text:
        prepared = Text(text, detector.rules.number_languages)
    view = prepared.folded
    folded = view.text
    from engine.detectors.email import tlds

    candidates = []
    if app_id is not None and cues.handle_label.search(lower):
        candidates.extend(m for m in _APP_ID_FOLDED.finditer(folded)
                          if text[slice(*view.span(m.start(), m.end()))].isupper())
    for token in _HANDLE_TOKEN.finditer(folded):
        name = token.group().lower()
        after = folded[token.end():token.end() + 1]
        if name.startswith("@") or (after and after in ":=/("):
            continue  # an @handle is the social detector's (style references, bots); "chat_id:" is a key
        last = name.rsplit(".", 1)[-1]
        if last in _file_extensions() or (last in tlds() and not named) or re.fullmatch(r"v?\d+(?:\.\d+)+", name):
            # "report_v2.docx", "github.com", "3.9.1": a file, a domain or a version; a name the writer
            # goes by on an app may end like a domain ("auf Insta heiß ich zuckerundlicht.wien")
            continue
        if len(re.sub(r"[._]", "", name)) < 5:
            continue  # "B.Ed", "M.Sc": degrees and abbreviations are shorter than a handle
        # the writer names it ("ismi", "mon numéro d'utilisateur"), or "as" stands right before it
        if labelled or _AS_BEFORE.search(folded, max(0, token.start() - 12), token.start()):
            candidates.append(token)
    if not candidates:
        return None
    social = _detector_of(detector, SocialDetector)
    if social is None or social.apps.regex is None:
        return None
    apps = [m for m, _ in _routes(social, folded)
            if len(m.group()) > 2 and not cues.negation.search(folded, max(0, m.start() - 24), m.start())]
    if detector._data.spans(text):
        return None
    token = candidates[0]
    if not apps:
        # the app named in the last two messages: "ضيفني على ويتشات" / "الـ ID تبعي: zainab_sourcing_cn"
        if _app_in_history(social, history, cues):
            return view.span(token.start(), token.end())
        # or no app named, but the writer goes by the name and sends the reader there: "je suis
        # encre.fine.marseille, et écris-moi là-bas directement"
        if named and cues.reach_me.search(lower) is not None and cues.there.search(lower) is not None:
            return view.span(token.start(), token.end())
        return None
    return view.span(min(apps[0].start(), token.start()), max(apps[0].end(), token.end()))


def _app_in_history(social, history, cues: _Cues, depth: int = 2) -> bool:
    """Whether one of the last `depth` messages names an app as a way to talk, not negated."""
    for message in history[-depth:]:
        folded = message.lower()
        # a two-letter name counts written in capitals ("Вас в ВК не найти"), not as a word ("ig")
        if any((len(m.group()) > 2 or (len(folded) == len(message) and message[m.start():m.end()].isupper()))
               and not cues.negation.search(folded, max(0, m.start() - 24), m.start())
               for m, _ in _routes(social, folded)):
            return True
    return False


_QUOTED_NAME = re.compile(r"«\s?([^«»\n]{3,40}?)\s?»|[\u201c\u201e]([^\u201c\u201d\u201e\n]{3,40})\u201d"
                          r"|\"([^\"\n]{3,40})\"|(?<![\w'])'([^'\n]{3,40})'(?![\w'])")
_NAME_REACH = 60  # characters between an app and the name the writer goes by there
_THATS_ME = re.compile(r"(?<![^\W_])(?:that's me|thats me|it's me|c'est moi|soy yo|sou eu|das bin ich|это я|"
                       r"هذا أنا|هاد أنا|main hoon|wo main hoon)(?![^\W_])")
# a person's full name as written: two to four capitalised words ("Галина Петровна Мухина", "Paulo
# Henrique Tavares"), a title allowed before it ("Dra. Inés Sarmiento")
_FULL_NAME = re.compile(r"(?<![\w.])(?:(?:Dr|Dra|Prof|Mr|Mrs|Ms|Sr|Sra)\.?\s)?"
                        r"[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё'-]+(?:\s[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё'-]+){1,3}")


def _full_name(text: str) -> re.Match[str] | None:
    """The first full name in `text` whose first word (after a title) is a first name of the
    table derived from faker's person providers: "Тамара Ильина", not "React Native"."""
    from engine.lexicon import is_first_name

    pos = 0
    while (m := _FULL_NAME.search(text, pos)) is not None:
        words = m.group().split()
        if words[0].rstrip(".") in _TITLES:
            words = words[1:]
        if len(words) >= 2 and is_first_name(words[0]):
            return m
        pos = m.start() + len(m.group().split()[0]) + 1  # "Ищите Дарью Лисицыну": try from the next word
    return None


_TITLES = frozenset({"Dr", "Dra", "Prof", "Mr", "Mrs", "Ms", "Sr", "Sra"})


_AS_NAME = re.compile(r"(?<![^\W_])(?:as|als|como|comme|как)\s+((?:[A-ZÀ-ÖØ-ÞА-Я][\w'-]+\s?){1,4})")


def _display_name(detector: Detector, text: str, lower: str, cues: _Cues,
                  history: list[str] = ()) -> tuple[int, int] | None:
    """The span from an app to the name the writer goes by there, in a short message (240
    characters or less): a quoted name or a capitalised name after "as" ("je suis « la cartographe
    du dimanche »", "im Vogel-App als Kartenhexe"), or a profile picture described to find the
    account ("my profile pic on the blue bird site is a red fox, search 'foxglove annotates'"), with
    the writer naming themselves, asking to be found or to be written to there; not negated."""
    if len(text) > 240:
        return None
    name = _QUOTED_NAME.search(text) or _AS_NAME.search(text)
    pictured = cues.picture.search(lower) is not None
    from engine.detectors.social import SocialDetector

    social = _detector_of(detector, SocialDetector)
    if social is None or social.apps.regex is None:
        return None
    if name is None and (history or not social.apps.keys.isdisjoint(_words_of(detector, text, lower))):
        name = _full_name(text)  # a person's full name, where an app is named now or may have been before
    if name is None and not pictured:
        return None
    folded = lower
    apps = [m for m, _ in _routes(social, folded)
            if len(m.group()) > 2 and not cues.negation.search(folded, max(0, m.start() - 24), m.start())]
    if detector._data.spans(text) or cues.negation.search(lower):
        return None
    if not apps:
        # "tu es sur linkedin ?" / "oui cherche « Rachid Benali consultant ISO 27001 Oran », c'est moi"
        if (name is not None and _app_in_history(social, history, cues)
                and (cues.search.search(lower) or _THATS_ME.search(lower))):
            return name.start(), name.end()
        return None
    app = apps[0]
    if lower[app.end():app.end() + 1] == "-":
        return None  # "im Teams-Telefonplan": a compound names the app's feature, the work
    if social._ui_label(lower, app.start(), app.end()):
        return None  # 'Botón de "Escríbenos por WhatsApp"': the words of a button being built
    if name is not None and abs(name.start() - app.end()) > _NAME_REACH and abs(app.start() - name.end()) > _NAME_REACH:
        return None  # the name and the app belong together: "canal: telegram … par: "BTC/USDT"" do not
    if name is not None and not any(ch.isalpha() for ch in name.group()) or (name is not None and "/" in name.group()):
        return None
    lo = max(0, min(app.start(), name.start() if name is not None else app.start()) - _NAME_REACH)
    hi = min(len(lower), max(app.end(), name.end() if name is not None else app.end()) + _NAME_REACH)
    window = lower[lo:hi]
    themselves = (cues.self_naming.search(window) is not None or social.me_word.search(window) is not None
                  or social.intent.search(window) is not None)
    if not themselves or (name is None and cues.search.search(window) is None):
        return None  # "the brand's page, 'Casa Bonita', for reference" names no writer
    if social._brand_work(lower, app.start(), app.end()) or cleared(text, app.start(), app.end()):
        return None  # the client's account; "Телефон и телеграм дам, когда вы нажмёте «принять оффер»"
    end = name.end() if name is not None else len(text.rstrip())
    return min(app.start(), name.start() if name is not None else app.start()), max(app.end(), end)


def _spoken_handle(lower: str, history: list[str], cues: _Cues) -> tuple[int, int] | None:
    """The span of a handle spelled out in a short message: names joined by the words for a dot or
    an underscore, or by spaced symbols ("taller punto fenix punto 3d", "rodrigo underline cad
    underline bh", "@ vitor _ mods _ rs"), with an app named in the message or the last two, and not
    a domain (its last piece no top-level domain: the link detector reads those)."""
    if len(lower) > 160 or (cues.spoken_sep.search(lower) is None and _SPACED_SYMBOL.search(lower) is None):
        return None
    if not (cues.apps.search(lower) or any(cues.apps.search(h.lower()) for h in history[-2:])):
        return None
    from engine.detectors.email import tlds

    for m in cues.spoken_handle.finditer(lower):
        pieces = [p for p in cues.spoken_split.split(m.group().strip("@ ")) if p and p != "arroba"]
        if len(pieces) < 2:
            continue
        seps = list(cues.spoken_split.finditer(m.group().strip("@ ")))
        dotted_end = bool(seps) and (cues.spoken_dot.search(seps[-1].group()) is not None or "." in seps[-1].group())
        if dotted_end and (pieces[-1] in tlds() or pieces[-1] in _file_extensions()):
            continue  # "… punto com", ".pdf": a domain or a file, the link detector's
        spoken = cues.spoken_sep.search(m.group()) is not None or _SPACED_SYMBOL.search(m.group()) is not None
        if not spoken or sum(len(p) for p in pieces) < 6 or any(p in _function_words() for p in pieces):
            continue  # "the dot between the words" describes, it spells nothing
        return m.start(), m.end()
    return None


def _routes(social, folded: str):
    """The apps named in a folded text as a way to talk, with their lexicon entries: not the work
    ("WhatsApp API", "the Instagram ads", "the Telegram bot")."""
    for m in social.apps.regex.finditer(folded):
        info = social.apps.lookup(m.group())
        after = [w.strip(".,!?") for w in folded[m.end():m.end() + 40].split()[:2]]
        # (the words before it in its own clause: "same number for both, WhatsApp's easier" is no "for WhatsApp")
        clause = COMMA_CLAUSE.split(folded[max(0, m.start() - 30):m.start()])[-1]
        before = [w.strip(".,!?¿¡") for w in clause.split()[-3:]]
        # (nor "die App soll wie WhatsApp aussehen", "el clon de WhatsApp": the app the work looks like)
        if info is not None and not any(w in social.blockers_after for w in after) and not any(
                w in social.blockers_before for w in before):
            yield m, info


def _meeting_answer(detector: Detector, text: str, lower: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short reply names a place and a day or a time of day (a capitalised name, not at
    the reply's start alone) in answer to where to meet, pick up or bring something: the last two
    messages ask where, with a verb of meeting, delivering or picking up. Not negated."""
    if len(text) > 160 or cues.negation.search(lower) or not (CLOCK.search(lower) or cues.weekday.search(lower)):
        return False
    from engine.detectors.social import SocialDetector

    social = _detector_of(detector, SocialDetector)
    apps = [a.span() for a in social.apps.regex.finditer(lower)] if social is not None and social.apps.regex else []
    named = False
    for m in _WORD_START.finditer(text):
        word = _CAPITAL_WORD.match(text, m.start())
        if m.start() == 0 or word is None or cues.weekday.fullmatch(word.group().lower()):
            continue
        if any(a <= m.start() < b for a, b in apps):
            continue  # "I'll send the Zoom here", "on Google Meet": an app, no place
        named = True
        break
    if not named:
        return False  # a place's name as written, past the reply's first word ("Одесса, Дерибасовская …")
    for asked in history[-2:]:
        low = asked.lower()
        if (len(asked) <= 200 and _APP_QUESTION.search(asked) and cues.where.search(low)
                and (cues.deliver.search(low) or cues.pickup.search(low) or cues.meet.search(low))):
            return True
    return False


_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")


def _directions_answer(text: str, lower: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short reply describes a place by its landmarks (two relations to landmarks, or one and
    the house, gate or door itself: "Третий дом после мечети, синие ворота, напротив школы № 12") after
    one of the last three messages asked how to get there or where it is. Not negated."""
    if len(text) > 200 or not any(len(asked) <= 200 and _APP_QUESTION.search(asked) for asked in history[-3:]):
        return False  # (the question first: most replies answer none about a way there)
    if cues.negation.search(lower):
        return False
    relations = list(cues.landmark.finditer(lower))
    if not relations or (len(relations) < 2 and cues.dwelling.search(lower) is None):
        return False
    # a landmark after a relation: a public place ("после мечети") or a proper name ("Frente al parque La
    # Sabana"), not a part of a page ("after the title, next to the menu button")
    if not any(cues.poi.search(lower, m.end(), m.end() + 40) or _CAPITAL_WORD.search(text, m.end(), m.end() + 40)
               for m in relations if len(text) == len(lower)):
        return False
    for asked in history[-3:]:
        low = asked.lower()
        if len(asked) <= 200 and _APP_QUESTION.search(asked) and (
                cues.directions.search(low) or cues.where.search(low)):
            return True
    return False


def _asked_where(history: list[str], cues: _Cues) -> bool:
    """Whether one of the last two messages asks where to send, bring, pick up or meet."""
    for asked in history[-2:]:
        lower = asked.lower()
        if (len(asked) <= 200 and _APP_QUESTION.search(asked) and cues.where.search(lower)
                and (cues.deliver.search(lower) or cues.pickup.search(lower))):
            return True
    return False


# a name of two to four words, then a comma (Arabic too) and a descriptor, then another: "Darja Kim,
# grant writer, Bishkek", "محمد ولد أحمد، كاتب منح، نواكشوط"
_NAME_LIST = re.compile(r"(?P<name>[^\W\d_][\w'\-]*(?:\s+[^\W\d_][\w'\-]*){1,3})\s*[,\u060c]\s*[^,\u060c\n]{2,50}?"
                        r"\s*[,\u060c\u2014\u2013-]")


def _searched_profile(text: str, lower: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short reply gives what to search to find the writer's profile on an app the last
    messages named: a personal name with a title and a place ("search Oisín Brennan, GIS analyst,
    Galway — the one with the map as banner"), after an app question or a "search me"; POLICY.md
    lists "search LinkedIn for Name, Title, City" as a social route."""
    if len(text) > 200 or not history or cues.negation.search(lower):
        return False  # "لا ما يصير، المنصة تمنع قبل العقد، …": a refusal is no name to search
    recent = " ".join(history[-3:]).lower()
    if not (cues.apps.search(recent) or cues.apps.search(lower)):
        return False
    if not (cues.search.search(recent) or cues.search.search(lower) or _APP_QUESTION.search(recent)
            or cues.picture.search(lower)):
        return False
    body = cues.search.sub(" ", text, count=1) if cues.search.match(lower.lstrip()) else text
    m = _NAME_LIST.search(body.strip())
    if m is None or m.start() > 3:
        return False
    words = m.group("name").split()
    # a name as written: capitalised, or in a script without case
    return all(w[0].isupper() or w[0].lower() == w[0].upper() for w in words)


def _identity_asked_there(detector: Detector, text: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message asks for the reader's account name "there" (lá, ahí, там, there)
    and one of the last two messages named an app as a route."""
    if len(text) > 120 or not history or cues.there.search(text.lower()) is None:
        return False
    from engine.detectors.requests import RequestDetector
    from engine.normalize import Text

    requests = _detector_of(detector, RequestDetector)
    if requests is None or requests.apps is None or requests.apps.regex is None:
        return False
    folded = Text(text, detector.rules.number_languages).folded.text
    if next(requests.identity_asked(folded), None) is None:
        return False
    recent = Text(" ".join(history[-2:]), detector.rules.number_languages).folded.text
    return any(not requests.app_worked(recent, m.end()) for m in requests.apps.regex.finditer(recent))


def _requested(detector: Detector, history: list[str], category: str, depth: int = 2) -> bool:
    """Whether one of the last messages asks for the reader's route of `category`, with or without a
    question mark ("ok whats your IG and TikTok then")."""
    return any(h.category == category and h.rule.startswith("request.")
               for message in history[-depth:] for h in detector.find_in_history(message))


def _asked_for_app(history: list[str], cues: _Cues) -> bool:
    """Whether the last messages ask a question and name an app, in one message or two
    ("do you have instagram?"; "examples?" / "on TikTok")."""
    recent = history[-2:]
    return (any(_APP_QUESTION.search(m) for m in recent)
            and any(cues.apps.search(m.lower()) for m in recent))


_FRAGMENT = re.compile(r"(@?[\w.]*[^\W_][\w.]*|[._]\w[\w.]*)[\s!?,;]*$")
# a piece glued on by an underscore, anywhere in a short message: "y al final _studio, todo junto"
# (a leading dot is not enough there: ".NET core, probably" names a framework)
_GLUED = re.compile(r"(?<![\w.@])_[^\W_]\w*(?:[._]\w+)*(?![\w@])")
_HANDLE_SHAPE = re.compile(r"@?[a-z][a-z0-9]*(?:[._]+[a-z0-9]+)+", re.IGNORECASE)


def _handle_after_label(text: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message gives a handle after one of the last three messages opened
    it with an app and an ID word, left unfinished ("line id is", "meine Line-ID ist", "اللاين آي
    دي", then maybe "wait"): "and then manila_subs, all lowercase"."""
    if len(text) > 80:
        return False
    tokens = [m.group() for m in _HANDLE_TOKEN.finditer(text) if not m.group().startswith("@")]
    if not any(len(re.sub(r"[._]", "", t)) >= 5 and t.rsplit(".", 1)[-1] not in _file_extensions() for t in tokens):
        return False
    for message in history[-3:]:
        lower = message.lower()
        if len(lower) <= 60 and cues.apps.search(lower) and cues.handle_label.search(lower) \
                and not _APP_QUESTION.search(message) and not _HANDLE_TOKEN.search(message):
            return True
    return False


@lru_cache(maxsize=1)
def _open_end() -> re.Pattern[str]:
    """A message ending on a label left open: a copula, a name word or an at sign, maybe a colon or dash."""
    words = lexicon()
    ends = word_alternation(words["open_label_ends"] + words["name_words"])
    at = word_alternation(words["at_sign_words"])
    return re.compile(r"(?:(?<![^\W_])(?:(?P<at>" + at + r")|" + ends + r")\s*[:\-\u2013\u2014]?|[:\u2013\u2014])\s*$")


# the value opening the newest message, after a copula it may repeat ("hai pixelbaba", "es nacho"):
# a name of handle letters, four or more
_OPEN_VALUE = re.compile(r"\s*(?:(?:is|es|é|est|ist|hai|это|c'est)\s+)?@?(?P<value>[a-z][a-z0-9]{3,29})"
                         r"(?![\w@/]|\.[a-z])")


def _open_label_answered(text: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message opens with the value of a label the last message left open after
    an app ("mon discord c'est" / "pixelvirgile, ajoute-moi"; "Mein Username auf Discord" / "ist" /
    "retrogrid, ohne Zahlen"; "mi tele es arroba" / "nacho guion bajo pybots"). The label's message asks
    nothing; the value is no function word, no app and no affirmation."""
    if len(text) > 60 or not history:
        return False
    last = history[-1].strip()
    opened = last if len(last) > 15 or len(history) < 2 else history[-2].strip() + " " + last
    lower_opened = opened.lower()
    end = _open_end().search(lower_opened) if len(opened) <= 80 and not _APP_QUESTION.search(opened) else None
    if end is None:
        return False
    named = end.group("at") or any(cues.apps.search(h.lower()) for h in history[-3:])
    if not named or cues.app_work.search(lower_opened) or cues.negation.search(lower_opened):
        return False  # an app named on the way, or the at sign itself ("mi tele es arroba")
    lower = text.lower()
    m = _OPEN_VALUE.match(lower)
    if m is None or cues.negation.search(lower):
        return False
    value = m.group("value")
    return not (value in _function_words() or cues.apps.fullmatch(value) or cues.affirm.fullmatch(value)
                or value in _file_extensions())


def _confirmed_handle(text: str, history: list[str], cues: _Cues) -> bool:
    """Whether the newest message says yes, it is mine (or corrects it: "only with _art at the
    end"), to a question naming a handle: with the app named in the newest message, or the app
    named in the conversation and the handle asked about in the message just before. A reply
    that claims the account ("that account is mine") or describes the handle ("the one with the
    dot in the middle") may answer a question a few messages back, past other talk."""
    lower = text.lower()
    if len(text) > 120 or not (cues.affirm.search(lower) or _GLUED.search(text)):
        return False
    claimed = cues.own.search(lower) is not None or _HANDLE_PARTS.search(lower) is not None
    if (claimed or cues.apps.search(lower)) and any(
            _APP_QUESTION.search(m) and (_AT_HANDLE.search(m) or _HANDLE_TOKEN.search(m))
            and cues.identity.search(m.lower()) for m in (history[-4:] if claimed else history[-2:])):
        return True  # "are you @x?", not "did you see @nike's ad?"
    if cues.apps.search(lower):
        return False
    if not history or not cues.apps.search(" ".join(history[-3:]).lower()):
        return False
    # "Is it @danimoreno.eats?", "bist du kerstin.fotografie?", "¿natalia_cifuentes?" (then maybe "almost");
    # not a file asked about ("is the file logo_v2.png?")
    return any(len(asked) <= 120 and _APP_QUESTION.search(asked) is not None and any(
        t.group().rsplit(".", 1)[-1].lower() not in _file_extensions() for t in _HANDLE_TOKEN.finditer(asked))
        for asked in history[-2:])


# the characters of a handle named in words: "com o ponto no meio", "the one with the underscore"
_HANDLE_PARTS = re.compile(
    r"(?<!\w)(?:dots?|underscores?|pontos?|puntos?|points?|punkte?|unterstrich|точк\w*|подчёркивани\w*|نقط\w*|أندرسكور"
    r"|hyphens?|dash|bindestrich|guion|guión|hífen|hifen|tiret|дефис\w*|شرطة|अंडरस्कोर|हाइफ़न|हाइफन|डॉट|बिंदु)(?!\w)"
)
_AT_HANDLE = re.compile(r"(?<![\w@])@[a-z0-9_][\w.]{2,}", re.IGNORECASE)


def _split_handle(text: str, history: list[str], cues: _Cues) -> bool:
    """Whether the newest message ends a handle begun in the last messages: each piece is the last
    word of a short message, glued by a dot or an underscore at a boundary ("lumen" / ".frames" /
    "_studio", "@ivan_" / "petrov"), and an app or an "@" is named on the way."""
    pieces: list[str] = []
    for message in [text, *reversed(history[-3:])]:
        # (the newest message may name the glue it starts with: "_ink.studio, avec le tiret bas")
        glued = _GLUED.findall(message) if not pieces and len(message) <= 40 and (
            cues.continuation.search(message.lower()) or cues.last_piece.search(message.lower())
            or cues.spoken_sep.search(_GLUED.sub(" ", message.lower()))) else []
        m = _FRAGMENT.search(message.strip()) if len(message) <= 40 else None
        if len(glued) == 1:
            piece = glued[0]  # the newest message's piece need not be its last word
        elif m is not None:
            piece = m.group(1)
        else:
            break
        if pieces and not (piece.endswith(("." , "_")) or pieces[-1].startswith((".", "_"))):
            break  # no glue at this boundary: the handle began in the next message
        pieces.append(piece)
        if piece.startswith("@"):
            break
    if len(pieces) < 2:
        return False
    handle = "".join(reversed(pieces)).rstrip("._")
    if not _HANDLE_SHAPE.fullmatch(handle):
        return False
    said = " ".join(history[-4:]).lower()
    return handle.startswith("@") or cues.apps.search(said) is not None


_PIECE_TOKEN = re.compile(
    r"(?<![\w@])(?:[._][a-z0-9][\w.]*|[a-z][a-z0-9]*[._][\w.]*[a-z0-9]|\d{2,6})(?![\w@])", re.IGNORECASE
)


def _searched_piece(text: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message gives the rest of a name that one of the last messages told the
    reader to search for or add on an app ("search for inked" / "then by" / "amaraa" / "_designs on the
    gram"; "adde mich: hannes" / "_dj0815, Discord"; "live:benoit.voix" / "2291 à la fin"): a piece
    shaped like a handle's (a leading dot or underscore, a dot or underscore inside, or the digits of
    its end), an app named now or in the last messages, and a search, an add or a handle just before."""
    if len(text) > 48 or not history or cues.negation.search(text.lower()):
        return False
    piece = _PIECE_TOKEN.search(text)
    if piece is None or (piece.group().isdigit() and cues.end.search(text.lower()) is None):
        return False  # digits count as the end of a name only when said so ("2291 à la fin")
    if re.fullmatch(r"v?\d+(?:[._]\w+)*|.*(?:final|draft|copy|v\d+).*", piece.group(), re.IGNORECASE) and not (
            piece.group().isdigit()):
        return False  # "v2_final", "logo_draft": a file's or a version's name
    recent = [h.lower() for h in history[-3:]]
    asked = [h for h in recent if cues.search.search(h) or cues.reach_me.search(h) or _HANDLE_TOKEN.search(h)
             or "live:" in h]
    # the app named now, or with the search or the handle it continues ("such mal nach frieda" names none:
    # then the newest names it, "zeichnet_illu, Insta")
    return bool(asked) and (cues.apps.search(text.lower()) is not None or any(cues.apps.search(h) for h in asked)
                            or any(_HANDLE_TOKEN.search(h) or "live:" in h for h in asked)
                            and any(cues.apps.search(h) for h in recent))


def _piece_span(detector: Detector, text: str, own: list[re.Match[str]]) -> tuple[int, int]:
    """The newest message's piece in the original text: its digit groups ("el 0457"), or the whole
    message when the piece is written in words ("diecisiete")."""
    from engine.normalize import Text

    view = Text(text, detector.rules.number_languages).digits
    if any(ch.isdigit() for ch in view.text):
        return view.span(own[0].start(), own[-1].end())
    return _content_span(text)


def _content_span(text: str) -> tuple[int, int]:
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def _part_label() -> re.Pattern[str]:
    """A piece's label and its number, before a colon or a dash: "Teil 2:", "part 1 -", "часть 3:"."""
    return re.compile(r"(?<![^\W_])(?:" + word_alternation(lexicon()["part_labels"]) + r")\s*\d{1,2}\s*[:\-\u2013)]",
                      re.IGNORECASE)


def _spelled(detector: Detector, message: str) -> str:
    """The message with number words and other scripts' digits read as ASCII digit groups."""
    from engine.normalize import Text, number_words_read

    message = _part_label().sub(lambda m: " " * len(m.group()), message)  # "Teil 2: 2 0 4 4": the label's number
    view = Text(message, detector.rules.number_languages).digits
    out = "".join(ch if not ch.isdecimal() else str(int(ch)) for ch in view.text)
    if not any(ch.isdigit() for ch in out):
        # a piece given in words alone ("diecisiete", "пятьдесят один"): the numeric view reads
        # a lone word only among digits, a piece of a split number is read on its own
        out = number_words_read(view.text, detector.rules.number_languages)
    return out


# an amount ("$750", "40%") or an ordinal ("the 28th", "5º"): a number of something, never a piece of a phone number
_QUANTITY = re.compile(r"[$€£¥₹₦₽]\s?\d|\d\s?(?:[$€£%]|(?:st|nd|rd|th)\b|[ºª])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _amount() -> re.Pattern[str]:
    """A number with a currency's word after it: "١٢٠ دينار", "500 rupees", "40 евро"."""
    words = [c for c in lexicon()["currencies"] if c[0].isalpha()]
    return re.compile(r"\d\s?(?:" + word_alternation(words) + r")(?![^\W_])", re.IGNORECASE)


def _split_number(detector: Detector, text: str, history: list[str], cues: _Cues) -> tuple[int, int] | None:
    """The span of the newest message's digit group when consecutive short messages spell a number."""
    if len(text) > _SHORT or _QUANTITY.search(text):
        return None  # "delivery by the 28th", "$750": an ordinal or an amount is no piece of a number
    if CLOCK.search(text) and not any(ch.isdigit() for ch in CLOCK.sub(" ", text)):
        return None  # "в 18:00 у вас, 11:00 у меня": times of day are no pieces of a number
    if DATE_ONLY.fullmatch(text.strip()):
        return None  # "48213" / "¿y la fecha?" / "23/11": a date after a ticket is no piece of a number
    spelled = _spelled(detector, text)
    if _amount().search(spelled):
        return None  # "١٢٠ دينار": an amount with its currency's word
    own = list(_GROUP.finditer(spelled))
    if not own or len(own) > 4:
        return None
    pieces = ["".join(c for m in own for c in m.group() if c.isdigit() or c == "+")]
    if spelled.lstrip().startswith("+") and not pieces[0].startswith("+"):
        pieces[0] = "+" + pieces[0]  # "+ 4 9": the plus, spaced from the code
    if len(pieces[0].lstrip("+")) > 8:
        return None  # a piece is short; a message with a whole number is judged on its own
    cue = cues.phone.search(text.lower()) is not None
    code_last = pieces[0].startswith("+") and len(pieces[0]) <= 5  # "+ 4 9" after "ohne Vorwahl?"
    sequenced = int(cues.sequencer.search(text.lower()) is not None)  # "then 581", "وآخر شي 4471"
    measured = cues.measure.search(text.lower()) is not None
    skipped = 0
    # "и последние: 71 05": a short message that says it ends the number
    ending = (len(text) <= 30 and cues.last_piece.search(text.lower()) is not None and len(pieces[0]) <= 4
              and not pieces[0].startswith("+") and cues.prepend.search(text.lower()) is None)  # not "в начале +7"
    for raw in reversed(history[-6:]):
        message = _spelled(detector, raw) if len(raw) <= _SHORT else raw
        groups = list(_GROUP.finditer(message))
        if not groups:
            asked_id = [m for m in cues.ids.finditer(cues.country_code.sub(" ", raw.lower())) if len(m.group()) >= 3]
            if asked_id and not cues.phone_only.search(raw.lower()):  # ("Globe number po": "po" is a particle)
                return None  # "Номер заказа?" / "4471" / "и 2209-88": the pieces of an identifier asked for
            asked_code = code_last and cues.prefix_question.search(raw.lower()) is not None
            if asked_code or cues.phone.search(raw.lower()) is not None:  # the words as written
                cue = True  # "can we talk by phone?"
                if code_last and len(raw) <= 40 and skipped < 2 and len(pieces) == 1:
                    skipped += 1
                    continue  # "country code?" asked between the number and its code
                break
            if len(message) <= 32 and skipped < 2:
                skipped += 1
                # "and the last bit is", "und die letzte Ziffer ist", "last wala": the next piece ends it
                told = not _APP_QUESTION.search(raw)  # "كم الباقي؟" asks; "and the last bit is" tells
                ending = ending or told and bool(cues.last_piece.search(raw.lower()) or cues.end.search(raw.lower()))
                continue  # "espera", "hold on", "щас": an interjection between the pieces
            break
        if _QUANTITY.search(raw) or _amount().search(message):
            break  # "Budget is $750", "by the 28th": the run of pieces does not reach past an amount
        if len(message) > _SHORT or len(groups) > 4:
            if cues.phone.search(raw.lower()):
                cue = True
            break
        lowered = raw.lower()
        if cues.extension.search(lowered):
            cue = True  # "Durchwahl 2291": an extension, said beside the number, is no part of it
            break
        pieces.append("".join(c for m in groups for c in m.group() if c.isdigit() or c == "+"))
        if any(m.group() not in cues.sequencer_words for m in cues.ids.finditer(cues.country_code.sub(" ", lowered))):
            return None  # "ticket 48213" then "99201": an identifier in two messages ("first part is 0917" tells)
        sequenced += cues.sequencer.search(lowered) is not None
        measured = measured or cues.measure.search(lowered) is not None
        if cues.phone.search(lowered) or pieces[-1].startswith("+"):
            cue = True  # a phone word, or "+1 212" opening an international number: the run starts here
            break
    cue = cue or pieces[-1].startswith("+")  # "+7 916" opens an international number
    cue = cue or any(cues.in_parts.search(m.lower()) for m in history[-6:])  # "I'll send it in parts"
    # "записывайте: 8 912" / "потом 604" / "и 33 18": the first piece dictated
    cue = cue or any(cues.dictation.search(m.lower()) and _GROUP.search(m) for m in history[-6:])
    # "start with 0722" / "then 581" / "and the last bit is 4419": three pieces, told in order
    cue = cue or (len(pieces) >= 3 and sequenced >= 2 and not measured)
    cue = cue or (ending and len(pieces) >= 2 and not measured)  # "07911" / "23 45" / "and the last bit is" / "62 8"
    if len(pieces) < 2 or not cue:
        return None
    if code_last or cues.prepend.search(text.lower()):
        # "and in front of it 030", "aur shuru mein 022": the area code, given last, goes first
        digits = pieces[0] + "".join(reversed(pieces[1:]))
    else:
        digits = "".join(reversed(pieces))
    from engine.detectors.phone import PhoneDetector

    phone = _detector_of(detector, PhoneDetector)
    if phone is None or not phone.min_digits <= len(digits.lstrip("+")) <= phone.max_digits:
        return None
    from engine.detectors.phone import _validate

    valid, _ = _validate(digits.lstrip("+"), digits.startswith("+"), phone.regions)
    if not valid and len(digits.lstrip("+")) < 8:
        return None  # after a phone cue, eight digits or more are a number of some plan
    earlier = "".join(reversed(pieces[1:]))
    size = len(earlier.lstrip("+"))
    # The history already held the whole number ("thanks" or "5" after it adds nothing): ten digits,
    # or an international number that is valid; "+44 20 7183 08" is ten digits and two short.
    if code_last or ending or len(pieces) >= 3 and (cues.last_piece.search(text.lower())
                                                    or cues.sequencer.search(text.lower())):
        # the country code, asked for and given last; or "0151" / "284 90" / "und zum Schluss 17",
        # "0176" / "3 1 2" / "9 8 7" / "dann noch 4 4": the sender says this piece ends or continues it
        complete = False
    elif earlier.startswith("+"):
        complete = size >= 9 and _validate(size and earlier[1:], True, phone.regions)[0]
    else:
        # ten digits, unless the writer said the number comes in pieces and the pieces go on ("Nummer
        # kommt stückweise" / "0176" / "392" / "84 1" / "6": one digit short of a German mobile)
        told = any(cues.in_parts.search(m.lower()) for m in history[-6:])
        complete = size >= 10 and (size >= 12 or not told)
    if complete:
        return None
    return _piece_span(detector, text, own)


def _substitution(detector: Detector, text: str, history: list[str]) -> bool:
    """Whether swapping the odd symbol for "@" (or joining the parts with it) yields an email."""
    candidates = [text] + history[-2:]
    for message in candidates:
        if _SYMBOLS.search(message):
            swapped = _SYMBOLS.sub("@", message)
            before = sum(h.category == "email" for h in detector.find(message))
            if sum(h.category == "email" for h in detector.find(swapped)) > before:
                return True  # the swap makes an address that was not there
    parts = re.findall(r"[\w.+-]*[a-z0-9][\w.+-]*", " ".join(candidates[::-1]).lower())
    domains = [p.strip(".") for p in parts if re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?", p)]
    users = [p.strip(".") for p in parts if re.search(r"[\d._]", p)]
    for domain in domains[-3:]:
        for user in users[-4:]:
            if user == domain or f"{user}@{domain}" in " ".join(candidates).lower():
                continue  # the address is already written out: nothing is assembled
            if any(h.category == "email" for h in detector.find(f"{user}@{domain}")):
                return True
    return False


_PART_OF = re.compile(r"\s+(?:of|de|del|da|do|du|des|von|der|des|из|من)\s", re.IGNORECASE)


def _dwelling_unit(detector: Detector, text: str, own: bool = False) -> bool:
    """Whether the message names a flat, floor, entrance or building with its number or letter
    (`own`: one that is no part of something else, as "block 2 of the budget" is)."""
    from engine.detectors.address import AddressDetector
    from engine.normalize import Text

    address = _detector_of(detector, AddressDetector)
    if address is None:
        return False
    view = Text(text, detector.rules.number_languages).folded
    if not own:
        # "y el depto es el 1204", "the flat is 12": the unit, a copula, then its number
        return address.evidence.unit.search(_COPULA.sub(" ", view.text)) is not None
    return any(_PART_OF.match(view.text, m.end()) is None for m in address.evidence.unit.finditer(view.text))


_COPULA = re.compile(
    r"\s+(?:is|es|é|est|c'est|ist|это|hai|هو|هي)(?:\s+(?:el|la|o|a|the|le|der|die|das|number|número|numéro))?\s+(?=\w)"
)


def _recent(detector: Detector, history: list[str], category: str, depth: int = 2) -> bool:
    """Whether one of the last `depth` history messages alone holds a hit of `category`."""
    return any(h.category == category for message in history[-depth:] for h in detector.find_in_history(message))


def _detector_of(detector: Detector, kind: type):
    """The detector of `kind` the rule set enabled, or None."""
    return next((d for d in detector._detectors if isinstance(d, kind)), None)


_LOCAL_NUMBER = re.compile(r"\d[\d \-./]{5,16}\d")


def _country_code_added(detector: Detector, text: str, history: list[str], cues: _Cues) -> bool:
    """Whether a short newest message tells to put a country's calling code before a local number,
    given in itself or in one of the last short messages ("add the country code of where I said
    I live", "it's the country code of where I live and then 82 614 0937")."""
    if len(text) > 200:
        return False
    lower = text.lower()
    said = cues.country_code.search(lower)
    if said is None or cues.negation.search(lower, max(0, said.start() - 30), said.start()):
        return False
    if 7 <= sum(c.isdigit() for c in _spelled(detector, text)) <= 12:
        return True
    for message in history[-3:]:
        if len(message) > _SHORT or cues.ids.search(message.lower()):
            continue
        local = _LOCAL_NUMBER.search(_spelled(detector, message))
        if local is not None and 7 <= sum(c.isdigit() for c in local.group()) <= 11:
            return True
    return False


# a message ending with top-level domains written or spoken ("e termina em ponto com ponto br")
_LABEL_FIRST = re.compile(r"[^\W\d_][^:\d@]{0,30}:\s*")
_TLD_TAIL = re.compile(r"(?:\.[a-z]{2,12}){1,3}\W*$", re.IGNORECASE)
_WRITTEN_DOMAIN = re.compile(r"\w\.[a-z]", re.IGNORECASE)


def _tld_only(detector: Detector, text: str) -> bool:
    """Whether a short message gives only top-level domains, with a few words before them ("dot
    com", "и потом точка kz", "aur last mein dot co dot in"), and no name of its own."""
    if _TLD_ONLY.match(text):
        return True
    label = _LABEL_FIRST.match(text)  # "Rest der Adresse: punkt de", "le reste : point fr"
    if label is not None and _TLD_ONLY.match(text[label.end():]):
        return True
    if len(text) > 60 or _WRITTEN_DOMAIN.search(text) or "@" in text or any(c.isdigit() for c in text):
        return False
    from engine.detectors.email import tlds
    from engine.detectors.spoken import spoken
    from engine.normalize import Text

    view = spoken(Text(text, detector.rules.number_languages)).view.text
    tail = _TLD_TAIL.search(view)
    if tail is None or len(view[:tail.start()].split()) > 7:  # "ok so just the last bit: .com"
        return False
    return all(piece.lower() in tlds() for piece in re.findall(r"\.(\w+)", tail.group()))


def _email_begun(history: list[str], cues: _Cues) -> bool:
    """Whether the last messages give an address's name and the at sign, with or without the
    domain's first part, in one message or several ("hadi" / "آت dubbingbox")."""
    joined = " ".join(history[-3:]).lower()
    return cues.partial_email.search(joined) is not None or _name_given(history, cues) == "at"


def _asks_about(category: str, question: str, cues: _Cues) -> bool:
    """Whether a question names the kind of contact of `category` (a site, an app, a number...)."""
    if category == "link":
        return cues.site.search(question) is not None or cues.contact_form.search(question) is not None
    if category == "social":
        return cues.apps.search(question) is not None
    if category == "phone":
        return cues.phone.search(question) is not None
    if category == "email":
        return cues.email_words.search(question) is not None
    return cues.where.search(question) is not None


def _chosen_app(detector: Detector, text: str, history: list[str], cues: _Cues) -> bool:
    """Whether the newest message picks an app by its place in a list of routes the last messages
    gave ("Telegram or Signal? ... Both, and Discord too" then "the second app you listed")."""
    lower = text.lower()
    if len(text) > 160 or cues.ordinal.search(lower) is None or cues.negation.search(lower):
        return False
    from engine.detectors.social import SocialDetector
    from engine.normalize import Text

    social = _detector_of(detector, SocialDetector)
    if social is None or social.apps.regex is None:
        return False
    for message in history[-3:]:
        folded = Text(message, detector.rules.number_languages).folded.text
        if len({m.group().lower() for m, _ in _routes(social, folded)}) >= 2:
            return True  # two routes or more, not "the Telegram bot or the WhatsApp one"
    return False
