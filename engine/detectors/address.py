"""Physical addresses: street + number in many national styles, building/landmark addresses,
PO boxes and cross-street meeting spots.

Precision first (a city or country alone is fine): every pattern needs a street-type word next to
a house number, a PO-box phrase with a number, a flat/plot/house-number lead with a locality cue,
or a street corner. The words are data in engine/data/address_lexicon.json.
"""

from __future__ import annotations

import re

from engine.detectors import Hit
from engine.detectors.social import load_lexicon, phrase_source
from engine.normalize import Text, View
from engine.rules import RuleSet

CATEGORY = "address"
_CUE_WINDOW = 90

# A house number: 221b, 12-14, 5a; never inside a price, version, time or identifier.
_NUM = r"(?<![\w.,:/$€£#+\-])(?:\d{1,5}[a-z]?(?:-\d{1,5})?)(?![\w.:]\d)"
# A word of a street name ("baker", "o'connell") or an ordinal ("5th").
_NAME = r"(?:\d{1,3}(?:st|nd|rd|th)|[^\W\d_][\w'\u2019\-]*)"


class AddressDetector:
    """Finds address contact information."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        lex = load_lexicon("address_lexicon.json")
        stop = phrase_source(lex["name_stopwords"])
        number_words = phrase_source(lex["number_words"], bounded=False)
        num = r"(?:" + _NUM + r"|(?<!\w)" + number_words + r"(?:[\s\-]" + number_words + r"){0,2})"
        strong = set(lex["types_after_strong"])
        self.weak_types = set(lex["types_after_weak"])
        types_after = phrase_source(list(strong) + list(self.weak_types), bounded=False)
        units = phrase_source(lex["units_tail"], bounded=False)
        self.unit_tail = re.compile(r",?\s*" + units + r"\.?\s*(?:no\.?\s*)?#?\s*[a-z0-9]{1,5}(?!\w)")
        self.type_followers = set(lex["type_followers_excluded"])
        # "221B Baker Street", "1600 Amphitheatre Pkwy", "twelve Oak Street", "350 5th Ave"
        self.number_first = re.compile(
            r"(?P<num>" + num + r")\s*,?\s+"
            r"(?P<name>(?:(?!" + stop + r")" + _NAME + r"\.?\s+){1,4})"
            r"(?P<type>" + types_after + r")(?:\.|(?!\w))"
        )
        # "12 rue de la Paix", "5 bis avenue Foch", "3 place de la Concorde"
        fr_strong = set(lex["fr_types_strong"])
        fr_types = phrase_source(list(fr_strong) + lex["fr_types_weak"], bounded=False)
        articles = phrase_source(lex["fr_articles"], bounded=False)
        self.fr_strong = fr_strong
        self.french = re.compile(
            r"(?<![\w.,:/$€£#+\-])\d{1,4}(?:\s?(?:bis|ter)|[a-c])?,?\s+(?P<type>" + fr_types + r")(?!\w)\s+"
            r"(?P<art>" + articles + r"(?!\w)\s*)?(?!" + stop + r")[^\W\d_][\w'\-]*"
        )
        # "Calle Mayor 5", "Av. Paulista, 1000", "ул. Ленина, д. 5", "شارع التحرير رقم 15"
        markers = phrase_source(lex["number_markers"], bounded=False)
        self.need_name = set(lex["types_first_need_name"])
        self.type_first = re.compile(
            r"(?<!\w)(?P<type>" + phrase_source(lex["types_first"], bounded=False) + r")(?:(?<=[./])|(?!\w))\s*"
            r"(?P<name>(?:(?!" + stop + r")" + _NAME + r"\.?[\s,]+){0,4}?)"
            r"(?:" + markers + r"\s*)?(?P<num>\d{1,5}[a-z]?)(?![\w.:]?\d)"
        )
        # "Hauptstraße 12", "Kurfürstendamm 21", "Hauptstr. 5a"
        suffixes = phrase_source(lex["de_suffixes"], bounded=False)
        self.german_compound = re.compile(
            r"(?<!\w)(?P<word>[^\W\d_]{3,}" + suffixes + r")\s*\d{1,4}[a-z]?(?![\w.:]?\d)"
        )
        # "Berliner Str. 5a", "Frankfurter Allee 12"
        self.german_words = re.compile(
            r"(?<!\w)(?P<adj>[^\W\d_]{3,})\s+(?P<type>" + phrase_source(lex["de_words"], bounded=False) + r")"
            r"\s*\d{1,4}[a-z]?(?![\w.:]?\d)"
        )
        self.de_stop = set(lex["de_words_stop"])
        self.de_suffix_list = [s for s in lex["de_suffixes"]]
        # "Flat 302, Sai Residency, near Hanuman Mandir", "H.No. 5-2-117, Sector 21"
        self.building = re.compile(
            phrase_source(lex["building_leads"]) + r"\s*[.:#\-]?\s*(?:no\.?\s*)?"
            r"[a-z]?-?\d{1,5}[a-z]?(?:[/\-]\d{1,5}){0,3}(?!\w)"
        )
        self.cues = re.compile(phrase_source(lex["building_cues"]) + r"|(?<!\d)\d{6}(?!\d)")
        self.landmark = re.compile(phrase_source(lex["landmark_preps"]) + r"\s+(?:the\s+)?")
        # "عمارة 4، شقة 12", "д. 5, кв. 12": a building number then a flat number
        self.building_flat = re.compile(
            r"(?:(?<!\w)" + phrase_source(lex["ar_buildings"], bounded=False) + r"|" + phrase_source(lex["ru_house"])
            + r")\s*(?:رقم\s*)?\d{1,4}[a-zа-я]?[\s,]+(?:корп\.?\s*\d{1,3}[\s,]+)?"
            r"(?:" + phrase_source(lex["ar_flats"] + lex["ru_flat"], bounded=False) + r")\s*(?:رقم\s*)?\d{1,4}(?!\d)"
        )
        # "P.O. Box 1234", "Postfach 1234", "а/я 15", "ص.ب 1234"
        self.po_box = re.compile(
            "(?:" + phrase_source(lex["po_box"]) + r")\s*[.:#nº°\-]*\s*\d{1,6}(?!\d)"
            r"|" + phrase_source(lex["po_box_need_long_number"]) + r"\s*[.:#nº°\-]*\s*\d{3,6}(?!\d)"
            r"|(?<!\w)bp\s*\d{1,5}(?=[\s,]+(?:\d{5}|cedex))"
        )
        # "corner of 5th and Main", "esquina de Corrientes y Florida"
        connectors = phrase_source(lex["corner_connectors"], bounded=False)
        self.corner = re.compile(
            phrase_source(lex["corner_phrases"]) + r"\s+(?:the\s+)?"
            r"(?P<a>(?!" + stop + r")" + _NAME + r"(?:\s+(?!" + stop + r")" + _NAME + r"){0,2})\s*"
            r"(?:" + connectors + r")\s*(?:the\s+)?"
            r"(?P<b>(?!" + stop + r")" + _NAME + r"(?:\s+(?!" + stop + r")" + _NAME + r"){0,2})"
        )
        ctypes = phrase_source(lex["corner_types"], bounded=False)
        # "Main St & 3rd Ave"
        self.street_pair = re.compile(
            r"(?<!\w)(?!" + stop + r")" + _NAME + r"\s+" + ctypes + r"\.?\s*(?:&|and|/|@|y|x)\s*"
            r"(?!" + stop + r")" + _NAME + r"\s+" + ctypes + r"(?!\w)"
        )
        self.corner_types = set(lex["corner_types"])
        # cheap gate: digits, a PO box or a corner phrase must be present
        self.gate = re.compile(
            r"\d|" + phrase_source(lex["corner_phrases"]) + "|" + ctypes + r"\s*(?:&|and|/)"
            r"|(?<!\w)" + number_words + r"\s"
        )

    def find(self, text: Text) -> list[Hit]:
        """Hits in one prepared message."""
        view = text.folded
        t = view.text
        if not t or not self.gate.search(t):
            return []
        original = text.original
        hits: list[Hit] = []
        self._number_first(view, t, original, hits)
        for m in self.french.finditer(t):
            if m.group("type") in self.fr_strong or m.group("art"):
                hits.append(self._hit(view, m.start(), m.end(), "address.street_fr"))
        for m in self.type_first.finditer(t):
            kind = m.group("type")
            if not m.group("name").strip() and kind in self.need_name:
                continue
            if kind in ("ул", "ул.", "улица") and not m.group("name").strip():
                continue
            tail = self.unit_tail.match(t, m.end())
            hits.append(self._hit(view, m.start(), tail.end() if tail else m.end(), "address.street_type_first"))
        for m in self.german_compound.finditer(t):
            word = m.group("word")
            if word in self.de_stop:
                continue
            hits.append(self._hit(view, m.start(), m.end(), "address.street_de"))
        for m in self.german_words.finditer(t):
            adj, kind = m.group("adj"), m.group("type")
            if adj in self.de_stop:
                continue
            if kind not in ("straße", "strasse", "str.") and not adj.endswith("er"):
                continue
            hits.append(self._hit(view, m.start(), m.end(), "address.street_de"))
        for m in self.building.finditer(t):
            limit = min(len(t), m.end() + _CUE_WINDOW)
            cue = self.cues.search(t, m.end(), limit)
            if cue is None:
                # "near Hanuman Mandir": a landmark preposition before a proper name
                for lm in self.landmark.finditer(t, m.end(), limit):
                    if lm.end() < len(t) and _capitalised(original, view, lm.end()) and t[lm.end()].isalpha():
                        cue = lm
                        break
            if cue is not None:
                hits.append(self._hit(view, m.start(), cue.end(), "address.building"))
        for m in self.building_flat.finditer(t):
            hits.append(self._hit(view, m.start(), m.end(), "address.building"))
        for m in self.po_box.finditer(t):
            hits.append(self._hit(view, m.start(), m.end(), "address.po_box"))
        self._corners(view, t, original, hits)
        return hits

    @staticmethod
    def _hit(view: View, a: int, b: int, rule: str) -> Hit:
        start, end = view.span(a, b)
        return Hit(CATEGORY, start, end, rule)

    def _number_first(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        for m in self.number_first.finditer(t):
            kind = m.group("type")
            follower = re.match(r"\.?\s*([^\W\d_]+)", t[m.end():m.end() + 20])
            if follower and follower.group(1) in self.type_followers:
                continue  # "Street Fighter", "road map"
            spelled = m.group("num")[0].isalpha()
            if (kind in self.weak_types or spelled) and not _capitalised(original, view, m.start("name")):
                continue  # "5 minutes walk", "3 Google Drive files" stay quiet unless it reads like a name
            name_words = m.group("name").split()
            if kind in ("st", "dr", "pl", "ct", "sq", "cir", "ter", "ln", "rd") and len(name_words) == 1 \
                    and not _capitalised(original, view, m.start("name")) and not name_words[0][0].isdigit():
                if not t[m.end():m.end() + 1] == ".":
                    continue
            end = m.end()
            tail = self.unit_tail.match(t, end)
            if tail:
                end = tail.end()
            hits.append(self._hit(view, m.start(), end, "address.street_number"))

    def _corners(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        for m in self.corner.finditer(t):
            a, b = m.group("a"), m.group("b")
            marked = any(_is_street_word(w, self.corner_types) for w in (*a.split(), *b.split()))
            if marked or (_capitalised(original, view, m.start("a")) and _capitalised(original, view, m.start("b"))):
                hits.append(self._hit(view, m.start(), m.end(), "address.corner"))
        for m in self.street_pair.finditer(t):
            hits.append(self._hit(view, m.start(), m.end(), "address.corner"))


def _capitalised(original: str, view: View, pos: int) -> bool:
    """Whether the original character behind view position `pos` is upper case or caseless."""
    if pos >= len(view.text):
        return False
    ch = original[view.starts[pos]]
    return ch.isupper() or (ch.isalpha() and ch.lower() == ch.upper()) or ch.isdigit()


def _is_street_word(word: str, types: set[str]) -> bool:
    return word.rstrip(".") in types or bool(re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)", word))
