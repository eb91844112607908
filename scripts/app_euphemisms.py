"""Derive the apps' colour and icon euphemisms in the eight languages (run by hand; output committed).

People name a messenger by its icon to slip past a filter: "the green app", "l'appli bleue",
"в синей птичке", "hare wale app pe". Typing those phrases app by app and language by language
leaves holes (the default rules had "the blue app" in English and Arabic only). Here each app
says what its icon looks like (a colour, a pictured thing) and each language says how it forms
"the <colour> app" and "the <thing> app", with its genders and cases; the product is merged into
the euphemisms of engine/data/default_rules.json (existing entries stay, new ones are appended).

    .venv/bin/python scripts/app_euphemisms.py          # rewrite the default rules
    .venv/bin/python scripts/app_euphemisms.py --check  # exit 1 if the rules lack a derived form
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RULES = Path(__file__).resolve().parent.parent / "engine" / "data" / "default_rules.json"

# What each app's icon shows, in the words people use for it.
ICONS = {
    "whatsapp": {"colour": "green"},
    "facebook": {"colour": "blue"},
    "snapchat": {"colour": "yellow", "thing": "ghost"},
    "twitter": {"thing": "bird"},
    "telegram": {"thing": "plane"},
}

# Colour adjectives by form: en; es/pt/fr/ar take one form or a gender; de, ru, hi inflect.
COLOURS = {
    "green": {"en": ["green"], "es": ["verde"], "pt": ["verde", "verdinho"], "fr": ["verte"],
              "de": ["grüne", "grünen"], "ru": ["зелёное", "зеленое", "зелёном", "зеленом", "зелёная", "зеленая",
                                                 "зелёной", "зеленой"],
              "ar": ["الأخضر", "الاخضر"], "hi": ["hara", "hare", "hari", "हरा", "हरे"]},
    "blue": {"en": ["blue"], "es": ["azul"], "pt": ["azul", "azulzinho"], "fr": ["bleue"],
             "de": ["blaue", "blauen"], "ru": ["синее", "синем", "синяя", "синей", "голубое", "голубом"],
             "ar": ["الأزرق", "الازرق"], "hi": ["neela", "neele", "neeli", "नीला", "नीले"]},
    "yellow": {"en": ["yellow"], "es": ["amarilla", "amarillo"], "pt": ["amarelo", "amarelinho"], "fr": ["jaune"],
               "de": ["gelbe", "gelben"], "ru": ["жёлтое", "желтое", "жёлтом", "желтом", "жёлтая", "желтая", "жёлтой",
                                                  "желтой"],
               "ar": ["الأصفر", "الاصفر"], "hi": ["peela", "peele", "peeli", "पीला", "पीले"]},
}

# "the <colour> app" in each language ({c}: a colour form; a form whose gender does not fit
# its noun is left out by the pairs below).
COLOUR_FORMS = {
    "en": ["the {c} app", "{c} app"],
    "es": ["la app {c}", "la aplicación {c}", "app {c}"],
    "pt": ["o app {c}", "o aplicativo {c}", "app {c}", "no app {c}"],
    "fr": ["l'appli {c}", "l'application {c}", "l'app {c}", "appli {c}"],
    "de": ["die {c} app", "der {c} app", "{c} app"],
    "ru": ["{c} приложение", "{c} приложении", "{c} прилога", "{c} прилоге", "{c} прилогу"],
    "ar": ["التطبيق {c}", "البرنامج {c}"],
    "hi": ["{c} app", "{c} wala app", "{c} wale app", "{c} wali app"],
}

# Russian adjective endings agree with the noun: neuter -ое/-ом for приложение/приложении,
# feminine -ая/-ой for прилога/прилоге/прилогу. Spanish "app" and "aplicación" are feminine.
_AGREES = {
    ("ru", "приложение"): ("ое", "ее"), ("ru", "приложении"): ("ом", "ем"), ("ru", "прилога"): ("ая", "яя"),
    ("ru", "прилоге"): ("ой", "ей"), ("ru", "прилогу"): ("ую", "юю"),
    ("es", "app"): ("a", "e", "l"), ("es", "aplicación"): ("a", "e", "l"),
}

# "the <thing> app": the pictured thing with its colour where people say it.
THINGS = {
    "ghost": {"en": ["the ghost app", "the yellow ghost"], "es": ["la app del fantasma", "el fantasmita"],
              "pt": ["o app do fantasminha", "o fantasminha"], "fr": ["l'appli du fantôme", "le fantôme jaune"],
              "de": ["die geister-app", "die app mit dem geist"],
              "ru": ["приложение с привидением", "жёлтое привидение"],
              "ar": ["الشبح الأصفر"], "hi": ["bhoot wala app"]},
    "bird": {"en": ["the bird app", "the blue bird"],
             "es": ["el pájaro azul", "la app del pajarito", "el pajarito azul"],
             "pt": ["o passarinho azul", "o app do passarinho"], "fr": ["l'oiseau bleu", "l'appli de l'oiseau"],
             "de": ["der blaue vogel", "dem blauen vogel", "die vogel-app"],
             "ru": ["синяя птичка", "синей птичке", "синюю птичку", "синяя птица", "синей птице"],
             "ar": ["الطائر الأزرق", "العصفور الأزرق", "العصفورة الزرقاء"], "hi": ["neeli chidiya", "नीली चिड़िया"]},
    "plane": {"en": ["the paper plane app", "the paper-plane app"], "es": ["la app del avioncito", "el avioncito"],
              "pt": ["o app do aviãozinho", "o aviãozinho"], "fr": ["l'appli avion en papier", "l'avion en papier"],
              "de": ["die papierflieger-app", "der papierflieger"], "ru": ["бумажный самолётик", "самолётик"],
              "ar": ["تطبيق الطيارة", "الطيارة الورقية"], "hi": ["hawai jahaz wala app"]},
}


def colour_phrases(colour: str) -> list[str]:
    """Every "the <colour> app" phrase of the eight languages, forms agreeing with their noun."""
    out = []
    for lang, templates in COLOUR_FORMS.items():
        for template in templates:
            noun = template.replace("{c}", "").strip().split()[-1] if "{c}" in template else ""
            endings = _AGREES.get((lang, noun))
            for form in COLOURS[colour][lang]:
                if endings and not form.endswith(endings):
                    continue
                if lang == "de" and template.startswith("die ") and form.endswith("n"):
                    continue  # "die grüne App", but "in der grünen App"
                if lang == "de" and template.startswith("der ") and not form.endswith("n"):
                    continue
                out.append(template.format(c=form))
    return out


def derived() -> dict[str, list[str]]:
    """The euphemisms each app of ICONS gets, in order, without repeats."""
    table: dict[str, list[str]] = {}
    for app, icon in ICONS.items():
        phrases: list[str] = []
        if "colour" in icon:
            phrases += colour_phrases(icon["colour"])
        if "thing" in icon:
            phrases += [p for forms in THINGS[icon["thing"]].values() for p in forms]
        table[app] = list(dict.fromkeys(p.lower() for p in phrases))
    return table


def merged(doc: dict) -> tuple[dict, int]:
    """The rule set document with the derived euphemisms appended; how many were new."""
    added = 0
    forms = derived()
    taken: dict[str, str] = {}
    for app in doc["detectors"]["social"]["apps"]:
        for phrase in (app["name"], *app["aliases"], *app["euphemisms"]):
            taken.setdefault(phrase.lower(), app["name"])
    for app in doc["detectors"]["social"]["apps"]:
        for phrase in forms.get(app["name"], []):
            if phrase not in taken:
                app["euphemisms"].append(phrase)
                taken[phrase] = app["name"]
                added += 1
    return doc, added


def main(argv: list[str]) -> int:
    doc = json.loads(RULES.read_text("utf-8"))
    doc, added = merged(doc)
    if "--check" in argv:
        print(f"{added} derived euphemisms missing from {RULES.name}")
        return 1 if added else 0
    RULES.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"added {added} euphemisms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
