"""Conversation context: split identifiers are flagged on the message that completes them."""

from __future__ import annotations

import pytest

from tests.engine.conftest import categories

COMPLETED = [
    (["my number is 917", "482"], "3910", "phone"),
    (["call me", "07911", "123"], "456", "phone"),
    (["Handy: 0176", "123"], "45678", "phone"),
    (["nau aath saat chhe paanch", "chaar teen do"], "ek shunya", "phone"),
    (["zéro six quarante-deux", "quatre-vingt-dix-neuf dix-sept"], "trente-huit", "phone"),
    (["john.doe88"], "@gmail.com", "email"),
    (["my email is anna.schmidt"], "at web dot de", "email"),
    (["book me on calendly dot com", "slash"], "tom-harper/30min", "link"),
    (["my site is tomharperdesign", "(no spaces)"], ".com/contact", "link"),
    (["form is forms.gle/8XkQ2", "pLmN"], "3vT", "link"),
    (["it's janedesigns"], "dot com", "link"),
]

CLEAN = [
    (["call me 917 482 3910"], "thanks!"),
    (["call me 917 482 3910"], "5"),
    (["call me on +44 20 7946 0958"], "ok, talk tomorrow"),
    (["my email is jane.doe@gmail.com"], "did you get it?"),
    (["ticket 48213"], "99201"),
    (["the price is 450"], "12/03/2025"),
    (["Invoice 2024-0031"], "total 1,500.00"),
    (["see calendly.com/tom"], "thanks"),
    (["прогнали 916 тестов за 123 секунды", "45 пропущено"], "и 67 тестов упало"),
    (["version 2.14", "build 3"], "released"),
]


@pytest.mark.parametrize(("history", "text", "category"), COMPLETED)
def test_completed_across_messages(detector, history, text, category):
    verdict = detector.scan(text, history=history)
    found = [f for f in verdict.findings if f.category == category]
    assert found, verdict
    for f in found:
        assert text[f.start:f.end] == f.match  # spans index the newest message


@pytest.mark.parametrize(("history", "text"), CLEAN)
def test_newest_message_is_not_blamed_for_history(detector, history, text):
    assert categories(detector, text, history) == set()


def test_history_beyond_the_window_is_ignored(detector):
    history = ["my number is 917", "482"] + ["ok"] * 10
    assert categories(detector, "3910", history) == set()


def test_history_must_be_a_list_of_strings(detector):
    with pytest.raises(TypeError):
        detector.scan("x", history="not a list")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        detector.scan("x", history=["ok", 5])  # type: ignore[list-item]


def test_history_hits_are_remembered_between_keystrokes(detector):
    history = ["my number is 917", "482"]
    typed = [detector.scan(prefix, history=history).to_dict() for prefix in ("3", "39", "391", "3910")]
    assert typed[-1]["findings"] and typed[-1]["findings"][0]["category"] == "phone"
    assert " ".join(history) in detector._history_hits
    assert detector.find_in_history(" ".join(history)) == detector.find(" ".join(history))


@pytest.mark.parametrize(("history", "text"), [
    (["Mein Buchungslink ist", "cal.com/"], "nina-dolmetscht — einfach 30 min auswählen"),
    (["رابط صفحة الحجز:", "calendly.com/"], "nour-ar-subtitles"),
    (["le lien de ma page de réservation en hxxps", "hxxps://cal[.]com/"], "lucie-traductions/30min"),
    (["te paso la planilla del brief", "docs.google.com/spreadsheets/d/1Hc"], "Rd8zY/edit — ahí van mis datos"),
])
def test_a_link_cut_after_its_slash_is_completed_by_the_next_message(detector, history, text):
    assert "link" in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["my booking page is calendly.com/"], "ok thanks"),
    (["the docs are at docs.python.org/3/"], "Thanks, reading now"),
])
def test_a_word_after_a_link_carries_nothing_on(detector, history, text):
    assert not detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["nina 🌸 obrien", "@ 🌸 yahoo", "🌸 dot"], "com 🙂"),  # pictographs between the pieces, spaced
    (["jorge 🌮 vidal", "@ 🌮 protonmail", "🌮 punto"], "com"),
    (["Куда писать?", "lena.bakes", "собака", "rambler", "точка"], "и закончим: ру"),  # ends on a spoken dot
])
def test_the_last_piece_after_a_spoken_dot_or_at_completes_the_address(history, text):
    from engine import Detector, RuleSet

    assert "email" in Detector(RuleSet.default()).scan(text, history=history).categories, text


def test_a_pictograph_without_an_at_may_still_stand_for_it():
    from engine import Detector, RuleSet

    text = "mail kar dijiye: joel punto fotografia 🌴 outlook dot com"
    assert "email" in Detector(RuleSet.default()).scan(text).categories


def test_a_number_glued_across_messages_keeps_the_label_the_message_before_gave_it():
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.default())
    order = detector.scan("4471", history=["The order number for the replacement part is", "88-2019-"])
    assert "phone" not in order.categories
    mine = detector.scan("4471", history=["My number is", "88-2019-"])
    assert "phone" in mine.categories


@pytest.mark.parametrize(("history", "text"), [
    (["meine Seite heißt sprecherstudio-leipzig", "Punkt de"], "/kontakt – da kannst du mir direkt schreiben"),
    (["salon ki site hai glamzone-kanpur", "dot in"], "/book-now pe slot choose karo"),
])
def test_a_path_after_a_domain_completed_in_the_history_carries_the_link_on(history, text):
    from engine import Detector, RuleSet

    assert "link" in Detector(RuleSet.default()).scan(text, history=history).categories, text


def test_a_path_after_words_that_end_in_no_domain_is_a_new_message():
    from engine import Detector, RuleSet

    assert not Detector(RuleSet.default()).scan("/usr/bin is missing", history=["the build failed on", "node 20"]).findings



@pytest.mark.parametrize(("history", "text"), [
    (["Ich hab eine eigene Seite mit Online-Buchung", "huber"], "-malerei.at slash termin, da kannst du dir einen Termin aussuchen"),
    (["my site is tom", "(no spaces)"], "-harper.com/contact is where the form is"),
    (["موقعي اسمه nour"], "-design.sa وفيه فورم التواصل"),
])
def test_the_rest_of_a_domain_then_words_carries_on_the_last_token(detector, history, text):
    assert "link" in categories(detector, text, history), (history, text)


@pytest.mark.parametrize(("history", "text"), [
    (["the steps are", "first the logo"], "- then the docs page layout, see the mock"),
    (["we use the", "node"], "-v flag to print the version, nothing else"),
])
def test_a_list_item_or_a_flag_after_a_word_carries_nothing_on(detector, history, text):
    assert "link" not in categories(detector, text, history), (history, text)


def test_a_reading_that_stops_inside_the_newest_messages_first_word_completes_nothing(detector):
    history = ["O endereço da obra é SHIS QI 15, conjunto 8, casa 12", "é a casa do cliente, para o projeto de reforma"]
    assert not detector.scan("Certo, com isso eu puxo a planta aprovada na administração do Lago Sul.", history=history).findings
    assert "address" in detector.scan("1050 Ixelles", history=["envoie les échantillons au 48 rue du Page, boîte 2",
                                                                "quelle commune ?"]).categories
