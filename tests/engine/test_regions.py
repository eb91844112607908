"""Data, not contact: values inside code, config, logs, tables and test-data sentences."""

from __future__ import annotations

import pytest

from engine.regions import data_spans, inside, placeholder_digits

DATA = [
    '```json\n{"name": "Ana", "phone": "+44 20 7946 0958", "city": "Leeds"}\n```',
    "INSERT INTO users (id, phone) VALUES (1, '+1 415 464 0188');",
    "    order.save()\n  File \"app/views.py\", line 88, in checkout",
    "2026-01-04 12:00:01 ERROR sms gateway refused +49 176 12345678 (retry 3)",
    "| store | phone |\n|---|---|\n| Leeds | 0113 496 0000 |",
    "Twilio's magic test number +15005550006 returns success; use it in the integration tests only.",
    "UK fixtures: company number 09446231 and the drama number 020 7946 0958 for the phone field.",
    "ip 50.22.30.40/32 whitelisted, server on 0.0.0.0:8000, metadata at 169.254.169.254",
    "In CSS use @font-face and @media (max-width: 600px) for the RTL layout",
    "The model reads self.user.profile.phone and order.save() fails",
    "Card for the sandbox: 5555 5555 5555 4444, exp 12/30",
    # a YAML fixture; an object literal with unquoted keys; placeholder places and the 7-digit 555-01xx
    "# fixtures/users.yaml\n- name: Jane Tester\n  phone: \"+1 202-555-0143\"\n  address: 12 Main Street, Anytown\n",
    'const demo = [\n  { nombre: "Ana", tel: "555-0147", direccion: "Calle Falsa 123" },\n];',
    "testkunde:\n  name: Max\n  strasse: Musterstraße 1, 12345 Musterstadt\n  plz: 12345",
]
OFFERED = [
    "```js\n// questions? call me on +44 7911 123456\nexport const api = createClient(URL)\n```",
    "```\n+44 7911 123456\n```",
    "phone = '+44 7911 123456'  # my whatsapp, text me",
]


@pytest.mark.parametrize("text", DATA)
def test_values_inside_data_are_clean(detector, text):
    assert detector.scan(text).findings == (), text


@pytest.mark.parametrize("text", OFFERED)
def test_a_value_offered_as_the_writers_own_is_judged(detector, text):
    assert detector.scan(text).findings, text


@pytest.mark.parametrize(
    ("digits", "placeholder"),
    [("5555555555", True), ("0123456789", True), ("4155550123", True), ("15005550006", True),
     ("442079460958", True), ("70000000000", True), ("4154640188", False), ("447911123456", False)],
)
def test_placeholder_digits(digits, placeholder):
    assert placeholder_digits(digits) is placeholder


def test_data_spans_cover_code_lines_and_not_prose():
    text = "Here is the config:\nPHONE = '+1 415 464 0188'\nCall me tomorrow."
    spans = data_spans(text)
    start = text.index("PHONE")
    assert inside(spans, start, start + 10)
    assert not inside(spans, text.index("Call"), text.index("Call") + 7)


def test_rows_of_someones_records_are_the_works_data(detector):
    text = ("Here is a sample of the scraped leads so you can check the format:\n"
            "Dr. Alan Pryce, Pryce Dental, 020 7946 0123, alan@prycedental.co.uk\n"
            "Dr. Mia Chen, Smile Studio, 0161 496 0456, mia@smilestudio.co.uk\n"
            "Let me know if the columns are right before I do the full 500.")
    assert not detector.scan(text).findings


@pytest.mark.parametrize("text", [
    "dukaan ke branches (client ka data):\nbranch,address,phone\nKarol Bagh,12/4 Ajmal Khan Road,011-2575xxxx\n"
    "Lajpat Nagar,Shop 9 Central Market,011-2981xxxx\n(baaki 6 file me)",
    "قائمة فروع العميل للخريطة:\nbranch,address,phone\nمدينة نصر,٢٠ شارع عباس العقاد,٠٢٢٢٧٠٠٠٠٠\n"
    "المعادي,شارع ٩، برج النيل,٠٢٢٥٢٠٠٠٠٠",
    "Filialen für den Store-Locator:\nName;Straße;PLZ;Ort;Telefon\nMitte;Torstraße 12;10119;Berlin;030 2847 1190\n"
    "Pankow;Berliner Straße 40;13187;Berlin;030 4859 2210",
    "sku,descripcion,precio,stock\n7790070411020,Yerba 1kg,4250,118\n7791293022611,Galletitas 300g,1380,64\n"
    "7790895000782,Gaseosa 2.25L,2190,0\nEsto es el export del inventario del súper para cargar en la app.",
])
def test_rows_under_a_header_that_names_the_columns_are_records(detector, text):
    # a value need not repeat in its column: the header says what the rows hold
    assert not {"phone", "address", "email"} & set(detector.scan(text).categories), text


def test_a_row_under_a_header_that_offers_itself_stays_contact(detector):
    text = ("name,phone,email\nclient,020 7946 0123,alan@prycedental.co.uk\n"
            "me,0161 496 0456 call me on this one,mia@smilestudio.co.uk")
    assert "phone" in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    # one person's contact block, labelled or not, holds each kind of contact once
    "Kontakt:\nTelefon: 0176 2291 4408, E-Mail: anna@brandt-design.de, Web: brandt-design.de\n"
    "Adresse: Lindenstraße 9, 10969 Berlin, Deutschland",
    "Anna Brandt, Design Studio, Berlin\n0176 2291 4408, anna@brandt-design.de, brandt-design.de\n"
    "Lindenstraße 9, 10969 Berlin, Deutschland",
    # a row that offers itself
    "Dr. Alan Pryce, Pryce Dental, 020 7946 0123, alan@prycedental.co.uk\n"
    "me, my studio, 0161 496 0456, call me on this one, mia@smilestudio.co.uk",
])
def test_a_contact_block_or_an_offered_row_stays_contact(detector, text):
    assert {"phone", "email"} <= set(detector.scan(text).categories)


@pytest.mark.parametrize("text", [
    "Phone: 917 482 3910\nEmail: ana.ruiz@gmail.com\nAddress: 12 Elm St, Portland",  # a signature's capitals
    "- name: Ana\n  phone: 917 482 3910\n# that one is mine, call me",
    "[tradutor: liga 935 118 402 pra próxima temporada]",  # a bracket in subtitles is no object literal
])
def test_a_contact_block_or_a_bracketed_note_is_no_yaml_or_object_data(detector, text):
    assert detector.scan(text).findings, text


@pytest.mark.parametrize("text", [
    'const SUPPORT = "If the bot fails, call Aidan: +353 87 214 6630"; // my mobile, remove later',
    'const NOTFALL = "Bei Serverausfall: Ralf, 0171 428 55 06"; // meine private Nr., später entfernen',
])
def test_a_value_in_code_that_a_trailing_comment_owns_is_contact(detector, text):
    assert "phone" in {f.category for f in detector.scan(text).findings}, text


def test_sql_clauses_on_their_own_lines_are_code(detector):
    text = "SELECT r.id, r.nombre\nFROM residentes r\nJOIN medicacion m ON m.residente_id = r.id\nORDER BY m.hora;"
    assert not detector.scan(text).findings


@pytest.mark.parametrize("text", [
    'def format_phone(raw: str) -> str:\n    return raw[-10:]\n# format_phone("89991234567") -> "+7 (999) 123-45-67"',
    "const SA_MOBILE = /^(?:05)\\d{8}$/;\n// أمثلة للاختبار: 0500000000 (صحيح), 0412345678 (خطأ)",
    "def hook():\n    # TODO: send SMS via provider; test number 9999999999\n    return 'ok'",
])
def test_a_comment_in_code_that_shows_examples_or_test_values_is_data(detector, text):
    assert "phone" not in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", [
    "def hook():\n    return 'ok'\n# questions? WhatsApp me on +7 914 552 07 36",
    "def hook():\n    return 'ok'\n# если что, звоните: +7 914 552 07 36",
])
def test_a_comment_in_code_that_gives_contact_still_counts(detector, text):
    assert "phone" in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", [
    "const c = decodeURIComponent('%2B351%20291%20743%20208'); // meu fixo no Funchal, pro cliente",
    'print("Questions? WhatsApp Wanjiku on +254 722 618 304")\n^ left this in the splash, you can use it though',
    '<p>Reservas: <a href="https://wa.me/5491155320417">escríbenos</a></p>\nese es mi wa personal, úsalo',
])
def test_contact_in_code_claimed_as_the_writers_is_shared(text):
    from engine import Detector, RuleSet

    assert "phone" in Detector(RuleSet.default()).scan(text).categories, text


def test_a_test_number_in_code_without_a_claim_stays_data():
    from engine import Detector, RuleSet

    text = "const SUPPORT_PHONE = '+254 722 618 304'; // the client's call centre, from their brief"
    assert "phone" not in Detector(RuleSet.default()).scan(text).categories


@pytest.mark.parametrize(("text", "category"), [
    ('{\n  "sender": {"line1": "3/2, 41 Dumbarton Rd", "city": "Glasgow", "postcode": "G11 6AB"},\n'
     '  "note": "my own flat — post the test prints here, not to the client"\n}', "address"),
    ('{\n  "adresse": "Salzachstraße 3/5/12, 1200 Wien",\n  "hinweis": "an mich privat schicken"\n}', "address"),
])
def test_a_value_in_data_claimed_on_a_nearby_line_is_shared(text, category):
    from engine import Detector, RuleSet

    assert category in Detector(RuleSet.default()).scan(text).categories, text


def test_a_value_in_data_with_no_claim_nearby_stays_data():
    from engine import Detector, RuleSet

    text = ('{\n  "store": {"line1": "41 Dumbarton Rd", "city": "Glasgow", "postcode": "G11 6AB"},\n'
            '  "note": "the client\'s shop, from their brief"\n}')
    assert "address" not in Detector(RuleSet.default()).scan(text).categories


def test_a_dockerfiles_instructions_are_code():
    from engine import Detector, RuleSet
    from engine.regions import data_spans

    text = ("FROM node:20-alpine\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n"
            "ENV TZ=Asia/Kolkata PORT=3000\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]")
    assert data_spans(text) == [(0, len(text))]
    assert not Detector(RuleSet.default()).scan(text).findings
    # a line of capitals that is no instruction stays prose
    assert Detector(RuleSet.default()).scan("USER MANUAL\nCall me on +44 20 7946 0958").findings


def test_an_address_read_across_a_csv_rows_fields_stays_data_and_a_piped_number_stays_a_number():
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.default())
    rows = ("I cleaned the export you gave me (your customers, for the mail merge):\n\n"
            "customer_id,name,street,city,postcode,phone\n"
            "10021,Margaret Ellis,14 Rosebery Avenue,Leeds,LS8 1PX,0113 496 0021\n"
            "10023,Sophie Walsh,Flat 2 33 Harrow Lane,York,YO10 3DR,0113 496 0764\n")
    assert "address" not in detector.scan(rows).categories
    # separators inside one value, none in the rest of the line: a disguise, not a row
    assert "phone" in detector.scan("the code for our chat is +1 | 646 | 230 | 8817").categories
    assert "address" in detector.scan("Meine Werkstatt: Hauptstra&szlig;e&nbsp;<b>17</b>, 4&#48;&#53;1 Basel").categories


def test_a_fences_language_and_the_decorator_under_it_are_no_email():
    from engine import Detector, RuleSet

    text = "```python\n@router.post('/book')\ndef book(slot: str, stylist_id: int):\n    return create_booking(slot)\n```"
    assert "email" not in Detector(RuleSet.default()).scan(text).categories


def test_robots_txt_directives_are_code():
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.default())
    text = "User-agent: *\nDisallow: /checkout/\nAllow: /blog/\nSitemap: https://www.bakery-lefort.fr/sitemap.xml"
    assert not detector.scan(text).findings
    # a directive's name before prose that offers a site stays a link
    assert "link" in detector.scan("Allow: call me at www.janedesign.fr").categories


def test_a_standards_vocabulary_url_is_no_site_of_anyone():
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.default())
    assert not detector.scan('{"@context": "https://schema.org", "@type": "Bakery", "name": "Maison Lefort"}').findings
    assert "link" in detector.scan("see my work on https://schema.org.janedesign.fr/contact").categories


@pytest.mark.parametrize("text", [
    "// accepts (11) 91234-5678 and 11912345678\nexport const isMobile = (v) => /^\\(?\\d{2}\\)?\\s?9\\d{4}-?\\d{4}$/.test(v);",
    "# matches +44 7700 900123 and 07700 900123\nUK_MOBILE = re.compile(r'^(?:\\+44|0)7\\d{3} ?\\d{6}$')",
])
def test_the_values_a_comment_gives_for_the_validator_under_it_are_examples(text):
    from engine import Detector, RuleSet

    assert "phone" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "// me liga no (11) 91234-5678\nexport const isMobile = (v) => /^\\(?\\d{2}\\)?\\s?9\\d{4}-?\\d{4}$/.test(v);",
    "// (11) 91234-5678\nconst retries = 3;",
    "// numéro du support (le mien, à retirer après la démo)\nconst SUPPORT = '+221 77 638 14 02';",
])
def test_a_comment_that_offers_claims_or_documents_no_validator_keeps_the_number(text):
    from engine import Detector, RuleSet

    assert "phone" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "```\n0 3 * * 1 /opt/backup.sh --keep 14   # Fragen dazu: ich bin als @ben_ops_muc auf Telegram\n```",
    "```js\nretry(3);  // stuck? ping me, I'm @lea_devs on Telegram\n```",
])
def test_a_handle_in_a_comment_after_code_on_its_line_is_prose(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "```\nnotify = \"@ben_ops_muc\"   # the bot account we are building\n```",
    "```\nmail_to: qa@shop.test   # test inbox for the staging mails\n```",
])
def test_a_value_before_a_trailing_comment_or_one_that_says_test_data_stays_data(detector, text):
    assert not detector.scan(text).findings, text


@pytest.mark.parametrize(("text", "category"), [
    ('// TODO: убрать перед релизом\nconst SUPPORT = "https://t.me/tim_bots_kzn";\nconst DOCS = "https://docs.aiogram.dev/";',
     "social"),
    ('# TODO remove before release\nOWNER_PHONE = "+91 93044 18827"\nRETRIES = 3', "phone"),
    ('+  const SUPPORT = "Stuck? Call the developer directly: +44 7911 284 630 (Callum)";', "phone"),
])
def test_contact_slipped_into_code_with_a_note_to_remove_it_or_to_call_the_developer(detector, text, category):
    assert category in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    '# TODO remove the retry loop\nSUPPORT_PHONE = "+1 212 555 0143"  # test fixture\n',
    'const SUPPORT = "Contact support via the app"; // TODO: remove the old banner',
])
def test_a_todo_about_something_else_leaves_test_data_as_data(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_string_in_code_that_asks_to_call_the_writer_directly_is_contact(detector):
    text = 'const SUPPORT_HINWEIS = "Bei Fragen zur App ruft mich direkt an: 0176 / 442 19 803 (Niklas)";'
    assert "phone" in detector.scan(text).categories


def test_a_comment_that_calls_the_next_lines_number_personal_claims_it():
    from engine import Detector, RuleSet

    text = ("```js\nconst contacto = {\n  autor: 'Ivonne Castañeda',\n  // whatsapp personal por si algo se rompe en prod\n"
            "  tel: '+52 1 33 1907 6644',\n};\n```")
    assert "phone" in Detector(RuleSet.default()).scan(text).categories
