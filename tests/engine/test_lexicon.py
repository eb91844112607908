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
