"""Derive engine/data/calendar_words.json from maintained data (run by hand, not at build time).

The names of the weekdays in the engine's eight languages, from the Unicode CLDR as shipped by
Babel (wide names, format and stand-alone forms), with the forms chat uses beside them: the
Portuguese days without "-feira" ("sexta"), the Russian accusative after "в" ("в субботу").
A place and a day or a time in one short message is a meeting ("devant la statue, jeudi 14 h").

    .venv/bin/python scripts/calendar_source.py > engine/data/calendar_words.json
"""

from __future__ import annotations

import json
import sys

from babel.dates import get_day_names

LANGUAGES = ("en", "es", "pt", "fr", "de", "ru", "ar", "hi")


def weekdays() -> list[str]:
    names: set[str] = set()
    for language in LANGUAGES:
        for context in ("format", "stand-alone"):
            for name in get_day_names("wide", context=context, locale=language).values():
                name = name.lower()
                names.add(name)
                if name.endswith("-feira"):
                    names.add(name[:-6])  # "sexta-feira" is "sexta" in chat
                if language == "ru" and name.endswith("а"):
                    names.add(name[:-1] + "у")  # "в субботу", "в среду", "в пятницу"
                if language == "ar" and name.startswith("ال"):
                    names.add(name[2:])  # "يوم جمعة"
    return sorted(names)


def main() -> None:
    table = {"_doc": "Derived by scripts/calendar_source.py from the Unicode CLDR (Babel): weekday names.",
             "weekdays": weekdays()}
    sys.stdout.write(json.dumps(table, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
