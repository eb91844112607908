"""Classes of input the engine must handle by mechanism, each generated from data rather than
listed as examples: numbers of every country's plan after a phone cue, vanity numbers from the
keypad, number words glued to digits, masks that never apply to spelled-out values, lists
that are not glue, and history that never runs a finished sentence on.
"""

from __future__ import annotations

import phonenumbers
import pytest

# Regions whose plans the default rule set does not list (it validates US, GB, IN and others):
# a number after "call me" is a phone number in any of them.
OTHER_REGIONS = ["ES", "BR", "BY", "AO", "KE", "NG", "AR", "CL", "PE", "TR", "EG", "SA", "PH", "VN", "ID", "PL"]
CUES = ["Call me at", "Puedes llamarme al", "Me ligue no", "Appelez-moi au", "Ruf mich an unter",
        "Мой прямой номер:", "اتصل بي على", "Mera number hai"]


def _national(region: str) -> str:
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


@pytest.mark.parametrize("region", OTHER_REGIONS)
def test_a_number_after_a_phone_cue_is_a_phone_in_any_numbering_plan(detector, region):
    for cue in CUES:
        text = f"{cue} {_national(region)}"
        assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("region", OTHER_REGIONS)
def test_international_numbers_of_any_plan_with_a_date_shaped_tail(detector, region):
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    digits = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    body = digits[len(str(number.country_code)) + 1:]
    # "+375 152 45-09-11": the last six digits written like a date
    text = f"+{number.country_code} {body[:-6]} {body[-6:-4]}-{body[-4:-2]}-{body[-2:]}"
    assert "phone" in detector.scan(f"my number {text}").categories, text


KEYPAD = {c: str(d) for d, letters in enumerate(("", "", "abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"))
          for c in letters}
VANITY_WORDS = ["FLOWERS", "GO-TIDAL", "CALL-NOW", "PLUMBER", "HELP-ME", "LAWYERS", "CONTACT"]
PREFIXES = ["1-800-", "1 (888) ", "877-", "+1 866 ", "1300 "]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_vanity_numbers_are_phones(detector, prefix):
    for word in VANITY_WORDS:
        text = f"reach our line at {prefix}{word} any time"
        assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Budget is 800 USD in 4 milestones", "We sold 1800 UNITS last year", "the 800 METER run",
    "1-800-Flowers is a famous brand name in our case study",
])
def test_numbers_beside_words_are_not_vanity_numbers(detector, text):
    assert "phone" not in detector.scan(text).categories


DIGIT_WORDS = {"en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
               "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
               "de": ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]}


@pytest.mark.parametrize("lang", sorted(DIGIT_WORDS))
def test_a_digit_word_glued_to_digits_is_read(detector, lang):
    words = DIGIT_WORDS[lang]
    # "+44 79 8nine 317 506": one group carries its last digit as a word
    for position in range(1, 4):
        groups = ["+44", "79", "89", "317", "506"]
        g = groups[position]
        groups[position] = g[:-1] + words[int(g[-1])]
        text = "number " + " ".join(groups)
        assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["3 mp3 files and 2 x 5min clips", "model x2one is out", "h264 encoding at 30fps"])
def test_letters_glued_to_digits_stay_words(detector, text):
    assert detector.scan(text).findings == ()


SPELLED_FR = "zéro six.quarante-sept.quatre-vingt-deux.dix-neuf.trente-cinq"
SPELLED_DE = "null.eins.fünf.eins.vier.sieben.zwei.acht.drei.neun.sechs.null"


@pytest.mark.parametrize("text", [SPELLED_FR, SPELLED_DE, "восемь.девять.один.шесть.четыре.восемь.два.тридцать семь.15"])
def test_spelled_groups_joined_by_dots_are_not_versions_or_ips(detector, text):
    assert "phone" in detector.scan(text + ", ring me").categories, text


@pytest.mark.parametrize("count", [2, 3, 5])
def test_list_items_on_new_lines_are_not_glue(detector, count):
    lines = [f"{k}. {100 + 7 * k} Market St, Springfield, IL 6270{k}" for k in range(1, count + 1)]
    text = "Add these stores to the locator:\n" + "\n".join(lines)
    assert "phone" not in detector.scan(text).categories


@pytest.mark.parametrize("history", [["See you tomorrow.", "Thanks :)"], ["Done.", "ok!"], ["Great work.", "Bye!"]])
@pytest.mark.parametrize("text", ["/GMAIL", ".com", "@outlook"])
def test_a_finished_history_message_never_runs_into_the_next(detector, history, text):
    assert detector.scan(text, history=history).findings == detector.scan(text).findings
