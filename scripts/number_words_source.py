"""Source of engine/data/number_words.json: number words in the eight policy languages.

Run `python scripts/number_words_source.py` to regenerate the JSON. Regular compounds
(German "dreiundzwanzig", Spanish "veintitrés", Russian/Portuguese/Arabic tens + units)
are generated here from their parts, so the table stays complete without typing 99 words.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "engine" / "data" / "number_words.json"


def en() -> dict:
    units = "zero one two three four five six seven eight nine".split()
    teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    words = {w: i for i, w in enumerate(units)} | {w: 10 + i for i, w in enumerate(teens)}
    words |= {w: 20 + 10 * i for i, w in enumerate(tens)}
    words |= {"oh": 0, "o": 0, "nought": 0, "naught": 0, "nil": 0, "fourty": 40}
    return {"words": words, "multipliers": {"hundred": 100}, "double": ["double"],
            "triple": ["triple"], "connectors": ["and"]}


def es() -> dict:
    units = "cero uno dos tres cuatro cinco seis siete ocho nueve".split()
    teens = "diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve".split()
    tens = "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
    words = {w: i for i, w in enumerate(units)} | {w: 10 + i for i, w in enumerate(teens)}
    words |= {w: 20 + 10 * i for i, w in enumerate(tens)}
    words |= {"un": 1, "una": 1, "dieciséis": 16, "veintiún": 21}
    vein = ("veintiuno veintidos veintitres veinticuatro veinticinco veintiseis "
            "veintisiete veintiocho veintinueve").split()
    words |= {w: 21 + i for i, w in enumerate(vein)}
    words |= {"veintidós": 22, "veintitrés": 23, "veintiséis": 26}
    hundreds = {"cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300,
                "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600,
                "setecientos": 700, "ochocientos": 800, "novecientos": 900}
    return {"words": words | hundreds, "multipliers": {}, "double": ["doble"],
            "triple": ["triple"], "connectors": ["y"]}


def pt() -> dict:
    units = "zero um dois tres quatro cinco seis sete oito nove".split()
    teens = "dez onze doze treze catorze quinze dezesseis dezessete dezoito dezenove".split()
    tens = "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa".split()
    words = {w: i for i, w in enumerate(units)} | {w: 10 + i for i, w in enumerate(teens)}
    words |= {w: 20 + 10 * i for i, w in enumerate(tens)}
    words |= {"três": 3, "uma": 1, "duas": 2, "meia": 6, "quatorze": 14, "dezasseis": 16,
              "dezassete": 17, "dezanove": 19, "cinqüenta": 50}
    hundreds = {"cem": 100, "cento": 100, "duzentos": 200, "trezentos": 300,
                "quatrocentos": 400, "quinhentos": 500, "seiscentos": 600,
                "setecentos": 700, "oitocentos": 800, "novecentos": 900}
    return {"words": words | hundreds, "multipliers": {}, "double": ["duplo"],
            "triple": ["triplo"], "connectors": ["e"]}


def fr() -> dict:
    units = "zéro un deux trois quatre cinq six sept huit neuf".split()
    teens = "dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split()
    tens = "vingt trente quarante cinquante soixante".split()
    words = {w: i for i, w in enumerate(units)} | {w: 10 + i for i, w in enumerate(teens)}
    words |= {w: 20 + 10 * i for i, w in enumerate(tens)}
    words |= {"zero": 0, "une": 1, "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80,
              "quatre-vingt-dix": 90, "septante": 70, "huitante": 80, "octante": 80,
              "nonante": 90}
    return {"words": words, "multipliers": {"cent": 100, "cents": 100}, "double": ["double"],
            "triple": ["triple"], "connectors": ["et"]}


def de() -> dict:
    units = "null eins zwei drei vier fünf sechs sieben acht neun".split()
    teens = "zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn".split()
    tens = "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()
    words = {w: i for i, w in enumerate(units)} | {w: 10 + i for i, w in enumerate(teens)}
    words |= {w: 20 + 10 * i for i, w in enumerate(tens)}
    words |= {"ein": 1, "eine": 1, "zwo": 2, "fuenf": 5, "zwoelf": 12, "dreissig": 30,
              "fuenfzig": 50, "fuenfzehn": 15}
    stems = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    for t, tw in enumerate(tens):
        for u, uw in enumerate(stems, start=1):
            words[f"{uw}und{tw}"] = 20 + 10 * t + u
    return {"words": words, "multipliers": {"hundert": 100}, "double": ["doppel", "doppelt"],
            "triple": ["dreifach"], "connectors": ["und"]}


def hi() -> dict:
    # Hindi/Urdu in Latin script, with the common spellings.
    words = {
        "shunya": 0, "sunya": 0, "sifar": 0, "zero": 0,
        "ek": 1, "aek": 1, "do": 2, "doo": 2, "teen": 3, "char": 4, "chaar": 4,
        "paanch": 5, "panch": 5, "chhe": 6, "chhah": 6, "cheh": 6, "chah": 6, "che": 6,
        "saat": 7, "aath": 8, "aat": 8, "nau": 9, "nao": 9,
        "das": 10, "dus": 10, "gyarah": 11, "barah": 12, "baarah": 12, "terah": 13,
        "chaudah": 14, "pandrah": 15, "solah": 16, "satrah": 17, "atharah": 18, "unnis": 19,
        "bees": 20, "tees": 30, "chalis": 40, "chaalis": 40, "pachas": 50, "pachaas": 50,
        "saath": 60, "sattar": 70, "assi": 80, "nabbe": 90, "nabbay": 90,
    }
    # Devanagari, as typed in Hindi chat
    words |= {"शून्य": 0, "ज़ीरो": 0, "जीरो": 0, "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पाँच": 5, "पांच": 5,
              "छह": 6, "छः": 6, "छे": 6, "सात": 7, "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12,
              "तेरह": 13, "चौदह": 14, "पंद्रह": 15, "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19,
              "बीस": 20, "तीस": 30, "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70, "अस्सी": 80,
              "नब्बे": 90}
    # 21 to 99: each has its own word in Hindi (no tens + units rule), in Devanagari and in the
    # common Latin spelling; the Latin spelling is also taken with its long vowels written short
    # ("bayaalis", "bayalis"), as chat writes both
    devanagari = (
        "इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस - इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस "
        "सैंतीस अड़तीस उनतालीस - इकतालीस बयालीस तैंतालीस चवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास - "
        "इक्यावन बावन तिरेपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ - इकसठ बासठ तिरसठ चौंसठ पैंसठ छियासठ सड़सठ "
        "अड़सठ उनहत्तर - इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी - इक्यासी बयासी "
        "तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी - इक्यानवे बानवे तिरानवे चौरानवे पचानवे छियानवे सत्तानवे "
        "अट्ठानवे निन्यानवे"
    ).split()
    latin = (
        "ikkees baaees teyees chaubees pachchees chhabbees sattaaees atthaaees untees - iktees battees "
        "taintees chauntees paintees chhattees saintees adtees untaalees - iktaalees bayaalees taintaalees "
        "chavaalees paintaalees chhiyaalees saintaalees adtaalees unchaas - ikyaavan baavan tirepan chauvan "
        "pachpan chhappan sattaavan atthaavan unsath - iksath baasath tirsath chaunsath painsath chhiyaasath "
        "sadsath adsath unhattar - ikhattar bahattar tihattar chauhattar pachhattar chhihattar sathattar "
        "athhattar unyaasi - ikyaasi bayaasi tiraasi chauraasi pachaasi chhiyaasi sattaasi atthaasi navaasi - "
        "ikyaanve baanve tiraanve chauraanve pachaanve chhiyaanve sattaanve atthaanve ninyaanve"
    ).split()
    for forms in (devanagari, latin):
        assert len(forms) == 79, len(forms)  # 21..99, a "-" standing for each round ten
        for value, word in enumerate(forms, start=21):
            if word == "-":
                continue
            words.setdefault(word, value)
            if word.isascii():
                for variant in {word.replace("aa", "a"), word.replace("ee", "i"),
                                word.replace("aa", "a").replace("ee", "i")}:
                    words.setdefault(variant, value)
    # the English digits as Hindi chat writes them in Devanagari ("नाइन एट सेवन ज़ीरो, डबल फाइव")
    words |= {"वन": 1, "टू": 2, "थ्री": 3, "फोर": 4, "फ़ोर": 4, "फाइव": 5, "फ़ाइव": 5, "सिक्स": 6, "सेवन": 7,
              "एट": 8, "एइट": 8, "नाइन": 9, "नाईन": 9, "टेन": 10}
    # ("teen baar paanch", "तीन बार पाँच": three times five, as "triple five" is said)
    return {"words": words, "multipliers": {"sau": 100}, "double": ["double", "do baar", "दो बार", "डबल"],
            "triple": ["triple", "teen baar", "तीन बार", "ट्रिपल"], "connectors": []}


def ru() -> dict:
    units = "ноль один два три четыре пять шесть семь восемь девять".split()
    teens = ("десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать "
             "семнадцать восемнадцать девятнадцать").split()
    tens = "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split()
    words = {w: i for i, w in enumerate(units)} | {w: 10 + i for i, w in enumerate(teens)}
    words |= {w: 20 + 10 * i for i, w in enumerate(tens)}
    words |= {"нуль": 0, "одна": 1, "одно": 1, "две": 2}
    hundreds = {"сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
                "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900}
    return {"words": words | hundreds, "multipliers": {}, "double": [], "triple": [],
            "connectors": ["и"]}


def ar() -> dict:
    words = {
        "صفر": 0, "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "إثنين": 2, "اتنين": 2,
        "ثلاثة": 3, "ثلاث": 3, "تلاتة": 3, "أربعة": 4, "اربعة": 4, "أربع": 4, "اربع": 4,
        "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8,
        "ثمان": 8, "تمانية": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
        "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
        "اربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70,
        "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
        "مائة": 100, "مية": 100, "مئة": 100,
        # the first part of 11 and 12 ("أحد عشر", "اثنا عشر"), added to the "عشر" after it
        "اثنا": 2, "اثني": 2, "إحدى": 1, "احدى": 1,  # ("أحد" alone is "anyone": left out)
        # the spoken forms of the dialects: Maghrebi (Darija: "جوج", "ربعة", "سيتة", "تمنية"),
        # Levantine and Gulf ("تنين", "ثنين"), and "زيرو" borrowed everywhere
        "زيرو": 0, "جوج": 2, "تنين": 2, "ثنين": 2, "ثنتين": 2, "ربعة": 4, "سيتة": 6, "تمنية": 8,
        "تمانة": 8, "تمنة": 8,
        # and their tens ("خمسة وربعين", "تسعة وتمانين", "تلاتين")
        "ربعين": 40, "تلاتين": 30, "تلاثين": 30, "تمانين": 80, "تمنين": 80,
    }
    # informal writing ends the feminine -ة as -ه ("خمسه", "تلاته", "عشره")
    words.update({w[:-1] + "\u0647": n for w, n in list(words.items()) if w.endswith("\u0629")})
    return {"words": words, "multipliers": {}, "double": [], "triple": [], "connectors": ["و"]}


def main() -> None:
    table = {"en": en(), "es": es(), "pt": pt(), "fr": fr(), "de": de(), "hi": hi(), "ru": ru(),
             "ar": ar()}
    OUT.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=1) + "\n", "utf-8")
    print(f"wrote {OUT} ({sum(len(t['words']) for t in table.values())} words)")


if __name__ == "__main__":
    main()
