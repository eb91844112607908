"""Phone numbers: case tables of (text, expected match) and hard negatives."""

from __future__ import annotations

import pytest

from tests.engine.conftest import categories, matches

FOUND = [
    # dotted like an IP address, but no IP is written with a trunk zero first
    ("joignez-moi au 079.418.27.63 (Lausanne)", "079.418.27.63"),
    # Mexico's former mobile "1" after the country code, still written
    ("contacto del dev por si falla: +52 1 33 1947 0628 (Guille)", "+52 1 33 1947 0628"),
    # a comment in VBA starts with an apostrophe: prose, where people leave their number
    ("```vba\n' Makro von H. Brandt – bei Fragen: 0421 66 29 04 18\nSub Monatsabschluss()\n```", "0421 66 29 04 18"),
    # international and national formats
    ("call me at +44 20 7946 0958", "+44 20 7946 0958"),
    ("my number is 917-482-3910", "917-482-3910"),
    ("(415) 555-2671 after 6pm", "(415) 555-2671"),
    ("Ring me on 07911 123456", "07911 123456"),
    ("WhatsApp +234 803 456 7890 pls", "+234 803 456 7890"),
    ("0044 7911 123456 is my UK line", "0044 7911 123456"),
    ("appelle-moi au 06 12 34 56 78", "06 12 34 56 78"),
    ("mi móvil: 612 345 678", "612 345 678"),
    ("meu zap é (11) 98765-4321", "(11) 98765-4321"),
    ("+55 (11) 98765-4321", "+55 (11) 98765-4321"),
    ("Handy: 0176 12345678", "0176 12345678"),
    ("звони 8 916 123-45-67", "8 916 123-45-67"),
    ("رقمي 0501234567", "0501234567"),
    ("mera number 98765 43210 hai", "98765 43210"),
    ("call 917.482.3910", "917.482.3910"),
    ("+1 (917) 482 3910", "+1 (917) 482 3910"),
    ("Mobile number: 9876543210", "9876543210"),
    ("text me po, 0917 123 4567 Globe", "0917 123 4567"),
    ("wa: 919876543210", "919876543210"),
    # spelled out, mixed, letters for digits
    ("nine one seven four eight two three nine one zero", "nine one seven four eight two three nine one zero"),
    ("my digits are 917 482 39 ten", "917 482 39 ten"),
    ("call nine one seven, four eight two, three nine one oh", "nine one seven, four eight two, three nine one oh"),
    ("double seven double zero nine zero zero one two three", "double seven double zero nine zero zero one two three"),
    ("Mi número es seis uno dos tres cuatro cinco seis siete ocho", "seis uno dos tres cuatro cinco seis siete ocho"),
    ("zéro six douze trente-quatre cinquante-six soixante-dix-huit", "zéro six douze trente-quatre cinquante-six soixante-dix-huit"),
    ("null eins sieben sechs eins zwei drei vier fünf sechs sieben acht", "null eins sieben sechs eins zwei drei vier fünf sechs sieben acht"),
    ("nau aath saat chhe paanch chaar teen do ek shunya", "nau aath saat chhe paanch chaar teen do ek shunya"),
    ("восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь", "восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь"),
    ("call 9l7-482-39l0", "9l7-482-39l0"),
    ("O6 42 99 l7 38 c'est mon numéro", "O6 42 99 l7 38"),
    ("8 916 12З 45 67 — набери", "8 916 12З 45 67"),
    # other scripts and invisible characters
    ("０９０－１２３４－５６７８", "０９０－１２３４－５６７８"),
    ("٠١٠٠ ١٢٣ ٤٥٦٧", "٠١٠٠ ١٢٣ ٤٥٦٧"),
    ("۰۹۱۲ ۳۴۵ ۶۷۸۹ شماره من", "۰۹۱۲ ۳۴۵ ۶۷۸۹"),
    ("फोन ९८७६५ ४३२१० करो", "९८७६५ ४३२१०"),
    ("call 𝟗𝟏𝟕 𝟒𝟖𝟐 𝟑𝟗𝟏𝟎", "𝟗𝟏𝟕 𝟒𝟖𝟐 𝟑𝟗𝟏𝟎"),
    ("9\u200b1\u200b7\u200b4\u200b8\u200b2\u200b3\u200b9\u200b1\u200b0", "9\u200b1\u200b7\u200b4\u200b8\u200b2\u200b3\u200b9\u200b1\u200b0"),
    ("my cell is 9 1 7 4 8 2 3 9 1 0", "9 1 7 4 8 2 3 9 1 0"),
    ("9-1-7-4-8-2-3-9-1-0 call", "9-1-7-4-8-2-3-9-1-0"),
    ("call ⑨①⑦④⑧②③⑨①⓪", "⑨①⑦④⑧②③⑨①⓪"),
]

NOT_FOUND = [
    # identifiers with their context words
    "Order #48213399201 shipped",
    "Tracking number 9400111899223197428490",
    "Tracking number 1Z 999 AA1 01 2345 6784, it's with UPS now",
    "ISBN 978-3-16-148410-0",
    "PO number 4500123456 must be on every invoice",
    "invoice INV-2024-001234 is overdue",
    "IMEI 356938035643809 on the test phone",
    "the Stripe id is ch_3NQb2L2eZvKYlo2C1a2b3c4d",
    "uuid 123e4567-e89b-12d3-a456-426614174000",
    "رقم الشحنة 1234567890 مع أرامكس",
    "номер заказа 4815162342",
    "Pedido nº 20240311001 enviado",
    # money
    "budget 1500000",
    "invoice 2024-0031 for $1,500.00",
    "the total is 1.500.000,00 €",
    "₹45,00,000 per year",
    "R$ 2.300,00 por mês",
    "USD 1200/month for 12 months",
    # dates, times, timestamps, ranges
    "meeting on 12/03/2025 at 10:30",
    "from 2025-03-12 to 2025-04-30",
    "12.03.2025 - 15.03.2025 vacation",
    "Timestamp 1700000000 logged",
    "created_at 1700000000123",
    "worked there 2015-2019 and 2019-2023",
    "Postcodes 2000–2234 for the ad targeting",
    # versions, measurements, stats, code
    "v2.14.3 released",
    "Windows build 10.0.19045.2364",
    "Python 3.11.7 and Node 20.20.2",
    "1920x1080 px",
    "the file is 12345678 bytes? no, 12345678 KB",
    "const MAX = 2147483647; // int32 max",
    "Lat/long 51.507351, -0.127758",
    "server at 192.168.100.200",
    "3,500,000 followers and 1,200,000 views",
    "the video has 2 500 000 views",
    "The demo data uses 555-0100 through 555-0199",
    "chapter 3 page 12 line 4 section 5 part 6",
    "I have two kids and three dogs",
    "we need twenty five pages and three revisions",
    "placeholder (xxx) xxx-xxxx in the form",
    "12345 67890 12345 67890 12345 67890 test vector",
    # context words that name a thing, round amounts, sequences
    "Call volume: 4500000 per year",
    "call stack depth 1048576",
    "sms gateway sent 5 000 000 messages",
    "Contact count 9876543",
    "numbers 1 2 3 4 5 6 7 8 9 10 in the list",
    "Fibonacci 1 1 2 3 5 8 13 21 34",
    "barcode 5901234123457",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_phone_found(detector, text, expected):
    assert expected in matches(detector, text, "phone")


@pytest.mark.parametrize("text", NOT_FOUND)
def test_phone_not_found(detector, text):
    assert matches(detector, text, "phone") == []


def test_two_numbers_in_one_message(detector):
    assert matches(detector, "call 917 482 3910 or 646 555 0199", "phone") == ["917 482 3910", "646 555 0199"]


def test_spans_index_the_original_text(detector):
    text = "ｍｙ ｎｕｍｂｅｒ ９１７\u200b４８２\u200b３９１０!"
    (finding,) = [f for f in detector.scan(text).findings if f.category == "phone"]
    assert text[finding.start:finding.end] == finding.match == "９１７\u200b４８２\u200b３９１０"


def test_validation_is_capped_on_adversarial_input(detector):
    text = " ".join(["917 482 391"] * 2000)
    verdict = detector.scan(text)  # must finish; the cap bounds the phonenumbers calls
    assert len(verdict.findings) <= 48


LONG = (" The report covers twelve sites, each with a sampling plan, a map and a short narrative; the budget"
        " is the one agreed in the offer, with a review after the first month. Questions here in the chat."
        " Each site gets two visits, and the samples go to the laboratory the client named in the brief.")


@pytest.mark.parametrize("text", [
    "Closest documents: US 10,845,221 B2, EP 3 456 789 B1 and DE 10 2019 123 456 A1.",
    "El número de partida arancelaria es 8429.52.00; HTS 6907.21.1005 para los azulejos.",
    "Bodenproben (Labor LUFA, Probenummern 24-33810 bis 24-33842): pH 6,8–7,2",
    "Schadennummern WG-2025-118843, Versicherungsschein-Nr. 4711-0815-22",
    "Заказчик: ТОО «Жана Дала Агро», БИН 180540012345." + LONG,
    "Soy ingeniero civil colegiado (CIP 184512) con 9 años de experiencia." + LONG,
    # a noun numbered with "№", "nº", "No.", in chat too, and customs declarations by name
    "NCM 6109.10.00, DI nº 25/0123456-7, alíquota de II de 35%.",
    "ОГРНИП 321774600123456, патент на перевод № 7701-25-0041, срок до 31.12.2025.",
    "رقم البوليصة MSKU 7743120، ورقم البيان الجمركي 101-23849-26.",
    # a bracket opened or closed between groups joins a count to a list; ordinals are places in a list
    "Wochenbericht QA – Sprint 18 (24.11.–30.11.)",
    "2 кардио по 40 минут в зоне 2 (пульс 120–135), 10 000 шагов ежедневно.",
    "Relatório de playtest: o 2.º, 3.º e 4.º lugares ficaram a 3 pontos.",
    # the clause after it says it is no phone, or not the writer's
    "Die Teilenummer ist 0 986 435 012, das ist Bosch, keine Telefonnummer 😄",
    "SIP-транк, 2 городских номера офиса: +7 727 000 00 10 и +7 727 000 00 11 (номера клиента, не мои)",
    # or its label, right before it, denies it is a phone
    "Nee, 0800 ist die Auftragsnummer vom Lieferanten, keine Telefonnummer: 0800-55-4471-2",
    "That's the supplier's PO, not a phone number: 4471 2231 0934",
    "Es el código del pedido, no es un teléfono — 600 12 34 56",
    "arre nahi, 1800 wala mera order number hai, phone nahi: 1800-2291-4477",
    # an EU VAT number after its country prefix, EAEU tariff codes, values listed with slashes
    "DE 283 449 117, und die Bestellnummer PO-2025-0418",
    "Код ТН ВЭД 6204 43 000 0, ДТ № 10702070/150325/3012345, пошлина 10%.",
    "Товар: запчасти, код 8483.40.890 9, пошлина 5%.",
    "Classes : limitation de vitesse (30/50/80/110), interdiction de stationner",
])
def test_numbers_labelled_or_shaped_as_other_identifiers_are_no_phone(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["not a phone number: 0171 2345678, that's mine, text me",
                                  "mera number hai, phone nahi: 98110 22345, whatsapp karo"])
def test_a_denying_label_is_overruled_by_a_claim_after_the_number(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Telefonnummer 0176 12345678",
    "Handynr. 0176 12345678",
    "Telefonnr. 0176 12345678",  # a compound's first part, derived from the phone words, names a phone
    "Rufnummer 0176 12345678",
    "WA 0176 12345678",
    "TEL: 0176 12345678",
    "ASAP 0176 12345678",  # an acronym labels registers in documents only
    "call me ASAP 0176 12345678." + LONG,
    "0176 1234567 (mob)",
    "my no. 9876543210",  # a number sign after "my", a phone word or an app names a phone
    "mi nº 612 34 56 78",
    "Tel. No. 0176 5555 1234",
    "WhatsApp nº 11 98765-4321",
    "звоните 8 (495) 123-45-67",  # a phone's brackets close around its area code
    "+49 (0) 30 1234567",
    "Support (1-844-202-5571) toll free",
    "my number is 0176 4821 9985, not my office line",  # claimed before the negation
    "zero eight seven 📞 three one four 📞 two two six eight — text me, not call",  # and after it
    "+٩٦٢ ٧٩ ٥٥٥ ٠١ ٢٣ – مش رقم أمريكي، رقمي الأردني الحقيقي",
    "EL TELEFONO DE LA OFICINA ES NUEVE UNO CUATRO CINCO DOS TRES OCHO SEIS SIETE",  # "ES" is a word here
    "Mi móvil: 6/0/0/1/2/3/4/5/6, escríbeme antes de llamar.",  # a slash after every digit hides a number
])
def test_a_phones_own_labels_and_short_chat_keep_the_number(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["ra2mi 0 5 0 - 7 7 3 - 4 1 9 2, 7akini 3al wats ba3d el 3asr",
                                  "ib3atli 3ala 0 7 7 0 – 4 1 2 – 8 8 3 5"])
def test_an_arabizi_word_before_a_number_is_a_word_not_a_code(detector, text):
    # "ra2mi" ("my number") has a digit as Arabizi writes letters Latin lacks; "AA1" before digit groups is a code
    assert "phone" in detector.scan(text).categories
    assert "phone" not in detector.scan("parcel 1Z 999 AA1 01 2345 6784 arrived").categories


@pytest.mark.parametrize(("text", "number"), [
    ("ruf an: 0176 2291 4408 (9-17 Uhr)", "0176 2291 4408"),
    ("0176 2291 4408 (64, Handy)", "0176 2291 4408"),
])
def test_a_note_in_brackets_after_a_number_is_no_piece_of_it(detector, text, number):
    found = [f.match for f in detector.scan(text).findings if f.category == "phone"]
    assert found == [number]


@pytest.mark.parametrize("text", ["Sprint 18 (24.11.–30.11.)", "la caja MSKU 4412087 (40 pies) llega el lunes",
                                  "رقم الحاوية MSKU 4412087 (40 قدم)"])
def test_a_list_in_brackets_or_a_container_number_is_no_phone(detector, text):
    assert "phone" not in detector.scan(text).categories


@pytest.mark.parametrize("text", ["ISBN 1-56619-909-3", "978-3-16-148410-0 is the edition we translate"])
def test_a_hyphenated_isbn_with_its_check_digit_is_no_phone(detector, text):
    assert "phone" not in detector.scan(text).categories
    assert "phone" in detector.scan("call me 1-415-555-2671 tonight").categories


def test_a_number_listed_before_another_identifier_is_an_identifier(detector):
    assert "phone" not in detector.scan("7707083893, КПП 773601001, счёт №2025/118 от 12.03").categories
    assert "phone" in detector.scan("звони 8 916 123-45-67, заказ 4471").categories


def test_an_identifier_word_names_no_number_after_a_clause_that_claims_it(detector):
    text = "In case the chat here fails, my line:\n0 8 0 6\n2 2 1\n7 5 4 8\nI'm free after 4pm"
    assert "phone" in detector.scan(text).categories
    assert "phone" not in detector.scan("case number for the Lagos office: 0806 221 7548").categories


@pytest.mark.parametrize("text", ["backup number mere visiting card wala hai: 98781 40526",
                                  "auf meiner Visitenkarte steht 0176 2291 4408"])
def test_a_business_card_is_a_phone_word_not_a_card_number(detector, text):
    assert "phone" in detector.scan(text).categories
    assert not detector.scan("card number 4111 1111 1111 1111").findings


@pytest.mark.parametrize("text", ["Leeds districts LS10, LS12 and LS6 grew most", "SKUs SB12, SL50 and BZ10 are back in stock"])
def test_a_codes_letters_before_its_digits_are_no_disguised_digits(detector, text):
    assert "phone" not in categories(detector, text), text


@pytest.mark.parametrize("text", ["OO44 2O7 946 O958", "zap 2l 996l4-BB27"])
def test_look_alike_letters_inside_a_run_of_digit_groups_still_read_as_digits(detector, text):
    assert "phone" in categories(detector, text), text


@pytest.mark.parametrize("text", ["exit code 2147467259 again", "Fehlercode 4915112345678 im Log", "HRESULT 2147467259"])
def test_an_error_code_is_no_phone(detector, text):
    assert "phone" not in categories(detector, text), text


@pytest.mark.parametrize("text", [
    "Штрихкод EAN-13 на упаковке, наш реальный, вот он — 4006381333931, вес 320 г",
    "the barcode on the box, our real one, is this — 4006381333931",
])
def test_a_barcode_whose_gs1_check_digit_holds_is_no_phone(detector, text):
    assert "phone" not in categories(detector, text), text


def test_a_number_without_a_barcode_word_is_judged_as_a_number(detector):
    assert "phone" in categories(detector, "WhatsApp: 4915112345678")


def test_a_fictional_range_number_called_an_example_is_no_phone(detector):
    assert "phone" not in categories(detector, "📞 +1 (787) 555-0132 es de ejemplo en el IVR, no lo marques jaja")


def test_a_real_looking_number_called_an_example_afterwards_stays_a_phone(detector):
    text = "ocho uno dos tres, cuatro cinco seis siete... ups no, ese es un ejemplo jaja"
    assert "phone" in categories(detector, text, ["¿me pasas tu número?", "claro, es el 11"])


def test_an_ip_address_after_a_count_is_no_phone(detector):
    assert "phone" not in categories(detector, "$ ping -c 2 198.51.100.9")


@pytest.mark.parametrize("text", ["zéro six.quarante-sept.82.dix-neuf.35, appelez après 18h", "9.1.7.5.5.5.0.1.2.3"])
def test_dotted_numbers_that_hold_an_ip_shape_stay_phones(detector, text):
    assert "phone" in categories(detector, text), text


@pytest.mark.parametrize("text", [
    "По вашему полису КАСКО № АС 112-044791 убыток зарегистрирован 28.10",
    "الأرض ١٢×٣٠ م، المساحة ٣٦٠ م²، رقم الصك ٣١٠١٢٤٥٥٨٧٠٢.",
])
def test_insurance_policy_and_title_deed_numbers_are_no_phone(detector, text):
    assert "phone" not in categories(detector, text), text


@pytest.mark.parametrize("text", [
    "Geo: the 80206/80209/80218 ZIPs convert best",
    "الطرف الأول: شركة الوفاق للمقاولات، سجل تجاري رقم ٤٠٣٠٢١٨٧٥٦ (جدة)",
])
def test_an_identifier_named_after_the_number_or_without_its_article_is_no_phone(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_plural_that_is_an_ordinary_word_names_no_identifier(detector):
    # "falls" (if) is no plural of "Fall" (case); "ZIPs" is of the acronym
    assert "phone" in detector.scan("Handy: 0 1 7 0 . 3 3 8 . 9 2 . 1 4 falls der Call hier wieder hängt").categories


def test_a_trunk_prefix_and_dotted_groups_are_a_number_not_a_version(detector):
    assert "phone" in detector.scan("личный: 8.914.552.07.36, Хабаровск").categories
    assert "phone" not in detector.scan("Chrome 120.0.6099.109 and v1.22.33.44.55").categories


@pytest.mark.parametrize("text", [
    "call me 080 - 2654 - 7190",
    "०८० — २६५४ — ७१९०, office ka landline hai, Bengaluru",
    "call me 0176 - 2291 - 4408",
])
def test_groups_with_spaced_dashes_are_one_number_not_a_range(detector, text):
    assert "phone" in detector.scan(text).categories, text


def test_pages_and_postcodes_in_a_spaced_range_stay_a_range(detector):
    assert not detector.scan("pages 1200 - 1350 and PLZ 2000 - 2234").findings


@pytest.mark.parametrize("text", [
    "UPI ID: 9812347765@ybl — advance yahan bhej do, platform ka commission bachega",
    "mail me 9812347765@gmail.com",
])
def test_a_mobile_number_as_a_payment_handle_or_mailbox_name_is_a_phone(detector, text):
    assert "phone" in detector.scan(text).categories, text


def test_a_placeholder_mailbox_number_is_no_phone(detector):
    assert "phone" not in detector.scan("user 1234567890@example.com in the fixture").categories


@pytest.mark.parametrize("text", ["5555555555", "I have this number: 111111111111111", "SSN 123 45 6789", "078 05 1123"])
def test_one_digit_repeated_and_social_security_groupings_are_no_phone(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_phone_word_before_the_ssn_grouping_still_makes_a_number(detector):
    assert "phone" in detector.scan("my phone: 078 05 1123").categories


@pytest.mark.parametrize("text, count", [
    ("415-666-7777, 800-443-1223", 2),
    ("415-666-7777 - 800-443-1223 - 212-443-1223", 3),
    ("我的电话号码是415-666-7777", 1),
])
def test_a_list_of_numbers_and_a_number_inside_unspaced_script_are_found(detector, text, count):
    found = [f for f in detector.scan(text).findings if f.category == "phone"]
    assert len(found) == count, found


def test_a_list_of_bare_code_runs_is_no_list_of_numbers(detector):
    text = "- Ejemplos con error: 7501031311309, 7501055300074 (confirmar con el proveedor)"
    assert "phone" not in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    "Hándy: O l 7 S - B 8 Z 4 l 9 O",
    "Ruf an: O I 7 S – Z 3 B – 4 4 O 9",
    "Kalimni 3al 0 79 5 5 l 2 O 6 4",
])
def test_look_alike_letters_typed_one_by_one_among_digits_are_digits(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["a b s o l u t e l y", "grades: B B A S O 5 4", "sizes S M L 1 2 3 4 5"])
def test_single_letters_without_enough_digits_stay_letters(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_number_listed_before_a_labelled_code_is_an_identifier(detector):
    assert "phone" not in detector.scan("300012345600003، ورقم أمر الشراء PO-7781").categories
    assert "phone" in detector.scan("call me 0176 2291 4408, order 4471").categories


def test_a_delivery_note_number_is_an_identifier(detector):
    assert "phone" not in detector.scan("et le BL 0612 449 871 du 03/02, livré quai 4").categories


@pytest.mark.parametrize("text", [
    "Lighthouse scores 97/100/100/100 on the new pages.",  # a value repeated
    "Presupuesto por fases (900 / 1.500 / 800 €), IVA aparte.",  # an amount among them
    "Budget par lot (1 500 / 2 400 / 1 000 €) selon le périmètre.",
])
def test_values_listed_with_slashes_are_no_number(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["call 917/555/0123 after 5", "mon num 9/8/4/1/2/3/3/7, appelle-moi"])
def test_a_numbers_groups_or_digits_between_slashes_stay_a_number(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["vous pouvez me texter au 819.772.40.63", "call me 613.555.12.34"])
def test_a_dotted_number_whose_groups_are_no_ip_octets_is_a_number(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["the server is 10.0.20.101", "an invalid IP like 256.256.256.256 must fail"])
def test_ip_addresses_and_out_of_range_ip_shapes_are_no_number(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "can u text me the details on 0917 – 842 – 3316 po? para mabilis",  # Tagalog "po", no purchase order
    "text me 0917 842 3316 po, salamat",
])
def test_a_lower_case_particle_after_a_number_is_no_identifiers_acronym(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "please check 4500012987 PO before Friday",  # the acronym as written
    "фасовки 50 / 100 / 250 / 500 г",  # values with their unit
    "Extensión: 900-1.200 palabras cada uno",
])
def test_an_acronym_or_a_unit_after_values_marks_no_number(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("text", "phone"), [
    ("Вижу. В квитанции номер операции 3318-7790-12.", False),  # the number of an operation
    ("номер телефона 8 916 482 37 15, звони вечером", True),
    ("номер для связи 8 916 482 37 15", True),
])
def test_a_russian_number_word_before_a_genitive_names_what_the_number_is(detector, text, phone):
    assert ("phone" in detector.scan(text).categories) is phone, text


@pytest.mark.parametrize("text", [
    "DHL Express 7834 1190 22 — sale de Miami el viernes",  # a carrier's tracking number
    "ШК 2037815443210, покупатель говорит, что ничего не получил",  # a barcode
    "выработка 31 500–33 000 кВт·ч в год",  # a range of amounts
])
def test_a_carriers_tracking_number_a_barcode_or_a_range_of_amounts_is_no_number(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "رقم الـIMEI حق الجوال 356938035643809 والسيريال F2LXK9Q3HG7F، تأكد إنه مش مقفول",
    "the IMEI of the phone is 356938035643809, please check it is not blacklisted",
    "use the test card 4111 1111 1111 1111 with any future date on the checkout",
])
def test_an_identifier_named_before_its_number_with_a_valid_check_digit_is_no_phone(text):
    from engine import Detector, RuleSet

    assert "phone" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "the IMEI of the phone is 356938035643808, please check it",  # its check digit is wrong
    "IMEI ok, ab jo number hai mera: 98765 43210",  # a phone after the word, not an IMEI
])
def test_a_number_that_fails_the_named_identifiers_check_stays_a_phone(text):
    from engine import Detector, RuleSet

    assert "phone" in Detector(RuleSet.default()).scan(text).categories, text


def test_a_label_on_the_line_before_names_its_own_value_not_the_next_lines_number():
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.default())
    assert "phone" in detector.scan("version: 1.3.0\nsoporte: 351 624 8810").categories
    # a label alone on its line names the value on the next one
    assert "phone" not in detector.scan("Order number:\n4500 1120 3000").categories
    assert "phone" in detector.scan("Telefon:\n0151 2284 6073").categories


@pytest.mark.parametrize("text", ["Mes numéros de taxes : TPS 812345678 RT0001, TVQ 1223456789 TQ0001, pour la facture.",
                                  "Ziel 20.000 €, erreicht 22.615 € zum 30.11. (113 %). 488 Spender:innen"])
def test_tax_numbers_by_their_labels_and_a_percentage_between_counts_are_no_phone(text):
    from engine import Detector, RuleSet

    assert "phone" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "acá me borra los números, así que va en código: &#54;&#49;&#55; &#52;&#50; &#56;&#56; &#49;&#48;",
    "code: &#x36;&#x31;&#x37; &#52;&#50; &#56;&#56; &#49;&#48;",
])
def test_a_number_in_character_references_is_hidden_whatever_label_it_has(detector, text):
    assert "phone" in categories(detector, text), text


def test_a_plain_number_after_a_code_label_stays_an_identifier(detector):
    assert "phone" not in categories(detector, "el código del pedido: 617 42 88 10")


def test_a_number_in_groups_as_a_payment_handles_name_is_the_number(detector):
    assert "phone" in categories(detector, "advance bhej do UPI pe: 9958 213 407@ybl, baaki kaam ke baad")
    assert "phone" not in categories(detector, "build 2024 1201 0930@ci-runner finished")


@pytest.mark.parametrize("text", [
    "Die Serviceportal-Ticketnummer ist 2024-118-4471, Priorität 2, Reaktionszeit 4 Stunden.",
    "isso aí é o número do pedido, 4471-0092, não é telefone kkk",
])
def test_a_numbered_things_compound_or_a_denial_after_the_verb_names_no_phone(detector, text):
    assert "phone" not in categories(detector, text), text


@pytest.mark.parametrize("text", ["meine Handynummer ist 0176 2345 6789", "Faxnummer 030 1234567",
                                  "0612345678 não é telefone fixo, é meu zap"])
def test_a_phone_compound_or_a_denial_that_claims_stays_a_phone(detector, text):
    assert "phone" in categories(detector, text), text


@pytest.mark.parametrize("text", [
    "For the voice-over I'll read the number in the script as 'call 1-800-555-0199 today'. Is that the final CTA or a placeholder?",
    "T'inquiète, c'était un numéro bidon dans le modèle, 01 99 00 12 34, pas le mien",
])
def test_a_fictional_number_beside_words_for_test_or_placeholder_data_is_no_ones(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_fictional_number_the_writer_asks_to_be_called_on_stays_a_phone(detector):
    assert "phone" in detector.scan("call me on 212-555-0199, my test line is down").categories


@pytest.mark.parametrize("text", [
    "the job ran at 1709251200 according to the log",  # a Rotherham number without its 0
    "batch 1709251200 imported",
])
def test_a_bare_run_is_no_number_of_a_region_that_always_writes_its_trunk_prefix(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["ring me on 01709 251200", "+44 1709 251200", "mera number 9876543210 hai",
                                  "meu zap (11) 98765-4321", "звони 916 123-45-67"])
def test_the_trunk_prefix_rule_leaves_numbers_written_the_way_their_region_writes_them(detector, text):
    assert "phone" in detector.scan(text).categories, text


def test_days_of_months_joined_by_words_make_no_number(detector):
    text = "Quote is €340 for the 6 episodes, delivery 12/03 and 26/03, two rounds of revisions each."
    assert "phone" not in detector.scan(text).categories
    assert "phone" in detector.scan("Tel. 089/12 34 56, ab 9 Uhr").categories  # an area code and a slash


@pytest.mark.parametrize(("text", "number"), [
    ("Festnetz: 0049 (0)89 1234567", "0049 (0)89 1234567"),
    ("landline 44(0)20 7946 0958", "44(0)20 7946 0958"),
])
def test_a_trunk_prefix_in_brackets_after_the_country_code_is_dropped(detector, text, number):
    assert number in [f.match for f in detector.scan(text).findings if f.category == "phone"], text


def test_a_correction_before_a_colon_is_no_piece_of_the_number_after_it(detector):
    verdict = detector.scan("ops, é 96, não 69: (71) 99614-2287", history=["se quiser ligar: (71) 69614-2287"])
    assert [f.match for f in verdict.findings if f.category == "phone"] == ["(71) 99614-2287"]


def test_tagalogs_po_before_a_number_is_politeness_and_a_capital_po_an_order(detector):
    assert "phone" in detector.scan("Pls text na lang po 0917 555 2841 for the Amazon listing photos").categories
    assert "phone" not in detector.scan("PO 4471 2231 09 was approved, ship it Monday").categories


@pytest.mark.parametrize("text", [
    "फोन करो: नाइन एट सेवन ज़ीरो, डबल फाइव, वन टू, थ्री सिक्स",
    "عيط ليا: زيرو ستة، سبعين، جوج وعشرين، خمسة وربعين، تسعة وتمانين",
])
def test_english_digits_in_devanagari_and_darija_tens_spell_a_number(detector, text):
    assert "phone" in detector.scan(text).categories, text


def test_a_devanagari_word_that_is_also_an_english_digit_alone_is_no_number(detector):
    assert not detector.scan("वन विभाग के लिए टू व्हीलर पार्किंग का प्लान, बजट 40,000").categories


@pytest.mark.parametrize("text", [
    "Die Sendung hat die Nummer JJD 0001 4472 9931 54, müsste morgen ankommen.",
    "تمام، البلاط يوصل يوم ٣/١٢ وإذن التسليم رقمه ٥٥٠٩٨٢٣٠٤",
    "the parcel has the number 0412 883 291, it's at the depot",
])
def test_a_number_that_a_shipment_or_a_delivery_note_has_is_an_identifier(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_an_amount_with_its_currency_word_is_no_piece_of_a_split_number(detector):
    history = ["السعر الكلي؟", "+962 7"]
    assert "phone" not in detector.scan("الـ ١٢٠ دينار تشمل التعديلات؟", history=history).categories
    assert "phone" in detector.scan("9 1234 5678", history=["رقمي", "+962 7"]).categories


def test_a_compound_of_a_place_and_nummer_names_a_phone(detector):
    assert "phone" in detector.scan("Live-Regie per Telefon? Meine Studionummer ist 089 - 21 09 77 45.").categories
    assert "phone" not in detector.scan("Die Auftragsnummer ist 2024 118 4471.").categories


def test_a_dotted_number_opened_by_a_trunk_prefix_is_no_version(detector):
    assert "phone" in detector.scan("cel. 099.1.234.567 (Asunción)").categories
    assert "phone" not in detector.scan("el build 010.2.15.3 ya está en staging").categories


def test_a_levantine_call_me_is_a_phone_cue(detector):
    assert "phone" in detector.scan("حاكيني عالـ 03 418 276 إذا بدك تشوف الخشب").categories


def test_a_forbidden_verb_after_a_number_disowns_nothing(detector):
    assert "phone" in detector.scan("если упадёт — звони 8 917 482 60 13, не пиши в таск-трекер").categories
    assert "phone" not in detector.scan("4471 2231 09 — это не телефон, а номер заказа").categories
