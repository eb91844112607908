"""LazyPattern: compiled on first use, and listed until then for the browser snapshot's warm-up."""

from __future__ import annotations

from engine.lexicon import LazyPattern, lazy_compile, word_alternation, word_pattern


def test_pending_lists_a_pattern_until_it_is_compiled():
    pattern = lazy_compile(r"zq\d+x")
    assert pattern in LazyPattern.pending()
    assert pattern.search("a zq12x b").group() == "zq12x"
    assert pattern not in LazyPattern.pending()


def test_word_alternation_is_word_pattern_without_its_boundaries():
    words = ["hrs", "min", "سم"]
    assert word_pattern(words).search("4 hrs") is not None
    assert word_pattern(words).search("4hrs") is None  # a word boundary before it
    assert lazy_compile(r"\d(?:" + word_alternation(words) + ")").search("4hrs") is not None
    assert lazy_compile(r"\d\s?(?:" + word_alternation(words) + ")").search("90 سم") is not None


def test_first_names_come_from_the_derived_table_with_russian_case_endings():
    from engine.lexicon import first_names, is_first_name

    assert len(first_names()) > 5000  # faker's person providers of the eight languages' regions
    assert is_first_name("Paulo") and is_first_name("Галина") and is_first_name("Дарью")
    assert not is_first_name("React") and not is_first_name("Google")


def test_a_word_of_another_language_with_the_same_spelling_is_no_match_in_its_own_context():
    from engine.lexicon import lexicon

    mine = word_pattern(lexicon()["my_words"])
    for text, expected in [
        ("18.000 visitas/mes", None), ("3 veces al mes", None), ("je transmets mes coordonnées", "mes"),
        ("je l'ai juste mis en forme", None), ("mis datos de contacto", "mis"),
        ("footer mein hai", None), ("form mein fill kar diya", None), ("mein handy", "mein"),
        ("a mere 5 minutes", None), ("mere number pe", "mere"),
        ("mon-fri 9 to 5", None), ("mon numéro", "mon"), ("5 mi away", None), ("mi correo", "mi"),
    ]:
        m = mine.search(text)
        assert (m.group() if m else None) == expected, text
