"""Derive engine/data/first_names.txt from maintained data (run by hand, not at build time).

The first names of faker's person providers for the regions of the engine's eight languages
(faker's name lists are maintained per locale by native speakers). The engine reads a full name
by its first word ("Галина Петровна Мухина", "Paulo Henrique Tavares") where a message names the
writer on an app; a table of names tells a name from capitalised words ("React Native", "Google
Drive").

    python -m venv /tmp/v && /tmp/v/bin/pip install faker
    /tmp/v/bin/python scripts/person_names_source.py > engine/data/first_names.txt
"""

from __future__ import annotations

import sys

from faker import Faker

LOCALES = [
    "en_US", "en_GB", "en_IN", "en_NG", "en_KE", "en_PK", "en_AU", "en_IE", "en_NZ", "en_PH",
    "es_ES", "es_MX", "es_AR", "es_CO", "es_CL", "pt_BR", "pt_PT", "fr_FR", "fr_CA", "fr_CH", "fr_QC",
    "de_DE", "de_AT", "de_CH", "ru_RU", "uk_UA", "ar_SA", "ar_PS", "hi_IN",
]
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female")


def first_names() -> set[str]:
    names: set[str] = set()
    for locale in LOCALES:
        provider = Faker(locale).provider("faker.providers.person")
        for attribute in ATTRIBUTES:
            values = getattr(provider, attribute, None) or ()
            for name in (values.keys() if isinstance(values, dict) else values):
                first = name.strip().split()[0] if name.strip() else ""
                if len(first) >= 3 and first[0].isupper() and first.replace("-", "").replace("'", "").isalpha():
                    names.add(first)
    return names


def main() -> None:
    sys.stdout.write("# Derived by scripts/person_names_source.py from faker's person providers; one name a line.\n")
    for name in sorted(first_names()):
        sys.stdout.write(name + "\n")


if __name__ == "__main__":
    main()
