"""Phone numbers in any national or international form, script or spoken disguise.

A staged pipeline in the manner of phonenumbers' own matcher: mask what is certainly not a
phone number (dates, money, versions, IPs, identifiers, links), find digit runs in the
`numeric` view, reject by context (order/invoice/ISBN words, money words, units), and only
then ask phonenumbers to validate, with a cap on validations per message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

import phonenumbers

from engine.detectors import Hit, limit_hit
from engine.detectors.requests import _GENITIVE_NOUN
from engine.lexicon import WordGate, lazy_compile, lexicon, word_alternation, word_pattern
from engine.normalize import Text, View, all_number_words
from engine.regions import fictional_range, placeholder_digits, test_number
from engine.rules import RuleSet

MAX_VALIDATIONS = 160  # per message: bounds the cost of adversarial input (past it: a limit hit)

# A run of digits with short separator stretches, optionally led by "+" or "(".
#   "+44 (0)20 7946 0958", "917.555.0123", "9-1-7-5-5-5", "(11) 98765-4321"
_SEPARATORS = r"[ \-.,()/_*\[\]{}\\|~]"
# a letter of a script written without spaces (Han, kana, hangul) bounds a number like a space does:
# "我的电话号码是415-666-7777"
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CANDIDATE = re.compile(
    r"(?<![^\W" + _UNSPACED + r"])(?<![.,\-/#@&%+$])(?:\+\s?|\(\s?\+?\s?)?\d(?:" + _SEPARATORS
    + r"{0,3}\d)+(?:(?![^\W_" + _UNSPACED + r"])|(?=(?:ext|x)\.?\d))"
)
_DIGIT_GROUP = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")

def _is_range(match: re.Match[str]) -> bool:
    low, high = match.group(1), match.group(2)
    return len(low) == len(high) and int(high) > int(low) and not low.startswith("0")


def _ipv4(text: str) -> bool:
    """IP-shaped: every octet up to 255 ("819.772.40.63" is a Québec number in pairs at its end), and
    no trunk zero before the first ("079.418.27.63" is a Swiss mobile)."""
    octets = text.split(".")
    if len(octets[0]) > 1 and octets[0].startswith("0"):
        return False
    # (four groups of three, "256.256.256.256", is an address out of range, no number's grouping)
    return all(int(o) <= 255 for o in octets if o.isdigit()) or all(len(o) == 3 for o in octets)


def _dotted_version(match: re.Match[str]) -> bool:
    text = match.group()
    parts = text.lstrip("v").split(".")
    if text.startswith("v"):
        return True
    if match.start() > 0 and match.string[match.start() - 1] == "+":
        return False  # "+1.415.555.0188": an international number written with dots
    if all(len(p) == 1 for p in parts) and _single_digit_run(match.string, match.start(), match.end()) >= 7:
        return False  # "9.1.7.5.5.5.0.1.2.3": a dot after every digit hides a number; no version has 7 parts
    if len(parts) == 4 and len(parts[0]) <= 3 and all(len(p) >= 3 for p in parts[1:]) and len(parts[-1]) == 4:
        return False  # "1.415.555.0188": a country code and three groups
    if len(parts) >= 5 and len(parts[0]) <= 3 and all(len(p) >= 2 for p in parts[1:]) and (
            10 <= sum(map(len, parts)) <= 13):
        return False  # "8.914.552.07.36": a trunk prefix and the groups of a number, no version
    if len(parts[0]) >= 2 and parts[0].startswith("0") and 9 <= sum(map(len, parts)) <= 13:
        return False  # "099.1.234.567": a trunk prefix opens it (no version part is "099"), and a number's length
    return any(len(p) == 1 for p in parts) or len(parts[0]) > 4


_PO_BEFORE = re.compile(r"(?<![^\W_])(po)[ \t]*$")
_BRACKETED_TRUNK = re.compile(r"[(\s]*\+?(?:00)?([1-9]\d{0,2})\s?\(0\)")
_ONE_DIGIT_BEFORE = re.compile(r"(?:(?<!\d)\d[ .,]){1,16}$")
_ONE_DIGIT_AFTER = re.compile(r"(?:[ .,]\d(?!\d)){1,16}")


def _single_digit_run(text: str, start: int, end: int) -> int:
    """How many single digits, one separator apart, the run around text[start:end] holds."""
    before = _ONE_DIGIT_BEFORE.search(text[max(0, start - 32):start])
    after = _ONE_DIGIT_AFTER.match(text, end)
    inner = sum(ch.isdigit() for ch in text[start:end])
    return inner + (len(before.group()) // 2 if before else 0) + (len(after.group()) // 2 if after else 0)


_CURRENCY = tuple("$€£¥₹₦₽₱₺")


class _Mask(NamedTuple):
    """Something that is certainly not a phone number, masked before candidates are searched."""

    pattern: re.Pattern[str]
    triggers: tuple[str, ...] | None  # the text must hold one of these for the pattern to match at all
    accept: Callable[[re.Match[str]], bool] | None = None  # a further check on each match
    standalone: bool = False  # only when no other digit group is glued to it by one separator
    written: bool = False  # only when written in digits (nobody spells out a date, an IP or a version)


_EXTENSION = re.compile(r"[\d\-]{7,}(?:ext|x)\.?\d{1,5}")


def _coordinates(m: re.Match[str]) -> bool:
    """A latitude and a longitude in range, one of them to four decimals or more ("20.6736, -103.344";
    "1.500, 2.000" is thousands)."""
    parts = re.split(r",\s?|\s", m.group())
    latitude, longitude = (float(part) for part in parts)
    return abs(latitude) <= 90 and abs(longitude) <= 180 and max(len(p.split(".")[1]) for p in parts) >= 4


def _plausible_span(span: str) -> bool:
    """Whether "12.01.–13.02.2027" holds two days of months (day first, as the dots write them)."""
    parts = [int(p) for p in re.findall(r"\d+", span)[:4]]
    return 1 <= parts[0] <= 31 and 1 <= parts[1] <= 12 and 1 <= parts[2] <= 31 and 1 <= parts[3] <= 12


def _plausible_date(match: re.Match[str]) -> bool:
    """12/03/2025, 2025-03-12, 03.12.25: a month and a day in range, in either order; "45-09-11"
    (the end of "+375 152 45-09-11") is no date."""
    parts = [int(p) for p in re.split(r"[-./]", match.group())]
    if len(str(parts[0])) == 4 or match.group()[:4].isdigit():
        month, day = parts[1], parts[2]
        return 1 <= month <= 12 and 1 <= day <= 31
    a, b = parts[0], parts[1]
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


_MASKS = (
    # links, emails and @handles carry their own digits
    _Mask(re.compile(r"(?<!\S)\S*?(?:https?://|www\.|\.(?:com|net|org|io|co|me|ly|gg|us)/)\S*"), ("/", "www")),
    _Mask(re.compile(r"(?<!\S)[^\s@]*@\S+"), ("@",)),
    # dates: 2025-03-12, 12/03/2025, 12.03.25
    _Mask(re.compile(r"(?<![\d.\-/])(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2}))"
                     r"(?!\d|[-./]\d)"), ("-", ".", "/"), _plausible_date, written=True),
    # a day and a month without the year, written with a slash: "delivery 12/03 and 26/03"
    _Mask(re.compile(r"(?<![\d.\-/+])(?<!\d )\d{1,2}/\d{1,2}(?![\d/]|[.\-]\d| \d)"), ("/",), _plausible_date,
          written=True),
    # a span of days written day first with dots: "12.01.–13.02.2027", "24.11.-30.11."
    _Mask(re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\s?[-\u2013]\s?\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?![\d])"),
          (".", "-", "\u2013"), lambda m: _plausible_span(m.group())),
    # year ranges and spans of years: 2019-2023, 1990–2000
    _Mask(re.compile(r"(?<!\d)(?:19|20)\d{2}\s?[-/]\s?(?:19|20)?\d{2}(?!\d)"), ("-", "/")),
    # numbers of laws, decisions and documents with their year: Lei 13.709/2018, 8.078/1990, 2016/679
    _Mask(re.compile(r"(?<![\d.,/])(?:[1-9]\d{0,2}(?:\.\d{3})*\s?/\s?(?:19|20)\d{2}|(?:19|20)\d{2}/[1-9]\d{0,5})"
                     r"(?![\d/]|\s?\d)"), ("/",), None, True, True),
    # IPv4 addresses (the first octet without a leading zero: "079.418.27.63" is a Swiss mobile)
    _Mask(re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])"), (".",),
          lambda m: _ipv4(m.group()) and (len(m.group()) > 7 or _single_digit_run(m.string, m.start(), m.end()) < 7),
          True, True),
    # versions: v2.14.3, 10.0.19045.2364 (a single-digit part gives it away)
    _Mask(re.compile(r"(?<![\w.])v?\d+(?:\.\d+){2,}(?![\w.])"), (".",), _dotted_version, True, True),
    # amounts with thousands separators: 1,500,000 and 1,234.56
    _Mask(re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"), (",",)),
    # money with a currency sign on either side
    _Mask(re.compile(r"[$€£¥₹₦₽₱₺]\s?\d{1,3}(?:[,. ]?\d{3})*(?:[.,]\d{1,2})?"), _CURRENCY),
    _Mask(re.compile(r"(?<!\d)\d{1,3}(?:[,. ]?\d{3})*(?:[.,]\d{1,2})?\s?[$€£¥₹₦₽₱₺]"), _CURRENCY),
    # identifiers mixing letters and digits: INV2024001234, a3f9c2d1e5, user_12345678
    _Mask(re.compile(r"(?<![^\W_])(?=[\w-]{0,64}[a-z_])(?=[\w-]{0,64}\d)[\w][\w-]{5,}"), None,
          lambda m: _EXTENSION.fullmatch(m.group()) is None),  # "523-222-8888ext623" is a number and its extension
    # coordinates and long decimals: 51.507351, -0.127758
    _Mask(re.compile(r"(?<![\d.])-?\d{1,3}\.\d{5,}(?![\d.])"), (".",)),
    # a latitude and longitude pair with fewer decimals: 44.0521, -123.0868
    # (the digits view has read ", -" as glue by then: "44.0521 123.0868")
    _Mask(re.compile(r"(?<![\d.])-?\d{1,2}\.\d{3,}(?:,\s?|\s)-?\d{1,3}\.\d{3,}(?![\d.])"), (".",), _coordinates),
    # percentages (decimals with units are handled by the unit check)
    _Mask(re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?\s?%"), ("%",)),
    # US social security numbers: three, two and four digits ("078-05-1120"), a grouping no
    # telephone plan writes (unless a phone word stands before it)
    _Mask(re.compile(r"(?<![\d.\-])(?<!\d )\d{3}([-. ])\d{2}\1\d{4}(?![\d.\-])(?! \d)"), ("-", ".", " "),
          None, True, True),
    # numeric ranges: postcodes 2000-2234, pages 1200-1350 (same length, increasing); not after an
    # area code in brackets: "(85) 3224-7719" is a Brazilian landline, whose groups often increase
    # (nor after a group and a spaced dash: "080 - 2654 - 7190" is one number in three groups)
    _Mask(re.compile(r"(?<![\d+][-. ])(?<![\d+])(?<!\(\d\d\) )(?<!\(\d\d\))(?<!\(\d{3}\) )"
                     r"(?<!\d [-\u2013\u2014] )(?<!\d[-\u2013\u2014] )(?<!\d [-\u2013\u2014])"
                     r"(\d{4,6})\s?[-\u2013\u2014]\s?(\d{4,6})(?!\d|\s?[-.]\s?\d)"),
          ("-", "\u2013", "\u2014"), _is_range),
)


def _iban_valid(candidate: str) -> bool:
    """Whether a candidate passes the IBAN check (the first four characters moved to the end,
    letters read as 10 to 35, the number modulo 97 is 1)."""
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


# Regions whose numbers are always written with their trunk prefix when written nationally (Western
# Europe, Oceania, Africa, the Gulf, Pakistan, Bangladesh, Turkey, Ukraine): "01709 251200" is a Rotherham
# number, "1709251200" a timestamp. (Where people drop it, India's and Brazil's mobiles, Argentina's area
# codes, Russia's "8", the national reading stays open.)
TRUNK_WRITTEN = {region: phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix
                 for region in ("GB", "IE", "DE", "AT", "CH", "FR", "BE", "NL", "AU", "NZ", "BD", "ZA", "NG", "KE",
                                "GH", "EG", "MA", "SA", "AE", "PK", "TR", "UA")}


@lru_cache(maxsize=4096)
def _validate(digits: str, international: bool, regions: tuple[str, ...]) -> tuple[bool, bool]:
    """(valid, possible) for a digit string under any of the regions (or as international)."""
    possible = False
    attempts = [("+" + digits, None)] if international else []
    if international and digits.startswith("521") and len(digits) == 13:
        # Mexico's mobiles kept a "1" after +52 until 2019, and people still write it: +52 1 33 1947 0628
        attempts.append(("+52" + digits[3:], None))
    if not international:
        if len(digits) >= 10 and digits[0] != "0":
            attempts.append(("+" + digits, None))  # country code written without "+"
        attempts.extend((digits, region) for region in regions
                        if region not in TRUNK_WRITTEN or digits.startswith(TRUNK_WRITTEN[region]))
    for number, region in attempts:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return True, True
        if not possible and phonenumbers.is_possible_number(parsed):
            possible = True
    return False, possible


class PhoneDetector:
    """Finds telephone numbers, validated with phonenumbers over the rule set's regions."""

    def __init__(self, rules: RuleSet) -> None:
        settings = rules.detectors["phone"]
        self.regions = tuple(settings.get("regions", ["US", "GB", "IN"]))
        self.min_digits = settings.get("min_digits", 7)
        self.max_digits = settings.get("max_digits", 15)
        self._enough_digits = lazy_compile(r"(?:\d\D*){" + str(self.min_digits) + "}")
        words = lexicon()
        self._phone_words = word_pattern(words["phone_context"])
        # apps' names and aliases in lower case: "WA 0176 …", "TG: 0176 …" name a channel, not an identifier
        self._app_words = frozenset(a.lower() for app in rules.apps for a in (app.name, *app.aliases))
        self._intent_words = word_pattern(words["contact_intent_words"])
        self._negation = word_pattern(words["negation_cues"])
        self._mine_words = word_pattern(words["my_words"])
        self._self_cues = word_pattern(words["self_contact_cues"])
        # a verb then "me": "text me", "écris-moi", "schreib mir"
        self._me_after = lazy_compile(r"(?<![^\W_])[^\W\d_]+[\s-]+(?:me|moi|mir|mich|мне)(?![^\W_])")
        # after a negation: an article or a possessive, then at most one word ("keine echte Telefonnummer")
        # (a phone's noun, not a verb of reaching: "не пиши в таск-трекер" forbids writing there, it disowns nothing)
        reaching = set(words["call_me_words"]) | set(words["reach_me_words"])
        phone_nouns = [w for w in words["phone_context"] if w not in reaching]
        self._phone_nouns = word_pattern(phone_nouns)
        self._disown_target = lazy_compile(
            r"(?:(?:a|an|un|une|um|uma|eine?|ein)\s+)?(?:(?:real|echte|vrai|real|настоящ\w*)\s+)?"
            r"(?:" + self._phone_nouns.pattern + r"|" + word_pattern(words["my_words"]).pattern
            + r"|mine|miens?|miennes?|míos?|mías?|meus|minhas|meine|meiner)")
        # the denial as the number's label: "… die Auftragsnummer vom Lieferanten, keine Telefonnummer: 0800-55-…",
        # "not a phone number: 4471 2231 09", "no es un teléfono — 600 12 34 56"
        self._denied_label = lazy_compile(
            r"(?:" + self._negation.pattern + r"|(?<![^\W_])no(?=\s+(?:es|era|son)\s))\s+"
            r"(?:(?:é|e|es|est|is|ist|era|fue|foi|são|son)\s+)?"
            r"(?:(?:a|an|un|une|um|uma|eine?|ein)\s+)?(?:"
            + self._phone_words.pattern + r")\s*[:\-\u2013\u2014=]\s*$"
            # or after it, as Hindi puts it: "mera order number hai, phone nahi: 1800-2291-4477"
            r"|(?:" + self._phone_words.pattern + r")\s+(?:nahi|nahin|nahī|नहीं|नही)\s*[:\-\u2013\u2014=]\s*$")
        self._plain_words = frozenset(w.lower() for w in (*words["my_words"], *words["your_words"],
                                                          *words["function_words"]))
        # the first parts of the phone compounds ("telefon" of "Telefonnummer"): "Telefonnr." names a phone too
        stems = {w[:-6].rstrip("-") for w in words["phone_context"] if w.endswith("nummer") and len(w) > 6}
        self._phone_stems = re.compile("|".join(sorted(map(re.escape, stems), key=len, reverse=True)))
        self._id_words = word_pattern(words["id_context"])
        self._money_words = word_pattern([w for w in words["money_context"] if w[0].isalnum()])
        currencies = sorted((re.escape(c) for c in words["currencies"]), key=len, reverse=True)
        # "52.000-68.000 EUR", "1 200 000 ₽": an amount, the currency after it
        self._currency_after = lazy_compile(r"[ \t\u00a0]?(?:" + "|".join(currencies) + r")(?![^\W_])")
        examples = word_pattern(words["example_markers"]).pattern
        # "(e.g. 900.123.456-7)", "tipo 2400012345678", "مثل ٢٠٢٤٠٠٨٨١٢": a number given as an example
        self._example_before = lazy_compile(r"(?:" + examples + r")[\s:(]{0,3}$")
        self._example_near = lazy_compile(examples)
        self._data_cue = word_pattern(words["data_cues"])
        from engine.detectors.requests import phone_genitives

        self._phone_genitives = phone_genitives()  # (the requests' own set: "номер телефона" names the phone)
        units = word_alternation([w for w in words["units"] if w[0].isalnum()])
        self._unit_after = lazy_compile(r"\s?(?:" + units + r")(?![^\W_])")
        # "the 80206/80209/80218 ZIPs", "48213 order": an identifier's noun right after the number (short
        # ones, acronyms, in the plural too: "ZIPs", "SKUs", "IDs")
        ids = [w for w in words["id_context"] if w[0].isalnum() and " " not in w]
        acronyms = [w for w in ids if w.isascii() and w.isalpha() and len(w) <= 4]
        self._id_after = lazy_compile(r"[ \t]?(?:" + word_alternation(ids) + r"|(?P<plural>"
                                      + word_alternation(acronyms) + r")s)(?![^\W_])")

    def find(self, text: Text) -> list[Hit]:
        """Phone numbers in one prepared message."""
        hits = _vanity(text) if _VANITY_GATE.search(text.folded.text) else []
        if not self._enough_digits.search(text.numeric.text):
            return hits  # the glue view adds no digit: look for enough of them before building it
        view = text.digits
        if not any(len(_DIGIT.findall(m.group())) >= self.min_digits for m in _CANDIDATE.finditer(view.text)):
            return hits  # no run long enough: skip the masks
        masked = _mask(view.text, view, text.original)
        budget = [MAX_VALIDATIONS]
        # the cue's pattern runs only when the text holds a cue's first word (a set test)
        cue = _reversal_cue().search(view.text) if _reversal_gate().admits(text.words) else None
        if cue is not None:
            hits.extend(self._reversed(view, cue.end(), budget))
        if "@" in view.text:
            hits.extend(self._in_handles(view, budget))
        id_shapes: set[str] = set()  # shapes of candidates named as identifiers in this message
        for m in _CANDIDATE.finditer(masked):
            if budget[0] <= 0:
                hits.append(limit_hit(view, m.start(), "phone"))
                break
            raw = m.group()
            digits = "".join(ch for ch in raw if ch.isdigit())
            if len(digits) < self.min_digits:
                continue
            for start, end, rule in self._judge(text, view, masked, m.start(), m.end(), budget, id_shapes):
                a, b = view.span(start, end)
                hits.append(Hit("phone", a, b, rule))
        return hits

    def _in_handles(self, view: View, budget: list[int]) -> list[Hit]:
        """A mobile number written as the name of a payment handle or a mailbox: "9812347765@ybl"
        (a UPI address), "9812347765@gmail.com" carry the number itself."""
        hits = []
        for m in islice(_NUMBER_AT.finditer(view.text), 8):
            digits = re.sub(r"\D", "", m.group(1))
            if budget[0] <= 0 or not self.min_digits <= len(digits) <= self.max_digits:
                continue
            budget[0] -= 1
            if (_validate(digits, False, self.regions)[0] and not placeholder_digits(digits)
                    and not _looks_like_timestamp(digits) and not _DATE_FIRST.match(digits)):
                a, b = view.span(m.start(1), m.end(1))
                hits.append(Hit("phone", a, b, "phone.in_handle"))
        return hits

    def _reversed(self, view: View, after: int, budget: list[int]) -> list[Hit]:
        """Numbers written backwards after the sender says so ("read it backwards: 1742986339",
        "наоборот: 10 54 722 309 7+"): each digit run in the next few words, read from its end."""
        hits = []
        t = view.text
        for m in _CANDIDATE.finditer(t, after, min(len(t), after + 80)):
            end = m.end() + (t[m.end():m.end() + 1] == "+")
            if _counting_sequence(t[m.start():end]) or "," in t[m.start():end]:
                continue  # "the list in reverse: 1 2 3 4 5 6 7 8 9 10", "in reverse order: 2024, 2023"
            reading = t[m.start():end][::-1]
            digits = "".join(ch for ch in reading if ch.isdigit())
            international = reading.lstrip("( ").startswith("+")
            if not international and digits.startswith("00") and len(digits) > 9:
                international, digits = True, digits[2:]
            if self._accept(reading, digits, international, "phone", False, budget) == "phone.valid":
                a, b = view.span(m.start(), end)
                hits.append(Hit("phone", a, b, "phone.reversed"))
        return hits

    # -- stages ---------------------------------------------------------------------------
    def _judge(self, text: Text, view: View, masked: str, start: int, end: int, budget: list[int],
               id_shapes: set[str]):
        raw = masked[start:end]
        # Trim opening brackets that do not close, and trailing separators.
        while raw and raw[-1] in "-.(/_*[\\|~ ":
            raw, end = raw[:-1], end - 1
        before = masked[max(0, start - 40):start]
        line = before.rfind("\n")
        if line >= 0 and not before[:line].rstrip().endswith((":", "\uff1a", "=", "-", "\u2014")):
            before = before[line + 1:]  # "version: 1.3.0⏎soporte: …": a label on the line before names its own value
        after = masked[end:end + 24]
        if self._unit_after.match(after) and not (
                len(_DIGIT_GROUP.findall(raw)) >= 3 and _SPACED_GROUPS.fullmatch(raw.strip(" (+"))
                and _THOUSANDS.fullmatch(raw.strip(" (+")) is None):
            # "1 500 000 km", "2500 ml": a measure; a number in its own groups ("0917 842 3316 po", the
            # Tagalog politeness particle, not "pouces") goes on to be judged
            return []
        named = self._id_after.match(masked, end)
        if (named is not None and named.group("plural")
                and not text.original[view.starts[named.start("plural")]].isupper()):
            named = None  # "falls" is no plural of "Fall"; "ZIPs", "SKUs" are of acronyms
        elif named is not None and len(named.group().strip()) <= 3:
            a, b = view.span(end + len(named.group()) - len(named.group().lstrip()), named.end())
            if not text.original[a:b].isupper():
                named = None  # an acronym after a number is written as one ("48213 PO"); "… 3316 po?" is Tagalog
        if named is not None and not raw.lstrip("( ").startswith("+") and not _DIGIT_SOON.match(masked, named.end()):
            return []  # "the 80206/80209/80218 ZIPs convert best": the noun after the numbers says what they are
        if re.match(r"\s?(?:x|×)\s?\d", after) and (
            sum(ch.isdigit() for ch in raw) < 10 or not re.match(r"\s?x\s?\d{1,5}(?!\d)", after)
        ):
            return []  # "1920 x 1080": a dimension; "212 555 0123 x623" is a number and its extension
        code = _ALNUM_BEFORE.search(before)
        if (code is not None and not raw.lstrip("( ").startswith("+")
                and not _ARABIZI.fullmatch(code.group().rstrip(" -"))):
            return []  # "1Z 999 AA1 01 2345 6784": the digit groups of a code that has letters too
        if self._currency_after.match(masked, end) and not raw.lstrip("( ").startswith("+"):
            return []  # "Gehaltsbänder: 52.000-68.000 EUR": an amount or a range of amounts
        if _MASK_AFTER.match(view.text, end):
            return []  # "+44 20 7946 0xxx", "06 12 xx xx xx": a format with its digits masked, no one's number
        if not raw.lstrip("( ").startswith("+") and self._labelled_identifier(text, view, start, end, raw):
            return []  # "EP 3 456 789 B1", "HS 8429.52.00", "Probenummern 24-33810", "БИН 180540012345"
        if (self._disowned(masked, end) and not self._owned_before(masked, start)) or self._denied_before(
                masked, start, end):
            return []  # "0 986 435 012, das ist Bosch, keine Telefonnummer", "(номера клиента, не мои)"
        context = self._context(before, after)
        po = _PO_BEFORE.search(before) if context == "id" else None
        if po is not None:
            at = view.starts[start - len(before) + po.start(1)]
            if text.original[at:at + 2] == "po":
                # "Pls text na lang po 0917 …": Tagalog's politeness particle, not a purchase order ("PO 4471")
                context = self._context(before[:po.start(1)], after)
        example = self._example_before.search(before) if context != "id" else None
        if example is not None:
            # an example of a kind of number: what kind the sentence says ("the members' card codes
            # have 13 digits (e.g. 2400012345678)", "los NIT ... (ej. 900.123.456-7)")
            sentence = _sentence_before(masked, start - len(before) + example.start())
            context = self._context(sentence, after, skip_counts=True)
        shape = _SHAPE.sub("d", raw.strip())
        if context == "id" and not raw.lstrip("( ").startswith("+") and not _ENCODED.search(
                text.original, *view.span(start, end)):
            id_shapes.add(shape)
            return []  # "order 48213": an identifier (but no identifier starts with "+country"; nor is one
            # written in character references: "va en código: &#54;&#49;&#55; …" hides a number)
        if context != "phone" and shape in id_shapes and "-" in shape:
            return []  # "order 3321-0098-4471 is wholesale; 3321-0098-4472 retail": the same kind of id
        digits = "".join(ch for ch in raw if ch.isdigit())
        if len(digits) >= 7 and len(set(digits)) == 1:
            return []  # "5555555555", "111111111111111": one digit repeated, a placeholder
        if len(digits) >= 9 and digits.count("0") >= len(digits) - 3:
            return []  # "+7 900 000-00-00", "0000 000000": a mask or a placeholder, no one's number
        ip = _IPV4.search(raw)
        if (ip is not None and all(int(g) <= 255 for g in ip.groups()) and raw.count(".") == 3
                and len(digits) - sum(len(g) for g in ip.groups()) <= 1):
            return []  # "ping -c 2 198.51.100.9": an IP address (the link detector's), a count before it
        if _isbn(raw, digits):
            return []  # "1-56619-909-3", "978-3-16-148410-0": a book number, its check digit right
        if not raw.lstrip("( ").startswith(("+", "00")) and any(
                len(digits) in lengths and check(digits) and words.search(masked, max(0, start - 80), start) is not None
                for words, lengths, check in _CHECKED_IDENTIFIERS):
            # "Штрихкод EAN-13: … наш реальный — 4620012734518", "رقم الـIMEI حق الجوال 356938035643809":
            # an identifier named before the number, its check digit right
            return []
        national = _national_part(raw, digits)
        if len(national) >= 8 and national[2:].count("0") >= len(national) - 4:
            return []  # "+27 82 000 0000": a prefix, then zeros: a template
        if test_number(digits):
            return []  # Twilio's "+1 500 555 0006": a test number, no one's
        if fictional_range(digits) and (self._example_near.search(masked, max(0, start - 60), end + 60) or (
                self._data_cue.search(masked, max(0, start - 100), end + 100) is not None
                and not self._claimed_before(masked, start))):
            # "+1 (787) 555-0132 es de ejemplo en el IVR", "'call 1-800-555-0199 today'. Is that the final CTA or a
            # placeholder?", "un numéro bidon dans le modèle, 01 99 00 12 34": a fictional number called an example
            return []
        written = text.original[view.starts[start]:view.ends[end - 1]] if end > start else raw
        if len(_DECIMAL.findall(written)) >= 2 and not raw.lstrip("( ").startswith("+"):
            return []  # "RR 1.62 (1.34-1.95)": statistics
        if _container_number(text.original, view.starts[start], digits):
            return []  # "MSKU 4412087": an ISO 6346 freight container, its check digit right
        cut = raw.rfind("(")
        if (cut > 0 and sum(ch.isdigit() for ch in raw[:cut]) >= self.min_digits
                and _unbalanced(text.original, view.starts[start], view.ends[end - 1])):
            # "0176 2291 4408 (9-17 Uhr)": a note in brackets after the number, not a piece of it
            return self._judge(text, view, masked, start, start + len(raw[:cut].rstrip()), budget, id_shapes)
        if (_unbalanced(text.original, view.starts[start], view.ends[end - 1]) or _ORDINAL.search(written)
                or _slash_list(written)):
            # a phone's brackets close around its area code ("8 (495) 123-45-67"); a bracket opened or
            # closed between groups joins a count to a list ("Sprint 18 (24.11.–30.11.)", "(30/50/80/110)",
            # "120–135), 10 000"), and ordinals ("o 2.º, 3.º e 4.º") are places in a list
            return []
        international = raw.lstrip("( ").startswith("+")
        if not international and digits.startswith("00") and len(digits) > 9:
            international, digits = True, digits[2:]
        trunk = _BRACKETED_TRUNK.match(raw)
        if trunk is not None:  # "+44 (0)20 7946 0958", "64(0)64123456": a country code, the trunk prefix in brackets
            international, digits = True, trunk.group(1) + digits[len(trunk.group(1)) + 1:]
        disguised = self._disguised(text, view, start, end)
        if len(digits) > self.max_digits and (listed := _listed_numbers(raw)):
            # "415-666-7777, 800-443-1223", "415-666-7777 - 800-443-1223": a list of numbers, each judged
            found = []
            for a, b in listed:
                found.extend(self._judge(text, view, masked, start + a, start + b, budget, id_shapes))
            return found
        if len(digits) > self.max_digits:
            if context != "phone" and not disguised:
                return []  # a long run of digit groups with nothing saying "phone": test data, ids
            return self._split(text, view, masked, start, end, context, budget)
        verdict = self._accept(raw, digits, international, context, disguised, budget)
        return [(start, end, verdict)] if verdict else []

    def _accept(self, raw: str, digits: str, international: bool, context: str | None,
                disguised: bool, budget: list[int]) -> str | None:
        if len(digits) < self.min_digits or len(digits) > self.max_digits:
            return None
        separated = any(not ch.isdigit() for ch in raw.strip("+( "))
        if context == "money" and not (international or disguised):
            return None
        if "," in raw and not (international or disguised or context == "phone"):
            return None  # "120, 340, 560": a list of numbers unless the text says phone
        if len(digits) <= 8 and not international and not disguised and context != "phone":
            return None  # a short national number is a phone number only when the text says so
        if not separated and not international and not disguised and context != "phone":
            # A bare run: a timestamp, an id or a count unless it reads as a phone number.
            if len(digits) < 10 or _looks_like_timestamp(digits) or len(digits) > 13:
                return None
        if not international and _looks_like_amount(raw, digits):
            return None  # "4500000", "5 000 000": a round amount or count
        if not disguised and _counting_sequence(raw):
            return None  # "1 2 3 4 5 6 7 8 9 10", "1 1 2 3 5 8 13 21": a list of numbers
        budget[0] -= 1
        valid, possible = _validate(digits, international, self.regions)
        if valid:
            return "phone.valid"
        if possible and (context == "phone" or disguised or _phone_shaped(raw)):
            return "phone.possible"
        if context == "phone" and len(digits) >= 8 and (separated or international or disguised):
            # "llámame al 5123 4567": the text says phone, and the number plan is one of the
            # world's 240 that the rule set's regions do not list
            return "phone.cued"
        return None

    def _split(self, text: Text, view: View, masked: str, start: int, end: int, context: str | None,
               budget: list[int]) -> list[tuple[int, int, str]]:
        """Several numbers in one run ("917 555 0123 / 646 555 0199"): take valid stretches."""
        groups = [(g.start() + start, g.end() + start) for g in _DIGIT_GROUP.finditer(masked[start:end])]
        found = []
        i = 0
        while i < len(groups) and budget[0] > 0:
            for j in range(min(len(groups), i + 7), i, -1):
                a, b = groups[i][0], groups[j - 1][1]
                raw = masked[a:b]
                digits = "".join(ch for ch in raw if ch.isdigit())
                if not self.min_digits <= len(digits) <= self.max_digits:
                    continue
                international = a > 0 and masked[a - 1] == "+"
                if international:
                    a -= 1
                rule = self._accept(raw, digits, international, context, self._disguised(text, view, a, b), budget)
                if rule:
                    found.append((a, b, rule))
                    i = j
                    break
            else:
                i += 1
        return found

    def _context(self, before: str, after: str, skip_counts: bool = False) -> str | None:
        """'phone', 'id' or 'money' from the nearest context word before the number; with
        `skip_counts`, a phone word after a number ("13 digits") is a count, not a cue."""
        compound = _COMPOUND_NUMBER.search(before)
        if compound is not None and not self._phone_stems.match(compound.group(1)):
            return "id"  # "Ticketnummer ist 2024-118-4471", "Vorgangs-Nr. 3318-7790": the number of a thing
        nearest, kind = -1, None
        phone_spans: list[tuple[int, int]] = []
        for pattern, name in ((self._phone_words, "phone"), (self._id_words, "id"), (self._money_words, "money")):
            for m in pattern.finditer(before):
                if skip_counts and name == "phone" and _counted(before, m.start()):
                    continue  # "13 dígitos", "three calls a week": a count of something, not a cue
                if name == "phone":
                    phone_spans.append((m.start(), m.end()))
                elif name == "id" and any(a < m.start() and m.end() <= b for a, b in phone_spans):
                    continue  # "visiting card", "Visitenkarte": the card is a phone word's own
                if m.end() > nearest or (m.end() == nearest and name == "id"):
                    nearest, kind = m.end(), name
        if kind == "id" and before[nearest:].strip() == ",":
            kind = None  # "text me po, 0917 ...": a word cut off by a comma names nothing after it
        if kind == "id" and any(self._mine_words.match(before, c.end()) for c in _NEW_CLAUSE.finditer(before, nearest)):
            kind = None  # "in case the chat fails, my line: 0806 …": a new clause claims the number
        tail = before.rstrip()
        if tail.endswith("=") and _PHONE_KEY.search(tail):
            return "phone"  # "ALERT_PHONE=+57...", "tel = 06 47 ...": a key that names a phone
        if tail.endswith(("#", "№", "=")):
            return "id"  # "#48213", "№ 5", "MAX = 2147483647"
        if kind == "phone":
            # "order number", "tracking no", "رقم الشحنة": a number word naming an identifier
            m = [m for m in self._phone_words.finditer(before) if m.end() == nearest][-1]
            # only the words touching it: a decoy id earlier ("ref 1015838 call me ...") names nothing here
            prev = _WORDS_BEFORE.search(before, 0, m.start())
            owner = _HAS_THE.search(before, 0, m.start())
            near = ((owner.group(1) + " " if owner else "") + (prev.group() if prev else "") + " "
                    + before[m.end():m.end() + 16])
            if self._id_words.search(near) and not self._id_words.fullmatch(m.group()):
                return "id"
            genitive = _WORD_AFTER_NUMBER_WORD.match(before, m.end())
            if (m.group() in ("номер", "номера") and genitive is not None
                    and _GENITIVE_NOUN.fullmatch(genitive.group(1)) and genitive.group(1) not in self._phone_genitives):
                return "id"  # "номер операции 3318-7790-12": the number of a thing named in the genitive
            # "call stack", "contact count", "sms gateway": the word names a thing, not a call
            following = _NEXT_WORD.match(before, m.end())
            if following is not None and following.group(1) in _NOT_A_CALL:
                return None
        if kind is None:
            listed = self._id_words.search(after[:24])
            # (one short word may come between: "300012345600003، ورقم أمر الشراء PO-7781", "…, и КПП …")
            if listed is not None and re.match(r"[\s,;،:]{1,3}(?:\S{1,6}\s+)?$", after[:listed.start()]) and re.match(
                    r"\s*[#№:]?\s*(?:(?:[a-z]{1,4}-?)?\d|[a-z]{1,4}-?x{2})", after[listed.end():listed.end() + 10]):
                return "id"  # "7707083893, КПП 773601001": one of a list of a company's identifiers
            cue = self._phone_words.search(after[:20])
            # a short label after a number counts in brackets or after a mark ("555 0123 (mob)",
            # "– tel"); bare, it is a unit or a word of its own ("24-33842): pH 6,8")
            if cue is not None and (len(cue.group()) > 3 or re.search(r"[(\[/\-–|]\s*$", after[:cue.start()])):
                return "phone"
        return kind

    def _disowned(self, t: str, end: int) -> bool:
        """Whether the clause after a number denies it is a phone or the writer's: a negation, then
        within a few words a phone word or a possessive ("keine Telefonnummer", "not a phone number",
        "не мои", "pas les miens", "no son míos")."""
        after = _CLAUSE_END.split(t[end:end + _DISOWN_REACH])[0]
        for m in self._negation.finditer(after):
            rest = after[m.end():m.end() + 28]
            rest = _COPULA.sub("", rest, count=1)  # "não é telefone", "no es un teléfono": the verb, then the noun
            target = self._phone_nouns.match(rest.lstrip(" ,:-")) or self._disown_target.match(rest.lstrip())
            if target is None:
                continue
            # the rest of the clause may still claim it: "— text me, not call", "مش رقم أمريكي، رقمي الأردني"
            others = after[:m.start()] + " " + rest.lstrip(" ,:-")[target.end():] + after[m.end() + 28:]
            return not (self._mine_words.search(others) or self._intent_words.search(others)
                        or self._self_cues.search(others) or self._me_after.search(others))
        return False

    def _denied_before(self, t: str, start: int, end: int) -> bool:
        """Whether the number's label denies it is a phone ("keine Telefonnummer: 0800-55-4471-2") and
        the clause after it claims nothing ("not a phone number: 0171 …, that's mine" does)."""
        if self._denied_label.search(t, max(0, start - 48), start) is None:
            return False
        after = _CLAUSE_END.split(t[end:end + _DISOWN_REACH])[0]
        return not (self._mine_words.search(after) or self._intent_words.search(after)
                    or self._self_cues.search(after) or self._me_after.search(after)
                    or not self._app_words.isdisjoint(re.findall(r"[^\W\d_]+", after.lower())))

    def _claimed_before(self, t: str, start: int) -> bool:
        """Whether the clause before a number claims it or asks to be reached on it ("call me on …")."""
        said = _CLAUSE_END.split(t[max(0, start - _DISOWN_REACH):start])[-1]
        return self._owned_before(t, start) or self._me_after.search(said) is not None or (
            self._self_cues.search(said) is not None)

    def _owned_before(self, t: str, start: int) -> bool:
        """Whether the sentence before a number claims it or offers contact ("my number is …")."""
        said = _CLAUSE_END.split(t[max(0, start - _DISOWN_REACH):start])[-1]
        return self._mine_words.search(said) is not None or self._intent_words.search(said) is not None

    def _labelled_identifier(self, text: Text, view: View, start: int, end: int, raw: str) -> bool:
        """A number whose shape or label, as written, names an identifier of another kind: a patent
        publication (an office's two capitals before it, a kind code after: "US 10,845,221 B2"), a
        customs tariff code ("8429.52.00", "6907.21.1005"), a German compound ending in -nummer or
        -nr. ("Probenummern", "Versicherungsschein-Nr."), or an acronym in capitals that names no
        phone or app ("БИН 180540012345", "CIP 184512")."""
        a, b = view.span(start, end)
        written_before = text.original[max(0, a - 40):a]
        written_after = text.original[b:b + 6]
        if _TARIFF.fullmatch(raw.strip()):
            return True
        digits = sum(c.isdigit() for c in raw)
        vat = _VAT_BEFORE.search(text.original[max(0, a - 6):a])
        if 8 <= digits <= 12 and vat is not None and text.original[a:a + 1].isdigit():
            return True  # "DE 283 449 117, und die Bestellnummer …": a VAT identification number
        if _OFFICE_BEFORE.search(written_before) and (_KIND_CODE_AFTER.match(written_after)
                                                     or _KIND_CODE_END.search(text.original, a, b)):
            return True
        label = _LABEL_BEFORE.search(written_before)
        if label is None:
            return False
        word = label.group("word")
        lower = word.lower()
        if self._phone_words.fullmatch(lower) or lower in self._app_words:
            return False
        if _COMPOUND_NUMBER.search(lower):
            return not self._phone_stems.match(lower)  # "Telefonnummer", "Handynr." name a phone
        if label.group("sign") and label.group("sign") != "#" and len(word) >= 2 and lower not in self._plain_words:
            # a noun numbered with "№", "nº", "No.": "DI nº 25/0123456-7", "патент на перевод № 7701-25-0041"
            # ("my no. 98…", "WhatsApp nº …", "Tel. No. …" name a phone)
            return not self._intent_words.search(written_before.lower())
        # an acronym labels registers in documents, not in chat ("call me ASAP 0176 …" stays a number)
        said = written_before[:label.start()].lower()
        return (len(text.original) >= _DOCUMENT and len(word) >= 2 and word.isupper() and word.isalpha()
                and not self._phone_words.search(said) and not self._intent_words.search(said))

    @staticmethod
    def _disguised(text: Text, view: View, start: int, end: int) -> bool:
        """Whether the original span hides the digits: words, other scripts, invisibles."""
        a, b = view.span(start, end)
        return _hides_digits(text.original[a:b])


# Vanity numbers: "1-800-FLOWERS", "(888) GO-TIDAL", "1300 PLUMBER": a toll-free or service
# prefix, then letters for the digits of the telephone keypad (ITU E.161).
_VANITY_GATE = re.compile(r"(?<!\d)0?(?:8(?:00|33|44|55|66|77|88)|1[38]00)(?!\d)")
_VANITY = re.compile(
    r"(?<![\w+])(?:\+?1[\s.\-]?)?\(?(?P<prefix>0?8(?:00|33|44|55|66|77|88)|1[38]00)\)?[\s.\-]?"
    r"(?P<rest>[a-z0-9]+(?:[.\-][a-z0-9]+)*)(?![\w])"
)
_KEYPAD = {c: str(d) for d, letters in enumerate(("", "", "abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"))
           for c in letters}


def _vanity(text: Text) -> list[Hit]:
    view = text.folded
    hits = []
    for m in _VANITY.finditer(view.text):
        rest = re.sub(r"[\s.\-]", "", m.group("rest"))
        letters = sum(c.isalpha() for c in rest)
        if letters and set(c for c in rest if c.isalpha()) <= {"x"}:
            continue  # "1800-XXX-XXXX": the digits masked, a placeholder and no vanity number
        digits = len(rest) if m.group("prefix").startswith("8") else len(rest) + 1
        # "800-RAWDA": the Gulf's toll-free numbers are short (but "1800 UNITS" is a count)
        short = (m.group("prefix") == "800" and not m.group().lstrip("(+").startswith("1")
                 and view.text[m.end("prefix"):m.start("rest")] == "-")  # "the 800 METER run" is a distance
        shortest = 5 if short else 6
        if letters < 3 or not shortest <= digits <= 10:
            continue
        a, b = view.span(m.start(), m.end())
        word = text.original[view.starts[m.start("rest")]:b]
        if not all(c.isupper() for c in word if c.isalpha()):
            continue  # vanity numbers are written in capitals: "1-800-Flowers" in prose is a name
        hits.append(Hit("phone", a, b, "phone.vanity"))
    return hits


_PLAIN_CATEGORIES = frozenset({"Pd", "Zs", "Po", "Ps", "Pe"})


# digits written as character references or percent-escapes ("&#54;", "&#x36;", "%36")
_ENCODED = re.compile(r"&#(?:[xX][0-9a-fA-F]{1,6}|\d{1,7});?|%3\d")


def _hides_digits(original: str) -> bool:
    """Letters, compatibility forms, symbols, invisibles or character references among the digits.
    Dashes, spaces and punctuation of any script and a script's own digits (Arabic-Indic,
    Devanagari) hide nothing."""
    if _ENCODED.search(original):
        return True
    if original.isascii():
        return any(ch.isalpha() for ch in original)
    for ch in original:
        if ch.isascii():
            if ch.isalpha():
                return True
            continue
        category = unicodedata.category(ch)
        if category in _PLAIN_CATEGORIES:
            continue
        if category == "Nd" and unicodedata.normalize("NFKC", ch) == ch:
            continue
        return True
    return False


_GLUED_BEFORE = re.compile(r"\d[ \-]$")
_GLUED_AFTER = re.compile(r"[ \-]\d")


def _reversal_cues() -> list[str]:
    from engine.detectors.social import load_lexicon

    return load_lexicon("social_lexicon.json")["reversal_cues"]


@lru_cache(maxsize=1)
def _reversal_cue() -> re.Pattern[str]:
    """The sender saying the number is written backwards (the social lexicon's reversal cues)."""
    return word_pattern(_reversal_cues()).compiled()


@lru_cache(maxsize=1)
def _reversal_gate() -> WordGate:
    return WordGate(_reversal_cues())


@lru_cache(maxsize=1)
def _phone_cue_before() -> re.Pattern[str]:
    words = word_pattern(lexicon()["phone_context"]).pattern
    return re.compile(words + r"[\s:=\-]{0,4}(?:is|es|é|est|ist|это|هو|hai)?[\s:=\-]{0,3}$")


def _cued(text: str, start: int) -> bool:
    """Whether a phone word stands right before `start` ("Nummer: 0151.22.84.60.73.9"): what
    follows is no version or IP address."""
    return _phone_cue_before().search(text, max(0, start - 40), start) is not None


def _mask(text: str, view: View | None = None, original: str = "") -> str:
    """`text` with the digits of every mask's matches made "x". A value written in words or
    disguised letters is never data: nobody spells a date, an IP or a version number out."""
    chars = None
    for mask in _MASKS:
        if mask.triggers is not None and not any(c in text for c in mask.triggers):
            continue  # the cheap look: this mask cannot match here
        for m in mask.pattern.finditer(text):
            if mask.accept is not None and not mask.accept(m):
                continue
            if view is not None and mask.written:
                a, b = view.span(m.start(), m.end())
                if a < b and _hides_digits(original[a:b]):
                    continue
                if mask.standalone and (
                    _GLUED_BEFORE.search(original, max(0, a - 2), a) or _GLUED_AFTER.match(original, b)
                    or _cued(text, m.start())
                ):
                    continue  # "+1 415.555.0188 2": groups of a longer number as written, not a version
            if chars is None:
                chars = list(text)
            for k in range(m.start(), m.end()):
                if chars[k].isdigit():
                    chars[k] = "x"
    if view is not None and original and _IBAN_HINT.search(original):
        # IBANs, by their check digits, on the text as written ("IL62 0108 ..." before any letter
        # is read as a look-alike digit)
        for m in _IBAN.finditer(original):
            if _iban_valid(m.group()):
                if chars is None:
                    chars = list(text)
                for k, (a, b) in enumerate(zip(view.starts, view.ends, strict=False)):
                    if m.start() <= a and b <= m.end() and chars[k].isdigit():
                        chars[k] = "x"
    return "".join(chars) if chars is not None else text


# an IBAN (ISO 13616): a country, two check digits, then up to 30 letters and digits, often in fours
_IBAN = re.compile(r"(?<![\w-])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?(?![\w-])")
_IBAN_HINT = re.compile(r"[A-Za-z]{2}\d{2}[ ]?[A-Za-z0-9]{4}")


_SHAPE = re.compile(r"\d")
# "1.62", "9,8", not a group of "06.12.34.56" or "06,12,34"
_DECIMAL = re.compile(r"(?<![\d.,])\d{1,2}[.,]\d{1,3}(?![\d.,])")


def _national_part(raw: str, digits: str) -> str:
    """The digits after a '+country' code or a trunk '0' (a rough cut, for masks)."""
    if raw.lstrip("( ").startswith("+"):
        first = re.match(r"\+?\s*\(?(\d{1,3})", raw.lstrip("( "))
        return digits[len(first.group(1)):] if first else digits
    return digits[1:] if digits.startswith("0") else digits
_IPV4 = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.]?\d)")
_BARCODE_WORDS = re.compile(r"(?<![^\W_])(?:ean|ean-?8|ean-?13|gtin|upc|barcode|bar code|código de barras|"
                            r"codigo de barras|code-barres|code barre|strichcode|штрихкод\w*|باركود|الباركود|бар-код)"
                            r"(?![^\W_])", re.IGNORECASE)


def _luhn(digits: str) -> bool:
    """Whether digits pass the Luhn check (IMEIs, payment cards): every second digit from the right
    doubled, the sum a multiple of ten."""
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


_IMEI_WORDS = re.compile(r"(?<![a-z0-9])(?:imei|imeis|meid)(?![a-z0-9])", re.IGNORECASE)  # "رقم الـIMEI"
_CARD_WORDS = re.compile(r"(?<![^\W_])(?:card|credit card|debit card|visa|mastercard|amex|tarjeta|cartão|cartao|"
                         r"carte bancaire|carte|kreditkarte|karte|карта|карты|карту|بطاقة|البطاقة)(?![^\W_])",
                         re.IGNORECASE)


def _gtin(digits: str) -> bool:
    """Whether digits pass the GS1 check digit of GTIN-8/12/13/14 (weights 3 and 1 from the right)."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def _isbn(raw: str, digits: str) -> bool:
    """Whether a hyphenated run is an ISBN: four groups of ten digits whose ISBN-10 check holds
    (weights 10 to 1, modulo 11), or five groups of thirteen from 978 or 979 whose EAN check holds."""
    groups = raw.strip("+( ").count("-") + 1
    if groups == 4 and len(digits) == 10:
        return sum((10 - i) * int(d) for i, d in enumerate(digits)) % 11 == 0
    if groups == 5 and len(digits) == 13 and digits[:3] in ("978", "979"):
        return sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    return False


# Identifiers with a check digit, named before a number (python-stdnum's algorithms): a barcode
# (GS1 GTIN-8/12/13/14), an IMEI (15 digits, Luhn) or a payment card (13 to 19 digits, Luhn)
_CHECKED_IDENTIFIERS = (
    (_BARCODE_WORDS, (8, 12, 13, 14), _gtin),
    (_IMEI_WORDS, (15,), _luhn),
    (_CARD_WORDS, tuple(range(13, 20)), _luhn),
)


_OWNER_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{3}[UJZ])[ \t]?$")


def _container_number(original: str, pos: int, digits: str) -> bool:
    """Whether the digits at `pos` complete an ISO 6346 container number: an owner code of three
    capitals and U, J or Z right before, then six digits and a check digit ("MSKU 4412087"). The
    shape decides: people quote container numbers from memory, check digit and all, and a phone
    number never follows four capitals ending in U, J or Z."""
    return len(digits) == 7 and _OWNER_CODE.search(original, max(0, pos - 6), pos) is not None
_ALNUM_BEFORE = re.compile(r"(?<![^\W_])(?:[a-z]+\d+[a-z]*|\d+[a-z]+\d*)[ -]$")
# an Arabic word in Latin letters, its one digit a letter Latin lacks ("ra2mi", "7akini", "ba3d"): a
# word, not a code; a code's digits run or end it ("aa1", "mp3", "a3f9")
_ARABIZI = re.compile(r"[a-z]*[aeiouy][a-z]*[235679][a-z]*[aeiouy]?[a-z]*|[235679][a-z]*[aeiouy][a-z]+")
# masked digits go on the number: attached ("0xxx"), after a dash or dot ("-XXXX"), or as two groups
# ("xx xx"); a lone " xx" after a number is a sign-off ("call me 0612345678 xx"), not a mask
_MASK_AFTER = re.compile(r"(?:[ .\-]?\d{1,3}|[.\-]|[ ][x#*•]{2,}[ .\-])[x#*•]{2,}(?![^\W\d_])")
_COUNTED = re.compile(r"(?:\d|([^\W\d_]+))[ \u00a0]?$")


def _counted(before: str, pos: int) -> bool:
    """Whether a number, in digits or words, stands right before `pos` ("13 digits", "three calls")."""
    m = _COUNTED.search(before, max(0, pos - 16), pos)
    return m is not None and (m.group(1) is None or m.group(1) in all_number_words())
_SENTENCE_END = re.compile(r"[.!?؟。]\s|\n")


def _sentence_before(t: str, pos: int, reach: int = 200) -> str:
    """The text of the sentence before `pos` (at most `reach` characters)."""
    a = max(0, pos - reach)
    ends = [m.end() for m in _SENTENCE_END.finditer(t, a, pos)]
    return t[ends[-1] if ends else a:pos]
_PHONE_KEY = re.compile(r"(?:phone|mobile|cell|tel|whatsapp|wa|sms|contact)[\w]*[\"']?\s*=$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
# Identifier shapes and labels read from the written text (see `PhoneDetector._labelled_identifier`)
_DOCUMENT = 300  # characters: a message this long may be a document with labelled registers
# the Harmonized System's chapter.heading.subheading ("8429.52.00"), and the EAEU's ten-digit
# grouping 4-2-3-1 ("8483.40.890 9", "6204 43 000 0")
_TARIFF = re.compile(r"\d{4}\.\d{2}\.\d{2}(?:\d{2})?|\d{4}[ .]\d{2}[ .]\d{3}[ .]\d")
# an EU VAT number's country prefix right before its digits ("DE 283 449 117", "ATU 12345678")
_VAT_BEFORE = re.compile(r"(?<![^\W\d_])(?:AT ?U|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT"
                         r"|RO|SE|SI|SK|CHE|GB) ?[-.]?$")
_OFFICE_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z]{2}\s?$")  # a patent office: US, EP, DE, BR, CN, WO
_KIND_CODE_AFTER = re.compile(r"\s?[ABCU][1-9]?(?![^\W_])")  # WIPO ST.16 kind codes: A1, B2, U, C
_KIND_CODE_END = re.compile(r"\s[ABCU][1-9]?$")  # the digits view may read "B1" into the candidate
# the word written just before a number, after at most a colon, "No." or "№"
_LABEL_BEFORE = re.compile(
    r"(?<![^\W_])(?P<word>[^\W\d_][^\W\d_.\-]*(?:-?nr\.?)?)\s*(?::|(?P<sign>№|#|no\.|nº|n°))?\s*$", re.IGNORECASE)
_COMPOUND_NUMBER = re.compile(r"..(?:nummer|nummern|nr\.?)$")
_LIST_BREAK = re.compile(r"\s*[,;]\s+|\s+/\s+|\s+[-\u2013\u2014]\s+")


def _listed_numbers(raw: str) -> list[tuple[int, int]]:
    """The spans of the numbers of a list written as one run of digit groups, split at a comma, a
    semicolon or a spaced slash or dash, when every item has seven digits or more in groups of its own
    (so "080 - 2654 - 7190", one number in spaced groups, stays whole)."""
    spans, pos = [], 0
    for m in _LIST_BREAK.finditer(raw):
        spans.append((pos, m.start()))
        pos = m.end()
    if not spans:
        return []
    spans.append((pos, len(raw)))
    if any(sum(ch.isdigit() for ch in raw[a:b]) < 7 or raw[a:b].strip().isdigit() for a, b in spans):
        return []  # a short item, or a bare run ("7501031311309, 7501055300074" are EAN codes): no list of numbers
    return spans


# "9812347765@ybl", "9958 213 407@ybl": a number, its groups spaced or not, as a handle's name
_NUMBER_AT = re.compile(r"(?<![\w.+-])(\d(?:[ \-]?\d){8,12})@[a-z][a-z0-9-]{1,20}(?![\w@])")
_DIGIT_SOON = re.compile(r"[\s:#№-]{0,3}\d")
_NEW_CLAUSE = re.compile(r"[,;:\n]\s*")  # a clause break before a possessive (see `PhoneDetector._context`)
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_]+[\s:.#-]{1,3}){1,2}$")
# a thing that has the number: "die Sendung hat die Nummer …", "the parcel has the number …"
_HAS_THE = re.compile(r"([^\W\d_]+)\s+(?:hat|has|had|tiene|tem|a|имеет|لها|له)\s+"
                      r"(?:(?:die|the|el|o|le|la|eine|a)\s+)?$")
_NOT_A_CALL = frozenset({
    "stack", "stacks", "volume", "volumes", "center", "centre", "centers", "log", "logs", "graph", "count", "counts",
    "duration", "durations", "recording", "recordings", "quality", "rate", "rates", "sheet", "option", "options",
    "back", "site", "sign", "chain", "api", "function", "method", "methods", "gateway", "gateways", "form", "forms",
    "list", "lists", "field", "fields", "page", "pages", "database", "sync", "import", "export", "manager", "book",
    "limit", "limits", "queue", "queues", "traffic", "minutes", "cost", "costs", "metrics", "campaign",
})
_SPACED_GROUPS = re.compile(r"\d+(?:\s?[-\u2013\u2014]?\s?\d+)+")  # groups apart by spaces and dashes only
_WORD_AFTER_NUMBER_WORD = re.compile(r"\s+([а-яё]+)(?![а-яё])")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .,]\d{3})+")


_AMOUNT_RANGE = re.compile(r"\d{1,3}(?:[ .]\d{3})+\s?[-\u2013\u2014]\s?\d{1,3}(?:[ .]\d{3})+")


def _looks_like_amount(raw: str, digits: str) -> bool:
    """Round amounts and counts: "4500000", "5 000 000", "1.200.000"; a range of thousands-grouped
    amounts ("31 500–33 000")."""
    shape = raw.strip()
    if _AMOUNT_RANGE.fullmatch(shape):
        return True
    if _THOUSANDS.fullmatch(shape) and shape.endswith("000"):
        return True
    return shape.isdigit() and digits.endswith("00000")


def _counting_sequence(raw: str) -> bool:
    """A list or a sequence, not a phone number: six or more groups that never decrease, or
    three or more groups of one length in equal steps."""
    texts = re.findall(r"\d+", raw)
    groups = [int(g) for g in texts]
    if len(groups) >= 6 and all(a <= b for a, b in zip(groups, groups[1:], strict=False)):
        return True
    # "2019 2020 2021", "10 20 30 40": three or more groups of one length in equal non-zero steps
    # no larger than the groups' leading place ("98 76 54 32 10" steps by 22: digits read down)
    steps = {b - a for a, b in zip(groups, groups[1:], strict=False)}
    sizes = {len(g) for g in texts}
    return (len(groups) >= 3 and len(steps) == 1 and len(sizes) == 1 and 0 < abs(next(iter(steps)))
            <= 10 ** (next(iter(sizes)) - 1))


_DISOWN_REACH = 60
_COPULA = re.compile(r"^\s*(?:é|e|es|est|is|ist|era|fue|foi|são|son)\s+")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_SLASH_LIST = re.compile(r"\d{2,3}(?:/\d{2,3}){3,}")  # "30/50/80/110": values listed with slashes, in order
_ORDINAL = re.compile(r"\d\.?[ºª]")  # "2.º", "3ª": ordinal indicators (a bare "º" after "n" is a number sign)


def _slash_list(written: str) -> bool:
    """Values listed with slashes, not a number's groups: in increasing order ("(30/50/80/110)"),
    three or more with one repeated ("97/100/100/100", Lighthouse scores) or with an amount among
    them ("900 / 1.500 / 800", "1 500 / 2 400 / 1 000"). "917/555/0123" stays a number's groups."""
    shape = written.strip("() ")
    items = [item.strip() for item in shape.split("/")]
    if len(items) >= 3 and all(sum(ch.isdigit() for ch in item) >= 2 for item in items):
        # (a digit to each slash is a disguise: "9/8/4/1/2/3/3/7")
        if len(set(items)) < len(items) or any(_THOUSANDS.fullmatch(item) for item in items):
            return True
    if not _SLASH_LIST.fullmatch(shape):
        return False
    values = [int(v) for v in shape.split("/")]
    return all(x < y for x, y in zip(values, values[1:], strict=False))


def _unbalanced(original: str, a: int, b: int) -> bool:
    """Whether the brackets of the candidate original[a:b] fail to pair up, counting a bracket just
    outside it ("(0800 726 7232)", "abc(415)6667777" whose candidate starts after the bracket)."""
    before = original[max(0, a - 3):a].rstrip()
    after = original[b:b + 3].lstrip()
    depth = 1 if before.endswith(("(", "[")) else 0
    closing = 1 if after.startswith((")", "]")) else 0
    for ch in original[a:b]:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                return True
    return depth not in (0, closing)


# a German compound naming what a number is the number of ("Ticketnummer", "Kunden-Nr."), right before it
_COMPOUND_NUMBER = re.compile(r"(?<![^\W_])([^\W\d_]{3,}?)-?(?:nummer|nr\.?)"
                              r"(?:\s+(?:ist|lautet|war|wäre))?\s*[:#]?\s*$")
_DATE_FIRST = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")  # "20241201…": a date and time


def _looks_like_timestamp(digits: str) -> bool:
    return (len(digits) in (10, 13)) and digits[:2] in ("15", "16", "17", "18", "19")


def _phone_shaped(raw: str) -> bool:
    """Formats people write phone numbers in: (415) 555-0123, 415-555-0123, 06 12 34 56 78."""
    shape = re.sub(r"\d", "d", raw.strip())
    return bool(re.fullmatch(
        r"\+.*|\(ddd\) ?ddd[-. ]dddd|ddd[-. ]ddd[-. ]dddd|0d{1,4}[-. /]d{2,4}[-. ]?d{2,4}(?:[-. ]d{2,4})*"
        r"|dd(?:[ .-]dd){4}|\(0?d{2,4}\) ?d{3,5}[-. ]?d{3,4}",
        shape,
    ))
