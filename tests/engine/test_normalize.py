"""Normalised views: folding, digits of every script, number words, and the offset map."""

from __future__ import annotations

import re

import pytest

from engine.normalize import Text, fold
from engine.rules import NUMBER_WORD_LANGUAGES

ALL = tuple(NUMBER_WORD_LANGUAGES)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("ＪＯＨＮ＠ＧＭＡＩＬ．ＣＯＭ", "john@gmail.com"),  # full-width
        ("j\u200bo\u200ch\u200dn\u2060\u00ad", "john"),  # zero-width and soft hyphen
        ("gmаil", "gmail"),  # Cyrillic а inside a Latin word
        ("почта", "почта"),  # a Russian word stays Russian
        ("٩١٧ ۵۵۵ ९१७ ৯১৭", "917 555 917 917"),  # Arabic-Indic, Persian, Devanagari, Bengali
        ("𝟗𝟏𝟕 𝟡 𝟿", "917 9 9"),  # mathematical bold, double-struck, monospace
        ("①②③ ¹²³", "123 123"),  # circled, superscript
        ("1\ufe0f\u20e32\ufe0f\u20e3", "12"),  # keycap emoji
        ("a\u2013b\u2014c", "a-b-c"),  # dashes
        ("x﹫y", "x@y"),  # small commercial at
    ],
)
def test_fold(raw, folded):
    assert fold(raw).text == folded


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("nine one seven, five five five, twenty three forty five", "9 1 7 5 5 5 23 45"),
        ("double five triple seven oh", "55 777 0"),
        ("nine hundred sixteen", "916"),
        ("quatre-vingt-dix-neuf douze trente", "99 12 30"),
        ("quatre vingt dix neuf, soixante dix sept, zéro six", "99 77 0 6"),
        ("dreiundzwanzig vier fünf sechs", "23 4 5 6"),
        ("veintitrés cuarenta y cinco cero seis", "23 45 0 6"),
        ("vinte e três quarenta e cinco zero", "23 45 0"),
        ("nau aath saat chhe paanch", "9 8 7 6 5"),
        ("восемь девятьсот шестнадцать сто двадцать три", "8 916 123"),
        ("ثلاثة وعشرون خمسة ستة سبعة", "23 5 6 7"),
        ("9l7-555-O123", "917-555-0123"),
        ("917 482 39 ten", "917 482 39 10"),
    ],
)
def test_numeric_view(raw, digits):
    assert Text(raw, ALL).numeric.text == digits


@pytest.mark.parametrize(
    "raw",
    ["I have two kids and three dogs", "one or two", "do it now", "123e4567", "the mp3 and 4k files"],
)
def test_numeric_view_leaves_prose_alone(raw):
    text = Text(raw, ALL)
    assert text.numeric.text == text.folded.text


@pytest.mark.parametrize(
    "raw",
    ["call nine one seven", "ＡＢＣ\u200b１２３", "x 𝟗𝟏𝟕 y", "İstanbul ß ﬁ", "quatre-vingt-dix-neuf", "٩١٧ ۵۵۵"],
)
def test_offset_map_points_into_the_original(raw):
    for view in (Text(raw, ALL).folded, Text(raw, ALL).numeric):
        assert len(view.starts) == len(view.ends) == len(view.text)
        for i in range(len(view.text)):
            a, b = view.span(i, i + 1)
            assert 0 <= a < b <= len(raw)
        assert all(x <= y for x, y in zip(view.starts, view.starts[1:], strict=False))


def test_fast_path_agrees_with_the_slow_path_for_every_character():

    from engine.normalize import _fold_char, _plain

    disagree = [
        hex(code) for code in (*range(0x80, 0x30000), *range(0xE0000, 0xE1000))
        if _plain(chr(code)) and _fold_char(chr(code)) != chr(code).lower()
    ]
    assert disagree == []


def test_words_in_latin_small_capitals_fold_to_ascii():
    from engine.normalize import Text

    assert Text("ɪɴsᴛᴀ: ᴄᴀʀᴏʟ.ᴍᴀᴘᴀs.ɢɪs", ["en"]).folded.text == "insta: carol.mapas.gis"


def test_every_latin_small_capital_unicode_names_is_in_the_table():
    import unicodedata

    from engine.normalize import _confusables

    named = {chr(c) for c in range(0x80, 0x20000)
             if re.fullmatch(r"LATIN LETTER SMALL CAPITAL [A-Z]", unicodedata.name(chr(c), ""))
             and unicodedata.normalize("NFKC", chr(c)) == chr(c)}
    assert named and named <= set(_confusables())


def test_letters_typed_one_by_one_after_a_dash_join_without_the_dash():
    from engine.normalize import Text

    folded = Text("адрес почты — p a v e l . b e t o n @ y a n d e x . r u", ["ru"]).folded.text
    assert folded.endswith(" pavel.beton@yandex.ru"), folded


def test_the_devanagari_nukta_is_dropped_in_the_folded_view_and_optional_in_phrases():
    import re

    from engine.lexicon import trie_alternation
    from engine.normalize import Text

    assert Text("फ़ोन नंबर").folded.text == Text("फोन नंबर").folded.text == "फोन नंबर"
    assert Text("ज़ूम").folded.text == "जूम"  # the precomposed letter (U+095B) too
    phrase = re.compile(trie_alternation(["फ़ोन नंबर"]))
    assert phrase.fullmatch("फोन नंबर") and phrase.fullmatch("फ़ोन नंबर")


def test_arabic_vowel_marks_are_dropped_in_the_folded_view_and_lexicons_and_a_shadda_is_optional_in_phrases():
    from engine.lexicon import lexicon, trie_alternation

    assert Text("مُعرّف الاجتماع").folded.text == "معرف الاجتماع"
    assert Text("مرحباً").folded.text == "مرحبا"
    assert "غير" in lexicon()["substitution_verbs"]  # written "غيّر" in lexicon.json
    phrase = re.compile(trie_alternation(["بدّل"]))
    assert phrase.fullmatch("بدل") and phrase.fullmatch("بدّل")  # (on a text not yet folded: a shadda)
    assert Text("بَدَّلَ").folded.text == "بدل"


def test_a_bracket_opening_the_next_group_keeps_a_colon_from_gluing_two_numbers():
    assert Text("ops, é 96, não 69: (71) 99614-2287").digits.text == "ops, é 96, não 69: (71) 99614-2287"


def test_a_signed_value_after_its_label_is_no_glue_between_digit_groups():
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.default())
    assert "phone" not in detector.scan("NDVI change 2019 vs 2024: −0.06 mean, hotspots along the river").categories
    assert "phone" in detector.scan("call 0612: - 345678 tonight").categories  # no decimal after the sign: glue


@pytest.mark.parametrize(("raw", "digits"), [
    ("Text me - 07700 9double0 412", "text me - 07700 900 412"),
    ("el 9 2 8 - doble 3 - 4 7", "el 9 2 8 - 33 - 4 7"),
])
def test_a_repeat_word_before_a_digit_writes_the_digit_again(raw, digits):
    assert Text(raw, NUMBER_WORD_LANGUAGES).numeric.text == digits


def test_a_repeat_word_before_no_digit_is_left_alone():
    assert Text("the double 8-bit gig", NUMBER_WORD_LANGUAGES).numeric.text == "the double 8-bit gig"


def test_a_string_literals_escapes_are_read_as_their_characters():
    raw = '{"owner": "\\u006e\\u006f\\u0075\\u0072\\u0040\\u0067\\u006d\\u0078\\u002e\\u0063\\u006f\\u006d"}'
    assert "nour@gmx.com" in fold(raw).text
    assert "ana@web.de" in fold("mail: ana\\x40web.de").text
    assert fold("a lone backslash \\ stays").text == "a lone backslash \\ stays"


def test_a_repeat_said_in_two_words_repeats_the_number_word_after_it():
    assert Text("mera whatsapp hai nau aath saat do, teen baar paanch, chaar ek do",
                NUMBER_WORD_LANGUAGES).numeric.text == "mera whatsapp hai 9 8 7 2 555 4 1 2"
    assert Text("तीन बार पाँच, दो बार सात", NUMBER_WORD_LANGUAGES).numeric.text == "555 77"
    assert Text("maine teen baar call kiya", NUMBER_WORD_LANGUAGES).numeric.text == "maine teen baar call kiya"


@pytest.mark.parametrize(("text", "joined"), [
    ("b-e-r-t-r-a-n-d", "bertrand"),
    ("t_a_r_a_s_o_v_a", "tarasova"),
    ("m • a • j • e • d • . • s • t • u • d • i • o", "majed.studio"),
    ("k|a|t|y|a 7", "katya 7"),
])
def test_letters_with_one_mark_between_each_are_joined(text, joined):
    assert fold(text).text == joined


@pytest.mark.parametrize("text", ["x-y-z axis", "e.g. the list", "user_a_b_c_d", "A-1 grade", "t-shirt"])
def test_marks_between_fewer_than_four_letters_or_inside_a_word_stay(text):
    assert fold(text).text == text.lower()
