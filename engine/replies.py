"""Replies that share contact a conversation already holds.

A number, an address or a handle given a few messages back is shared again, or for the first
time, by a short reply that refers to it: "yes, that one" to "is this your number? 0722 418
693", "the second, the mobile" under a list of two numbers, "7 not 1 at the end", "put a 9 in
front of it", "meant gmail not hotmail", "same on LINE". The reply holds no contact of its own;
read with the items the history gave, it does. Each kind of reply is one reading here:

- `confirmed`: a yes, a pointer ("ese mismo", "он самый", "هو ده") to a question about an item
  that holds it or follows it;
- `selected`: an ordinal, a fragment of one item's digits ("the one ending 12", "+971 wala") or
  its label ("neeche wala, Jio"), when the history lists two items or more;
- `amended`: an edit of an item's digits (a replacement "X not Y", a digit told at the end or in
  front, a country code put before it) or of an email's provider or top-level domain;
- `corrected`: a few digits changed, said beside them ("troca o 7 do meio por 1", "ends in 19
  now"), of a number or an email the last messages hold *or only ask about* ("is the number on
  your website still good?"): the one reading that needs no item in the history;
- `elsewhere`: the same handle, number or address named for another app ("et pareil sur LINE",
  "c'est aussi mon WhatsApp");
- `meeting_credentials`: the password or the sameness of a meeting the history opened.

Items are the hits `Detector.find_in_history` gives for the last few messages (cached), so a
reading costs nothing when the history holds no contact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from engine.lexicon import lazy_compile, lexicon, word_pattern

if TYPE_CHECKING:
    from engine.assembly import _Cues
    from engine.detector import Detector

_REPLY = 160  # a reply that refers to an item is short
_DEPTH = 4  # how far back an item may be
_QUESTION = re.compile(r"[?؟]")
_MEETING_NUMBER = re.compile(r"\d{3}[ -]?\d{3,4}[ -]?\d{3,5}")  # a meeting ID's digits: "921 0483 6612"
_GROUP = re.compile(r"\+?\d+")
_DOMAIN = re.compile(r"(?<![\w@])\.?[a-z0-9][a-z0-9-]*(?:\.[a-z]{2,6})+(?![\w.])")  # "gmx.fr", "bk.ru", ".com.br"
_PROVIDER_OR_TLD = re.compile(r"(?<![\w@])(?:\.[a-z]{2,6}(?![\w.])|[a-z][a-z0-9-]{2,20})", re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One piece of contact in the history: its category, its text and digits, the message it
    came from (counted back from the newest: 1 is the last), and the word that labels it on its
    line ("Jio: 70420 88157", "Mobile: 072 665 1198")."""

    category: str
    text: str
    digits: str
    back: int
    label: str


class _Words:
    def __init__(self) -> None:
        words = lexicon()
        self.replacement = word_pattern(words["replacement_words"] + words["instead_words"])
        self.end = word_pattern(words["last_piece_words"] + words["append_words"] + words["end_words"])
        self.front = word_pattern(words["prepend_words"] + words["front_words"])
        self.pointer = word_pattern(words["pointer_phrases"])
        from engine.detectors.social import load_lexicon

        self.password = word_pattern(load_lexicon("social_lexicon.json")["passcode"])  # the meeting detector's
        self.providers = frozenset(words["bare_providers"])
        self.yours = word_pattern(words["your_words"])
        self.also = word_pattern(words["also_words"])
        self.mine = word_pattern(words["my_words"])
        self.account = word_pattern(words["account_nouns"])
        self.label = lazy_compile(r"^\W*([^\W\d_][\w.'-]{1,20})\.?\s*[:：=–-]\s*$")
        # after an ordinal, what a choice among items may say: nothing, "one", a kind of contact
        self.chosen = word_pattern(["one", "number", "wala", "wali", "mobile", "fixo", "celular", "email",
                                    "correo", "on the list", "de la lista", "da lista", "de la liste",
                                    "please", "pls", "bitte", "por favor", "s'il te plaît", "svp", "пожалуйста",
                                    "من فضلك", "لو سمحت", "plz",
                                    *words["phone_context"], *words["email_request_words"]])


@lru_cache(maxsize=1)
def _words() -> _Words:
    return _Words()


def items(detector: Detector, history: list[str], depth: int = _DEPTH) -> list[Item]:
    """The contact the last `depth` history messages hold, newest message last."""
    from engine.assembly import _spelled
    from engine.scope import is_intent

    found = []
    recent = history[-depth:]
    for back, message in zip(range(len(recent), 0, -1), recent, strict=True):
        for hit in detector.find_in_history(message):
            if is_intent(hit.rule):
                continue  # "do you have Telegram?" names an app, it holds no contact
            raw = message[hit.start:hit.end]
            digits = "".join(c for c in _spelled(detector, raw) if c.isdigit())
            line_start = message.rfind("\n", 0, hit.start) + 1
            label = _words().label.match(message[line_start:hit.start])
            found.append(Item(hit.category, raw, digits, back, label.group(1).lower() if label else ""))
    return found


def replied(detector: Detector, text: str, history: list[str], cues: _Cues) -> tuple[str, str] | None:
    """(category, rule) of the item the newest message shares by referring to it, or None."""
    if len(text) > _REPLY or not history:
        return None
    lower = text.lower()
    if _may_refer(text, lower, cues):  # the history's items cost a scan of each message: read them only when needed
        if _confirmed_account(lower, history, cues):
            return "social", "social.confirmed_account"
        found = items(detector, history)
        for reading in (_selected, _amended, _confirmed, _elsewhere) if found else ():
            category = reading(detector, text, lower, history, found, cues)
            if category is not None:
                return category, f"{category}.{reading.__name__.lstrip('_')}"
    category = _corrected(detector, text, lower, history, cues)
    return (category, f"{category}.corrected") if category is not None else None


def _may_refer(text: str, lower: str, cues: _Cues) -> bool:
    """Whether a reply holds what one of the readings starts from: a few digits (an edit or a
    fragment, never a whole number), a yes, an ordinal, a sameness, or a correction naming a
    provider or a domain."""
    if (_opens_with_yes(lower, cues) or cues.ordinal.search(lower) or cues.same.search(lower)
            or _words().also.search(lower)):
        return True
    words = _words()
    editing = cues.amend.search(lower) is not None or words.replacement.search(lower) is not None
    if 0 < sum(c.isdecimal() for c in text) <= 8 and (editing or _points(lower)):
        return True
    return editing and (_DOMAIN.search(lower) is not None or any(
        m.group().lstrip(".") in words.providers or m.group().startswith(".")
        for m in _PROVIDER_OR_TLD.finditer(lower)))


def _points(lower: str) -> bool:
    """Whether a reply says where in an item its digits are, or points at one ("the one ending",
    "который", "wala", "in front")."""
    words = _words()
    return (words.pointer.search(lower) is not None or words.end.search(lower) is not None
            or words.front.search(lower) is not None)


def _groups(detector: Detector, text: str) -> list[str]:
    """The digit groups of a reply, in any script ("٢١٣", "०"); number words only when it has no
    digit ("put a nine in front"). Look-alike letters are not read here: "tira o 9 do começo"
    holds one digit, not "0 9 2"."""
    digits = "".join(str(int(c)) if c.isdecimal() else c for c in text)
    found = _GROUP.findall(digits)
    if found:
        return found
    from engine.assembly import _spelled

    return _GROUP.findall(_spelled(detector, text))


def _amended(detector: Detector, text: str, lower: str, history: list[str], found: list[Item],
             cues: _Cues) -> str | None:
    """An edit of an item: digits replaced ("7 not 1 at the end", "statt der 3 am Ende ne 8",
    "بدل ٠٤ حط ٠٥٠"), digits put in front ("put a 9 in front of it", "ضيف ٢١٣ قدامه"), a correction
    word with the item's end or its end reversed ("swapped, it's 91 not 19"); or an email's
    provider or domain replaced ("meant gmail not hotmail", "make it .ie not .com")."""
    words = _words()
    groups = [g.lstrip("+") for g in _groups(detector, text)]
    replacing = words.replacement.search(lower) is not None
    amending = cues.amend.search(lower) is not None
    size = sum(len(g) for g in groups)
    # a whole new number is the detectors' to find; up to 8 digits when they hold an item's first or
    # last group ("c'est 06 71 et pas 06 17 au début"), 6 otherwise ("it is 250 not 252" is a price)
    edges = any(len(g) >= 2 and (i.digits.startswith(g) or i.digits.endswith(g)) for g in groups for i in found)
    if groups and (size <= 6 or size <= 8 and edges):
        at_end = _near_digits(words.end, lower)
        in_front = _near_digits(words.front, lower)
        for item in reversed(found):
            if len(item.digits) < 4 or item.back > 3:
                continue
            if in_front and item.category == "phone":
                return item.category  # "put a 9 in front of it", "+91 लगाओ शुरू में"
            if at_end and item.category == "phone" and size <= 2 and cues.append.search(lower):
                return item.category  # "add a 0 at the end, I missed one"
            inside = [g for g in groups if g in item.digits]
            if replacing and (at_end or in_front) and inside:
                return item.category  # "7 not 1 at the end", "06 au début au lieu de 04"
            edge = [g for g in groups if len(g) >= 2 and (item.digits.startswith(g) or item.digits.endswith(g))]
            if replacing and edge:
                return item.category  # "بدل ٠٤ حط ٠٥٠", "19, а не 91" (with the end)
            if amending and any(item.digits.endswith(g) or item.digits.endswith(g[::-1]) for g in groups
                                if len(g) >= 2 or at_end):
                return item.category
            if (amending or replacing) and inside and (at_end or len(groups) == 2 and all(len(g) == 1 for g in groups)):
                return item.category  # "galti ho gayi, 7 nahi 1 hai end me", "o 7 tá errado, é 1", "es 6 no 8"
    if replacing or amending:
        named = {m.group().lower().lstrip(".") for m in _PROVIDER_OR_TLD.finditer(text)}
        domains = {m.group().lstrip(".") for m in _DOMAIN.finditer(text.lower())}
        named |= {label for d in domains for label in d.split(".")}
        if named:
            from engine.detectors.email import tlds

            for item in reversed(found):
                if item.category not in ("email", "link") or item.back > 3:
                    continue
                # a site's domain is the host of its address: "menuwerk.de" -> ".at nicht .de"
                domain = (item.text.lower().rsplit("@", 1)[-1] if item.category == "email"
                          else re.sub(r"^[a-z]+://", "", item.text.lower()).split("/", 1)[0])
                parts = set(re.split(r"[.\s]+", domain))
                if domain in domains and domains - {domain}:
                    return item.category  # "там bk.ru, а не mail.ru": the item's domain and its replacement
                # another provider or top-level domain than the address has, and one it has
                # ("gmail not hotmail", ".ie not .com")
                if any((n in words.providers or n in tlds()) and n not in parts for n in named) and named & parts:
                    return item.category
                if any(n in words.providers and n not in parts for n in named) and parts & words.providers:
                    return item.category  # "é hotmail, não outlook" names only the new one beside a "not"
                if any(n in words.providers and any(_one_edit(n, p) or _swapped(n, p) for p in parts if p != n)
                       for n in named):
                    return item.category  # "oksana.design@gmial.com" then "опечатка, gmail конечно": a typo fixed
    if amending:
        # the whole name again, corrected: "oups, c'est jerome.petitt avec deux t", "quer dizer, tati.ramos81"
        for token in _LOCAL_PART.findall(lower):
            for item in reversed(found):
                if item.category != "email" or item.back > 3:
                    continue
                local = item.text.lower().split("@", 1)[0]
                if token != local and len(local) >= 5 and (token.startswith(local) or local.startswith(token)
                                                         or _one_edit(token, local)):
                    return "email"
    if replacing or amending:
        # a piece of an email's local part replaced by another word: "pas fatou : fatoumata en entier"
        tokens = set(re.findall(r"[^\W\d_]{3,}", lower))
        for item in reversed(found):
            if item.category != "email" or item.back > 3:
                continue
            local = set(re.split(r"[._\-+]+", item.text.lower().split("@", 1)[0]))
            named = tokens & local
            if named and any(t not in local and any(t.startswith(n) or n.startswith(t) for n in named)
                             for t in tokens):
                return "email"
    return None


def _corrected(detector: Detector, text: str, lower: str, history: list[str], cues: _Cues) -> str | None:
    """The category of a phone number or an email the last three messages hold or ask about, which a
    short reply changes by a few digits: a swap ("troca o 7 do meio por 1", "cambia el 91 por 92"),
    a new ending ("ends in 19 now", "o final agora é 45", "но 84 вместо 83 в конце")."""
    from engine.assembly import _NUMBER_NOUN, _QUANTITY, _phone_apps, _spelled

    if len(text) > 120 or _QUANTITY.search(text):
        return None
    if not _FEW_DIGITS.search(text):
        text = _spelled(detector, text)  # "ends in nine-seven now", "agora termina em três cinco"
        lower = text.lower()
        if not _FEW_DIGITS.search(text):
            return None
    if sum(c.isdigit() for c in text) > 6 or cues.ids.search(lower):
        return None  # a whole number is judged on its own; "no, that's the ISBN, …" names an identifier
    # the change is said beside the digits it makes ("troca o 7", "ends in 19"), not elsewhere in the
    # message ("Please use ignore karo … 20 reels", "Enfin bref … 3 ou 5 déclinaisons")
    swap = cues.instead.search(lower) is not None or any(_digit_near(lower, m) for m in cues.replace.finditer(lower))
    ending = any(_digit_near(lower, m) for m in cues.last_piece.finditer(lower))
    if not (swap or ending):
        return None
    said = {g.group() for g in _FEW_DIGITS.finditer(text)}
    held: set[str] = set()
    for message in history[-3:]:
        rest = message
        for hit in sorted(detector.find_in_history(message), key=lambda h: -h.start):
            held.add(hit.category)  # an item given, or asked for ("what's your number?")
            if hit.category == "social" and _phone_apps(detector).search(message[hit.start:hit.end].lower()):
                held.add("phone")  # "¿Me pasas tu wasap?": an app that finds people by their number
            rest = rest[:hit.start] + " " + rest[hit.end:]
        if said & {g.group() for g in _FEW_DIGITS.finditer(rest)}:
            return None  # "the budget says 1,250 for 14 days" then "it's 41 not 14": another number corrected
    last = history[-1].strip() if history else ""
    if ("phone" not in held and len(history) >= 2 and 0 < len(last) <= 12 and _PIECE.fullmatch(last)
            and "phone" in detector.scan(last, history=history[:-1]).categories):
        held.add("phone")  # "+1 312" / "840" / "9177" then "wait no, it's 2 not 7 at the end": a number in pieces
    named = (cues.same.search(lower) is not None or swap)  # "same one, but …": the item only asked about
    for category, nouns in (("email", cues.email_words), ("phone", _NUMBER_NOUN)):
        if category in held or (named and any(nouns.search(m.lower()) for m in history[-3:])):
            return category
    return None


def _digit_near(lower: str, m: re.Match[str], reach: int = 14) -> bool:
    """Whether a digit stands within `reach` characters of a match, either side."""
    return _ANY_DIGIT.search(lower, max(0, m.start() - reach), min(len(lower), m.end() + reach)) is not None


_ANY_DIGIT = re.compile(r"\d")
_PIECE = re.compile(r"\+?[\d ().-]+")  # a message that is a piece of a number and nothing else
_FEW_DIGITS = re.compile(r"(?<![\d.,:/])\d{1,4}(?![\d:/]|[.,]\d)")  # "61, le pro" (not "1,5", "3.2")


_LOCAL_PART = re.compile(r"(?<![\w@.])[a-z][a-z0-9]*[._][a-z0-9._]*[a-z0-9](?![\w@]|\.[a-z])")


def _swapped(a: str, b: str) -> bool:
    """Whether two names differ by two neighbouring letters swapped ("gmail" / "gmial")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _one_edit(a: str, b: str) -> bool:
    """Whether two names differ by one letter added, dropped or changed ("petit" / "petitt")."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


def _near_digits(pattern, text: str, reach: int = 25) -> bool:
    """Whether a phrase of `pattern` stands within `reach` characters of a digit ("7 not 1 at the
    end", "ضيف ٢١٣ قدامه"), not anywhere in the message ("I start on the first 20 pages")."""
    found = False
    for m in pattern.finditer(text):
        found = True
        if any(c.isdigit() for c in text[max(0, m.start() - reach):m.end() + reach]):
            return True
    # digits in words ("put a nine in front"): the phrase anywhere in the short reply
    return found and not any(c.isdigit() for c in text)


def _selected(detector: Detector, text: str, lower: str, history: list[str], found: list[Item],
              cues: _Cues) -> str | None:
    """One item picked from a list of two or more: by its place ("the second number on the list",
    "второй, мобильный"), by a fragment of its digits ("the one ending 12", "казахстанский, который
    +7 701", "die mit 0176 am Anfang") or by its label ("neeche wala, Jio")."""
    listed = [item for item in found if item.back <= 3 and item.category in ("phone", "email", "social", "link")]
    if len({item.digits or item.text for item in listed}) < 2:
        return None
    ordinals = list(cues.ordinal.finditer(lower))
    if cues.negation.search(lower) and not ordinals:
        return None  # "no, neither" chooses nothing; "not the first one, the second" chooses
    if ordinals and len(lower.split()) <= 10 and not lower.rstrip().endswith(("?", "؟")):
        # the place alone, or with a kind of contact: "the second number", "второй, мобильный",
        # "el primero que te dije no, el segundo", "die zweite bitte"; not "the second draft", "первый этап"
        for ordinal in ordinals:
            rest = lower[ordinal.end():].lstrip()
            if not rest or not rest[0].isalnum() or _words().chosen.match(rest):
                return listed[-1].category
    if cues.negation.search(lower):
        return None
    if not (_points(lower) or _opens_with_yes(lower, cues)):
        return None
    groups = [g.lstrip("+") for g in _groups(detector, text)]
    # each group and all of them together: "+7 701" picks the number that starts 7701
    groups = [g for g in [*groups, "".join(groups)] if len(g) >= 2]
    for g in dict.fromkeys(groups):
        owners = [item for item in listed if item.digits.startswith(g) or item.digits.endswith(g)]
        if len(owners) == 1:
            return owners[0].category
    tokens = set(re.findall(r"[^\W\d_]+", lower))
    labels = [item for item in listed if item.label and item.label in tokens]
    if len(labels) == 1:
        return labels[0].category
    return None


def _opens_with_yes(lower: str, cues: _Cues) -> bool:
    """Whether the reply opens with yeses and pointers alone, up to a stop or its end: "sí, ese
    mismo", "ja genau, die mit…", "ايوه هو ده", "oui c'est bien celui-là"; not "si c'est un
    exemple…" (French "if") or "Eso dice la política"."""
    pointer = _words().pointer
    pos = len(lower) - len(lower.lstrip())
    seen = False
    while pos < len(lower):
        m = max((p.match(lower, pos) for p in (cues.affirm, pointer, cues.ordinal)),
                key=lambda m: m.end() if m else -1)  # the longest: "هو ده", not "هو" then "ده"
        if m is None or m.end() == pos:
            return seen and not lower[pos].isalnum()
        seen = True
        pos = m.end()
        while pos < len(lower) and lower[pos].isspace():
            pos += 1
    return seen


def _confirmed(detector: Detector, text: str, lower: str, history: list[str], found: list[Item],
               cues: _Cues) -> str | None:
    """A yes or a pointer ("sí, ese mismo", "c'est bien moi", "он самый", "ايوه هو ده", "the one on
    my card") to a question, in one of the last two messages, that holds an item or asks about
    one the messages before it gave."""
    if not _opens_with_yes(lower, cues):
        return None
    if cues.negation.search(lower):
        return None  # "yes, but not before the contract"
    from engine.assembly import _asks_about

    for back in (1, 2):
        if back > len(history):
            break
        question = history[-back]
        if len(question) > 240 or not _QUESTION.search(question):
            continue
        asked = question.lower()
        for item in sorted(found, key=lambda item: item.back):  # the latest message first, in its order
            if item.category == "address":
                continue  # an address is given by saying it, not by a yes
            if item.back == back and (_asks_about(item.category, asked, cues) or cues.identity.search(asked)
                                      or _words().yours.search(asked)):
                return item.category  # "Este es tu número? 664 218 3390", not "did you see @nike's ad?"
            if back < item.back <= back + 2 and _asks_about(item.category, asked, cues):
                return item.category  # "my site x.com, or SoundCloud" / "the site, is it the one with the form?"
    return None


def _confirmed_account(lower: str, history: list[str], cues: _Cues) -> bool:
    """A yes or a pointer ("Yep that one. The one with the fox.", "Да, тот. С рыжим котом на
    аватарке.", "wahi, bas aage _official lagana") to the last message's question whether the
    writer's account, page or channel is the one it names ("Is your account tarot.with.ivy or
    ivy.tarot.readings?", "¿tu cuenta es estudiocolibri.ux o colibri.estudio?"): the reply says
    which account is theirs, with no handle of its own."""
    if not _opens_with_yes(lower, cues) or cues.negation.search(lower):
        return False
    question = history[-1]
    if len(question) > 240 or not _QUESTION.search(question):
        return False
    asked = question.lower()
    words = _words()
    # the candidates may stand in the message before the question ("acho que é joao_sound ou
    # joao_sound_fx" / "o que tem foto de fone é o seu?"); Arabic says "your account" in one word
    context = " ".join(history[-3:]).lower()
    yours = words.yours.search(asked) is not None or _ARABIC_YOURS.search(asked) is not None
    return (yours and words.account.search(context) is not None and _NAMED.search(" ".join(history[-2:])) is not None)


_ARABIC_YOURS = re.compile(r"[\u0621-\u064a]{2,}\u0643(?![\u0621-\u064a])")


_NAMED = re.compile(r"[\w]+[._][\w.]+|['\u2018\u201c\u00ab\"][^'\u2019\u201d\u00bb\"\n]{3,40}['\u2019\u201d\u00bb\"]"
                    r"|(?<![\w@])@\w{3,}")  # a handle, or a quoted page name, in the question


def _elsewhere(detector: Detector, text: str, lower: str, history: list[str], found: list[Item],
               cues: _Cues) -> str | None:
    """The same handle, number or address named for another app: "et pareil sur LINE", "también el
    mismo en Line", "وبرضه نفس الشي على فايبر", "Teams is fine, the same address I gave"."""
    words = _words()
    also_mine = words.also.search(lower) is not None and words.mine.search(lower) is not None
    if (cues.same.search(lower) is None and not also_mine) or cues.negation.search(lower):
        return None  # "pareil sur LINE", "selbe Nummer", "c'est aussi mon WhatsApp" (not "I also use WhatsApp")
    if not any(item.back <= 3 and item.category in ("phone", "email", "social") for item in found):
        return None
    from engine.assembly import _detector_of, _routes
    from engine.detectors.social import SocialDetector
    from engine.normalize import Text

    social = _detector_of(detector, SocialDetector)
    if social is None or social.apps.regex is None:
        return None
    folded = Text(text, detector.rules.number_languages).folded.text
    return "social" if any(True for _ in _routes(social, folded)) else None


def meeting_credentials(text: str, history: list[str]) -> bool:
    """Whether the newest message gives a meeting's password after the history opened a meeting
    with its ID ("Zoom 921 0483 6612" then "same ID as last time, the password changed: Echecs77")."""
    if len(text) > _REPLY or not history:
        return False
    if _words().password.search(text.lower()) is None:
        return False
    from engine.assembly import _MEETING_APP

    recent = history[-3:]
    # the app and the ID may come in one message or one after the other ("запускаю зум", "идентификатор 845 120 3367")
    return (any(_MEETING_APP.search(m.lower()) for m in recent)
            and any(_MEETING_NUMBER.search(m) for m in recent))
