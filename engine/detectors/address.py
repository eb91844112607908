"""Physical addresses: street + number in many national styles, building/landmark addresses,
PO boxes and cross-street meeting spots.

Precision first (a city or country alone is fine): every pattern needs a street-type word next to
a house number, a PO-box phrase with a number, a flat/plot/house-number lead with a locality cue,
or a street corner. The words are data in engine/data/address_lexicon.json.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from engine.detectors import Hit, capped
from engine.detectors.social import gate_keys, load_lexicon, phrase_source, word_set
from engine.lexicon import WordGate, lazy_compile, lexicon, trie_alternation, word_pattern
from engine.normalize import Text, View, all_number_words
from engine.regions import CLOCK, delivery_directive
from engine.rules import RuleSet

CATEGORY = "address"
_CUE_WINDOW = 90
_DIGIT = re.compile(r"\d")
_WORD_BEFORE = re.compile(r"(?:issue|ticket|pr|bug|task|order|invoice|item|case|story|step|job|row|no)\s*$")
_AT_PLACE = re.compile(r"(?<![^\W_])(?:en|na|no|at|on|in|à|a|sur|в|на|у|في|عند|pe|par)\s+(?:la\s+|el\s+|the\s+)?$")
_PAIR_JOIN = re.compile(r"[&/@]|\b(?:and|aur|und|et|com|con)\b|\s[yx]\s")

# A house number: 221b, 12-14, 5a; never inside a price, version, time or identifier.
_NUM = r"(?:(?<=no\.)|(?<![\w.,:/$€£+\-]))(?:\d{1,5}(?:-?[a-z](?![^\W\d_]))?(?:-\d{1,5})?)(?![\w.:]\d)"
# A word of a street name ("baker", "o'connell") or an ordinal ("5th").
_NAME = r"(?:\d{1,3}(?:st|nd|rd|th)|[^\W\d_][\w'\u2019\-]*)"
# a street named after a date, the day before its name: "27 de Febrero", "25 de Março", "9 de Julio"
_DATED = r"(?:\d{1,2}\s+(?:de|del|do)\s+)?"
_DATED_START = re.compile(r"\d{1,2}\s+(?:de|del|do)\s+")


class _Structure:
    """An address by its structure, in any country's order: a street type (faker's street suffixes
    and prefixes of 33 locales), a house or unit number beside it, and a postcode of the format
    Google's address metadata gives for the rule set's regions or an address cue ("ship to",
    "mi dirección", "по адресу") before it. No single part is enough; two together are."""

    def __init__(self) -> None:
        from engine.lexicon import lexicon, word_pattern

        data = load_lexicon("address_structure.json")
        units = load_lexicon("address_lexicon.json")["unit_types"]
        types = [t for t in {*data["street_types"], *units} if len(t.rstrip(".")) >= 2 or t.endswith(".")]
        self.keys = gate_keys(types)
        # an underscore joins an identifier, it bounds no word: "Klinikstudie_Phase2_CRF"
        self.types = lazy_compile(phrase_source(types, bounded=False).join((r"(?<![^\W\d])", r"(?![^\W\d])")))
        postcode = "|".join(f"(?:{p})" for p in data["postcode_patterns"])
        # no postcode is part of a decimal or a dotted number ("Build 17928.20114")
        self.postcode = lazy_compile(r"(?<![\w-])(?<!\d[.,:/])(?:[a-z]{1,2}-)?(?:" + postcode + r")(?![\w-])(?![.,]\d)",
                                     re.IGNORECASE)
        self.cue = word_pattern(lexicon()["address_cues"])
        self.units = frozenset(units)

    def find(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        # Every structure has a number: look for street types only in windows around digit groups.
        windows = _merged((max(0, d.start() - 56), min(len(t), d.end() + 56)) for d in _DIGITS_RUN.finditer(t))
        matches = (m for a, b in windows for m in self.types.finditer(t, a, b))
        for m in capped(matches, view, CATEGORY, hits):
            before = t[max(0, m.start() - 48):m.start()]
            after = t[m.end():m.end() + 48]
            number_before = _HOUSE_BEFORE.search(before)
            number_after = _HOUSE_AFTER.match(after)
            if number_after is not None and (_quantity_after(t, m.end() + number_after.end())
                                             or _GLUED_NUMBER.search(number_after.group())):
                number_after = None  # "lot 25 x 120 ft" is a size; "range HW-1001" an identifier
            if number_before is None and number_after is None:
                continue
            named = False
            for found, offset in ((number_before, m.start() - len(before)), (number_after, m.end())):
                if found is not None and found.group("name").strip():
                    first = offset + found.start("name") + len(found.group("name")) - len(found.group("name").lstrip())
                    a = view.starts[first]
                    # a street name is a proper name: capitalised, or in a script without case
                    named = named or original[a].isupper() or original[a].lower() == original[a].upper()
            unit = m.group().rstrip(".") in self.units or m.group() in self.units
            if not named and not unit:
                continue  # "line 2", "port 22": a street type and a number with no street name between
            if unit and not named and all(f.group("name").strip()
                                          for f in (number_before, number_after) if f is not None):
                continue  # "lot contient 46 actes": a unit's number follows it, no lower-case words between
            start = m.start() - len(before) + number_before.start() if number_before else m.start()
            end = m.end() + number_after.end() if number_after else m.end()
            if any(i.start() < end and start < i.end() for i in _IBAN.finditer(t, max(0, start - 40), end + 40)):
                continue  # "paie sur IBAN BE68 5390 0754 7034": a bank account's groups, no house and postcode
            post = self._postcode(t, original, view, end, min(len(t), end + 90))
            lo = max(0, start - 60)
            line = t.rfind("\n", lo, start)
            if line >= 0 and t[lo:line].rstrip().endswith(":"):
                line = t.rfind("\n", lo, line)  # "Courier address yeh hai:⏎20/13, Dixit Ganj": it introduces it
            lo = max(lo, line + 1, t.rfind(". ", lo, start) + 1)  # the cue's line and sentence
            cue = self.cue.search(t, lo, start) is not None
            if post is None and not cue:
                continue
            hits.append(AddressDetector._hit(view, start, post if post is not None else end, "address.structure"))

    def _postcode(self, t: str, original: str, view: View, lo: int, hi: int) -> int | None:
        """End of a postcode in t[lo:hi] that stands in the original as written (upper case), in the
        same sentence ("... Laravel 11, ... Délai : 10 semaines. Coût : 14 500" is a price)."""
        stop = _SENTENCE_BREAK.search(t, lo, hi)
        if stop is not None:
            hi = stop.start()
        for m in self.postcode.finditer(t, lo, hi):
            if (not _DIGIT.search(m.group()) or _quantity_after(t, m.end()) or _versioned(t, m.start())
                    or _EDITION.match(t, m.end())):
                continue  # "EUR HTVA" (no digit), "18th floor, 842 sq ft" (an area), "Version 2408": no postcode
            if _YEAR.fullmatch(m.group()) and _YEAR_BEFORE.search(t, max(0, m.start() - 12), m.start()):
                continue  # "3e étage, immeuble de 1930", "a building from 1962": a year, no postcode
            if _PORT_BEFORE.search(t, max(0, m.start() - 12), m.start()):
                continue  # "IP privada 10.0.3.27 y el puerto 5432": a network port, no postcode
            a, b = view.span(m.start(), m.end())
            token = original[a:b]
            if any(c.isalpha() for c in token) and not token.upper() == token:
                continue  # "cb4 2jq" typed in lower case is rare; words like "the" are not postcodes
            return m.end()
        return None


# Colombia's grid nomenclature: the way (Calle, Carrera, Diagonal, Transversal, Avenida and their
# abbreviations), its number, "#", the crossing way's number and the distance from it: "Cl. 10 # 43A-30"
_GRID = re.compile(r"(?<![^\W_])(?:calle|cl|cll|carrera|cra|kr|kra|cr|diagonal|dg|diag|transversal|tv|transv|"
                   r"avenida|av|ak|ac)\.?\s*\d{1,3}\s?[a-z]?(?:\s?bis)?\s*(?:#|n[oº°]\.?)\s*\d{1,3}\s?[a-z]?\s?-\s?\d{1,3}"
                   r"(?!\d)")
_YEAR = re.compile(r"(?:18|19|20)\d\d")
_PORT_BEFORE = re.compile(r"(?<![^\W_])(?:port|puerto|porta|порт|المنفذ|منفذ)\s*[:#]?\s*$")
_YEAR_BEFORE = re.compile(r"(?<![^\W_])(?:de|du|des|of|from|von|aus|seit|since|depuis|desde|dal|del|em|en|in|из|с|в|"
                          r"built|construit|erbaut|gebaut|construido|construído|постройки)\s+$")


_EXTRA_UNITS = ("sq ft", "sq. ft", "sq ft.", "sq m", "sqm", "qm", "m", "km²", "m³", "кв.м", "кв. м", "м²", "м2", "м",
                "متر", "مترًا", "mts", "metros", "mètres", "meter", "x", "×")


@lru_cache(maxsize=1)
def _quantity() -> re.Pattern[str]:
    """A unit of measure, a count noun or a currency right after a number: "842 sq ft", "25 x 120",
    "68.000 EUR" are quantities, never a house number or a postcode."""
    from engine.lexicon import lexicon

    units = {u.lower() for u in (*lexicon()["units"], *_EXTRA_UNITS, *lexicon()["currencies"])}
    return re.compile(r"[ \t\u00a0]?(?:" + trie_alternation(units, space=r"\s?") + r")(?![^\W_])")


def _after_degree(original: str, start: int) -> bool:
    """Whether a hit starts on the letter of a temperature ("45 °C. Placa rev. C1, lote 2409"):
    "C." after a degree sign is Celsius, no calle."""
    if start >= len(original) or not original[start].isalpha():
        return False  # "n.º 6, Fajã de Baixo": a number after the ordinal sign is a house number
    return (start > 0 and original[start - 1] in "°º") or (start > 1 and original[start - 2:start] in ("° ", "º "))


def _quantity_after(t: str, pos: int) -> bool:
    groups = _THOUSANDS.match(t, pos)  # "Площадь склада 2 400 м²": the number goes on in groups of three
    return _quantity().match(t, groups.end() if groups else pos) is not None


_THOUSANDS = re.compile(r"(?:[ \u00a0\u202f]\d{3})+(?!\d)")


def _measure_after(t: str, pos: int) -> bool:
    """A size right after a unit's word, with or without its number in the match ("the unit is 112
    m2", "الدور الأرضي ٢٤٠ م²", "1-й этаж 164 м²"): a building described, not a door."""
    if _quantity_after(t, pos):
        return True
    number = _NUMBER_AFTER.match(t, pos)
    return number is not None and _quantity_after(t, number.end())


_NUMBER_AFTER = re.compile(r"[ \t]*[:\-–—]?[ \t]*\d+(?:[.,]\d+)?")


_HOUSE_AFTER_NAME = re.compile(r"\s*,?\s*(?:№|n\.?\s?[º°o]\.?|no\.?|nr\.?|д\.|#)?\s*\d{1,5}(?![\d.,:]?\d)(?!\s?h\b)")
_DATE_NAME = re.compile(r"\s+(?:de\s+|del\s+|of\s+)?([^\W\d_]+)")  # the word after a number: "25 de Março"
_GLUED_NUMBER = re.compile(r"[^\W\d_]-?\d+[a-z]?(?:[/-]\d{1,5})?$")  # "HW-1001", "A12": one identifier token
# "512 Michelle Ring", "4/17 Harbour St": a number, then up to three name words, then the type
_DIGITS_RUN = re.compile(r"\d+")
# an IBAN: a country's two letters, two check digits, then groups of four ("BE68 5390 0754 7034")
_IBAN = re.compile(r"(?<![\w])[a-z]{2}\d{2}(?:[ \t]?[a-z0-9]{4}){2,7}(?:[ \t]?[a-z0-9]{1,3})?(?!\w)")
_EDITION = re.compile(r"[:/-](?:19|20)\d\d(?!\d)")  # "27001:2022", "62366-2015": a standard's edition year
_HOUSE_BEFORE = re.compile(
    r"(?<![\w/.,-])(?:no\.?\s*)?\d{1,5}[a-z]?(?:/\d{1,5})?(?:\s*,)?\s+(?P<name>(?:[^\W\d_][\w'.-]*\s+){0,3})$"
)
# "calle Guadalupe Acosta 1", "ул. Мясницкая, д. 24": the type, up to three name words, then the number
_HOUSE_AFTER = re.compile(
    r"^\s*(?P<name>(?:[^\W\d_][\w'.-]*\s+){0,3}?(?:[^\W\d_][\w'.-]*)?)\s*,?\s*"
    r"(?:no\.?\s*|n\.?\s?[º°o]\.?\s*|№\s*|д\.\s*|nr\.?\s*)?\d{1,5}(?!\d)[a-z]?(?:[/-]\d{1,5})?(?![\d/.,:]\d)"
)


class _Evidence:
    """An address by converging evidence, for the shapes no single pattern knows: a dwelling
    unit with its number ("flat 3", "dritter Stock", "الطابق 8", "квартира семнадцать"), a
    postcode line with its place ("80631 Bailly", "Hatfield 0028", "CB4 2JQ"), a street word
    beside a proper name ("rue Oberkampf", "Akin Ogunlewe Street", "Lindenstraße"), a number
    beside a proper name ("14 Arbury"), a crossing ("near the Prestige junction"), and an address
    cue before them ("ship to", "ich wohne", "أرسل إلى"). Pieces closer than a short gap form one
    cluster; two different kinds of piece make an address, or a cue and one piece of the unit,
    postcode or street kinds. No single piece is enough."""

    GAP = 48  # characters between two pieces of one address

    def __init__(self, lex: dict, structure: _Structure, spelled: frozenset[str]) -> None:
        number_word = phrase_source(sorted(spelled | set(lex["ordinal_words"])), bounded=False)
        # a door's number is no decimal: "Burp Suite 2024.5" is a version
        number = (r"(?:\d{1,5}[a-z]?(?:[/\-]\d{1,4}[a-z]?)?(?![.,]\d)|(?<!\w)" + number_word
                  + r"(?:[\s\-]" + number_word + r"){0,3})")
        units = phrase_source(lex["dwelling_units"], bounded=False)
        # "flat 3", "apartment 14B", "кв. 17", "الطابق 8", "3rd floor", "dritter Stock", "piso 4", "Local 9"
        # (or a single letter that ends its part: "immeuble C,", "корпус Б,", "Tower B⏎")
        letter = r"(?<!\w)[^\W\d_](?=[ \t]*(?:[,;\u060c\n)]|$))"
        self.unit = lazy_compile(
            r"(?<!\w)" + units + r"(?:(?<=\.)|(?!\w))\s*"
            r"(?:n\.?[oº°]|no\.?|nr\.?|#|№|رقم|number|es|is|é|est|ist)?\s*[:.]?\s*"
            r"(?:" + number + r"(?:º|ª|°)?(?:(?:(?<=\d)|(?<=\d[ºª°oa]))[a-z])?(?!\w)|" + letter + r")"
            r"|(?<![\w.,])(?:\d{1,2}(?:st|nd|rd|th|er|e|\.?[º°ª]|\.)?|" + number_word + r")[ \t]+" + units + r"(?!\w)"
            r"|(?<!\w)" + number_word + r"[ \t]+stock(?!\w)"  # "dritter Stock" (not "3. Stock transfers")
            # "2. Stock,", "2. OG."
            r"|(?<![\w.,])\d{1,2}\.[ \t]+(?:stock|og|etage)(?=[ \t]*(?:[,;.\n]|$|links|rechts|li\b|re\b))"
            # a floor by its ordinal and the door by its letter or side: "3º B", "5e gauche", "2º izq."
            # (the folded view writes "º" and "ª" as "o" and "a", glued to the number: "3o b"; "1ºA, 1ºB" are groups)
            r"|(?<![\w.,])\d{1,2}(?:[oa]|[ \t]?(?:º|ª|e|er|ème))[ \t]?(?:[a-h](?![\w'])|izq\w*|izda\.?|dcha\.?|"
            r"derech\w*|gauche|droite|esq\w*|dto\.?|dir\w*)(?![ \t]*[,;/)][ \t]*\d{1,2}[ \t]?(?:[oa]|º|ª))"
        )
        self.unit_keys = gate_keys(lex["dwelling_units"]) | {"stock"}
        self.crossing = lazy_compile(phrase_source(lex["crossings"]))
        self.crossing_keys = gate_keys(lex["crossings"])
        # a landmark named after its relation: "near Hanuman Mandir", "بجانب مول الإمارات",
        # "शिव मंदिर के पास" (a place word: capitalised, or of a caseless script)
        place = _PLACE_WORD
        relations = phrase_source(lex["landmark_relations"])
        postpositions = phrase_source(lex["landmark_postpositions"])
        # ("à côté de la pharmacie Mame Diarra", "next to the Shell station": an article and a kind of
        # place may stand between the relation and the name)
        articles = phrase_source(lex["landmark_articles"])
        kinds = phrase_source(lex["poi_nouns"])
        self.landmark = lazy_compile(
            relations + r"\s+(?:" + articles + r"\s*)?(?:" + kinds + r"\s+)?[«\"\u201c\u201e]?(?P<place>" + place
            + r"(?:[ \t]+" + place + r"){0,3})"
            + r"|(?:(?:the|la|el|le|der|die|das|o|a)[ \t]+)?(?P<before>" + place + r"(?:[ \t]+" + place
            + r"){0,2})[ \t]+" + postpositions
        )
        self.landmark_keys = gate_keys(lex["landmark_relations"] + lex["landmark_postpositions"])
        # a named locality: "Urb. Los Jardines", "Cité Keur Gorgui", "Cond. Jardim das Flores", "الحي السابع"
        self.locality = lazy_compile(phrase_source(lex["locality_words"], bounded=False)
                                     + r"(?:(?<=\.)|(?!\w))\s+(?P<place>" + place + r"(?:[ \t]+" + place + r"){0,3})")
        self.locality_keys = gate_keys(lex["locality_words"])
        # the divisions a rural postal address names instead of a street ("Village Rampur, Post Badagaon,
        # Tehsil Phulpur", "ग्राम रामपुर, पोस्ट बड़ागाँव"): read beside a postcode line only
        self.division = lazy_compile(phrase_source(lex["postal_divisions"], bounded=False)
                                     + r"(?:(?<=\.)|(?!\w))\s+(?P<place>" + place + r"(?:[ \t]+" + place + r"){0,3})")
        self.division_keys = gate_keys(lex["postal_divisions"])
        self.structure = structure
        # a street word and a proper name: "rue Oberkampf", "Ngong Road", "شارع الرشيد", "Lindenstraße"
        self.street = structure.types
        self.de_street = lazy_compile(
            r"(?<!\w)(?:[^\W\d_]+-){0,3}[^\W\d_]{2,}(?:straße|strasse|str\.|gasse|allee|platz|ufer)(?!\w)"
        )
        self.not_places = frozenset(lex["not_place_names"])
        self.everyday_types = frozenset(lex["everyday_street_types"])
        # (a house number and its name stand on one line: "barrio Los Álamos⏎⏎1. Datos" is a list)
        self.number_name = lazy_compile(r"(?<![\w.,:/$€£#+\-])\d{1,5}[a-z]?,?[ \t]+(?=[^\W\d_]{3,})")
        from engine.lexicon import lexicon, word_pattern

        # "Charge 2309-114", "BL 0612 449", "Lot 12": an identifier's label before the digits, no place
        postal = {"cep", "plz", "cp", "c.p.", "pin", "pin code", "pincode", "zip", "zip code", "zipcode", "postcode",
                  "post code", "postal code", "code postal", "código postal", "codigo postal", "индекс",
                  "почтовый индекс", "الرمز البريدي", "npa", "postleitzahl"}
        labels = [w for w in lexicon()["id_context"] if w not in postal]
        self.id_label = lazy_compile(word_pattern(labels).pattern + r"[\s:#.-]*$")
        self.id_word = word_pattern(labels)
        self.name_number = lazy_compile(
            r"(?<!\w)[^\W\d_]{3,}\.?,?[ \t]+(?:no\.?\s*|n\.?\s?[º°]\.?\s*|#\s*)?\d{1,5}[a-z]?(?![\w.,:]?\d)"
        )

    def admits_landmark(self, words: frozenset[str]) -> bool:
        return not words.isdisjoint(self.landmark_keys)

    def admits(self, words: frozenset[str]) -> bool:
        return not (words.isdisjoint(self.unit_keys) and words.isdisjoint(self.crossing_keys)
                    and words.isdisjoint(self.structure.keys))

    def find(self, view: View, t: str, original: str, words: frozenset[str], hits: list[Hit]) -> None:
        pieces: list[tuple[int, int, str]] = []
        # each family runs only when its key words are in the message (its long alternation at
        # every position of every message would cost more than the rest of the engine)
        if not words.isdisjoint(self.unit_keys):
            for m in islice(self.unit.finditer(t), 64):
                if not _measure_after(t, m.end()):  # "the unit is 112 m2", "الدور الأرضي ٢٤٠ م²": a size
                    pieces.append((m.start(), m.end(), "unit"))
        if not words.isdisjoint(self.crossing_keys):
            for m in islice(self.crossing.finditer(t), 16):
                pieces.append((m.start(), m.end(), "crossing"))
        if pieces and not words.isdisjoint(self.locality_keys):
            for m in islice(self.locality.finditer(t), 16):
                if _capitalised(original, view, m.start("place")):
                    pieces.append((m.start(), m.end(), "landmark"))  # weak, like a landmark
        early = len(pieces)  # (the units, crossings and localities a landmark may stand beside)
        streets = self.street.finditer(t) if not words.isdisjoint(self.structure.keys) else ()
        for m in islice(streets, 64):
            if m.group().rstrip(".") in self.everyday_types and not _upper(original, view, m.start()):
                continue  # "via Upwork", "the way", "in place": everyday words unless part of a name
            name = _proper_name_beside(t, original, view, m.start(), m.end())
            if name is not None:
                pieces.append((min(name[0], m.start()), max(name[1], m.end()), "street"))
        if _DE_STREET_HINT.search(t):
            for m in islice(self.de_street.finditer(t), 16):
                if _capitalised(original, view, m.start()):
                    pieces.append((m.start(), m.end(), "street"))
        for a, b in _digit_windows(t, 10):
            for m in islice(self.structure.postcode.finditer(t, a, b), 8):
                if not _DIGIT.search(m.group()):
                    continue  # every postcode has a digit ("EUR HTVA" fits Google's loose pattern for Ireland)
                if self.id_label.search(t, max(0, m.start() - 24), m.start()):
                    continue  # "Charge 2309-114": a batch number, not a postcode
                place = _postcode_place(t, original, view, m.start(), m.end())
                if place is not None:
                    pieces.append((place[0], place[1], "postcode"))
        if pieces and not words.isdisjoint(self.landmark_keys):
            # a landmark counts only beside another piece: look around the pieces, not everywhere; beside
            # a postcode line, only right before it ("गरियाहाट के पास, कोलकाता 700029")
            others = pieces[:early]
            coded = [p[0] for p in pieces if p[2] == "postcode"]
            for a, b in _merged([(p[0] - self.GAP - 40, p[1] + self.GAP + 40) for p in others]
                                + [(c - 60, c) for c in coded]):
                for m in islice(self.landmark.finditer(t, max(0, a), min(len(t), b)), 16):
                    name = m.start("place") if m.group("place") else m.start("before")
                    near = any(_LANDMARK_TO_LINE.fullmatch(t, m.end(), c) for c in coded)
                    if _capitalised(original, view, name) and (near or any(
                            p[0] - self.GAP - 40 <= m.start() <= p[1] + self.GAP + 40 for p in others)):
                        pieces.append((m.start(), m.end(), "landmark"))
        if any(k == "postcode" for _, _, k in pieces) and not words.isdisjoint(self.division_keys):
            for m in islice(self.division.finditer(t), 16):
                if _capitalised(original, view, m.start("place")):
                    pieces.append((m.start(), m.end(), "landmark"))
        if not pieces:
            return
        for pattern in (self.number_name, self.name_number):
            for m in islice(pattern.finditer(t), 64):
                end = m.end() if pattern is self.name_number else m.end() + 1
                word = _FIRST_WORD.search(t, m.start() if pattern is self.name_number else m.end())
                if word is not None and word.group() in self.not_places:
                    continue  # "9 March", "USD 1200", "48 hours": dates, money and counts
                if pattern is self.name_number and _quantity_after(t, end):
                    continue  # "Verbrauch 128 kWh", "Каталог 96 страниц": a measure, not a house number
                label = self.id_word.match(t, m.start()) if pattern is self.name_number else None
                if label is not None and not t[label.end():m.end()].strip(" \t:#.-,nº°o").isalpha():
                    continue  # "Lot 12", "Charge 2309": an identifier with its label
                if _upper(original, view, m.end() if pattern is self.number_name else m.start()):
                    pieces.append((m.start(), end, "number"))  # cased scripts only: "الساعة 4" is a time
        # a number read as a postcode is not also a house number beside a name
        coded = [(a, b) for a, b, k in pieces if k == "postcode"]
        pieces = [p for p in pieces if p[2] != "number" or not any(a < p[1] and p[0] < b for a, b in coded)]
        pieces.sort()
        cluster: list[tuple[int, int, str]] = []
        for piece in pieces + [(len(t) + self.GAP + 1, 0, "")]:
            if cluster and (piece[0] - max(p[1] for p in cluster) > self.GAP
                            or _sentence_break(t, max(p[1] for p in cluster), piece[0])):
                self._judge(view, t, cluster, hits)
                cluster = []
            cluster.append(piece)

    def _judge(self, view: View, t: str, cluster: list[tuple[int, int, str]], hits: list[Hit]) -> None:
        kinds = {k for _, _, k in cluster if k}
        if not kinds:
            return
        start = min(a for a, _, _ in cluster)
        end = max(b for _, b, _ in cluster)
        cue = self.structure.cue.search(t, max(0, start - 60), start) is not None
        if not cue:  # "توصل المنتجات للاستوديو: دبي، القوز ٣، مستودع رقم ١٤": where the goods go
            lead = delivery_directive(anchored=False).search(t, max(0, start - 80), start)
            cue = lead is not None and not _sentence_break(t, lead.end(), start)
        strong = kinds & {"unit", "postcode", "street"}
        if not strong:
            return
        units = sorted((a, b) for a, b, k in cluster if k == "unit")
        listed = sum(1 for (a1, b1), (a2, b2) in zip(units, units[1:], strict=False)
                     if (_PART_SEPARATOR.search(t, b1, a2) or not t[b1:a2].strip())
                     and t[a1:b1].split()[0] != t[a2:b2].split()[0])
        if listed and (kinds - {"unit", "number"} or listed >= 2 or cue):
            # "الطابق 4، مكتب 402، بجانب مول الإمارات": a floor and a door listed as parts of an
            # address, with a landmark or a postcode, after an address cue, or three of them ("फ्लैट
            # 1203, बारहवीं मंज़िल, टावर C"); "sala 4 del piso 12" names a meeting room, and "подъезд 3,
            # этаж 7" alone is the rest of an address given elsewhere
            hits.append(AddressDetector._hit(view, start, end, "address.evidence"))
            return
        if kinds <= {"street", "number", "landmark"} or kinds <= {"unit", "number", "landmark"}:
            # "AWS Route 53", "Room 835 on floor 4 has the projector", "floor 3 near Starbucks": a
            # name or a room with a number or a landmark need an address cue as well, unless all three
            # stand together ("Sicap Liberté 6, villa n°2417, à côté de la pharmacie Mame Diarra")
            decided = (cue and len(kinds) >= 2) or len(kinds) >= 3
        elif kinds - {"landmark"} == {"number", "postcode"} and not cue:
            # "Arbury 14, Cambridge CB4 2JQ": a name and a number next to a postcode line, nothing between;
            # "Android 10+)\nEngine: Unity 2022", "C1200HF, UL94 ..., RAL 7035" are specs
            pieces = sorted((a, b) for a, b, k in cluster if k in ("number", "postcode"))
            decided = all(_ADJACENT.fullmatch(t, b1, a2) is not None
                          for (_, b1), (a2, _) in zip(pieces, pieces[1:], strict=False))
        else:
            decided = len(kinds) >= 2 or (cue and bool(kinds & {"unit", "postcode"}))
        if decided:
            hits.append(AddressDetector._hit(view, start, end, "address.evidence"))


_LANDMARK_TO_LINE = re.compile(r"[\s,\u060c]{0,3}")


def _merged(spans) -> list[tuple[int, int]]:
    """Spans merged where they touch or overlap, in order."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


# Open Location Code: 8 characters of its alphabet then "+" and 2 or 3 more (or the short form of 4+2)
_OLC = "[23456789cfghjmpqrvwx]"
# an address system's code: letters and digits in two or three groups ("rrrd2929", "ga-183-8832", "d02 x285")
_ADDRESS_CODE = re.compile(r"(?<![\w-])[a-z]{1,4}[- ]?\d{2,4}(?:[- ]?[a-z0-9]{3,4})?(?![\w-])")
_PLUS_CODE = re.compile(rf"(?<![\w+]){_OLC}{{4}}(?:{_OLC}{{4}}|0000)?\+{_OLC}{{2,3}}(?![\w+])")
_POSTAL_MARK = re.compile(r"\u3012\s?\d{3}-?\d{4}(?:[^\n,]{0,40})")
_LISTED_STREET = re.compile(r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|place|pl)\.?,\s*$")
_PART_SEPARATOR = re.compile(r"[,،;\n]")
# the rest of a name ("14 A|rbury"), then the next part of the address or its next line
_ADJACENT = re.compile(r"[\w'\-]*[ \t]*[,،]?[ \t]*\n?[ \t]*")
_DE_STREET_HINT = re.compile(r"stra(?:ß|ss)e|str\.|gasse|allee|platz|ufer")


_TOKEN_CHARS = re.compile(r"[a-z0-9\-]{0,12}")  # a postcode's token is short: bounded, so runs cost O(1)
_PART_EDGE = "\n,;:.)—-!"


def _at_part_edge(t: str, d: re.Match[str]) -> bool:
    """Whether the digit run's token (with a second token such as "2JQ") begins or ends a line or
    a comma-separated part: only there does a postcode stand."""
    a = d.start()
    while a > 0 and (t[a - 1].isalnum() or t[a - 1] == "-"):
        a -= 1
        if d.start() - a > 12:
            return False  # inside a long token ("9a9a9a..."): no postcode, and no quadratic walk
    k = a - 1
    while k >= 0 and t[k] in " \t":
        k -= 1
    if k < 0 or t[k] in _PART_EDGE:
        return True
    b = _TOKEN_CHARS.match(t, d.end()).end()
    for _ in range(2):
        j = b
        while j < len(t) and t[j] in " \t":
            j += 1
        if j >= len(t) or t[j] in _PART_EDGE:
            return True
        nxt = _TOKEN_CHARS.match(t, j).end()
        if not any(c.isdigit() for c in t[j:nxt]):
            return False
        b = nxt
    return False


def _digit_windows(t: str, reach: int) -> list[tuple[int, int]]:
    """Merged windows of `reach` characters around each digit run that stands at the edge of a
    part (every postcode holds a digit and begins or ends its line or part)."""
    edges = (d for d in _DIGITS_RUN.finditer(t) if _at_part_edge(t, d))
    return _merged((max(0, d.start() - reach), min(len(t), d.end() + reach)) for d in edges)[:64]


# "del Palí de San Pedro,", "from the Shell station": a place named as the start of a bearing
# (the folded view is lower case: the name is any word after the preposition, read on the folded text)
_FROM_PLACE = re.compile(
    r"(?<!\w)(?:del|de la|desde el|desde la|desde|from|from the|do|da|du|de l'|von|от|من)\s+\w+[^.!?\n]{0,40}[,:]?\s*$"
)
_DIRECTIONS_LENGTH = 300  # directions are a message of their own, not a paragraph of a proposal
_RENDEZVOUS_LENGTH = 240  # characters: a meeting given by a place and a time is a short message
_RENDEZVOUS_SENTENCE = re.compile(r"[^.!?\n]+")
_RENDEZVOUS_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END_OR_BREAK = re.compile(r"[.!?](?:\s|$)|\n")
# (an abbreviation of an address part is no sentence end: "Brgy. Molino IV", "Bldg. 3", "Prov. de Cavite")
_SENTENCE_BREAK = re.compile(
    r"(?:(?<=[^\W\d_]{4})(?<!\b(?:brgy|bldg|blvd|apto|dept|prov|dist|zona|sect|avda))(?<!\b(?:depto|fracc))|(?<=\d))"
    r"[.!?]\s+(?=[^\W\d_])|[!?]|\n\s*\n"
)


def _sentence_break(t: str, a: int, b: int) -> bool:
    """A sentence end between two pieces ("St." and "av." are abbreviations, not ends)."""
    return b > a and _SENTENCE_BREAK.search(t, max(0, a - 1), b) is not None


def _upper(original: str, view: View, pos: int) -> bool:
    return pos < len(view.text) and original[view.starts[pos]].isupper()
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_WORD_START = re.compile(r"(?<![\w'\u2019\-])[^\W\d_]")
_PLACE_WORD = r"(?:[^\W\d_]|[\u0900-\u0dff])[\w\u0900-\u0dff'\u2019\-]*"  # "Delhi", "दिल्ली" (with its vowel signs)
# a place after a postcode has two letters at least ("7408 C" is a colour)
_PLACE_AFTER = re.compile(
    r"[ \t]+((?=(?:[^\W\d_]|[\u0900-\u0dff]){2})" + _PLACE_WORD + r"(?:[ \t\-]" + _PLACE_WORD + r"){0,3})"
)
# ("Prayagraj - 212402", "Mumbai – 400001": India writes a dash between the place and its PIN)
_PLACE_BEFORE = re.compile(r"(?:^|[\n,;:]\s*)(" + _PLACE_WORD + r"(?:[ \t]" + _PLACE_WORD
                           + r"){0,2}),?(?:[ \t]+[\-\u2013\u2014])?[ \t]+$")


def _postcode_place(t: str, original: str, view: View, a: int, b: int) -> tuple[int, int] | None:
    """A postcode that begins or ends a line or a comma-separated part, beside a capitalised place:
    "80631 Bailly", "9396-618 SANTIAGO DO CACÉM", "Hatfield 0028", "Delhi 110024"."""
    token = original[view.starts[a]:view.ends[b - 1]]
    if any(c.isalpha() for c in token) and token.upper() != token:
        return None
    if _quantity_after(t, b):
        return None  # "Support 38.000 EUR", "842 sq ft": amounts and sizes
    head = t[max(0, a - 3):a].rstrip(" \t")
    starts_part = a == 0 or not head or head[-1] in "\n,;:"
    if starts_part:
        m = _PLACE_AFTER.match(t, b)
        if m and _capitalised(original, view, m.start(1)) and _part_ends(t, m.end()):
            return a, m.end()
    if _part_ends(t, b):
        m = _PLACE_BEFORE.search(t, max(0, a - 40), a)
        words = _WORD_START.finditer(t, m.start(1), m.end(1)) if m else ()
        if m and m.start(1) > 0 and all(_capitalised(original, view, w.start()) for w in words):
            a0, b0 = view.span(m.start(1), m.end(1))
            if _PRODUCT_NAME.search(original, a0, b0):
                return None  # "AutoCAD 2021", "SketchUp 2023": a product and its version, no place
            return m.start(1), b
    return None


# a word with a capital inside it after lower-case letters, as products are named ("AutoCAD",
# "WordPress", "QuickBooks"); places named so keep a short prefix ("McAllen", "DeKalb", "LaSalle")
_PRODUCT_NAME = re.compile(r"(?<![^\W_])(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O)[A-Z])[A-Z]?[a-z]+[A-Z]\w*")


@lru_cache(maxsize=1)
def _version_word() -> re.Pattern[str]:
    """A version or build label ending right before a position: "Office 365 Version 2408"."""
    from engine.lexicon import lexicon

    labels = [w for w in lexicon()["id_context"] if w in _VERSION_LABELS] + list(_NORM_LABELS)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, labels)) + r")\.?[ \t:-]*$")


_VERSION_LABELS = frozenset({"version", "versión", "versão", "build", "release", "versione", "versie", "версия",
                             "сборка"})
# standards bodies before a standard's number: "ISO/IEC 27001:2022", "IEC 62366", "DIN 18040", "ГОСТ 7.32"
_NORM_LABELS = ("iso", "iec", "din", "astm", "ieee", "ansi", "гост", "nf", "bs", "une", "uni", "sae", "iatf", "itu")


def _versioned(t: str, pos: int) -> bool:
    return _version_word().search(t, max(0, pos - 12), pos) is not None


def _part_ends(t: str, pos: int) -> bool:
    rest = t[pos:pos + 3].lstrip(" \t")
    return not rest or rest[0] in "\n,;.)—-!"


def _proper_name_beside(t: str, original: str, view: View, a: int, b: int) -> tuple[int, int] | None:
    """A capitalised word right after a street word ("rue Oberkampf", "calle Pelayo") or before
    it ("Ngong Road"), in the original; Arabic and other caseless scripts count."""
    after = re.match(r"\.?\s+(?:(?:de|da|do|del|de la|du|des|der|al|el)\s+)?([^\W\d_][\w'\-]+)", t[b:b + 40])
    if after is not None and t[b:b + 1] == "." and b - a > 4:
        after = None  # "a 1970s block. Please ...": a full word, then the sentence ends ("Ave." and "Blvd." go on)
    if after and _capitalised(original, view, b + after.start(1)):
        name = after.group(1)
        if name.lower() != name.upper() or name.startswith("ال") or re.match(r"\s*\d", t[b + after.end(1):]):
            return b + after.start(1), b + after.end(1)  # caseless scripts: "شارع الرشيد", not "طريق مكالمة"
    before = re.search(r"([^\W\d_][\w'\-]+)\s+$", t[max(0, a - 40):a])
    if before:
        pos = max(0, a - 40) + before.start(1)
        if _capitalised(original, view, pos) and _capitalised(original, view, a):
            return pos, a
    return None


_LIST_NUMBER = re.compile(r"\d{1,3}[.)][ \t]")


def _list_number(t: str, pos: int) -> bool:
    """Whether the number at `pos` starts a later line as "8." or "8)": it numbers a list item."""
    line_start = t.rfind("\n", 0, pos) + 1
    return line_start > 0 and not t[line_start:pos].strip() and _LIST_NUMBER.match(t, pos) is not None


_READ_ON = 300  # characters: a message this long is read by every family (see `find`)
_WHAT3WORDS = re.compile(r"///[^\W\d_]{2,20}\.[^\W\d_]{2,20}\.[^\W\d_]{2,20}")
_LAT_LABEL = re.compile(r"(?:lat|latitude|coords?|coordinates|gps|lng|long|longitude)[\s/:=,]*$")
# "51.5074, -0.1278", "48.1374° N, 11.5755° E"
_MEETING_TIME = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:am|pm|uhr|h\b)(?![\d:])"
                           r"|(?<![\d.:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
_COORDINATES = re.compile(r"(?<![\d.])(-?\d{1,2}\.\d{3,8})(?:\s*°)?(?:\s*[ns](?!\w))?\s*[,،]\s*"
                          r"(-?\d{1,3}\.\d{3,8})(?:\s*°)?(?:\s*[ew](?!\w))?(?![\d.])")


class AddressDetector:
    """Finds address contact information."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.structure = _Structure()
        general = lexicon()
        self.field_labels = frozenset(general["place_field_labels"])
        # (and the Saudi national address said with a possessive or a word between: "عنواني الوطني المختصر",
        # "عنوان الاستوديو الوطني المختصر")
        self.digital_names = lazy_compile(word_pattern(general["digital_address_names"]).pattern
                                          + r"|(?<![\u0621-\u064a])(?:ال)?عنوان[يكه]?(?:\s+[\u0621-\u064a]+)?\s+"
                                          r"(?:ال)?(?:وطني|مختصر)(?:\s+(?:ال)?مختصر)?(?![\u0621-\u064a])")
        self.digital_gate = WordGate(general["digital_address_names"] + ["عنواني", "عنوانك", "عنوانه", "عنوان"])
        self.land = word_pattern(general["land_nouns"])
        self.mine = word_pattern(general["my_words"])
        lex = load_lexicon("address_lexicon.json")
        stop = phrase_source(lex["name_stopwords"])
        number_words = phrase_source(lex["number_words"], bounded=False)
        num = r"(?:" + _NUM + r"|(?<!\w)" + number_words + r"(?:[\s\-]" + number_words + r"){0,2})"
        strong = set(lex["types_after_strong"])
        self.weak_types = set(lex["types_after_weak"])
        types_after = phrase_source(list(strong) + list(self.weak_types), bounded=False)
        units = phrase_source(lex["units_tail"], bounded=False)
        self.unit_tail = lazy_compile(r",?\s*" + units + r"\.?\s*(?:no\.?\s*)?#?\s*[a-z0-9]{1,5}(?!\w)")
        self.type_followers = set(lex["type_followers_excluded"])
        # "221B Baker Street", "1600 Amphitheatre Pkwy", "twelve Oak Street", "350 5th Ave"
        self.number_first = lazy_compile(
            r"(?P<num>" + num + r")\s*,?\s+"
            r"(?P<name>(?:(?!" + stop + r")" + _NAME + r"\.?\s+){1,4})"
            r"(?P<type>" + types_after + r")(?:\.|(?!\w))"
        )
        # "12 rue de la Paix", "5 bis avenue Foch", "3 place de la Concorde"
        fr_strong = set(lex["fr_types_strong"])
        fr_types = phrase_source(list(fr_strong) + lex["fr_types_weak"], bounded=False)
        articles = phrase_source(lex["fr_articles"], bounded=False)
        self.fr_strong = fr_strong
        self.french = lazy_compile(
            r"(?<![\w.,:/$€£#+\-])\d{1,4}(?:\s?(?:bis|ter)|[a-c])?,?\s+(?P<type>" + fr_types + r")(?!\w)\s+"
            r"(?P<art>" + articles + r"(?!\w)[\s\-]*)?(?!" + stop + r")(?!" + articles + r"(?!\w))[^\W\d_][\w'\-]*"
        )
        # "Calle Mayor 5", "Av. Paulista, 1000", "ул. Ленина, д. 5", "شارع التحرير رقم 15"
        markers = phrase_source(lex["number_markers"], bounded=False)
        self.need_name = set(lex["types_first_need_name"])
        self.type_idioms = lazy_compile(phrase_source(lex["street_type_idioms"]))
        self.type_first = lazy_compile(
            r"(?<!\w)(?P<type>" + phrase_source(lex["types_first"], bounded=False) + r")(?:(?<=[./])|(?!\w))\s*"
            # (a Russian street named after a date or an anniversary: "ул. 8 Марта", "ул. 10 лет Октября")
            r"(?P<name>(?:\d{1,3}(?:-?(?:летия|го|й|я))?\s+(?:лет\s+)?(?=[а-яё]))?"
            r"(?:(?!" + stop + r")" + _NAME + r"\.?[\s,]+){0,4}?)"
            # "rue des Tanneurs à Colmar, au numéro 23": the town, then the number after its marker
            r"(?:(?:à|a|in)\s+(?!" + stop + r")" + _NAME + r"[\s,]+(?=(?:(?:au|al|am|at)\s+)?" + markers + r"))?"
            # (a house number with a thousands dot, as Brazil and Spain write it: "Rua Pedro II, 1.280")
            r"(?:(?:(?:au|al|am|at)\s+)?" + markers + r"\s*)?"
            r"(?P<num>\d{1,2}\.\d{3}(?![\d.,]?\d)|\d{1,5}[a-z]?)(?![\w.:]?\d)"
        )
        # "Hauptstraße 12", "Kurfürstendamm 21", "Hauptstr. 5a"
        suffixes = phrase_source(lex["de_suffixes"], bounded=False)
        # and names joined by hyphens: "Karl-Friedrich-Straße 21", "Dr.-Martin-Luther-Str. 9"
        self.german_compound = lazy_compile(
            r"(?<![\w-])(?P<word>(?:[^\W\d_]{3,}|(?:[^\W\d_]+\.?-){1,3})" + suffixes + r")\s*\d{1,4}[a-z]?(?![\w.:]?\d)"
        )
        # "Berliner Str. 5a", "Frankfurter Allee 12"
        self.german_words = lazy_compile(
            r"(?<!\w)(?P<adj>[^\W\d_]{3,})\s+(?P<type>" + phrase_source(lex["de_words"], bounded=False) + r")"
            r"\s*\d{1,4}[a-z]?(?![\w.:]?\d)"
        )
        self.de_stop = set(lex["de_words_stop"])
        # "Flat 302, Sai Residency, near Hanuman Mandir", "H.No. 5-2-117, Sector 21"
        self.building = lazy_compile(
            phrase_source(lex["building_leads"]) + r"\s*[.:#\-]?\s*(?:no\.?\s*)?"
            r"[a-z]?-?\d{1,5}[a-z]?(?:[/\-]\d{1,5}){0,3}(?!\w)(?!\s*[x×*]\s*\d)"  # "plot 30 x 50 ft" is a size
        )
        self.cues = lazy_compile(phrase_source(lex["building_cues"]) + r"|(?<!\d)\d{6}(?!\d)")
        self.landmark = lazy_compile(phrase_source(lex["landmark_preps"]) + r"\s+(?:the\s+)?")
        # "عمارة 4، شقة 12", "д. 5, кв. 12": a building number then a flat number
        ar_house = phrase_source(lex["ar_buildings"], bounded=False)
        house = r"(?:(?<!\w)" + ar_house + r"|" + phrase_source(lex["ru_house"]) + ")"
        flat = r"(?:(?<!\w)(?:ال)?" + phrase_source(lex["ar_flats"] + lex["ru_flat"], bounded=False) + ")"
        self.building_flat = lazy_compile(
            house + r"\s*(?:رقم\s*)?\d{1,4}[a-zа-я]?[\s,]+(?:корп\.?\s*\d{1,3}[\s,]+)?"
            + flat + r"\s*(?:رقم\s*)?\d{1,4}(?!\d)"
            r"|" + flat + r"\s*(?:رقم\s*)?\d{1,4}[\s,]+" + house + r"\s*(?:رقم\s*)?\d{1,4}(?!\d)"
        )
        # "١٥ شارع التحرير" (Egypt), "Невский проспект, 28"
        self.ar_number_first = lazy_compile(
            r"(?<![\w.,:/])\d{1,4}\s+" + phrase_source(lex["ar_number_first_types"], bounded=False)
            + r"\s+[^\W\d_]{2,}"
        )
        self.ru_name_type = lazy_compile(
            r"(?<!\w)[^\W\d_]{3,}\s+" + phrase_source(lex["ru_types_after_name"], bounded=False)
            + r"(?:(?<=\.)|(?!\w))\s*,?\s*(?:(?:д\.|дом)\s*)?\d{1,4}(?![\d.:])"
        )
        self.keys_ar_ru = gate_keys(lex["ar_number_first_types"] + lex["ru_types_after_name"])
        # "B-45, Lajpat Nagar", "3rd floor, Sai Plaza, MG Road"
        self.indian_code = lazy_compile(
            r"(?<![\w\-/])(?:[a-z]-\d{1,4}(?:/\d{1,4})?|\d{1,2}(?:st|nd|rd|th)\s+(?:"
            + phrase_source(lex["floor_leads"], bounded=False) + r"))(?![\w\-])"
        )
        self.indian_locality = lazy_compile(phrase_source(lex["indian_locality"]))
        self.keys_indian = gate_keys(lex["indian_locality"] + lex["floor_leads"])
        # "P.O. Box 1234", "Postfach 1234", "а/я 15", "ص.ب 1234"
        po_marker = r"(?:\s*" + phrase_source(lex["po_box_number_markers"], bounded=False) + r")?"
        self.po_box = lazy_compile(
            # "PO Box 119", and glued: "P.O. box119", "PoBox53485"
            r"(?<!\w)(?:" + phrase_source(lex["po_box"], bounded=False) + r")(?![^\W\d_])" + po_marker
            + r"\s*[.:#nº°\-]*\s*\d{1,6}(?!\d)"
            r"|" + phrase_source(lex["po_box_need_long_number"]) + po_marker + r"\s*[.:#nº°\-]*\s*\d{3,6}(?!\d)"
            # (West Africa numbers its postal zones: "BP 4821, 01 Abidjan 01", "01 BP 1234 Abidjan 01")
            r"|(?<!\w)bp\s*\d{1,5}(?=[\s,]+(?:\d{5}|cedex|(?:\d{1,2}\s+)?(?P<place>[^\W\d_])))"
        )
        # "corner of 5th and Main", "esquina de Corrientes y Florida"
        # a word joins two names as a whole word ("Juárez y Madero" is no "Juárez y Mad" + "e" + "ro")
        joining = [c for c in lex["corner_connectors"] if c[0].isalpha()]
        connectors = (phrase_source(joining) + "|"
                      + phrase_source([c for c in lex["corner_connectors"] if c not in joining], bounded=False))
        # "au coin de la rue de Rivoli et de la rue du Louvre": an article may bring a particle along
        articles = r"(?:" + phrase_source(lex["corner_articles"], bounded=False) + r"(?:(?<=['.])|(?!\w))\s*){0,2}"
        self.corner = lazy_compile(
            phrase_source(lex["corner_phrases"]) + r"\s+" + articles +
            r"(?P<a>" + _DATED + r"(?!" + stop + r")" + _NAME + r"(?:\s+(?!" + stop + r")" + _NAME + r"){0,2})\s*"
            r"(?:" + connectors + r")\s*" + articles +
            r"(?P<b>" + _DATED + r"(?!" + stop + r")" + _NAME + r"(?:\s+(?!" + stop + r")" + _NAME + r"){0,2})"
        )
        ctypes = phrase_source(lex["corner_types"], bounded=False)
        # "Main St & 3rd Ave"
        self.street_pair = lazy_compile(
            r"(?<!\w)(?!" + stop + r")" + _NAME + r"\s+" + ctypes + r"\.?\s*(?:&|and|aur|und|et|/|@|y|x)\s*"
            r"(?!" + stop + r")" + _NAME + r"\s+" + ctypes + r"(?!\w)"
        )
        # "Av. Pellegrini y Bv. Oroño", "ул. Ленина и пр. Мира": both streets by their type first
        ftypes = phrase_source(lex["corner_types_first"], bounded=False)
        self.street_pair_first = lazy_compile(
            # (a street's second word may be a stop word elsewhere: "Av. Beira Mar", "Rua Dom Pedro")
            r"(?<![\w.])" + ftypes + r"(?:\.\s*|\s+)(?!" + stop + r")" + _NAME
            + r"(?:\s+(?!(?:and|und|et|y|e|и|و|con|com|x)\s)" + _NAME + r")?"
            + r"(?:\s*[&/]\s*|\s+(?:and|und|et|y|e|и|و)\s+|\s+(?P<with>con|com|x)\s+(?:(?:a|o|la|el)\s+)?)"
            + ftypes + r"(?:\.\s*|\s+)(?!" + stop + r")" + _NAME + r"(?!\w)"
        )
        self.keys_street_pair_first = gate_keys(lex["corner_types_first"])
        self.corner_key = lazy_compile(phrase_source(lex["corner_phrases"]))
        self.corner_types = set(lex["corner_types"])
        # "Av. Paulista esquina com a Rua da Consolação", "Schönhauser Allee Ecke Eberswalder Straße"
        street_words = (lex["types_first"] + lex["fr_types_strong"] + lex["de_words"] + lex["ru_types_after_name"]
                        + lex["ar_number_first_types"])
        self.street_words = self.corner_types | {w.rstrip(".") for w in street_words}
        # a corner's street named by its type: any street type of the structure's faker locales
        # ("au coin de la rue X et du cours Y"), but for the types that are everyday words too
        everyday = set(lex["everyday_street_types"])
        locales = load_lexicon("address_structure.json")["street_types"]
        self.corner_street_words = self.street_words | {
            w.rstrip(".") for w in (*locales, *lex["fr_types_weak"], *lex["corner_types"]) if w not in everyday}
        name_run = r"(?:[^\W\d_][\w'\u2019\-]*\.?\s+){0,2}" + _NAME
        self.corner_infix = lazy_compile(
            r"(?<![\w.])(?P<a>(?!" + stop + r")" + name_run + r")\s+" + phrase_source(lex["corner_infixes"])
            + r"\s+" + articles
            + r"(?P<b>" + _DATED + r"(?!" + stop + r")" + _NAME + r"(?:\s+(?!" + stop + r")" + _NAME + r"){0,2})"
        )
        self.keys_corner_infix = gate_keys(lex["corner_infixes"])
        # "isso, esquina com a Rua Floriano Peixoto, em frente ao cinema": one street, typed, the other known
        self.corner_one = lazy_compile(
            phrase_source(lex["corner_one_street"]) + r"\s+" + articles
            + r"(?P<type>" + phrase_source(lex["types_first"], bounded=False) + r")(?:(?<=[./])|(?!\w))\s*"
            + r"(?P<b>" + _DATED + r"(?!" + stop + r")" + _NAME + r"(?:\s+(?!" + stop + r")" + _NAME + r"){0,2})"
        )
        # cheap gates: the words each family of patterns cannot match without
        self.keys_number_first = gate_keys(lex["types_after_strong"] + lex["types_after_weak"])
        self.keys_number_words = gate_keys(lex["number_words"])
        self.keys_french = gate_keys(lex["fr_types_strong"] + lex["fr_types_weak"])
        self.keys_type_first = gate_keys(lex["types_first"])
        self.de_suffix_tuple = tuple(s.rstrip(".") for s in lex["de_suffixes"])
        # one search for "a word ending in a German street suffix" instead of a loop over words
        self.de_suffix_end = lazy_compile(trie_alternation(set(self.de_suffix_tuple)) + r"(?![^\W\d_])")
        self.keys_german_words = gate_keys(lex["de_words"])
        self.keys_building = gate_keys(lex["building_leads"])
        self.keys_building_flat = gate_keys(lex["ar_buildings"] + lex["ru_house"])
        self.keys_po_box = gate_keys(lex["po_box"] + lex["po_box_need_long_number"] + ["bp"])
        self.keys_corner = gate_keys(lex["corner_phrases"] + lex["corner_one_street"])
        self.keys_street_pair = gate_keys(lex["corner_types"])
        self.keys_any = (
            self.keys_number_first | self.keys_french | self.keys_type_first | self.keys_german_words
            | self.keys_building | self.keys_building_flat | self.keys_po_box | self.keys_ar_ru | self.keys_indian
        )
        self.spelled_numbers = _spelled_numbers()
        self.evidence = _Evidence(lex, self.structure, self.spelled_numbers)
        # "давайте у памятника Пушкину", "let's meet in front of the Old Town Hall": a meeting at a named
        # landmark is a place to meet (POLICY.md, "Places")
        # "Site: client's own property, 48 Ponsonby Road", "la obra del cliente en Calle Mayor 5": the other
        # party's or a third party's place, handed over as the work (POLICY.md: the client's own store)
        # a short possessive that is also a subject pronoun ("tu", "ihr", "vos") owns only the noun right
        # after it: "tu oficina" is the reader's, "Tu passes au bureau, 14 bis avenue …" is not
        ambiguous = {"tu", "su", "seu", "sua", "ihr", "ihre", "vos", "leur", "leurs", "your", "their"}
        owners = phrase_source([o for o in lex["third_party_owners"] if o not in ambiguous])
        short = phrase_source([o for o in lex["third_party_owners"] if o in ambiguous])
        places = phrase_source(lex["third_party_places"])
        # "Sede social: Calle de Toledo 112", "siège au 4 place du Marché": an organisation's seat
        seats = phrase_source(lex["institutional_places"])
        self.third_party_place = lazy_compile(
            owners + r"[^.!?\n]{0,24}?" + places + "|" + short + r"\s+(?:[^\W\d_]+\s+)?" + places
            + "|" + places + r"[^.!?\n]{0,12}?" + owners + "|" + seats
        )
        self.seat = lazy_compile(seats)

        self._visit = word_pattern(lex["meeting_cues"])

        self._mine = word_pattern(lexicon()["my_words"])
        # (a leg's word, then its address or the house number that begins it: "livraison 6 allée …",
        # "والتنزيل في ٥ شارع ٩٠" with the Arabic "and" attached)
        self.route_leg = {kind: lazy_compile(r"(?:(?<![^\W_])|(?<=و))" + trie_alternation(set(words))
                                             + r"(?![^\W_])[\s:,\-—–]*(?:(?:at|au|à|en|em|in|im|на|في)\s+)?"
                                             r"(?:\d{1,5}[a-z]?\s+)?$")
                          for kind, words in lex["route_legs"].items()}
        # "passe récupérer les échantillons", "deliver it there": a pin to go to, not a survey's site
        self._errand = word_pattern(lexicon()["pickup_verbs"] + lexicon()["delivery_verbs"] + lex["meeting_cues"])
        # "it's their DC, not mine", "das ist deren Lager, nicht meins": the writer disowns the place
        self._disowned = word_pattern(lex["disowning_phrases"])
        # directions by landmarks, where streets have no numbers: "frente al parque central, ... al lado de la
        # farmacia San Rafael", "Hanuman mandir ke peeche wali gali": a relation, then a point of interest
        # (or the point of interest, then a postposition)
        relations = phrase_source(lex["landmark_relations"])
        pois = phrase_source(lex["poi_nouns"])
        self.poi_landmark = lazy_compile(
            relations + r"\s+(?:(?:the|la|el|le|les|a|o|da|do|de|del|der|die|das|dem|al|ال)\s+)?"
            + r"(?:[^\W\d_]+\s+){0,2}?" + pois
            + "|" + pois + r"(?:\s+[^\W\d_]+){0,2}?\s+" + phrase_source(lex["landmark_postpositions"])
        )
        self.poi_keys = gate_keys(lex["poi_nouns"])
        # the legs' starting point after them: "200 m norte y 50 oeste de la iglesia de San Pedro"
        self.poi_after = lazy_compile(r"[ \t,]*(?:de|del|de la|de los|de las|from the|from|do|da|dos|das|du|de l'|"
                                      r"von der|vom|от|من)[ \t]+(?:(?:the|la|el|le|a|o)[ \t]+)?" + pois)
        # a bearing from a landmark, where streets have no names ("200 metros al norte y 50 al este"):
        # a distance, then a compass direction, with the unit said once for two legs
        distance = r"\d{1,4}(?:[ \t]*" + phrase_source(lex["distance_units"], bounded=False) + r")?"
        self.bearing = lazy_compile(
            r"(?<![\w.,])" + distance + r"[ \t]+(?:(?:al|a|au|to the|hacia el|ao|à|nach|на|إلى ال|الى ال|ke)[ \t]+)?"
            + phrase_source(lex["cardinal_directions"]) + r"(?!\w)"
        )
        self.bearing_keys = gate_keys(lex["cardinal_directions"])
        self.meeting = lazy_compile(phrase_source(lex["meeting_cues"]))
        self.meeting_keys = gate_keys(lex["meeting_cues"])
        # "nos vemos en Corrientes y Callao, en la esquina"; "I'm at King and Strachan …, let's meet there":
        # two names joined, at a place, with a corner or a meeting on the way (capitals checked as written)
        self.name_pair = lazy_compile(
            r"(?<![\w.])(?P<a>(?!" + stop + r")" + _NAME + r")\s+(?:and|y|e|et|und|и|&|/)\s+(?P<b>(?!" + stop + r")"
            + _NAME + r")(?![\w'\u2019-])")
        self.weekdays = frozenset(load_lexicon("calendar_words.json")["weekdays"])
        self.not_crossing = self.weekdays | frozenset(lex["not_place_names"])

    def find(self, text: Text) -> list[Hit]:
        """Hits in one prepared message."""
        view = text.folded
        t = view.text
        if not t:
            return []
        words = word_set(t)
        digits = _DIGIT.search(t) is not None  # the folded view has ASCII digits only
        original = text.original
        hits: list[Hit] = []
        if digits and ("+" in t or "\u3012" in t):
            self._coded_places(view, t, original, hits)
        if not words.isdisjoint(self.keys_corner_infix):
            self._infix_corners(view, t, original, hits)
        if (not words.isdisjoint(self.keys_corner) or not words.isdisjoint(self.meeting_keys)) and _PAIR_JOIN.search(t):
            self._met_crossing(view, t, original, hits)
        if not words.isdisjoint(self.keys_corner):
            self._corners(view, t, original, hits)
        elif (not words.isdisjoint(self.keys_street_pair) or not words.isdisjoint(self.keys_street_pair_first)) and (
                _PAIR_JOIN.search(t)):
            self._corners(view, t, original, hits)
        if not digits:
            if not words.isdisjoint(self.keys_number_words) and not words.isdisjoint(self.keys_number_first):
                self._number_first(view, t, original, hits)
        else:
            self._digit_families(view, t, original, words, hits)
        # a hit ends the search in a short message; a long one reads on, as the message-level
        # filters after the detectors (whose place it is, code spans) may drop the first hit found
        found = bool(hits) and len(t) < _READ_ON
        if digits and not found and not words.isdisjoint(self.structure.keys):
            self.structure.find(view, t, original, hits)
        found = bool(hits) and len(t) < _READ_ON
        if not found and (digits or self.evidence.admits(words)):
            self.evidence.find(view, t, original, words, hits)
        if "///" in t or (digits and "." in t):
            self._places(view, t, hits)
        if digits and self.digital_gate.admits(words):
            self._digital_address(view, t, hits)
        if digits and not hits and "на " in t:
            # "я в коворкинге на Октябрьской, 16, 3 этаж": a street by its name alone, a house, then a floor
            for m in islice(_RU_BARE_STREET.finditer(t), 4):
                if _capitalised(original, view, m.start("name")):
                    hits.append(self._hit(view, m.start("name"), m.end(), "address.street_number"))
        if not hits and self.evidence.admits_landmark(words):
            if not words.isdisjoint(self.meeting_keys):
                self._meeting_points(view, t, original, hits)
            if not hits and len(t) <= _RENDEZVOUS_LENGTH and (
                    not words.isdisjoint(self.weekdays) or CLOCK.search(t) is not None):
                self._rendezvous(view, t, original, hits)
            if not hits and len(t) <= _DIRECTIONS_LENGTH and not words.isdisjoint(self.poi_keys):
                self._directions(view, t, hits)
        if not hits and digits and len(t) <= _DIRECTIONS_LENGTH and not words.isdisjoint(self.bearing_keys):
            self._bearings(view, t, hits)
        if not hits and not words.isdisjoint(self.spelled_numbers) and not words.isdisjoint(self.keys_any):
            # "calle Serrano número cuarenta y dos": read number words as digits and look again
            numeric = text.numeric
            if numeric.text != t:
                self._digit_families(numeric, numeric.text, original, word_set(numeric.text), hits)
        if hits:
            hits = [h for h in hits if not self._third_partys(original, h) and not _after_degree(original, h.start)]
        if len(hits) >= 2:
            hits = self._without_route(original, hits)
        return hits

    def _without_route(self, original: str, hits: list[Hit]) -> list[Hit]:
        """Hits without the two ends of a move or a delivery the message lays out ("pickup 12 Rathmines
        Road Lower, Dublin 6, drop-off 3 Main Street, Bray", "погрузка …, выгрузка …"): the job's
        route, handed over as its data. Each end is named right before its address, and none is
        claimed ("drop-off at my place …" gives the writer's own)."""
        lower = original.lower()
        legs: dict[int, str] = {}
        for k, h in enumerate(hits):
            lo = max(0, h.start - 28)
            cut = max(lower.rfind(c, lo, h.start) for c in ".;\n")
            label = lower[max(lo, cut + 1):h.start]
            if self._mine.search(label):
                continue
            for kind in ("origin", "destination"):
                if self.route_leg[kind].search(label):
                    legs[k] = kind
        if {"origin", "destination"} <= set(legs.values()):
            return [h for k, h in enumerate(hits) if k not in legs]
        return hits

    def _third_partys(self, original: str, hit: Hit) -> bool:
        """Whether the words right before an address say whose place it is, and it is not the
        writer's ("Site: client's own property, 48 ...", "votre magasin au 12 rue ...")."""
        if hit.rule.endswith(".limit"):
            return False
        lower = original.lower()
        start = max(0, hit.start - 100)
        stop = max(lower.rfind(c, start, hit.start) for c in ".!?\n")
        found = list(self.third_party_place.finditer(lower, stop + 1 if stop >= 0 else start, hit.start))
        if self._disowned.search(lower, hit.end, hit.end + 120):
            return True
        if (found and self.seat.search(found[-1].group()) is not None
                and self._visit.search(lower, stop + 1 if stop >= 0 else start, hit.start)):
            return False  # "Vem na sede da associação sexta às 16h: Rua …": the seat given as a place to meet
        # "I'm in your area, my house is 12 Baker Street": the writer's own place after it
        return bool(found) and self._mine.search(lower, found[-1].start(), hit.start) is None

    def _directions(self, view: View, t: str, hits: list[Hit]) -> None:
        """An address given as directions: two points of interest placed by relations in one short
        message, or one with an address or meeting cue before it ("pour la livraison : ..., derrière le
        marché, 2e rue à gauche")."""
        found = list(islice(self.poi_landmark.finditer(t), 6))
        if not found:
            return
        if len(found) >= 2 and found[-1].start() - found[0].end() <= 120:
            hits.append(self._hit(view, found[0].start(), found[-1].end(), "address.directions"))
            return
        first = found[0]
        cue = self.structure.cue.search(t, max(0, first.start() - 80), first.start())
        if cue is None:
            lead = delivery_directive(anchored=False).search(t, max(0, first.start() - 80), first.start())
            cue = lead if lead is not None and not _sentence_break(t, lead.end(), first.start()) else None
        if cue is not None or (self.meeting.search(t) is not None):
            hits.append(self._hit(view, first.start(), first.end(), "address.directions"))

    def _bearings(self, view: View, t: str, hits: list[Hit]) -> None:
        """Directions as legs from a landmark: two bearings within a short stretch ("200 metros al
        norte y 50 al este", "100 m north then 50 m west"); one bearing is a distance, not a place."""
        found = list(islice(self.bearing.finditer(t), 6))
        if len(found) < 2 or found[1].start() - found[0].end() > 40:
            return
        # from a named place ("del Palí de San Pedro, 200 metros al norte"), a point of interest, or
        # a cue: "the drone flew 200 m north and 50 m east" is a flight, not a way to a door
        start = found[0].start()
        named = (_FROM_PLACE.search(view.text, max(0, start - 80), start) is not None
                 or self.poi_after.match(t, found[1].end()) is not None)
        if named or self.poi_landmark.search(t) is not None or self.meeting.search(t) is not None \
                or self.structure.cue.search(t, max(0, start - 80), start) is not None:
            hits.append(self._hit(view, start, found[1].end(), "address.directions"))

    def _rendezvous(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        """A named landmark and a day or a time in one sentence of a short message: a meeting
        ("devant la statue, jeudi 14 h", "राजीव चौक मेट्रो गेट नंबर 7 के सामने, शनिवार 11 बजे")."""
        for sentence in _RENDEZVOUS_SENTENCE.finditer(t):
            lo, hi = sentence.span()
            timed = CLOCK.search(t, lo, hi) is not None or any(
                w in self.weekdays for w in re.findall(r"[^\W\d_][\w-]*", sentence.group()))
            if not timed:
                continue
            for m in islice(self.evidence.landmark.finditer(t, lo, hi), 4):
                name = m.start("place") if m.group("place") else m.start("before")
                clause = max(t.rfind(c, lo, m.start()) for c in ",;:\u2014\u2013") + 1 or lo
                if len(_RENDEZVOUS_WORD.findall(t, clause, m.start())) > 2:
                    continue  # "the hotel is near the Eiffel Tower": a thing's place, said of it
                if _capitalised(original, view, name) and not original[view.starts[name]].isdigit():
                    hits.append(self._hit(view, lo + len(sentence.group()) - len(sentence.group().lstrip()), hi,
                                          "address.meeting_point"))
                    return

    def _meeting_points(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        """A meeting cue and a named landmark in one sentence ("встретимся у памятника Пушкину")."""
        for cue in islice(self.meeting.finditer(t), 8):
            stop = _SENTENCE_END_OR_BREAK.search(t, cue.end())
            end = min(stop.start() if stop else len(t), cue.end() + 120)
            begin = max(0, cue.start() - 80)
            last = max(t.rfind(c, begin, cue.start()) for c in ".!?\n")
            for m in islice(self.evidence.landmark.finditer(t, last + 1 if last >= 0 else begin, end), 4):
                name = m.start("place") if m.group("place") else m.start("before")
                clause = max(max(t.rfind(c, begin, m.start()) for c in ",;:\u2014\u2013") + 1, cue.end()
                             if cue.end() <= m.start() else 0)
                if len(_RENDEZVOUS_WORD.findall(t, clause, m.start())) > 2:
                    continue  # "La visite guidée commence devant la Maison Carrée …, le point de rendez-vous"
                if _capitalised(original, view, name):
                    a, b = min(cue.start(), m.start()), max(cue.end(), m.end())
                    hits.append(self._hit(view, a, b, "address.meeting_point"))
                    return

    def _digit_families(self, view: View, t: str, original: str, words: frozenset[str], hits: list[Hit]) -> None:
        if not words.isdisjoint(self.keys_number_first):
            self._number_first(view, t, original, hits)
        if not words.isdisjoint(self.keys_french):
            self._french(view, t, hits)
        if not words.isdisjoint(self.keys_type_first):
            self._type_first(view, t, hits)
        if not words.isdisjoint(self.keys_german_words) or self.de_suffix_end.search(t):
            self._german(view, t, hits)
        if not words.isdisjoint(self.keys_building):
            self._building(view, t, original, hits)
        if not words.isdisjoint(self.keys_building_flat):
            for m in capped(self.building_flat.finditer(t), view, CATEGORY, hits):
                hits.append(self._hit(view, m.start(), m.end(), "address.building"))
        if not words.isdisjoint(self.keys_ar_ru):
            for pattern in (self.ar_number_first, self.ru_name_type):
                for m in capped(pattern.finditer(t), view, CATEGORY, hits):
                    hits.append(self._hit(view, m.start(), m.end(), "address.street_number"))
        if not words.isdisjoint(self.keys_indian):
            for m in capped(self.indian_code.finditer(t), view, CATEGORY, hits):
                # "B-45, Lajpat Nagar", "3rd floor, Sai Plaza, MG Road": the cue follows a proper name
                limit = min(len(t), m.end() + 50)
                cue = self.indian_locality.search(t, m.end(), limit)
                if cue is None and not m.group()[0].isalpha():
                    cue = self.cues.search(t, m.end(), limit)
                if cue is not None and _named_before(original, view, t, cue.start()):
                    hits.append(self._hit(view, m.start(), cue.end(), "address.building"))
        if "#" in t:
            for m in capped(_GRID.finditer(t), view, CATEGORY, hits):
                hits.append(self._hit(view, m.start(), m.end(), "address.grid"))
        if not words.isdisjoint(self.keys_po_box):
            for m in capped(self.po_box.finditer(t), view, CATEGORY, hits):
                if m.group("place") is not None and not _capitalised(original, view, m.start("place")):
                    continue  # "BP 130 today" is blood pressure; "BP 1234, Dakar" is a box
                hits.append(self._hit(view, m.start(), m.end(), "address.po_box"))

    def _french(self, view: View, t: str, hits: list[Hit]) -> None:
        for m in capped(self.french.finditer(t), view, CATEGORY, hits):
            if m.group("type") in self.fr_strong or m.group("art"):
                hits.append(self._hit(view, m.start(), m.end(), "address.street_fr"))

    def _type_first(self, view: View, t: str, hits: list[Hit]) -> None:
        for m in capped(self.type_first.finditer(t), view, CATEGORY, hits):
            kind = m.group("type")
            if any(i.start() < m.start("type") < i.end() or i.end() == m.end("type")
                   for i in self.type_idioms.finditer(t, max(0, m.start() - 12), m.end("type") + 6)):
                continue  # "عن طريق المنصة" is "through the platform": the street word in an idiom
            if not m.group("name").strip() and kind in self.need_name:
                continue
            if kind in ("ул", "ул.", "улица") and not m.group("name").strip():
                continue
            if _quantity_after(t, m.end()):
                continue  # "Площадь дома 120 м²": an area, not a square and its house
            if _list_number(t, m.start("num")):
                continue  # "… 6 years for CRA.⏎8. Termination pay": the next item of a numbered list
            month = _DATE_NAME.match(t, m.end())
            if month is not None and month.group(1) in self.evidence.not_places:
                # "Rua 25 de Março", "ул. 8 Марта": a street named after a date; its house number, if any, follows
                house = _HOUSE_AFTER_NAME.match(t, month.end())
                if house is not None:
                    hits.append(self._hit(view, m.start(), house.end(), "address.street_type_first"))
                continue
            tail = self.unit_tail.match(t, m.end())
            hits.append(self._hit(view, m.start(), tail.end() if tail else m.end(), "address.street_type_first"))

    def _german(self, view: View, t: str, hits: list[Hit]) -> None:
        for m in capped(self.german_compound.finditer(t), view, CATEGORY, hits):
            word = m.group("word")
            if word in self.de_stop:
                continue
            hits.append(self._hit(view, m.start(), m.end(), "address.street_de"))
        for m in capped(self.german_words.finditer(t), view, CATEGORY, hits):
            adj, kind = m.group("adj"), m.group("type")
            if adj in self.de_stop:
                continue
            if kind not in ("straße", "strasse", "str.") and not adj.endswith("er"):
                continue
            hits.append(self._hit(view, m.start(), m.end(), "address.street_de"))

    def _building(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        for m in capped(self.building.finditer(t), view, CATEGORY, hits):
            if _quantity_after(t, m.end()):
                continue  # "Plot 2,023 m2", "unit 112 m2": a size
            limit = min(len(t), m.end() + _CUE_WINDOW)
            cue = self.cues.search(t, m.end(), limit)
            if cue is None:
                # "near Hanuman Mandir": a landmark preposition before a proper name
                for lm in islice(self.landmark.finditer(t, m.end(), limit), 4):
                    if lm.end() < len(t) and _capitalised(original, view, lm.end()) and t[lm.end()].isalpha():
                        cue = lm
                        break
            if cue is not None:
                hits.append(self._hit(view, m.start(), cue.end(), "address.building"))

    def _places(self, view: View, t: str, hits: list[Hit]) -> None:
        """A place to meet or to send to by its map reference: what3words, GPS coordinates."""
        for m in capped(_WHAT3WORDS.finditer(t), view, CATEGORY, hits):
            hits.append(AddressDetector._hit(view, m.start(), m.end(), "address.what3words"))
        for m in capped(_COORDINATES.finditer(t), view, CATEGORY, hits):
            if abs(float(m.group(1))) > 90 or abs(float(m.group(2))) > 180:
                continue
            if max(len(m.group(1).split(".")[1]), len(m.group(2).split(".")[1])) < 4 and "°" not in m.group():
                continue  # "1.500, 2.000 e 1.200 reais": thousands; a shared pin has four decimals in one or more
            # a place to meet or send to: a cue in the sentence ("meet at", "my location", "я тут"), or
            # a fix to a few metres (five decimals each) that only a map gives
            precise = min(len(m.group(1).split(".")[1]), len(m.group(2).split(".")[1])) >= 5 and not _LAT_LABEL.search(
                t, max(0, m.start() - 14), m.start())  # "Lat/long 51.507351, ..." names a data field
            near = (max(0, m.start() - 60), min(len(t), m.end() + 60))
            if (precise or self._place_cue(t, *near) or self.evidence.landmark.search(t, *near)
                    or self._errand.search(t, *near) or _MEETING_TIME.search(t, *near)):
                hits.append(AddressDetector._hit(view, m.start(), m.end(), "address.coordinates"))

    def _place_cue(self, t: str, lo: int, hi: int) -> bool:
        """An address cue near coordinates; a word that only names the field counts unless the
        coordinates are of the land the work is about ("las coordenadas del lote para el relevamiento",
        "Koordinaten des Flurstücks"), and then only as the writer's own ("mi ubicación")."""
        land = None
        for cue in islice(self.structure.cue.finditer(t, lo, hi), 8):
            if cue.group() not in self.field_labels or self.mine.search(t, max(0, cue.start() - 12), cue.start()):
                return True
            if land is None:
                land = self.land.search(t, lo, hi) is not None
            if not land:
                return True
        return False

    @staticmethod
    def _hit(view: View, a: int, b: int, rule: str) -> Hit:
        start, end = view.span(a, b)
        return Hit(CATEGORY, start, end, rule)

    def _number_first(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        for m in capped(self.number_first.finditer(t), view, CATEGORY, hits):
            kind = m.group("type")
            follower = re.match(r"\.?\s*([^\W\d_]+)", t[m.end():m.end() + 20])
            if follower and follower.group(1) in self.type_followers:
                continue  # "Street Fighter", "road map"
            if m.start() > 0 and t[m.start() - 1] == "#" and _WORD_BEFORE.search(t, 0, m.start() - 1):
                continue  # "issue #12 main road fix"
            spelled = m.group("num")[0].isalpha()
            if (kind in self.weak_types or spelled) and not _capitalised(original, view, m.start("name")):
                # "5 minutes walk", "3 Google Drive files" stay quiet unless it reads like a name, or
                # an address cue leads to it in chat written in lower case ("i live at 504 parkwood drive")
                cue = self.structure.cue.search(t, max(0, m.start() - 60), m.start())
                if cue is None or _sentence_break(t, cue.end(), m.start()):
                    continue
            end = m.end()
            tail = self.unit_tail.match(t, end)
            if tail:
                end = tail.end()
            hits.append(self._hit(view, m.start(), end, "address.street_number"))

    def _corners(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        for m in capped(self.corner.finditer(t), view, CATEGORY, hits):
            a, b = m.group("a"), m.group("b")
            marked = any(_is_street_word(w, self.corner_street_words) for w in (*a.split(), *b.split()))
            if marked or (_capitalised(original, view, _named(t, m, "a"))
                          and _capitalised(original, view, _named(t, m, "b"))):
                hits.append(self._hit(view, m.start(), m.end(), "address.corner"))
        for m in capped(self.corner_one.finditer(t), view, CATEGORY, hits):
            start = view.span(m.start(), m.end())[0]
            if _capitalised(original, view, _named(t, m, "b")) and not any(
                    h.start <= start < h.end for h in hits if h.rule == "address.corner"):
                hits.append(self._hit(view, m.start(), m.end(), "address.corner"))
        for m in capped(self.street_pair.finditer(t), view, CATEGORY, hits):
            if _LISTED_STREET.search(t, max(0, m.start() - 30), m.start()):
                continue  # "Baker Street, Oxford Street and Regent Street": a list of streets, no corner
            hits.append(self._hit(view, m.start(), m.end(), "address.corner"))
        for m in capped(self.street_pair_first.finditer(t), view, CATEGORY, hits):
            if re.search(r",\s*$", t[max(0, m.start() - 3):m.start()]):
                continue  # "calle Mayor, calle Toledo y calle Atocha": a list of streets, no corner
            # a place to be ("en Av. Pellegrini y Bv. Oroño", "на углу ул. Ленина и пр. Мира"), not streets
            # talked about ("rua Augusta e rua Oscar Freire são as mais caras")
            # (or beside a landmark: "junto à entrada da Av. da Boavista com a Estrada da Circunvalação";
            # "comparei a Rua Augusta com a Rua Oscar Freire" compares two streets)
            if _AT_PLACE.search(t, max(0, m.start() - 12), m.start()) or self.corner_key.search(
                    t, max(0, m.start() - 40), min(len(t), m.end() + 40)) or (
                    m.group("with") and self.evidence.landmark.search(t, max(0, m.start() - 40), m.start())):
                hits.append(self._hit(view, m.start(), m.end(), "address.corner"))

    def _met_crossing(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        """A crossing named by its two streets alone, at a place to be ("en Corrientes y Callao", "at King and
        Strachan"), both names capitalised as written, no day of the week, and a corner word right after
        or a meeting in the message."""
        for m in capped(self.name_pair.finditer(t), view, CATEGORY, hits):
            if not (_AT_PLACE.search(t, max(0, m.start() - 12), m.start())
                    and _name_cased(original, view, m.start("a"), m.end("a"))
                    and _name_cased(original, view, m.start("b"), m.end("b"))):
                continue  # (not "DWG y PDF", "SeLoger et Leboncoin": formats and brands)
            if {m.group("a"), m.group("b")} & self.not_crossing:
                continue  # "nos vemos en Enero y Febrero", "el Lunes y Martes": days and months, no streets
            lo = max(0, m.start() - 80, *(t.rfind(c, 0, m.start()) + 1 for c in ".!?\n"))
            stops = [i for i in (t.find(c, m.end()) for c in ".!?\n") if i >= 0]
            hi = min([len(t), m.end() + 80, *stops])
            if self.corner_key.search(t, m.end(), min(hi, m.end() + 40)) or self.meeting.search(t, lo, hi):
                hits.append(self._hit(view, m.start(), m.end(), "address.corner"))

    def _digital_address(self, view: View, t: str, hits: list[Hit]) -> None:
        """A country's coded address named by its system, then the code: the Saudi national short
        address ("RRRD2929"), a GhanaPost GPS address ("GA-183-8832"), an Eircode ("D02 X285")."""
        for name in islice(self.digital_names.finditer(t), 4):
            code = _ADDRESS_CODE.search(t, name.end(), min(len(t), name.end() + 24))
            if code is not None and any(c.isalpha() for c in code.group()) and any(c.isdigit() for c in code.group()):
                hits.append(self._hit(view, name.start(), code.end(), "address.digital"))

    @staticmethod
    def _coded_places(view: View, t: str, original: str, hits: list[Hit]) -> None:
        """Places written as codes: an Open Location Code ("plus code", "7JWV+QF Nairobi": its own
        20-letter alphabet, written in capitals) and a Japanese postal mark with its code ("〒150-0041")."""
        for m in islice(_PLUS_CODE.finditer(t), 16):
            a, b = view.span(m.start(), m.end())
            code = original[a:b]
            if any(c.isdigit() for c in code) and any(c.isalpha() for c in code) and code.upper() == code:
                hits.append(AddressDetector._hit(view, m.start(), m.end(), "address.plus_code"))
        for m in islice(_POSTAL_MARK.finditer(t), 16):
            hits.append(AddressDetector._hit(view, m.start(), m.end(), "address.postal_mark"))

    def _infix_corners(self, view: View, t: str, original: str, hits: list[Hit]) -> None:
        """Two streets with the corner word between them; one named as a street, or both names
        capitalised as written."""
        for m in capped(self.corner_infix.finditer(t), view, CATEGORY, hits):
            a_words, b_words = m.group("a").split(), m.group("b").split()
            marked = any(w.rstrip(".") in self.street_words for w in (*a_words, *b_words))
            capitals = (_capitalised(original, view, m.end("a") - len(a_words[-1]))
                        and _capitalised(original, view, _named(t, m, "b")))
            if marked and capitals or (capitals and len(a_words) + len(b_words) >= 3):
                start = m.start("a")  # from the first word of the street: "na Av. Paulista" starts at "Av."
                for w in re.finditer(r"\S+", m.group("a")):
                    if w.group().rstrip(".") in self.street_words or _capitalised(original, view, start + w.start()):
                        start += w.start()
                        break
                hits.append(self._hit(view, start, m.end(), "address.corner"))


# Russian speech names a street by its adjective in the prepositional case and gives the house
# and the floor, office or flat: "на Октябрьской, 16, 3 этаж", "на Ленина 12, кв. 5"
_RU_BARE_STREET = re.compile(
    r"(?<![^\W_])на\s+(?P<name>[а-яё]+(?:ой|ей|ского|ова|ева|ина)|ленина|мира)\s*,?\s*(?:д\.\s*|дом\s+)?\d{1,3}[а-я]?"
    r"\s*,?\s*(?:\d{1,2}[\s-]*(?:й\s+)?этаж|этаж|офис|оф\.|кв\.?|квартира|подъезд|корп\.?|стр\.)"
)


def _spelled_numbers() -> frozenset[str]:
    """Words of engine/data/number_words.json (all languages): a gate for the numeric view."""
    words: set[str] = set()
    for word in all_number_words():
        words.update(w for w in re.findall(r"[^\W\d_]+", word.lower()) if len(w) > 2)
    return frozenset(words)


def _named_before(original: str, view: View, t: str, pos: int) -> bool:
    """Whether the word before view position `pos` starts with a capital in the original."""
    k = pos - 1
    while k >= 0 and t[k] in " ,":
        k -= 1
    while k > 0 and t[k - 1].isalnum():
        k -= 1
    return k >= 0 and t[k].isalpha() and _capitalised(original, view, k)  # a word, not "1970s"


def _capitalised(original: str, view: View, pos: int) -> bool:
    """Whether the original character behind view position `pos` is upper case or caseless."""
    if pos >= len(view.text):
        return False
    ch = original[view.starts[pos]]
    return ch.isupper() or (ch.isalpha() and ch.lower() == ch.upper()) or ch.isdigit()


def _name_cased(original: str, view: View, start: int, end: int) -> bool:
    """Whether the word at view[start:end] is written as a name: a capital, then small letters only."""
    a, b = view.span(start, end)
    word = original[a:b]
    return len(word) >= 2 and word[0].isupper() and word[1:].islower() and word.isalpha()


def _named(t: str, m: re.Match, group: str) -> int:
    """Where a street's own name starts in a group: after the day of a street named by a date."""
    dated = _DATED_START.match(t, m.start(group))
    return dated.end() if dated else m.start(group)


def _is_street_word(word: str, types: set[str]) -> bool:
    return word.rstrip(".") in types or bool(re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)", word))
