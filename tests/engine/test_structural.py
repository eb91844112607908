"""Structural bypasses: any glue between the pieces of an identifier changes nothing.

Properties over classes of glue (POLICY.md, "Decisions on gray areas"): for phone numbers,
emails and addresses the detector finds alone, inserting any separator class between their
groups, splitting them over 2 to 4 messages with connecting words, wrapping them in markup or
encoding them still flags the message that completes them; decoys before them never hide them.
"""

from __future__ import annotations

import base64
import binascii
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PHONES = [
    ["+44", "20", "7946", "0958"],
    ["917", "482", "3910"],
    ["+91", "98765", "43210"],
    ["+49", "176", "1234", "5678"],
    ["+55", "11", "98765", "4321"],
    ["+7", "916", "123", "45", "67"],
]
EMAILS = [("john.doe88", "gmail.com"), ("maria.lopez", "outlook.es"), ("ivan.petrov85", "yandex.ru")]

# One representative of each class of glue between digit groups.
GLUE = [
    "\n", "\r\n", "\n\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x00", "\x7f", "\ufffc",
    "\u200b", "\u2060", "\u00ad", " 📞 ", "✨", "🔥🔥", "....", " . . ", " -- ", " / ", "•",
    " (lol) ", " [x] ", " then ", " and then ", " y luego ", " und dann ", " потом ", " ثم ",
]


@pytest.mark.parametrize("groups", PHONES)
@pytest.mark.parametrize("glue", GLUE)
def test_any_glue_between_digit_groups_still_flags_the_phone(detector, groups, glue):
    verdict = detector.scan("my number: " + glue.join(groups))
    assert "phone" in {f.category for f in verdict.findings}, (glue, groups)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    phone=st.sampled_from(PHONES),
    glues=st.lists(st.sampled_from(GLUE), min_size=5, max_size=5),
)
def test_mixed_glue_still_flags_the_phone(detector, phone, glues):
    text = phone[0] + "".join(g + p for g, p in zip(glues, phone[1:], strict=False))
    assert "phone" in {f.category for f in detector.scan("call me " + text).findings}


@pytest.mark.parametrize("groups", PHONES)
@pytest.mark.parametrize("joiner", ["", " then", " and the rest is", ")", "."])
@pytest.mark.parametrize("pieces", [2, 3, 4])
def test_a_number_split_over_messages_flags_the_last_one(detector, groups, joiner, pieces):
    parts = [" ".join(groups[i::pieces]) for i in range(pieces)]  # not contiguous: rebuild in order
    size = max(1, len(groups) // pieces)
    parts = [" ".join(groups[i:i + size]) for i in range(0, len(groups), size)]
    history = ["my number is " + parts[0] + joiner] + [p + joiner for p in parts[1:-1]]
    verdict = detector.scan(parts[-1], history=history)
    assert "phone" in {f.category for f in verdict.findings}, (history, parts[-1])


@pytest.mark.parametrize(("local", "domain"), EMAILS)
@pytest.mark.parametrize("glue", ["\x00", "\x7f", "\ufffc", "\u200b", "\u00ad"])
def test_control_and_invisible_characters_inside_an_email(detector, local, domain, glue):
    address = local[:3] + glue + local[3:] + "@" + domain.replace(".", glue + ".")
    assert "email" in {f.category for f in detector.scan("write to " + address).findings}


SITES = [("www.", "ateliebarro", ".com.br"), ("", "ebeniste-lefort", ".fr"), ("www.", "voix-de-marc", ".ca")]
LINE_BREAKS = ["\n", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"]


@pytest.mark.parametrize(("scheme", "name", "tld"), SITES)
@pytest.mark.parametrize("brk", LINE_BREAKS)
@pytest.mark.parametrize("cut", ["dot_after", "dot_before", "short_piece"])
def test_a_site_broken_over_lines_is_still_a_site(detector, scheme, name, tld, brk, cut):
    site = scheme + name + tld
    if cut == "dot_after":  # "www.ateliebarro." / "com.br"
        pieces = [scheme + name + ".", tld[1:]]
    elif cut == "dot_before":  # "www.ateliebarro" / ".com.br"
        pieces = [scheme + name, tld]
    else:  # "ww" / "w.ateliebarro.com.br", or two letters cut off the name
        pieces = [site[:2], site[2:]]
    text = "portfolio and booking form on my site:" + brk + brk.join(pieces) + brk + "(sorry for the layout)"
    assert "link" in detector.scan(text).categories, repr(text)


@pytest.mark.parametrize(("local", "domain"), EMAILS)
@pytest.mark.parametrize("brk", LINE_BREAKS)
def test_an_email_broken_over_lines_is_still_an_email(detector, local, domain, brk):
    text = "write to" + brk + local + brk + "@" + domain + " when you can"
    assert "email" in detector.scan(text).categories, repr(text)


@pytest.mark.parametrize("dot", sorted(__import__("engine.normalize", fromlist=["DOT_LIKE"]).DOT_LIKE))
def test_any_dot_sign_between_a_sites_names(detector, dot):
    text = f"mira mi web: estudiolumen{dot}com{dot}br, ahí está el formulario"
    assert "link" in detector.scan(text).categories, repr(text)


def test_dot_signs_are_every_bullet_middle_dot_and_dot_operator_unicode_names():
    import re
    import unicodedata

    from engine.normalize import DOT_LIKE

    name = re.compile(r"(?:[A-Z ]+ )?BULLET(?: OPERATOR)?|(?:[A-Z ]+ )?MIDDLE DOT|DOT OPERATOR|ONE DOT LEADER|HYPHENATION POINT"
                      r"|Z NOTATION SPOT")
    derived = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in ("Po", "Sm", "Lo")
               and name.fullmatch(unicodedata.name(chr(c), "")) and "HYPHEN BULLET" not in unicodedata.name(chr(c))}
    assert derived == set(DOT_LIKE)


def test_slash_signs_are_every_slash_and_solidus_unicode_names_besides_the_ascii_and_fullwidth_ones():
    import re
    import unicodedata

    from engine.normalize import SLASH_LIKE

    name = re.compile(r"(?:(?:FRACTION|DIVISION|BIG|VERY HEAVY|DOTTED) )?(?:SLASH|SOLIDUS)")
    derived = {chr(c) for c in range(0x80, 0x110000) if unicodedata.category(chr(c)) in ("Po", "Sm", "So")
               and name.fullmatch(unicodedata.name(chr(c), "")) and unicodedata.normalize("NFKC", chr(c)) != "/"}
    assert derived == set(SLASH_LIKE)


@pytest.mark.parametrize("mark", sorted(__import__("engine.normalize", fromlist=["SLASH_LIKE"]).SLASH_LIKE) + ["\u1427"])
def test_any_slash_or_middle_dot_sign_between_digit_groups(detector, mark):
    text = f"Basel: 079 {mark} 512 {mark} 66 {mark} 30, Festnetz hab ich keins"
    assert "phone" in detector.scan(text).categories, repr(text)


@pytest.mark.parametrize("text", [
    "Services: Photography · Video · Design · Music",
    "Wedding • Portrait • Studio • Live",
    "Done.\nIt works now",
    "ok\nDone.\nit works now",
    "README.md\nsetup.py\nrequirements.txt",
    "Steps:\n1.\n2.\n3.",
    "Guía: https://www.kickstarter.com/help/handbook .\n\nNecesito el plan de recompensas",
])
def test_list_separators_and_lines_that_end_sentences_are_no_site(detector, text):
    assert "link" not in detector.scan(text).categories, repr(text)


@pytest.mark.parametrize(("local", "domain"), EMAILS)
@pytest.mark.parametrize(
    "wrap",
    [
        lambda lo, d: f"<b>{lo}</b>@<i>{d.split('.')[0]}</i>.{d.split('.')[1]}",
        lambda lo, d: f"{lo}&#64;{d.replace('.', '&#46;')}",
        lambda lo, d: f"{lo}&#x40;{d}",
        lambda lo, d: f"{lo}&commat;{d.replace('.', '&period;')}",
        lambda lo, d: quote(f"{lo}@{d}", safe="").replace(".", "%2E"),
        lambda lo, d: base64.b64encode(f"{lo}@{d}".encode()).decode(),
        lambda lo, d: binascii.hexlify(f"{lo}@{d}".encode()).decode(),
    ],
    ids=["tags", "decimal-entities", "hex-entity", "named-entities", "percent", "base64", "hex"],
)
def test_markup_entities_and_encodings_count_once_decoded(detector, local, domain, wrap):
    text = "my mail: " + wrap(local, domain)
    verdict = detector.scan(text)
    assert "email" in {f.category for f in verdict.findings}, text
    for f in verdict.findings:
        assert text[f.start:f.end] == f.match


@pytest.mark.parametrize(
    "text",
    [
        "9.1.7.4.8.2.3.9.1.0",
        "9,1,7,4,8,2,3,9,1,0",
        "+1.415.555.0188",
        "1.415.555.0188",
        "4.1.5.Five.Five.Five.0.4.8.8",
        "415...555...0188",
        "call 212 464 0143 x623",
        base64.b64encode(b"+14154640143").decode(),
    ],
)
def test_dotted_and_encoded_numbers(detector, text):
    assert "phone" in {f.category for f in detector.scan("reach me: " + text).findings}, text


LOOKALIKE_NEGATIVES = [
    "Ticket 4471\n2290 closed",
    "sizes: 10, 12, 14, 16",
    "resolution 1920×1080 and 3840×2160",
    "v1.2.3 then 2.14.3 then 10.0.19045.2364",
    "Section 1.2.3.4 and 5.6.7",
    "429 after 1000 requests/min",
    "sha 3f786850e387550fdab836ed7e6dc881de23001b",
    "token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
    "<b>Budget</b>: 1,500 USD, <i>deadline</i> 12.03.2025",
    "Use &lt;div&gt; and 100% width",
]


@pytest.mark.parametrize("text", LOOKALIKE_NEGATIVES)
def test_lookalike_structures_stay_clean(detector, text):
    assert detector.scan(text).findings == (), text


@pytest.mark.parametrize("decoys", [40, 400])
@pytest.mark.parametrize(
    ("decoy", "real", "category"),
    [
        ("{i} Main Street", "I live at 42 Baker Street, London", "address"),
        ("{i} Elm Road", "I live at 42 Baker Street, London", "address"),
        ("ref {i}", "call me 212 464 0143", "phone"),
        ("@user{i}", "add me on telegram @ivan_petrov85", "social"),
    ],
)
def test_decoys_never_hide_the_real_one(detector, decoys, decoy, real, category):
    text = " ".join(decoy.format(i=100 + i) for i in range(decoys)) + " " + real
    verdict = detector.scan(text)
    assert verdict.action != "allow"
    # either the real one itself is found, or a cap was reached before it: the strictest action
    real_found = any(f.category == category and f.end > len(text) - len(real) for f in verdict.findings)
    capped = any(f.category == category and "limit" in f.features for f in verdict.findings)
    assert real_found or (capped and verdict.action == "block")


@pytest.mark.parametrize("text", ["contact: nine nine eight seven — wait — 622 304",
                                  "संपर्क: नौ नौ आठ सात — रुको — ६२२ ३०४"])
def test_an_aside_between_dashes_glues_the_groups_as_brackets_do(detector, text):
    assert "phone" in detector.scan(text).categories


@pytest.mark.parametrize("text", ["pages 12 — and then — 45 are done", "ticket 4471 - see - 2290 1183"])
def test_an_aside_between_short_counts_makes_no_number(detector, text):
    assert not detector.scan(text).findings


@pytest.mark.parametrize("text", [
    "que me llame al celu:\n11\n6294\n-\n3817",
    "call me:\n917\n-\n555\n-\n0123",
])
def test_a_dash_on_a_line_of_its_own_between_digit_groups_is_glue(detector, text):
    assert "phone" in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize(("history", "text"), [
    ([], "mi correo: l, u, p, i, t, a, guion bajo, r, o, j, a, s, arroba, g, m, a, i, l, punto com"),
    ([], "meine Adresse: f, r, a, n, z, i, punkt, h, u, b, e, r, at, gmail punkt com"),
    (["mi correo, letra por letra: l, u, p, i, t, a", "guion bajo, r, o, j, a, s, arroba, g, m, a, i, l"], "punto com"),
])
def test_an_email_spelled_letter_by_letter_between_commas_is_read(detector, history, text):
    assert "email" in {f.category for f in detector.scan(text, history=history).findings}, (history, text)


@pytest.mark.parametrize("text", ["options a, b, c, d, e and f are fine", "we meet there, at the office, at 5"])
def test_lists_of_letters_and_commas_around_at_are_no_email(detector, text):
    assert not detector.scan(text).findings, text


@pytest.mark.parametrize(("history", "text"), [
    (["Can I call you?", "Sure, area code 514, then 293"], "and the last four are 6618, evenings only please"),
    (["my cell is 312 867", "wait, kid screaming", "sorry. 312 867 and"], "ok the last four are 2291"),
    (["send the scans to siobhan.gen", "at", "eircom"], "and the last bit is .ie"),
])
def test_the_last_pieces_told_with_a_count_or_a_few_words_complete_the_identifier(detector, history, text):
    assert detector.scan(text, history=history).findings, (history, text)


@pytest.mark.parametrize("text", ["we have 1500 and the last four are 2300 left", "promo code 514 293 6618"])
def test_amounts_with_a_count_between_and_a_promo_code_are_no_number(detector, text):
    assert "phone" not in {f.category for f in detector.scan(text).findings}, text


def test_a_vulgar_fractions_slash_joins_no_digit_groups(detector):
    assert not detector.scan("Bien 1 : condo 4½, 1 050 pi², 3e étage, 389 000 $, taxes 3 120 $").findings
