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


# -- addresses by converging evidence ------------------------------------------------------

UNITS = ["flat 3", "Apt 14B", "suite 210", "piso 4", "andar 7", "étage 2", "кв. 17", "الطابق 8", "Local 9"]
POSTAL_LINES = ["80631 Bailly", "Hatfield 0028", "10997 Berlin", "Cambridge CB4 2JQ", "9396-618 SANTIAGO DO CACÉM",
                "Delhi 110024", "2705 Herzogenburg"]
STREET_NAMES = ["14 Arbury", "Larissa-Glaser-Straße 804", "rue Oberkampf", "calle Pelayo", "شارع التحلية",
                "Akin Ogunlewe Street"]


@pytest.mark.parametrize("postal", POSTAL_LINES)
def test_a_street_or_unit_with_a_postcode_line_is_an_address(detector, postal):
    for first in UNITS[:3] + STREET_NAMES[:2]:
        text = f"Dropping it at {first},\n{postal}\nthanks!"
        assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("unit", UNITS)
def test_a_dwelling_unit_after_an_address_cue_is_an_address(detector, unit):
    for cue in ["Ship the samples to", "Envía el paquete a", "Пришлите на адрес:", "أرسل الأجهزة إلى"]:
        text = f"{cue} {STREET_NAMES[2]}, {unit}"
        assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "AWS Route 53 config", "Port 8080, timeout 30s, retries 5, heap 2048 MB", "Budget is USD 1200/month for 20 hours",
    "Interviews via Upwork video calls in the week of 9 March.", "Monitoring in Grafana 10 und Terraform 1.7",
    "نعمل المقابلة عن طريق مكالمة الفيديو في المنصة، الخميس الساعة ٤ العصر", "Phase 2, block 4 and unit 3 of the plan",
    "Pricing: 48 USD per hour over 5 weeks", "See section 3, Floor plan notes for the 2 units",
])
def test_work_text_with_numbers_and_names_is_no_address(detector, text):
    assert "address" not in detector.scan(text).categories, text


# -- data that the prose offers as the writer's own -----------------------------------------

BLOCKS = {
    "phone": ["```\nOWNER_PHONE=+91 98330 71426\n```", "```yaml\nowner:\n  phone: +1 786 304 9915\n```",
              "```ini\n[contact]\ntel = 06 47 19 83 25\n```"],
}
OWNERS = ["my number is in the config, just call it:", "mi número está en el .env:", "mon numéro est dans la conf :",
          "мой номер в конфиге, звони:", "رقمي حطيته في الكونفيج، اتصل:", "mera number config mein hai:"]


@pytest.mark.parametrize("block", BLOCKS["phone"])
def test_prose_that_owns_a_value_in_a_block_releases_it(detector, block):
    for owner in OWNERS:
        text = f"{owner} {block}"
        assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("block", BLOCKS["phone"])
def test_the_same_block_in_a_question_about_config_stays_data(detector, block):
    text = f"The deploy fails when this file is loaded, any idea why? {block}"
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("frame", ["java.lang.NullPointerException\n\tat br.com.loja.Carrinho.total(Carrinho.java:57)",
                                   "Error: boom\n    at de.shop.Lager.entnehmen (Lager.java:42)"])
def test_a_stack_frame_in_a_block_is_not_a_spoken_email(detector, frame):
    assert "email" not in detector.scan(f"```\n{frame}\n```\nhappens on checkout").categories


@pytest.mark.parametrize("pattern", ["a*(?:a+)a*a", "\\d+(?:x|\\d+)", "(?:ab*)b+", "[a-z]*(?:(?:[a-z]+))"])
def test_a_group_holding_a_repeat_counts_as_a_repeat_for_its_neighbours(pattern):
    from engine.patterns import UnsafePatternError, check_pattern

    with pytest.raises(UnsafePatternError):
        check_pattern(pattern)


# -- conversations ----------------------------------------------------------------------------

SPLITS = [
    (["mi número es 612", "48", "93 y termina en"], "diecisiete"),
    (["записывайте: +7 916", "483", "27 и в конце"], "пятьдесят один"),
    (["meu cel: 11", "9 8 7 4 4", "espera"], "e o final é 3390"),
    (["mon numéro commence par 06", "puis 72 90", "attends"], "et la fin c'est 41 18"),
    (["mera number 98", "20 11", "ruko"], "aur last mein 4 4 1 9"),
    (["رقمي يبدأ ٠٥٠", "بعدين ٧٧٣", "لحظة"], "وآخره ٤٤١٩"),
    # bare pieces, the last announced by a message of its own, with no phone word anywhere
    (["07911", "23 45", "and the last bit is"], "62 8"),
    (["0172", "44 81 3", "und die letzte Ziffer ist"], "9"),
    (["записывайте: 8 701", "318"], "и последние: 71 05"),
]


@pytest.mark.parametrize(("history", "text"), SPLITS)
def test_a_number_split_over_messages_with_words_or_an_interjection(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories


SPLIT_REGIONS = ["GB", "RU", "DE", "BR", "IN", "FR", "MX", "US"]


@pytest.mark.parametrize("region", SPLIT_REGIONS)
@pytest.mark.parametrize("lead", ["", "and finally ", "sorry typo, "])
def test_an_international_number_in_three_pieces_whose_history_is_only_possible(detector, region, lead):
    # "+44 20" / "7183 08" / "and finally 21": the first two pieces make ten digits with the country
    # code, a possible number and not a whole one, so the last piece completes it
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    digits = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    code = f"+{number.country_code}"
    body = digits[len(code):]
    history = ["ok, writing it in parts", f"{code} {body[:3]}", body[3:-2]]
    assert "phone" in detector.scan(f"{lead}{body[-2:]}", history=history).categories, history


@pytest.mark.parametrize("region", SPLIT_REGIONS)
def test_a_short_message_after_a_whole_international_number_adds_nothing(detector, region):
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    whole = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    for text in ("5", "thanks 2", "3 more questions"):
        assert detector.scan(text, history=[f"call me on {whole}"]).action == "allow", (whole, text)


@pytest.mark.parametrize(("history", "text"), [
    (["the invoice total is 1200", "hold on", "and the date is"], "15 03"),
    (["ticket 48213", "wait"], "99201 too"),
])
def test_harmless_numbers_over_messages_stay_clean(detector, history, text):
    assert "phone" not in detector.scan(text, history=history).categories


MOVES = [("shall we continue on Telegram?", "ok, I'll write you there"),
         ("¿te parece si seguimos por Telegram?", "dale, te escribo por ahí"),
         ("podemos falar pelo WhatsApp?", "ok, te chamo lá"),
         ("on continue sur Signal ?", "ok je t'écris là-bas"),
         ("может в телеге продолжим?", "ок, пишу туда"),
         ("نكمل على تيليجرام؟", "أوكي، أكلمك هناك"),
         ("telegram pe aa jao?", "ok wahan message karta hoon")]


@pytest.mark.parametrize(("asked", "text"), MOVES)
def test_agreeing_to_the_app_named_in_the_history_is_a_move(detector, asked, text):
    assert "social" in detector.scan(text, history=[asked]).categories
    # the same words after a conversation about the work stay clean
    assert "social" not in detector.scan(text, history=["can you check the staging build?"]).categories


@pytest.mark.parametrize("ids", [("3321-0098-4471", "3321-0098-4472"), ("302-4471182-2205", "302-4471182-2206")])
def test_a_value_shaped_like_a_named_identifier_is_one_too(detector, ids):
    text = f"Exactly, order {ids[0]} is the wholesale one; {ids[1]} is retail."
    assert "phone" not in detector.scan(text).categories


# -- social routes without an "@" -------------------------------------------------------------

HANDLES = ["kestrel.42", "estudio.coral", "masha.illustrates", "alexei_wang_msk", "omar.55"]
LABELLED = ["Signal is safest for me, username {h}", "búscame en insta como {h}", "инст: {h}", "мой вичат: {h}",
            "اسم المستخدم في سيجنال: {h}", "Für Rückfragen: Signal, Nutzername {h}", "find me on Telegram as {h}"]


@pytest.mark.parametrize("form", LABELLED)
def test_a_handle_labelled_by_its_app_in_any_order(detector, form):
    for handle in HANDLES:
        text = form.format(h=handle)
        assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Нужен бот для Telegram: приём заказов, оплата через ЮKassa",
                                  "Signal processing: filters.py and fft_utils.py need tests",
                                  "Customer ID 812 4736 9205 was charged twice"])
def test_app_names_beside_words_files_and_ids_stay_clean(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("app", "number"), [("Zoom", "812 4736 9205"), ("Teams-Besprechung", "371 829 046 518"),
                                             ("Réunion Zoom", "845 2291 0043")])
def test_a_meeting_id_after_a_meeting_app_is_social(detector, app, number):
    assert "social" in detector.scan(f"{app}: ID {number}").categories


@pytest.mark.parametrize("question", ["do you have instagram?", "¿usas Telegram?", "у тебя есть телега?"])
@pytest.mark.parametrize("answer", ["ok it's kai.draws", "sure: ada_writes", "@marcos_ed"])
def test_a_handle_given_in_answer_to_an_app_question(detector, question, answer):
    assert "social" in detector.scan(answer, history=[question]).categories


@pytest.mark.parametrize("text", ["We use their Instagram @glossier as a style reference for the captions",
                                  "look at how @glossier writes captions for the tone we want"])
def test_a_brand_handle_as_a_reference_is_clean(detector, text):
    assert "social" not in detector.scan(text).categories


# -- reversed, marketplace, dotted and map forms ------------------------------------------------

@pytest.mark.parametrize("address", ["tobias.hammer@poiseline.de", "jaime.perez@sombraportal.com",
                                     "olga.volkova@bevel.ru", "ana.silva@estudiocoral.com.br"])
def test_an_email_written_backwards_is_an_email(detector, address):
    assert "email" in detector.scan(f"{address[::-1]} (read it backwards)").categories


@pytest.mark.parametrize("url", ["fiverr.com/mike_motion", "freelancer.in/u/sameer_codes", "kwork.ru/user/max_motion",
                                 "mostaql.com/u/ahmad_dev", "www.workana.com/freelancer/carla_ux"])
def test_a_profile_on_another_marketplace_is_a_link(detector, url):
    assert "link" in detector.scan(f"I'm also on {url}, cheaper there").categories


@pytest.mark.parametrize("text", ["Nuestra tienda es www.cafeteradelsur.com.ar, el problema es que el carrito no suma",
                                  "Unser Shop ist www.kaffeeroesterei-alber.de, das Problem ist der Warenkorb",
                                  "Наш сайт — www.chaynaya-lavka.ru, нужно ускорить каталог",
                                  "Our store is www.tea-corner.co.uk and the problem is the basket total"])
def test_the_clients_own_site_with_a_task_is_the_work(detector, text):
    assert "link" not in detector.scan(text).categories


@pytest.mark.parametrize("cue", ["o número é", "Nummer:", "my number is", "номер:"])
@pytest.mark.parametrize("dotted", ["11.9.7.4.4.8.2.0.3.1", "0151.22.84.60.73.9", "917.482.39.10"])
def test_a_dotted_number_after_a_phone_cue_is_no_version(detector, cue, dotted):
    assert "phone" in detector.scan(f"{cue} {dotted}").categories


@pytest.mark.parametrize("text", ["Upgrade to 10.0.19045.2364 before the call", "Set the IP to 10.11.12.13 then call"])
def test_versions_and_ips_stay_clean_beside_call_words(detector, text):
    assert "phone" not in detector.scan(text).categories


@pytest.mark.parametrize("pair", ["-23.561414, -46.655881", "55.75393, 37.62079", "40.71278, -74.00594"])
def test_map_coordinates_to_a_few_metres_are_a_place(detector, pair):
    assert "address" in detector.scan(f"{pair} — bring it there tomorrow").categories
    assert "address" not in detector.scan(f"Lat/long {pair} for the map pin in the demo data").categories


# -- scripts and layouts --------------------------------------------------------------------

@pytest.mark.parametrize("address", ["jwalter@gmx.net", "ohf.pro@sfr.fr", "ana_r@mail.ru"])
def test_an_email_written_down_the_screen_one_character_per_line(detector, address):
    assert "email" in detector.scan("\n".join(address)).categories


@pytest.mark.parametrize("text", ["1\n2\n3\n4\n5", "a\nb\nc\nd\ne", "-\n-\n-\n-\n-"])
def test_a_vertical_list_of_single_characters_is_not_contact(detector, text):
    assert detector.scan(text).findings == ()


DEVANAGARI_DIGITS = ["शून्य", "एक", "दो", "तीन", "चार", "पाँच", "छह", "सात", "आठ", "नौ"]


@pytest.mark.parametrize("number", ["9876543210", "9123405678", "8800112233"])
def test_a_number_spelled_in_devanagari_digits_words(detector, number):
    words = " ".join(DEVANAGARI_DIGITS[int(d)] for d in number)
    assert "phone" in detector.scan(f"मेरा नंबर {words}").categories


@pytest.mark.parametrize("text", ["मेरी ईमेल आईडी: rakesh.gupta एट जीमेल डॉट कॉम",
                                  "إيميلي: sara.haddad آت lumiere-studio دوت كوم"])
def test_spoken_at_and_dot_in_devanagari_and_arabic_letters(detector, text):
    assert "email" in detector.scan(text).categories


# -- numbers in long work messages -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Die Artikelnummern (z. B. 100-4471-22) und EANs (4006381333931) übernehme ich unverändert.",
    "Вопрос: артикулы вида 4607-0012-881 — это внутренние коды?",
    "Номера ГОСТов (например, ГОСТ Р 52289-2019) оставляю без изменений.",
    "Vou ajustar a máscara para (99) 99999-9999.",
    "I'll format it so numbers like 0044 7911 123456 don't lose the leading zeros.",
    "Стоимость: 240 000 ₽, 4 этапа по 60 000 ₽.",
    "Auszug:\n2026/12/01 02:14:07 [error] 1187#1187: *44120 upstream timed out",
    "3. Stock transfers between branches with a transfer number like TRF-2026-0001",
])
def test_identifiers_examples_formats_amounts_and_logs_in_work_messages(detector, text):
    assert detector.scan(text).findings == (), text


@pytest.mark.parametrize("key", ["ALERT_PHONE", "owner_mobile", "WHATSAPP_NUMBER", "tel"])
def test_a_config_key_naming_a_phone_is_phone_context(detector, key):
    text = f"mi número está en el .env:\n```\n{key}=+573148620457\n```"
    assert "phone" in detector.scan(text).categories, text


# -- requests ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "category"), [
    ("Schick mir jetzt deine private Mail, dann machen wir das direkt.", "email"),
    ("Apna email abhi bhejo, bahar deal kar lete hain.", "email"),
    ("Before we start, what's your street address and zip?", "address"),
    ("Can you just email it to me instead?", "email"),
    ("¿Me lo mandas por correo mejor?", "email"),
    ("скинь на почту, так быстрее", "email"),
])
def test_requests_with_urgency_words_conjunctions_and_email_moves(detector, text, category):
    assert category in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["I can't share my number before the contract starts.",
                                  "Blog setup ya email newsletter, dono chahiye.",
                                  "Before we start, please read the brief and the style guide."])
def test_before_the_contract_is_no_deferral_and_ya_is_or(detector, text):
    verdict = detector.scan(text)
    assert "email" not in verdict.categories and "phone" not in verdict.categories, text


# -- rich text and extensions ---------------------------------------------------------------

@pytest.mark.parametrize("tag", ["p", "b", "div", "span", "strong", "li"])
def test_prose_in_rich_text_tags_is_prose(detector, tag):
    for text, category in [("call 972-534-5446", "phone"), ("visit www.cheap-pills-shop.com", "link"),
                           ("55 Glenfada Park, Londonderry BT48 9DR", "address")]:
        marked = f"<{tag}>{text}</{tag}>"
        assert category in detector.scan(marked).categories, marked


def test_markup_with_attributes_is_still_code(detector):
    assert detector.scan('<input type="tel" value="+1 415 555 0123">').findings == ()


@pytest.mark.parametrize("extension", [" x 623", "x623", "EXT623", " ext. 12", " ext 527"])
def test_a_number_with_its_extension(detector, extension):
    text = f"(523) 222-8888{extension}"
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["hit me up: m4rc0.d3v [at] pr0t0nm4il dot c0m", "write to j0hn@g4mes.n3t"])
def test_an_email_with_digits_for_letters_in_its_domain(detector, text):
    assert "email" in detector.scan(text).categories


@pytest.mark.parametrize("text", ["my number is 9l7-OO3-5l82 lol", "ring me, it's 2O6 8S4 Zl9O",
                                  "the real one is (713) [468] {2290}"])
def test_look_alike_chains_and_braces_between_groups(detector, text):
    assert "phone" in detector.scan(text).categories


@pytest.mark.parametrize("text", ["the model is B2B SaaS 3D and 4K video", "config = {a: 1, b: 2};"])
def test_letters_among_digits_in_words_and_code_stay_clean(detector, text):
    assert "phone" not in detector.scan(text).categories


@pytest.mark.parametrize("text", ["cambia la almohadilla por arroba: tomas.ibarra#yahoo.es",
                                  "troca o % por @: renan.alves%gmail.com", "replace the # with @: ines.morel#sfr.fr",
                                  "замени решётку на собаку: artem.belov#inbox.ru"])
def test_a_substitution_inside_one_message(detector, text):
    assert "email" in detector.scan(text).categories


@pytest.mark.parametrize(("street", "unit"), [("Calle Mayor 22, 28013 Madrid", "y el piso es 5ºB"),
                                              ("Rua Marquês de Abrantes 140, Flamengo, RJ", "bloco C, apto 204"),
                                              ("14 rue Oberkampf, 75011 Paris", "3e étage, porte gauche"),
                                              ("ул. Гагарина, д. 8, Новосибирск", "подъезд 3, этаж 7"),
                                              ("जोधपुर, सरदारपुरा, शिव मंदिर के पीछे", "गली नंबर 7, मकान 112"),
                                              ("Calle Betis 41, Triana", "3º B, el timbre no funciona, llama fuerte"),
                                              ("12 rue des Envierges, Paris 20e", "code 3B127, 5e gauche")])
def test_the_flat_after_the_street_completes_the_address(detector, street, unit):
    assert "address" in detector.scan(unit, history=["where do I send it?", street]).categories
    assert "address" not in detector.scan(unit, history=["where do I send it?", "let me check"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["Para la prueba de vestuario venite a casa", "Calle Ayacucho 1560, Recoleta", "piso 4"], "Puerta 4B"),
    (["Die Probetorte kannst du abholen in der Wiehre", "Talstraße 57"], "Gartenhaus, 2. Stock. Klingel 'Atelier Weiß'"),
])
def test_the_door_after_the_street_completes_the_address(detector, history, text):
    assert "address" in detector.scan(text, history=history).categories


def test_a_building_corrected_after_the_address_completes_it(detector):
    history = ["Treffpunkt Baustelle: Seestraße 140, Haus 3, 8002 Zürich", "Ok, ich bin um 7:30 da"]
    assert "address" in detector.scan("Korrektur: Haus 2, nicht Haus 3. Rest stimmt", history=history).categories
    assert "address" not in detector.scan("Korrektur: Haus 2 im Plan ist fertig gezeichnet", history=[
        "Wie weit sind die Pläne?", "Ok, ich bin um 7:30 da"]).categories


@pytest.mark.parametrize("text", ["Voy a gestionar la cuenta de Instagram de tu marca (@cafeteriaolmo) y 12 posts",
                                  "Ich betreue den Instagram-Account eurer Marke (@baeckerei_hansen) mit 12 Posts",
                                  "Буду вести инстаграм вашего бренда (@pekarnya_kolos), 12 постов в месяц"])
def test_the_clients_own_account_is_the_work(detector, text):
    assert "social" not in detector.scan(text).categories


def test_numbers_sent_in_parts_are_assembled(detector):
    history = ["te lo paso en partes", "empieza por 6", "44 19"]
    assert "phone" in detector.scan("y termina en 7781", history=history).categories


@pytest.mark.parametrize("text", ["Room 835 on floor 4 has the projector, the workshop is Monday from 9 am.",
                                  "Sala 12 no andar 3 tem o projetor, a oficina é na segunda."])
def test_a_room_on_a_floor_without_an_address_cue_is_work_logistics(detector, text):
    assert "address" not in detector.scan(text).categories


# Leetspeak: each letter that has a look-alike digit or sign is typed as it, in every language's
# number words and in the email vocabulary; words the leet spells nothing from stay as written.
LEET = str.maketrans({"o": "0", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7"})
LEET_NUMBERS = {"en": ["seven", "one", "four", "five", "five", "six", "two", "three", "zero", "nine"],
                "es": ["siete", "uno", "cuatro", "cinco", "cinco", "seis", "dos", "tres", "cero", "nueve"],
                "fr": ["sept", "un", "quatre", "cinq", "cinq", "six", "deux", "trois", "zero", "neuf"],
                "de": ["sieben", "eins", "vier", "fuenf", "fuenf", "sechs", "zwei", "drei", "null", "neun"],
                "pt": ["sete", "um", "quatro", "cinco", "cinco", "seis", "dois", "tres", "zero", "nove"]}


@pytest.mark.parametrize("lang", sorted(LEET_NUMBERS))
def test_number_words_typed_in_leet_are_read(detector, lang):
    words = LEET_NUMBERS[lang]
    leet = [w.translate(LEET) if len(w) >= 3 else w for w in words]
    text = f"ph0n3: {' '.join(leet[:3])}, {' '.join(leet[3:6])}, {' '.join(leet[6:])}"
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize(("user", "provider", "tld"), [("ana.lima", "gmail", "com"), ("j.wolf", "web", "de"),
                                                       ("mehta", "outlook", "com"), ("k.ivanova", "yandex", "ru")])
@pytest.mark.parametrize("at", ["@", "[4t]", " 4t "])
def test_an_email_with_its_provider_and_at_dot_words_in_leet(detector, user, provider, tld, at):
    text = f"m4il: {user} {at} {provider.translate(LEET)} d0t {tld.translate(LEET)}"
    assert "email" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Export as mp3 or 4k, b2b pricing, h264 at 30fps, budget 3k", "1st draft on the 4th, 5g and 4g",
                                  "k8s, a11y, i18n and l10n work; s3 buckets and ec2", "the l33t c0d3rs of the 1990s",
                                  "version v1.0.3 of l1b, r2d2 and c3po figures"])
def test_letters_and_digits_that_spell_no_contact_word_stay_clean(detector, text):
    assert detector.scan(text).action == "allow", text


# An address asked for by its detail, inside a long message and without "your": a list of its
# parts after the noun, or a qualifier ("full", "exacta", "genaue") with an ask in its sentence.
DETAILED_ADDRESS = [
    "Before the visit, send me the property's full street address and two time slots.",
    "Para la visita necesito la dirección exacta del local (calle, número y planta), gracias.",
    "Para a entrega preciso do endereço completo: rua, número, bairro e CEP.",
    "Pour le devis, envoyez l'adresse complète (rue, numéro, code postal) du chantier.",
    "Für den Termin brauche ich die Anschrift mit Straße, Hausnummer und PLZ.",
    "Для доставки напишите полный адрес: улица, дом, квартира и индекс.",
]


@pytest.mark.parametrize("text", DETAILED_ADDRESS)
def test_an_address_asked_for_by_its_parts_or_in_full(detector, text):
    long = ("The first milestone covers the wireframes and the style guide at 40% of the budget. " * 4) + text
    for message in (text, long):
        assert "address" in detector.scan(message).categories, message


@pytest.mark.parametrize("text", [
    "The full address of the API endpoint is in the docs.", "Our office moved; the full address is on the website.",
    "The form has fields for street, number and city.", "I'll send the full address list of the 40 stores as a CSV.",
    "La dirección completa del evento está en la invitación.", "Die vollständige Adresse steht im Impressum der Firma.",
])
def test_talk_about_addresses_and_their_fields_is_no_request(detector, text):
    assert "address" not in detector.scan(text).categories, text


# A sentence about test or sample data makes its values data; a delivery directive before an
# address makes it the place the goods go, whatever the goods are called.
DELIVERIES = ["Ship the test units to", "Please send the samples to", "Manda las muestras de prueba a",
              "Envie o protótipo de teste para", "Envoyez les échantillons de test à", "Schick die Testmuster an",
              "Пришлите тестовые образцы на", "sample yahan bhejna:"]


@pytest.mark.parametrize("directive", DELIVERIES)
def test_an_address_after_a_delivery_directive_is_no_data_value(detector, directive):
    text = f"{directive} Flat 3, 14 Arbury Road, Cambridge CB4 2JQ"
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Sample addresses for the store locator: 210 Market St, Springfield IL 62701",
                                  "For the test fixture use 48 Oak Ave, Springfield IL 62704 as the demo store"])
def test_addresses_in_a_sentence_about_sample_data_stay_data(detector, text):
    assert "address" not in detector.scan(text).categories, text


# Two streets with the corner word between them, or after it with articles and particles.
CORNERS = ["fica na Av. Paulista esquina com a Rua da Consolação, te espero lá",
           "Nos vemos en Calle Alcalá esquina con la Gran Vía a las 6",
           "Treffen wir uns Schönhauser Allee Ecke Eberswalder Straße?",
           "rendez-vous au coin de la rue de Rivoli et de la rue du Louvre à 10 h"]


@pytest.mark.parametrize("text", CORNERS)
def test_a_street_corner_with_the_corner_word_between_or_before(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["the living room corner needs a lamp", "put the logo in the top corner of the page",
                                  "la mesa de la esquina con luz natural", "Design Ecke im Büro: 3 Stühle"])
def test_corners_of_rooms_and_pages_are_no_address(detector, text):
    assert "address" not in detector.scan(text).categories, text


# The app and a pointer to what the other party already has (the name shown here, the number on
# the CV), in one sentence and either order; an app preferred as the channel.
@pytest.mark.parametrize("text", ["Gleicher Name wie hier auf LinkedIn, schreib mir da",
                                  "estoy en WhatsApp, mismo número que en el CV",
                                  "on Instagram I'm the same name as here", "Telegram: тот же ник, пиши"])
def test_an_app_with_a_pointer_to_the_name_or_number_already_known(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["lmk if you'd rather do the paper-plane app, I'm there all day",
                                  "mejor por la app verde 😉", "melhor pelo WhatsApp, tô lá o dia todo"])
def test_an_app_named_as_the_preferred_channel(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["The same number of Instagram posts as last month",
                                  "We prefer Telegram for the bot notifications",
                                  "I'd rather keep it on this platform than WhatsApp"])
def test_apps_as_topics_with_same_and_prefer_stay_clean(detector, text):
    assert "social" not in detector.scan(text).categories, text


# Marks drawn over or under each character (strike-through, underline, slash, enclosing square)
# decorate; the characters underneath are read. Accented letters stay letters.
@pytest.mark.parametrize("mark", ["\u0336", "\u0335", "\u0338", "\u0332", "\u0305", "\u20de", "\u0489"])
@pytest.mark.parametrize(("contact", "category"), [("carlos.mendes@uol.com.br", "email"), ("+44 7911 123456", "phone")])
def test_a_combining_mark_on_every_character_is_read_through(detector, mark, contact, category):
    text = "contact: " + "".join(ch + mark for ch in contact)
    assert category in detector.scan(text).categories, text


def test_decomposed_accents_in_prose_stay_clean(detector):
    import unicodedata

    text = unicodedata.normalize("NFD", "Café déjà vu à Ålesund, crème brûlée pour l'équipe, йогурт")
    assert detector.scan(text).action == "allow"


def _at_sign_names() -> list[str]:
    from engine.lexicon import lexicon

    return sorted(w for w in lexicon()["at_sign_words"] if w != "@")


@pytest.mark.parametrize("name", _at_sign_names())
def test_any_name_of_the_at_sign_in_brackets_is_an_at(detector, name):
    text = f"schreib an lisa.weber({name})gmx(punkt)net"
    assert "email" in detector.scan(text).categories, text


def _idn_tlds() -> list[str]:
    from engine.detectors.email import tlds

    return sorted(t for t in tlds() if not t.isascii())


def test_internationalised_top_level_domains_come_from_the_public_suffix_list():
    assert {"рф", "भारत", "السعودية", "中国"} <= set(_idn_tlds())


@pytest.mark.parametrize("tld", _idn_tlds()[::8])
def test_a_domain_in_any_script_under_its_top_level_domain_is_a_link(detector, tld):
    text = f"site: www.{tld}{tld}.{tld}"
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["خلصت التصميم.Store الجديد يكون جاهز", "أنا مطور دوت نت، وأشتغل على ASP.NET",
                                  "Готово.Дальше идём по плану", "Сделал.Онлайн встреча завтра"])
def test_sentences_run_on_across_a_full_stop_in_other_scripts_are_no_link(detector, text):
    assert "link" not in detector.scan(text).categories, text


# Directions to the sender's site through a search engine: a search verb, the name to search
# (quoted, or the verb's own "us"/"me"), then the site's form or a message sent there.
DIRECTIONS = ["tapez « Studio Mistral Lyon » sur Google et passez par le formulaire du site",
              "Google pe 'Tanvi Mehta Interiors' search karo aur site ke form se message karo",
              "é só buscar \"Kernel Sete Tecnologia\" no Google e mandar mensagem por lá",
              "my agency is Pixel Forge in Leeds, look us up and send a message through the site",
              "búscanos como Estudio Norte y escríbeme por ahí desde el formulario"]


@pytest.mark.parametrize("text", DIRECTIONS)
def test_directions_to_a_site_found_by_search(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["search the docs on the website for the API", "type 'npm install' and send a message to the channel",
                                  "look up the error code in the contact form's logs"])
def test_searching_docs_and_typing_commands_is_no_direction(detector, text):
    assert "link" not in detector.scan(text).categories, text


# Addresses given by units and landmarks, as much of the world gives them: two units (a floor and
# a door), or a unit with a landmark and a postcode line; a landmark with a room alone is no address.
LANDMARK_ADDRESSES = ["دبي، البرشاء 1، بناية الأمل، الطابق 4، مكتب 402، بجانب مول الإمارات",
                      "मकान नं. 12, गली नं. 4, शिव मंदिर के पास, लक्ष्मी नगर, दिल्ली 110092",
                      "Flat 302, Sai Krupa Apartments, near Hanuman Mandir, Kothrud, Pune 411038",
                      "Piso 3, oficina 12, frente al Mercado Central, Valencia",
                      "Hinterhaus, 2. Stock, Wohnung 5, gegenüber dem Bahnhof"]


@pytest.mark.parametrize("text", LANDMARK_ADDRESSES)
def test_an_address_of_units_and_landmarks(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["The meeting is on floor 3 near Starbucks at 10", "Room 835 on floor 4 near the kitchen",
                                  "We bought 3. Stock options were granted in March",
                                  "La reunión interna fue en la sala 4 del piso 12; te paso el acta por aquí."])
def test_a_room_near_a_landmark_is_no_address(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("street", "detail"), [("Schönhauser Allee 41, 10435 Berlin", "Hinterhaus, 2. Stock, Klingel Aydin"),
                                                ("Rúa do Franco 22, Santiago de Compostela", "y el piso es 5ºB")])
def test_the_rest_of_an_address_given_in_the_next_message(detector, street, detail):
    assert "address" in detector.scan(detail, history=["where should the courier go?", street]).categories


@pytest.mark.parametrize("year", [1990, 2002, 2016, 2018, 2023])
@pytest.mark.parametrize("form", ["Lei {n}/{y}", "Decreto nº {n}/{y}", "Regulation (EU) {y}/{m}", "Resolución {n}/{y} del BOE"])
def test_numbers_of_laws_and_documents_with_their_year_are_no_phone(detector, form, year):
    text = "Conforme a " + form.format(n="13.709", y=year, m="679") + ", o prazo é de 30 dias."
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["ruf an: 0171/2019 3456", "mein Handy 0171/2019345", "call me 415/555/0123"])
def test_phone_numbers_written_with_slashes_stay_phones(detector, text):
    assert "phone" in detector.scan(text).categories, text


# A negation covers every item of the list it begins, and Hindi negates after the verb; a new ask
# after a negated clause is a request again.
@pytest.mark.parametrize("text", [
    "Please do not send your phone number, email, or social handles in proposals: the platform doesn't allow it",
    "no envíes tu número, ni tu correo, ni tu Instagram, por favor",
    "Main abhi apna personal number ya email share nahi kar sakta, yeh platform ka rule hai.",
    "Bitte schicken Sie keine Telefonnummer, E-Mail oder Adresse, das ist hier verboten"])
def test_a_negated_list_of_contact_nouns_is_talk_about_the_rule(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize("text", ["I don't mind, send me your email, I'll add you", "I can't call now, your number and email please",
                                  "apna number do, email bhi"])
def test_an_ask_after_a_negated_clause_is_a_request(detector, text):
    assert detector.scan(text).action != "allow", text


@pytest.mark.parametrize("text", ["Exemplos de conteúdo que gosto como referência: os vídeos do @nubank e do @magazineluiza",
                                  "أبغى تصميم بوست لإنستقرام بأسلوب حساب @nike.",
                                  "Competitors to benchmark against: the feeds of @glossier, @fentybeauty and @rarebeauty"])
def test_accounts_named_as_references_earlier_in_the_sentence_are_clean(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_a_reference_sentence_that_also_asks_to_follow_is_a_handle(detector):
    assert "social" in detector.scan("as an example of my work, follow @lucia.draws").categories


@pytest.mark.parametrize("text", ["Sinon je suis plus réactif sur Discord, tu peux m'ajouter : lucas_anim",
                                  "En Telegram es más rápido, agrégame: vale_ruiz93", "Auf Discord bin ich schneller, adde mich: jonas.b42"])
def test_an_app_then_add_me_with_a_handle(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_an_app_then_message_me_with_a_plain_word_is_no_handle(detector):
    assert "social" not in detector.scan("We use Slack for the team, message me: tomorrow works").categories


@pytest.mark.parametrize("region", SPLIT_REGIONS)
def test_an_international_number_after_an_identifier_word_is_a_phone(detector, region):
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    whole = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    for cue in ("the code for our chat is", "my id:", "ref"):
        assert "phone" in detector.scan(f"{cue} {whole}").categories, (cue, whole)


def test_tatweel_between_digit_groups_is_a_separator_and_in_words_a_stretch(detector):
    assert "phone" in detector.scan("رقمي ٠١٠ ـ ٢٢٣ ـ ٤٤٥ ـ ٦٦").categories
    assert detector.scan("مـرحـبـا، الـتـصـمـيـم جـاهـز").action == "allow"


@pytest.mark.parametrize("text", ["para coordinar el rodaje necesito que me pases la dirección exacta y un teléfono",
                                  "send me the street address and flat number and I'll check parking",
                                  "pour la livraison, envoyez-moi l'adresse complète du magasin",
                                  "einfach „Studio Feldgrau Leipzig“ googeln und das Kontaktformular auf der Seite ausfüllen."])
def test_requests_and_directions_in_the_word_order_of_each_language(detector, text):
    assert detector.scan(text).action != "allow", text


@pytest.mark.parametrize("text", ["Google einfach 'Tischlerei Brandl Innsbruck', da gibt's ein Anfrageformular",
                                  "Such einfach „Schreinerei Vogt Freiburg“ bei Google, da steht alles",
                                  "Google pe 'Shree Ganesh Caterers Varanasi' search karo, wahan form hai, bhar do",
                                  "Busca 'Carpintería Olmo Quito' en Google, ahí está todo"])
def test_a_business_to_look_up_with_what_the_search_finds_pointed_at(detector, text):
    # a quoted name, a search, and the result's form or details: "da steht alles", any compound "-formular"
    assert "link" in detector.scan(text).categories, text


def test_a_business_looked_up_as_a_reference_is_no_direction(detector):
    text = "Google 'Schreinerei Vogt' for the style references, everything is there"
    assert "link" not in detector.scan(text).categories


@pytest.mark.parametrize("text", ["I'll search the 'checkout' bug in the logs and fix the contact form",
                                  "send me the address of the API endpoint", "The address is on the invoice"])
def test_quoted_words_and_addresses_of_things_are_no_request(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize("text", ["ممكن توصل المنتجات للاستوديو: دبي، القوز الصناعية ٣، مستودع رقم ١٤، خلف محطة إينوك",
                                  "Ship the boxes to: Lagos, Ikeja GRA, warehouse 12, behind Shoprite",
                                  "Manda as caixas para: Recife, Boa Viagem, galpão 7, atrás do Shopping Recife"])
def test_a_delivery_directive_is_an_address_cue_across_the_parts_before_the_unit(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["I'm kai.draws on insta", "soy vale_ruiz en insta", "I'm t o m . h a r p e r on insta",
                                  "je suis lea.graphiste sur insta"])
def test_a_handle_then_the_app_it_is_on(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("verb", ["نكمل", "نتكلم", "ننتقل"])
def test_arabic_intents_with_and_joined_to_the_verb(detector, verb):
    text = f"خلنا نطلع من المنصة الحين و{verb} على الواتس"
    assert "social" in detector.scan(text).categories, text


def test_handles_of_code_on_platforms_are_no_handles(detector):
    assert detector.scan("we fixed node.js on linux and react.native on android").action == "allow"


SPLIT_HANDLES = [(["insta?", "yes, it's lumen", "then .frames"], "_studio"),
                 (["my insta is @tom.", "harper."], "design"),
                 (["в телеге ищи", "@ivan_"], "petrov"),
                 (["¿tienes TikTok?", "sí: vale."], "ruiz_93")]


@pytest.mark.parametrize(("history", "text"), SPLIT_HANDLES)
def test_a_handle_given_in_pieces_over_messages(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize(("history", "text"), [(["the file is report."], "pdf"), (["use node."], "js"),
                                               (["version 2."], "5"), (["see you at 5."], "thanks")])
def test_file_names_and_versions_over_messages_are_no_handles(detector, history, text):
    assert "social" not in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize("code", ["7JWV+QF Nairobi", "849VCWC8+R9", "8FVC9G8F+6W", "CWC8+R9 Mountain View"])
def test_an_open_location_code_is_an_address(detector, code):
    assert "address" in detector.scan(f"courier to {code}, it's my building").categories, code


@pytest.mark.parametrize("text", ["sum 2345+67 and 6789+234", "the formula is 2x+3y", "use c++ and gcc+clang",
                                  "tag v2cf+gh was pushed"])
def test_sums_and_tags_are_no_plus_codes(detector, text):
    assert "address" not in detector.scan(text).categories, text


def test_a_japanese_postal_mark_with_its_code_is_an_address(detector):
    assert "address" in detector.scan("〒150-0041 東京都渋谷区神南1-19-11, 4F").categories


@pytest.mark.parametrize("name", ["Saint-Maur", "Sainte-Catherine", "Saint-Denis", "Sainte-Anne", "Saint-Honoré"])
@pytest.mark.parametrize("number", ["14", "14,", "3 bis"])
def test_a_french_street_named_after_a_saint(detector, name, number):
    text = f"{number} rue {name}, Bordeaux"
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize(("cue", "lead"), [("je te file mon numéro", "et pour finir"), ("ich geb dir meine Nummer", "und zum Schluss"),
                                           ("vou te passar meu número", "e no final"), ("number le lo", "aur last mein"),
                                           ("سجل رقمي", "والباقي"), ("запиши мой номер", "и последние")])
@pytest.mark.parametrize("region", ["FR", "DE", "IN"])
def test_a_number_announced_in_words_then_given_in_pieces(detector, cue, lead, region):
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    digits = "".join(c for c in national if c.isdigit())
    history = [cue, digits[:4], digits[4:-2]]
    assert "phone" in detector.scan(f"{lead} {digits[-2:]}", history=history).categories, (history, lead)


CONFIRMATIONS = [("is it @jonah.frames?", "yes that's my IG, the one with the cat"),
                 ("¿eres @tomi.foto.uy?", "sí, esa es mi cuenta de ig jeje"),
                 ("вы @katya.keramika?", "да, это мой инстаграм)"),
                 ("aap @meera.mehndi.art ho?", "haan wahi mera insta hai")]


@pytest.mark.parametrize(("question", "answer"), CONFIRMATIONS)
def test_saying_yes_it_is_mine_to_a_question_naming_a_handle(detector, question, answer):
    assert "social" in detector.scan(answer, history=[question]).categories, answer


@pytest.mark.parametrize(("question", "answer"), [("did you see @nike's new ad?", "yes, my favourite"),
                                                  ("is @figma down for you?", "yes, my file won't load")])
def test_yes_to_a_question_about_someone_elses_account_is_clean(detector, question, answer):
    assert "social" not in detector.scan(answer, history=[question]).categories, answer


@pytest.mark.parametrize(("question", "answer"), [("¿usas alguna otra app?", "la de la avioncito, mismo usuario que aquí"),
                                                  ("nutzt du noch einen anderen Messenger?", "die mit dem Papierflieger, gleicher Name wie hier"),
                                                  ("пользуетесь другими мессенджерами?", "та, что с бумажным самолётиком, ник как здесь")])
def test_the_same_name_as_here_after_a_question_about_other_apps(detector, question, answer):
    assert "social" in detector.scan(answer, history=[question]).categories, answer


@pytest.mark.parametrize("text", ["quiero un estilo tipo el Instagram de @nike, limpio y con mucho blanco",
                                  "un style comme le compte insta de @sezane, doux et épuré",
                                  "Stil so ähnlich wie @ritter_sport auf Instagram, bunt und klar"])
def test_accounts_named_as_a_style_are_clean(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["сборка 2024.05.17-4471, версия 3.2.0-beta.2", "الإصدار 3.1.0-beta.4، بناء رقم 20240517",
                                  "build 20240517 passed, release 2024.05.17-4471"])
def test_build_numbers_are_no_phones(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Material vom Bildungsserver (https://www.bildungsserver.de/) und Musteraufgaben",
                                  "Материалы: открытый банк ФИПИ (https://fipi.ru/ege/otkrytyy-bank-zadaniy-ege)",
                                  "Metodología: OWASP API Security Top 10, https://owasp.org/API-Security/editions/2023/en/"])
def test_a_link_given_as_a_source_or_material_is_clean(detector, text):
    assert "link" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["ID de reunión de Zoom 815 2290 4471 código 9k2PqZ", "ID da reunião do Teams: 394 221 870 556",
                                  "ID réunion Zoom 923 4410 7785 — code 71kq"])
def test_a_meeting_id_with_the_app_between_the_words_and_the_number(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["também estou na 99freelas como joao-redator", "je suis aussi sur Malt sous le nom de thomas-girard-dev",
                                  "bin auch auf Freelancermap als lukas-meier-dev", "я ещё на Kwork как sergey-front",
                                  "أنا موجود على مستقل باسم karim-web"])
def test_a_profile_on_another_marketplace_named_by_its_username(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["-34.6037, -58.3816 ahí nos juntamos el sábado", "52.5200, 13.4050 – da bin ich morgen",
                                  "25.2048, 55.2708 نتقابل هناك يوم السبت"])
def test_coordinates_with_a_meeting_cue(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Mz 14 Lt 8, Urb. Los Jardines, San Juan de Lurigancho, Lima",
                                  "Cond. Jardim das Flores, Quadra 7, Lote 12, Goiânia",
                                  "Lot 45, Cité Keur Gorgui, immeuble Fatou, 2e étage, Dakar",
                                  "عمارة ١٨، بلوك ٣، الحي السابع، مدينة ٦ أكتوبر"])
def test_block_and_lot_addresses_with_their_locality(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Lot 3 of the auction sold, block 2 pending", "casa 41 and casa 42 are the mockups",
                                  "pi is 3.1416, e is 2.7183, see you there"])
def test_lots_of_auctions_and_constants_are_no_address(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["mail: pooja 🌼 yahoo 🌼 in (phool = @ aur dot)", "почта: sveta 🐶 list 🔹 ru (собачка и точка)",
                                  "إيميلي: hanan 🌙 outlook ⭐ com (الهلال @ والنجمة نقطة)"])
def test_pictographs_standing_for_at_and_dot_between_a_name_a_provider_and_a_tld(detector, text):
    assert "email" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["tasks: design → outlook → de-bug", "rating: 5 ⭐ gmail ⭐ app", "I love gmail ❤️ com-pletely",
                                  "The app lists cafés on Baker Street, Oxford Street and Regent Street"])
def test_lists_with_symbols_and_lists_of_streets_are_clean(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize("text", ["signal processing mein M.Tech kiya hai", "I have a B.Sc and an M.Sc in physics",
                                  "plot 30 x 50 ft (1,500 sq ft), east facing, G+2"])
def test_degrees_and_plot_sizes_are_no_contact(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize("text", ["post it on X.com", "the short link t.co/abc", "Plot 42, Sector 18, near Hanuman Mandir, Gurgaon"])
def test_one_letter_domains_and_plot_numbers_stay_flagged(detector, text):
    assert detector.scan(text).action != "allow", text


@pytest.mark.parametrize("text", ["facturo como monotributista, CUIT 20-31245678-9, factura C",
                                  "el campo RUT acepta 12.345.678-5, con puntos y guion",
                                  "TVA intracom FR 40 303 265 045, à mettre sur le devis", "NIT 900.123.456-7 para la factura"])
def test_tax_ids_after_their_label_are_no_phones(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["в форме паспорт должен вводиться как 0000 000000", "маска телефона (+7 900 000-00-00)",
                                  "format: +44 000 000 0000"])
def test_masks_of_zeros_are_no_phones(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_deferral_in_hinglish_is_talk_about_the_rule(detector):
    assert detector.scan("contract active hote hi apna WhatsApp de dunga").action == "allow"


@pytest.mark.parametrize("url", ["https://vitrinelinguistique.oqlf.gouv.qc.ca/", "https://www.gov.uk/vat-registration",
                                 "https://www.argentina.gob.ar/afip", "https://commission.europa.eu/index_en"])
def test_government_sites_are_references(detector, url):
    assert "link" not in detector.scan(f"Références officielles : {url} pour les règles").categories, url


@pytest.mark.parametrize("text", ["mejor hablamos por el verde, aquí no me llegan las notificaciones",
                                  "on passe sur l'appli avec l'avion en papier ? c'est plus simple",
                                  "lass uns auf die App mit dem Papierflieger wechseln",
                                  "в бумажном самолётике я есть, ник тот же что тут", "نكمل على التليقرام أريح، نفس الاسم"])
def test_an_app_named_by_its_icon_or_local_spelling_as_the_channel(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["el verde de la paleta es #2F4F3A", "le logo vert du client est trop pâle",
                                  "Papierflieger-Animation für die Startseite, 3 Sekunden"])
def test_colours_and_paper_planes_as_work_are_clean(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Treffpunkt: 48.1374° N, 11.5755° E, vor dem Eingang",
                                  "موقع التسليم: 24.7136, 46.6753 قدام البوابة الشمالية"])
def test_coordinates_with_hemispheres_or_a_landmark(detector, text):
    assert "address" in detector.scan(text).categories, text


def test_the_at_sign_named_in_brackets_with_a_plain_dot(detector):
    assert "email" in detector.scan("Mail: anna.keller(Klammeraffe)web.de").categories


@pytest.mark.parametrize("text", ["Back-end Laravel 11, hébergement chez vous. Délai : 10 semaines à partir du 11 janvier. Coût : 14 500 DT.",
                                  "Frontend Vue 3, hosting on AWS. Delivery in 6 weeks. Budget: 12500 USD"])
def test_a_postcode_shaped_price_in_the_next_sentence_completes_no_street(detector, text):
    assert "address" not in detector.scan(text).categories, text


# A number given as an example of a kind of identifier: the marker ("e.g.", "tipo", "مثل") right
# before it, the kind named earlier in its sentence, out of the nearest context words' reach.
EXAMPLE_SENTENCES = [
    "The loyalty card codes in the old system all have thirteen digits ({marker} {number}), keep them",
    "Los NIT de tus clientes se validarán con el dígito de verificación ({marker} {number}).",
    "Les numéros de commande de l'ancienne boutique sont longs, {marker} {number}, on les garde tels quels",
    "أرقام الطلبات في النظام القديم تبدأ بنفس الأرقام {marker} {number} وننقلها كما هي",
]
EXAMPLE_MARKERS = ["e.g.", "ej.", "tipo", "par exemple", "z. B.", "например", "مثل"]


@pytest.mark.parametrize("sentence", EXAMPLE_SENTENCES)
@pytest.mark.parametrize("region", ["US", "CO", "FR", "SA"])
def test_a_number_given_as_an_example_of_an_identifier_is_no_phone(detector, sentence, region):
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    digits = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    for marker in EXAMPLE_MARKERS:
        text = sentence.format(marker=marker, number=digits)
        assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["my cell (e.g. 0612345678), text me there", "llámame, tipo 300 123 4567, cuando puedas",
                                  "mon portable, genre 06 12 34 56 78, après 18 h"])
def test_an_example_marker_without_an_identifier_keeps_the_phone(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["check the column format (+44 20 7946 0xxx style)", "формат: +7 900 123-XX-XX",
                                  "le champ attend 06 12 xx xx xx", "Mobilnummern wie 0151 234##### maskieren"])
def test_numbers_with_masked_digits_are_formats(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["call me 0612345678 xx", "text me on 07911 123456 xxx"])
def test_a_sign_off_after_a_number_is_no_mask(detector, text):
    assert "phone" in detector.scan(text).categories, text


def _aliases_in(script_start: str, script_end: str) -> list[tuple[str, str]]:
    from engine import RuleSet

    return [(app.name, alias) for app in RuleSet.default().apps for alias in app.aliases
            if alias and script_start <= alias[0] <= script_end and " " not in alias[:1]]


@pytest.mark.parametrize(("app", "alias"), _aliases_in("\u0621", "\u064a"))
def test_a_handle_on_an_app_named_in_arabic_script(detector, app, alias):
    text = f"اليوزر lama.draws في {alias}"
    assert "social" in detector.scan(text).categories, (app, text)


@pytest.mark.parametrize(("app", "alias"), _aliases_in("\u0410", "\u044f"))
def test_a_handle_on_an_app_named_in_cyrillic_script(detector, app, alias):
    text = f"мой ник lera_design2, пишите в {alias}"
    assert "social" in detector.scan(text).categories, (app, text)


@pytest.mark.parametrize("text", ["on TikTok I'm lama.draws", "en insta soy vale_ruiz", "tiktok pe mera naam riya.dance hai",
                                  "auf Insta, ich heiße tobi.cuts", "lera_design на тиктоке"])
def test_a_handle_named_with_the_app_in_either_order(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["On Instagram I'm mostly posting reels", "on TikTok I'm following the 2.0 launch"])
def test_an_app_and_a_self_description_without_a_handle_are_clean(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["muchos en insta", "¿cómo te busco?", "pon nachoperez"], "y al final _studio, todo junto"),
    (["в телеге канал с кейсами", "как найти?", "@lena"], "а дальше _smm_pro, без пробелов"),
    (["ich schneide Videos", "Beispiele?", "auf TikTok"], "dort heiße ich tobi.cuts"),
])
def test_a_handle_finished_or_given_after_the_app_was_asked_about(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", ["_underscore prefixes for private fields", ".NET core, probably"])
def test_underscored_code_words_after_a_mention_of_an_app_are_clean(detector, text):
    history = ["do you know insta?", "yes I use it for the shop", "which stack for the backend"]
    assert detector.scan(text, history=history).action == "allow", text


@pytest.mark.parametrize("local", ["pablo.nuñez", "jürgen.müller", "иван.петров", "françois", "josé_luis"])
@pytest.mark.parametrize("domain", ["yahoo.es", "web.de", "почта.рф", "gmail.com"])
def test_addresses_with_letters_of_any_script_are_emails(detector, local, domain):
    text = f"escríbeme a {local}@{domain}"
    assert "email" in detector.scan(text).categories, text


def test_a_reversed_address_next_to_an_underscore_is_still_read_backwards(detector):
    assert "email" in detector.scan("email: moc.liamg@88nivek_ — read it backwards").categories


@pytest.mark.parametrize("attribute", ['href="mailto:{e}"', "href='mailto:{e}'", "href=mailto:{e}", 'data-href="mailto:{e}"'])
@pytest.mark.parametrize("address", ["florian.b@gmx.fr", "florian.b&#64;gmx&#46;fr", "florian.b%40gmx.fr"])
def test_an_address_in_a_tags_link_attribute_is_read(detector, attribute, address):
    text = f"<a {attribute.format(e=address)}>écris-moi</a> — voilà mon lien"
    assert "email" in detector.scan(text).categories, text


def test_a_marketplace_link_in_an_attribute_stays_clean(detector):
    assert detector.scan('use <a href="https://www.upwork.com/jobs/123">the job</a>').action == "allow"


@pytest.mark.parametrize("text", ["а какая у вас личная почта? пришлю ТЗ туда", "какой у тебя рабочий номер?",
                                  "wie ist deine private Handynummer?", "quel est ton mail perso ?",
                                  "¿me pasas tu correo privado?", "qual é o seu email pessoal?"])
def test_a_request_with_an_adjective_before_the_noun(detector, text):
    assert detector.scan(text).findings and all(f.rule.startswith("request.") for f in detector.scan(text).findings), text


@pytest.mark.parametrize("text", ["2-bed condo, 18th floor, 842 sq ft, parking + locker", "Semi-detached, lot 25 x 120 ft, finished basement",
                                  "Imported 412 products (SKU range HW-1001 to HW-1412), 37 variants fixed",
                                  "Büro im 3. Stock, Support 38.000 EUR, Kaution 2.400 EUR"])
def test_sizes_amounts_and_identifier_tokens_are_no_address_numbers(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize("currency", ["EUR", "€", "USD", "₽", "руб", "R$", "MXN", "درهم"])
def test_a_range_of_amounts_with_its_currency_after_is_no_phone(detector, currency):
    text = f"Gehaltsbänder (brutto/Jahr): 52.000-68.000 {currency}; Support 38.000 {currency}"
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["El número de guía que me mandaste (1Z 999 AA1 01 2345 6784) ya aparece como entregado",
                                  "tracking 1Z 999 AA1 01 2345 6784, delivered"])
def test_digit_groups_of_a_code_with_letters_are_no_phone(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_street_address_with_a_postcode_stays_an_address(detector):
    assert "address" in detector.scan("ship it to 48 Ponsonby Road, Grey Lynn, Auckland 1011 please").categories


@pytest.mark.parametrize("text", ["मेरी ईमेल आईडी है: प्रकाश.लेखक एट जीमेल डॉट कॉम", "मेरी ईमेल: priya.kapoor एट रेडिफमेल डॉट कॉम",
                                  "मेरी ईमेल आईडी है: प्रकाश.लेखक@जीमेल.कॉम"])
def test_an_address_with_devanagari_vowel_signs_is_read_whole(detector, text):
    assert "email" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["मेरी वेबसाइट पर है: डॉक्टर-अनुराधा डॉट इन", "на моём личном сайте: д-р-волкова точка рф"])
def test_a_site_spoken_in_its_own_script_after_an_offer(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["مطور دوت نت", "انا مطور دوت نت بخبرة ٥ سنوات"])
def test_a_developer_of_a_framework_spoken_with_dot_is_no_site(detector, text):
    assert detector.scan(text).action == "allow", text


_PROPOSAL = ("Hello, thanks for the brief. Scope: 12 articles of 1,500 words, two rounds of edits, SEO titles and meta "
             "descriptions, delivery in weekly batches of three. Budget 1,200 USD in four milestones, first draft on "
             "Friday. {sentence} I will keep everything here in the chat and share drafts as files. Questions: tone of "
             "voice, target market, and whether you already have a keyword list. Looking forward to it.")


@pytest.mark.parametrize("sentence", ["Sources: statistics from esomar.org and the 2024 report on statista.com.",
                                      "Uniqueness is checked with text.ru, readability with hemingwayapp.com.",
                                      "Fuentes: comunidadandina.org y la base de marcas de la SIC.",
                                      "Referência legal: gov.br/anpd e o portal egov.kz para o Cazaquistão."])
def test_sites_named_as_sources_in_a_long_proposal_are_clean(detector, sentence):
    text = _PROPOSAL.format(sentence=sentence)
    assert "link" not in detector.scan(text).categories, sentence


@pytest.mark.parametrize("sentence", ["More references on my studio's site, becker-digital.de, under projects.",
                                      "Weitere Referenzen finden Sie auf der Seite meines Studios, becker-digital.de.",
                                      "يمكنك مشاهدة المزيد من الأعمال على موقع الاستوديو الخاص بي haddad.studio.",
                                      "Yes, Discord schmidt.art, same as always."])
def test_a_site_claimed_in_its_sentence_stays_flagged_in_a_long_proposal(detector, sentence):
    text = _PROPOSAL.format(sentence=sentence)
    assert detector.scan(text).action != "allow", sentence


@pytest.mark.parametrize("text", ["give me your office address and I'll come over", "Können Sie mir Ihre Büroadresse geben?",
                                  "pásame la ubicación exacta del local en Maps", "send me your location", "скиньте локацию, я подъеду",
                                  "manda a localização da loja"])
def test_a_request_for_an_office_address_or_a_location_pin(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["what's your location?", "what is your location and time zone?",
                                  "¿cuál es tu ubicación? yo estoy en Lima", "the location of the event is up to you"])
def test_asking_where_someone_is_based_is_clean(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize(("history", "text"), [
    (["Você tem Insta? Queria ver mais coisas suas"], "Ah, então procura por mim lá, o user é igual ao daqui, só que com _ no final"),
    (["Ты есть в телеге? Хочу скинуть референсы"], "да, ник тот же что и тут, только с точкой вместо подчёркивания"),
    (["Bist du auch auf Telegram? Dann schick ich dir meine Skizzen dort."], "Klar, such einfach nach meinem Namen hier"),
])
def test_the_name_used_here_given_for_an_app_asked_about(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", ["beleza, então a gente segue por aqui mesmo", "I prefer to stay here, same for files",
                                  "same, I'm new here", "aquí mismo lo vemos, sin problema"])
def test_staying_here_after_an_app_was_asked_about_is_clean(detector, text):
    assert detector.scan(text, history=["Do you have Telegram or Insta?"]).action == "allow", text


@pytest.mark.parametrize("text", ["colores (Pantone 7621 C, 7408 C), tipografías Gotham y Lora",
                                  "Energieausweis: Verbrauch 128 kWh/(m2·a), Klasse D, Baujahr 1909.",
                                  "- Каталог 96 страниц A4, InDesign CC 2024",
                                  "Phase 3 (statistiques + SMS) : 3 semaines, 4 300 EUR\n- Total : 26 500 EUR HTVA"])
def test_measures_colours_and_letter_codes_make_no_address(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Arbury 14, Cambridge CB4 2JQ", "ship to flat 3, 80631 Bailly", "Calle Mayor 5, 28013 Madrid"])
def test_postcodes_with_their_places_stay_addresses(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["my work email which is the same as my full name on this profile, at gmail",
                                  "mail me: joel punto fotografia 🌴 outlook dot com", "joel.fotografia 🌴 outlook.com"])
def test_an_email_rebuilt_from_the_profile_or_glued_by_a_pictograph(detector, text):
    assert "email" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["pseudo : remi_shop_builder_bxl", "ник: lera_design", "username: kai.draws",
                                  "قناتي: يوتيوب /@fadi.cuts.lb", "Lebenslauf bei XING, finden Sie unter meinem vollen Namen"])
def test_handles_after_a_handle_label_or_a_slash_and_profiles_found_by_name(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["username: test_user1 password: secret", "staging login — username: qa_tester2",
                                  "the username field: user_name (snake case)", "see the docs at docs.python.org/3/library/re.html"])
def test_logins_for_the_work_and_field_names_are_no_handles(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["a morada do meu escritório é: Rua Comandante Che Guevara, casa n.º 45, Bairro Maculusso, Luanda",
                                  "أنا ساكنة فأكدال، زنقة وادي زيز، رقم 14، الطابق 2", "встретимся у памятника Пушкину в 13:00",
                                  "let's meet in front of the Old Town Hall at 5", "we can meet near Hanuman Mandir tomorrow"])
def test_addresses_with_number_markers_maghreb_streets_and_meeting_points(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["let's meet next to the coffee machine", "Let's meet near the deadline to review",
                                  "we can meet on the platform call next to the demo"])
def test_meetings_near_things_that_are_no_landmark_are_clean(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["I'll email it, what's yours? or take mine: jules.ferrand"], "and it's proton.me after the at"),
    (["mi correo empieza por mar.quintana", "luego va la arroba"], "y después outlook.es"),
    (["Mi correo es arq.lopez.ibarra", "en gmail"], "Y para terminar el correo: .com.mx 😉"),
    (["моя почта начинается с ivan.petrov85", "дальше собака"], "и потом yandex.ru"),
])
def test_an_address_finished_by_its_domain_in_a_later_message(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["the file is report_v2.docx", "did you get the email from the client?"], "yes, it came from outlook.com"),
    (["the email template is in emails/welcome_v2.html", "which provider?"], "we use outlook.com for the team"),
])
def test_a_provider_named_after_files_and_email_talk_is_clean(detector, history, text):
    assert "email" not in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", ["¿tienes Line? mi ID es pauli_kawaii, estoy viviendo en Japón", "my handle is kai.draws",
                                  "meu usuário é joana_pereira88"])
def test_a_handle_after_my_id_is(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["The username is test_user1 for the QA round", "the demo username: demo_user2"])
def test_test_accounts_are_no_handles(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("label", ["ITIN", "NHS number", "US bank", "bank account", "SIN number", "driver license", "iqama", "CNIC"])
def test_national_and_bank_identifiers_after_their_label_are_no_phones(detector, label):
    for digits in ("911-70-1234", "943 476 5919", "2715 5536 4444"):
        text = f"{label} {digits}"
        assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["sin espacios: 612 345 678, llámame", "fin de la conversación, mi número 06 12 34 56 78"])
def test_words_that_spell_an_identifiers_label_in_another_language_keep_the_phone(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("sentence", ["Referenzen zum Lehrplan: https://www.bildungsserver.de/ und die KMK-Seiten.",
                                      "Docs: https://devdocs.prestashop-project.org/8/ for the module hooks."])
def test_reference_urls_in_a_long_proposal_are_clean(detector, sentence):
    assert "link" not in detector.scan(_PROPOSAL.format(sentence=sentence)).categories, sentence


@pytest.mark.parametrize("sentence", ["Резюме — в этом общем документе с моими данными: https://disk.yandex.ru/i/Qw3Er5Ty7Ui9",
                                      "Portfolio: https://janedoe.design (contact form on the last page)."])
def test_a_url_claimed_in_a_long_proposal_stays_flagged(detector, sentence):
    assert "link" in detector.scan(_PROPOSAL.format(sentence=sentence)).categories, sentence


@pytest.mark.parametrize("text", ["Der Seed legt max@example.de an, Telefonnummer 030 23125 000 laut Bundesnetzagentur-Fiktivbereich",
                                  "SMS_TEST=+33 6 39 98 01 23 (numéro fictif réservé par l'ARCEP pour la fiction)",
                                  "J'ai aussi un décorateur @login_required et @media print { ... }"])
def test_regulators_fiction_ranges_and_decorators_in_other_languages_are_data(detector, text):
    assert detector.scan(text).action == "allow", text


def test_a_fiction_range_offered_as_ones_own_is_still_a_phone(detector):
    assert "phone" in detector.scan("ruf mich an: 030 23125 000").categories


@pytest.mark.parametrize("text", ["Site: client's own property, 48 Ponsonby Road, Grey Lynn, Auckland 1011",
                                  "la obra del cliente en Calle Mayor 5, 28013 Madrid", "votre magasin au 12 rue de la Paix, 75002 Paris",
                                  "Ihr Objekt in der Hauptstraße 12, 10115 Berlin: 3 Zimmer, 86 m²"])
def test_the_other_partys_place_handed_over_as_the_work_is_clean(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["I'm in your area, my house is 12 Baker Street", "ship it to my office at 12 Baker Street",
                                  "your office or mine? mine: 12 Baker Street"])
def test_the_writers_own_place_near_your_words_stays_flagged(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("label", ["الرقم المميز للمنشأة", "رقم السجل", "رقم العقد", "الرقم الضريبي", "رقم الترخيص"])
def test_arabic_registry_and_contract_numbers_are_no_phones(detector, label):
    text = f"{label} ٧٠٠١٢٣٤٥٦٧ أخذته من ملفك"
    assert "phone" not in detector.scan(text).categories, text


def test_a_box_of_twelve_is_no_calle(detector):
    assert detector.scan("Unidades de medida normalizadas: pza, kg, m, caja c/12").action == "allow"


@pytest.mark.parametrize("text", ["frente al parque central, la casa amarilla al lado de la farmacia San Rafael, Heredia",
                                  "fica perto da padaria Estrela, na rua atrás da igreja matriz, casa 41, Caruaru",
                                  "pour la livraison : Yopougon Maroc, derrière le marché, 2e rue à gauche, maison avec portail bleu",
                                  "наш дом возле рынка, напротив школы, второй подъезд",
                                  "البيت جنب المسجد، قدام الصيدلية، الباب الأزرق"])
def test_an_address_given_as_directions_by_landmarks(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["the button goes next to the logo, behind the Stripe widget",
                                  "delivery in 2 weeks, the venue is near the station",
                                  "the hotel is near the station, rooms from 80 EUR"])
def test_layout_words_and_one_landmark_in_passing_are_no_directions(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Genre: casual time-management, mobile (iOS 16+, Android 10+)\nEngine: Unity 2022.3 LTS, URP",
                                  "Material suggestion: Sabic Cycoloy C1200HF, UL94 V-0 at 1.5 mm, colour RAL 7035.",
                                  "The unit is 112 m2 on the 2nd floor of a 1970s block.",
                                  "#7: the consignee's own address from the order (Unit 12, Prime Park, Montague Gardens) was re-confirmed"])
def test_specs_decades_and_a_consignees_address_make_no_address(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["BP control: 61.4% vs 38.0%, RR 1.62 (1.34-1.95)", '// valid in tests: "+27 82 000 0000" placeholder',
                                  "3 employees had overtime at 1.5x instead of 2.0x",
                                  "the Django view now uses @login_required and @require_POST, so anonymous users can't post"])
def test_statistics_templates_multipliers_and_decorators_are_clean(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize("text", ["call me 06.12.34.56.78", "my Python courses are on @code_with_ana",
                                  "write to m4rc0@pr0t0nm4il.c0m", "+27 82 555 1234"])
def test_dotted_numbers_self_promotion_and_leet_addresses_stay_flagged(detector, text):
    assert detector.scan(text).action != "allow", text


@pytest.mark.parametrize("text", ["sorry it's chiamaka.edits, then the at sign, then yahoo.co.uk",
                                  "mi correo: lucia.perez, luego la arroba, luego gmail.com", "ana.silva, then at, then gmail.com"])
def test_an_address_narrated_part_by_part(detector, text):
    assert "email" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["I work at acme, then at globex.com", "the template, then the at sign, then example.com"])
def test_places_of_work_and_reserved_domains_are_no_narrated_address(detector, text):
    assert "email" not in detector.scan(text).categories, text


def test_a_site_with_a_contact_form_and_a_call_back_is_contact(detector):
    text = ("we're a bigger team than it looks here, go to atlasfreight.co.uk and leave your details in the contact form, "
            "our ops manager will call you")
    assert "link" in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    "the client asked whether we could move our daily stand-up to WhatsApp. Without a contract we can't do that.",
    "The unit is 112 m2 on the 2nd floor of a 1970s block. Please do not visit the property before the contract.",
    "In your proposal, type this sample exactly: 27-118-04412-000 / Ward 56 / FY 2022-23 / Rs 4,318.00.",
    "Residential villa, Karen, Nairobi (client's plot, LR number as per title deed)\n- Plot: 0.5 acre (2,023 m2), sloping",
])
def test_reported_questions_sizes_sentence_ends_and_sample_rows_are_clean(detector, text):
    assert detector.scan(text).action == "allow", text


def test_a_reported_question_with_a_number_given_now_is_still_flagged(detector):
    assert "phone" in detector.scan("he asked if we could talk on WhatsApp: +44 7911 123456").categories


@pytest.mark.parametrize("text", ["You can have them delivered to Blk 12 Lot 8, Phase 3, Camella Springville, Brgy. Molino IV, Bacoor, Cavite 4102",
                                  "send the BAA to my personal mail: r.balasubramanian, the usual symbol, rediffmail, full stop, com."])
def test_address_abbreviations_and_a_few_words_for_the_at_sign(detector, text):
    assert detector.scan(text).action != "allow", text


@pytest.mark.parametrize(("history", "text"), [
    (["Are you on Instagram? I'd like to see more of your food photography.", "Is it @danimoreno.eats?"], "yep, that's the one"),
    (["Это вы в инсте nastya.lepka?", "почти"], "Верно, только на конце ещё _art"),
    (["Ich hab dich auf Insta gesucht, bist du kerstin.fotografie?", "Fast"], "Richtig, mit Unterstrich zwischen den Wörtern"),
])
def test_a_handle_asked_about_confirmed_or_corrected(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["my site is liffeyframes", "type that into the browser, the booking form is there"], ".ie not .com, sorry"),
    (["Hast du eine Website mit Hörbeispielen?", "Ja, mit Kontaktformular.", "Wie heißt die?"],
     "Die Domain ist der Name meines Studios mit Bindestrich, also klangraum-ost, und dann .de."),
])
def test_a_site_finished_by_its_top_level_domain(detector, history, text):
    assert "link" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Can we switch to Zoom? the platform audio keeps breaking"], "Meeting ID is 918 2043 7765 and the code is 0047"),
    (["Klar, wohin?", "franziska.moll82 und das Zeichen mit dem Kringel"], "dann noch gmx punkt net dahinter"),
])
def test_meeting_ids_after_an_app_and_a_spoken_domain_after_the_name(detector, history, text):
    assert detector.scan(text, history=history).action == "block", text


@pytest.mark.parametrize(("history", "text"), [
    (["do you use Slack?", "is the file logo_v2.png?"], "yes, that's it"),
    (["which domain should we buy for your shop?", "the client likes short names"], ".ie or .com, what do you think?"),
    (["the zoom level is wrong on the map"], "order id 918 2043 7765 shipped"),
])
def test_yes_domains_to_choose_and_order_ids_in_a_conversation_are_clean(detector, history, text):
    assert detector.scan(text, history=history).action == "allow", text


@pytest.mark.parametrize("text", [
    "Incidencias: 96 fichas con el NHC ilegible, p. ej. NHC 600 412 873 o 955 018 442, que hay que contrastar",
    "NEQ de l'entreprise : 1172639480. TPS 5 % et TVQ 9,975 % à ajouter sur la facture.",
    "Numéro d'entreprise BCE 0471.823.590, TVA BE 0471.823.590. Facture en 21 % TVA.",
    "Бронь отеля 7731 5520 0418, заезд 14.01, выезд 17.01",
    "رقم الحجز في الفندق 58802314، تسجيل الدخول 3 يناير",
    "artikel;bezeichnung;ean;preis\n40718822;Schraubzwinge 300 mm;4006381333931;12,99",
    '# Test-Fixture, keine echten Daten\nkunden = [\n  {"name": "Erika Musterfrau", "tel": "030 555 0142"},\n]',
    "En el formulario de registro pon como marcador de posición 'tu@correo.com' y el teléfono +52 (__) ____ ____.",
    "3 etapas de 1.500, 2.000 e 1.200 reais; entrega final em 30/09/2024 às 18h.",
    "Бэкенд крутится на 185.22.64.10:5432, это Postgres на тестовом стенде",
    "GET https://viacep.com.br/ws/01310100/json/ retorna 200 com logradouro vazio",
    "Offer accept karo, phir main apna Telegram de dunga, abhi nahi de sakta.",
    "фасовки 50 / 100 / 250 / 500 г, доставка СДЭК",
])
def test_labels_rows_placeholders_thousands_service_ports_and_api_calls_are_clean(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize("text", ["meet me at 48.8584, 2.2945", "visit my site http://185.22.64.10:8080/portfolio",
                                  "WhatsApp karo phir baat karte hain", "mi correo es juan@email.com"])
def test_pins_sites_on_ip_addresses_and_moves_stay_flagged(detector, text):
    assert detector.scan(text).action != "allow", text


@pytest.mark.parametrize("text", ["Kunden erreichen uns kostenlos unter 0800-STEUERN", "اتصل على الرقم المجاني 800-RAWDA عندنا",
                                  "अपना व्हाट्सऐप नंबर भेज दीजिए, मैं वॉइस सैंपल वहीं भेजूँगी",
                                  "Coordenadas do galpão: -23.5489, -46.6388 — é lá que faço as fotos",
                                  "Локация склада: 55.7539, 37.6208 – приезжайте туда"])
def test_toll_free_vanity_numbers_devanagari_requests_and_pins_with_a_cue(detector, text):
    assert detector.scan(text).action != "allow", text


@pytest.mark.parametrize("text", ["the 800-PAGE manual is attached", "budget 800 EUR, ok",
                                  "Lat/long 51.507351, -0.127758 for the map pin of the HQ photo"])
def test_pages_amounts_and_data_fields_stay_clean(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize("text", ["Sample quota: age 25–34 (40%), 35–44 (35%), 45+ (25%); household income ₹8 lakh+",
                                  "growth 12 (8%), 14 (9%), 16 (11%) per quarter"])
def test_percentages_end_their_numbers(detector, text):
    assert detector.scan(text).action == "allow", text


@pytest.mark.parametrize("text", ["le plus simple est que tu passes à mon studio : Sacré-Cœur 3, villa n° 9127, en face de "
                                  "la boulangerie Mame Diarra, Dakar.", "call 06 12 % 34 % 56 % 78"])
def test_come_by_my_studio_with_a_unit_and_a_landmark_and_percent_signs_as_glue(detector, text):
    assert detector.scan(text).action != "allow", text


def test_arabic_eleven_and_twelve_in_a_spelled_number(detector):
    text = "هذا رقمي: صفر خمسة خمسة صفر، اثنا عشر، أربعة وثلاثون، ستة وخمسون"
    assert "phone" in detector.scan(text).categories


@pytest.mark.parametrize("text", ["ممكن تبعتلي ملاحظاتك على إيميلي الشخصي: rasha.pharmd على بروتون ميل",
                                  "أستوديوي في القوز الصناعية 3، مستودع 17، بجانب محطة أدنوك، تقدر تجيب المنتجات",
                                  "Geben Sie mir kurz Ihre Durchwahl oder die Handynummer Ihres Ansprechpartners"])
def test_arabic_provider_names_my_studio_and_german_phone_nouns(detector, text):
    assert detector.scan(text).action != "allow", text


REVERSAL_CUES = ["read it backwards:", "al revés:", "ao contrário:", "à l'envers :", "rückwärts:", "ulta padho:",
                 "прочитайте наоборот:", "بالعكس:"]


@pytest.mark.parametrize("region", ["US", "GB", "IN", "DE", "RU", "BR", "SA", "FR"])
def test_a_number_written_backwards_after_the_sender_says_so(detector, region):
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    for cue in REVERSAL_CUES:
        text = f"{cue} {e164[::-1]}"
        assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["the list in reverse: 1 2 3 4 5 6 7 8 9 10", "sorted in reverse order: 2024, 2023, 2022",
                                  "reverse chronological: 2019 2020 2021", "we grew 10 20 30 40 percent a year"])
def test_sequences_and_lists_in_reverse_are_no_phone(detector, text):
    assert not detector.scan(text).categories, text


def _hindi_words() -> dict[int, list[str]]:
    import json
    from importlib import resources

    table = json.loads(resources.files("engine").joinpath("data/number_words.json").read_text("utf-8"))["hi"]["words"]
    by_value: dict[int, list[str]] = {}
    for word, value in table.items():
        by_value.setdefault(value, []).append(word)
    return by_value


@pytest.mark.parametrize("script", ["latin", "devanagari"])
def test_a_number_read_in_hindi_pairs_of_any_value(detector, script):
    words = _hindi_words()
    pick = (lambda ws: min((w for w in ws if w.isascii()), key=len)) if script == "latin" else \
        (lambda ws: min((w for w in ws if not w.isascii()), key=len))
    for value in range(21, 100):
        assert any(w.isascii() for w in words[value]) and any(not w.isascii() for w in words[value]), value
    # pairs covering every value from 21 to 99, five pairs per ten-digit mobile number
    for first in range(21, 100, 5):
        pairs = [98] + [21 + (first - 21 + k) % 79 for k in range(4)]
        text = "mera number: " + " ".join(pick(words[p]) for p in pairs)
        assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Тел.: 8 9l2 З4О 18 S6", "جوالي O5O l2B 4S7Z", "tel 9l7-OO3-5l82 0"])
def test_look_alike_letters_of_any_script_read_as_digits_through_the_whole_number(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Can I call your office?", "extension 2291", "and the main line is 6 47 38"], "oh, and in front of it 030"),
    (["Kann ich dich direkt erreichen?", "Durchwahl 2291", "die Zentrale ist 6 47 38"], "und vorne steht noch 030"),
    (["Office ka landline?", "2649", "uske baad 8810"], "aur shuru mein 022 laga dena"),
    (["Рабочий номер дадите?", "добавочный 214", "основной 209-47-16"], "а перед этим 8 (383)"),
    (["أبي أتصل عليك", "جوالي يبدأ 054", "بعدها 738"], "والباقي 9127"),
])
def test_a_split_number_whose_area_code_comes_last_or_with_an_extension_beside_it(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize("text", ["У вас тг есть? Кинул бы туда макеты.", "WA hai kya aapke paas? Jaldi ho jayega.",
                                  "Instagram tienes?", "Tele is where I'm fastest → rajatvfx_91",
                                  "tlg: caio_motion, prefiro lá", "Инст у меня interior.by.katya.minsk, пишите"])
def test_an_app_asked_about_by_a_question_after_it_or_pointing_at_a_name(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["в телеграме есть бот?", "Telegram bot → sends alerts to the channel",
                                  "el Instagram de la marca tiene 20k seguidores"])
def test_apps_as_work_with_a_question_or_an_arrow_stay_clean(detector, text):
    assert not detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Where do I send the plans for the extension?", "Cavite, near the church"], "Block 7, Lot 22, Phase 2, Camella Homes, Bacoor"),
    (["¿Dónde recojo los uniformes bordados?"], "Mz. K Lt. 14, Urb. Los Jardines, San Juan de Lurigancho"),
    (["Onde eu busco as camisetas bordadas?"], "Quadra 204 Sul, Lote 8, Bloco B, apto 302, Águas Claras"),
])
def test_a_unit_and_a_place_in_answer_to_where_to_send_or_come(detector, history, text):
    assert "address" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Where are we on the floor plans?"], "Floor 3 is done, Kitchen next"),
    (["Where do I send the invoice?"], "Block 2 of the budget, Section A"),
])
def test_progress_on_units_of_work_is_no_answered_address(detector, history, text):
    assert "address" not in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", [
    "Del Palí de San Pedro, 200 metros al norte y 50 al este, casa verde con portón negro.",
    "from the Shell station 100 m north and 50 m west, blue gate",
    "Estou em Luanda, no Talatona, perto do Belas Shopping, atrás da bomba da Sonangol, prédio azul 3.º andar.",
    "Office aa jao, Hanuman mandir ke saamne wali gali, teesri building, pehli manzil, Gomti Nagar, Lucknow.",
    "الستوديو بالأشرفية، حد صيدلية مازن، بناية عبود، الطابق التاني. مرقي بكرا الساعة 4.",
])
def test_directions_by_bearings_landmarks_and_ordinal_floors(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["the drone flew 200 m north and 50 m east of the launch point",
                                  "we ran 5 km north, then 3 km west", "wind 20 km north, gusts 35 km east"])
def test_distances_with_a_compass_direction_are_no_directions(detector, text):
    assert not detector.scan(text).categories, text


def _iban(country: str, bban: str) -> str:
    """An IBAN with correct check digits for `bban` (ISO 13616), in groups of four."""
    digits = "".join(str(int(ch, 36)) for ch in (bban + country + "00").upper())
    compact = f"{country}{98 - int(digits) % 97:02d}{bban}"
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


@pytest.mark.parametrize(("country", "bban"), [("IE", "AIBK93115212345678"), ("NL", "ABNA0417164300"),
                                               ("IL", "0108000000099999999"), ("DE", "370400440532013000"),
                                               ("GB", "NWBK60161331926819"), ("FR", "20041010050500013M02606")])
def test_ibans_by_their_check_digits_are_no_phone(detector, country, bban):
    iban = _iban(country, bban)
    assert "phone" not in detector.scan(f"IBAN: {iban}").categories, iban
    assert "phone" not in detector.scan(iban).categories, iban
    # one check digit off is no IBAN: its digit groups are judged like any others
    from engine.detectors.phone import _iban_valid

    broken = iban[:2] + f"{(int(iban[2:4]) + 1) % 100:02d}" + iban[4:]
    assert _iban_valid(iban) and not _iban_valid(broken)


@pytest.mark.parametrize("text", ["my social security number is 078051120", "078-05-1123", "078.05.1123",
                                  "His social security number is 536-90-4399"])
def test_social_security_numbers_are_no_phone(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["call me 078-05-1123", "Tel: 212-55-1234"])
def test_a_phone_word_before_the_same_grouping_still_says_phone(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["i live at 504 parkwood drive", "ship to 12 oak lane please", "P.O. box119",
                                  "po box108", "PoBox53485"])
def test_lower_case_streets_after_a_cue_and_glued_po_boxes(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["it's a 5 minutes walk", "send 3 google drive files", "the box10 model",
                                  "inbox 12 unread"])
def test_lower_case_words_after_numbers_without_a_cue_are_no_street(detector, text):
    assert not detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Budget is $750 for the logo and brand kit.", "Works for me. 3 revisions included?",
      "Yes, and delivery by the 28th please."], "Got it, 3 revisions and delivery by the 28th. See you on the platform call at 4."),
    (["Can we talk by phone?", "Sure, fee is 40%", "ok"], "and 612 more"),
    (["دفعنا ١٬٣٥٠ ريال", "كم الباقي؟", "ومتى الموعد؟"], "الباقي ١٬١٥٠ ريال، وموعد السداد ٣٠/٩"),  # asked, not told
])
def test_amounts_and_ordinals_are_no_pieces_of_a_split_number(detector, history, text):
    assert "phone" not in detector.scan(text, history=history).categories, (history, text)


def test_a_split_number_after_a_phone_question_still_adds_up(detector):
    history = ["Can we talk by phone?", "sure, 0151", "then 2284"]
    assert "phone" in detector.scan("and 6073", history=history).categories


@pytest.mark.parametrize("text", ["Stilistisch hätten wir es gern wie bei @manufactum auf Insta: ruhige Farben, viel Holz.",
                                  "Style like @glossier on IG: soft pastels, lots of white space."])
def test_a_style_reference_then_its_traits_after_the_app_is_no_handle(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["¿Hay alguna forma más rápida de hablar del proyecto?"], "la app verde, el número es el mismo que te dije ayer"),
    (["Tem algum jeito mais rápido da gente falar do projeto?"], "no app verdinho, o número é o do meu CNPJ com 9 na frente"),
    (["Où je peux voir tes séances complètes ?"], "pareil qu'ici mais avec 'photo' devant, sur l'appli aux photos carrées"),
    (["وين نتواصل غير هنا؟", "ما عندي واتس"], "اللي أيقونته شبح أصفر، وأنا هناك لمى_ديزاين"),
    (["Can we talk somewhere faster?"], "telegram, same nick"),
])
def test_an_app_named_in_answer_to_how_to_talk_or_where_to_see_more(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize(("history", "text"), [
    (["Where do you want the ads to run?"], "Instagram and Facebook mostly"),
    (["How will customers contact the store?"], "through a WhatsApp bot we build"),
    (["Can we talk about the budget?"], "I don't use WhatsApp, sorry, here is fine"),
])
def test_an_app_as_the_work_or_refused_in_answer_is_clean(detector, history, text):
    assert "social" not in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize("text", ["Search LinkedIn for 'Aoife Brennan, chartered accountant, Cork' and connect",
                                  "Procura no LinkedIn 'Tiago Mendes Contabilista Certificado Braga' e adiciona",
                                  "Cherche-moi sur LinkedIn : 'Mehdi Benali expert-comptable Casablanca'",
                                  "Such mich auf LinkedIn, Dr. Katrin Oberholzer, Medical Writing aus Basel"])
def test_a_profile_found_by_a_quoted_or_titled_name(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["schick mir einfach deine mail dann schick ich dir das NDA",
                                  "Kripya apna sampark number aur pata bhejein", "pasame tu wsp y te mando los audios",
                                  "Réunion Teams maintenant ? ID 349 812 775 014, code secret Xw7pQ2",
                                  "my sc is ellie.b.stitch", "tlgm: rafa_modelagem_3d, lá te passo as fichas"])
def test_requests_with_a_softener_app_slang_and_a_meeting_id_after_a_question(detector, text):
    assert detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Drehzahl 1.450 U/min, Fehlercode E-0417", "CVSS 9,8 / 8,1 / 7,6 / 6,5 / 5,9 / 3,1",
                                  "ORCID 0000-0002-1825-0097", "Póliza 0082-110045-7, siniestro 2024-000318",
                                  "ISO 11784/11785 FDX-B", "बीमा पॉलिसी क्रमांक ३१२८४५७७९०",
                                  "До заключения контракта не могу дать телефон. После старта – без проблем, напишу в ТГ."])
def test_units_scores_standards_policies_and_deferral_after_the_start_are_clean(detector, text):
    assert not detector.scan(text).categories, text


def test_a_request_whole_in_the_history_asks_nothing_new_across_the_boundary(detector):
    history = ["Mándame tu wsp", "No puedo compartirlo antes del contrato, lo siento."]
    text = "No hay problema, respeto la regla. Hacemos la entrevista por la videollamada de aquí."
    assert not detector.scan(text, history=history).categories
    assert "phone" in detector.scan("number please", history=["send me your"]).categories


def test_drawn_digits_are_every_digit_unicode_gives_no_nfkc_form():
    import unicodedata

    from engine.normalize import DRAWN_DIGITS

    derived = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "No"
               and unicodedata.digit(chr(c), None) is not None and not unicodedata.decomposition(chr(c))}
    assert derived == set(DRAWN_DIGITS)


@pytest.mark.parametrize("circles", ["\u2775\u2776\u2777\u2778\u2779\u277a\u277b\u277c\u277d\u277e",  # ❶..❾ (index 1..9)
                                     "\u24ff\u24f5\u24f6\u24f7\u24f8\u24f9\u24fa\u24fb\u24fc\u24fd",
                                     "\u24ff\u2780\u2781\u2782\u2783\u2784\u2785\u2786\u2787\u2788"])
def test_a_number_drawn_in_circled_digits(detector, circles):
    table = {str(d): circles[d] for d in range(1, 10)}
    table["0"] = circles[0] if circles[0] != "\u2775" else "\u24ff"
    number = "917 555 0123"
    text = "text me: " + "".join(table.get(c, c) for c in number)
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("number", ["+44 7700 900123", "+49 151 23456789", "+55 31 99847-2210"])
def test_an_encoded_phone_in_a_config_value_is_a_disguise_not_data(detector, number):
    import base64
    import binascii

    b64 = base64.b64encode(number.encode()).decode()
    hexed = binascii.hexlify((number + "\n").encode()).decode()  # `echo ... | xxd -p` keeps the line break
    for text in (f'{{\n  "device": "logger-3",\n  "support": "{b64}"\n}}', f"[support]\ncontact={hexed}\nretries=3"):
        assert "phone" in detector.scan(text).categories, text


def _codes(text: str, hexed: bool = False) -> str:
    return ", ".join(f"0x{ord(c):02x}" if hexed else str(ord(c)) for c in text)


@pytest.mark.parametrize(("template", "value", "hexed", "category"), [
    ('KONTAKT = "".join(map(chr, [{}]))  # falls du mich erreichen willst', "katja.riedel@web.de", False, "email"),
    ("const who = String.fromCharCode({});", "mira.oduya@outlook.com", True, "email"),
    ("support = bytes([{}]).decode()", "+49 171 2345678", False, "phone"),
    ("char[] c = {{ {} }};  // (char) codes", "t.me/leo_ops_muc", False, "link"),
])
def test_contact_written_as_character_codes_counts_once_decoded(detector, template, value, hexed, category):
    text = template.format(_codes(value, hexed))
    assert category in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "png_header = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])",
    "scores = [78, 82, 91, 67, 88, 95, 71]  # chr of these is noise; max(scores) is what we need",
    "ages = [49, 50, 51, 52, 53, 54, 55, 56, 57, 48]  # no call makes characters of them",
])
def test_number_lists_that_are_no_character_codes_stay_data(detector, text):
    assert not detector.scan(text).categories, text


def test_a_plain_test_number_in_code_stays_data_beside_an_encoded_token(detector):
    text = ("```\nAUTH_TOKEN=c2VjcmV0LXRva2VuLXZhbHVl\nFIXTURE_PHONE=555-0134\n```\n"
            "Fixture users: alice@example.com, test phone 555-0134.")
    assert "phone" not in detector.scan(text).categories


@pytest.mark.parametrize(("history", "text"), [
    (["my landline in Madrid starts 91 52", "then 87"], "the ones missing are four, three and zero"),
    (["mi fijo empieza por 91 38", "luego 62"], "y los que faltan son siete, uno y cinco"),
    (["joins-moi au 77", "512", "puis 40"], "et pour finir 18"),
    (["meu fixo em Lisboa começa por 21 39", "depois 55"], "os que faltam são dois, oito e um"),
    (["mein Festnetz fängt mit 030 an", "dann 2291"], "und die letzten sind 4 7 0 3"),
    (["Wie erreiche ich Sie am besten?", "Mobil 0172", "dann 904", "moment, Kind ruft"], "und hinten 38 17"),
    (["mi cel empieza con 0803", "luego 441", "espera, el timbre"], "y al último 2290"),
    (["записывайте: 8 912", "потом 604"], "и 33 18, Пермь"),  # the first piece dictated
    (["voici mon numéro", "0555", "48 27", "90"], "et 31 pour terminer"),
])
def test_a_split_number_joined_by_connecting_vocabulary(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize(("history", "text"), [
    (["Скинь номер", "восемь девятьсот двадцать шесть", "сто сорок", "восемьдесят три"], "и последние — шестьдесят шесть"),
    (["call me on 917 555", "then 01"], "and the last ones: sixty six"),
    (["mi cel es 311 482", "luego 90"], "y los últimos - setenta y dos"),
    (["meu número é 11 98765", "depois 43"], "e termina com vinte e um"),
])
def test_a_short_spoken_group_after_a_word_that_moves_the_number_on(detector, history, text):
    # two number words alone are a count; after a group and "the last ones" they are the next group
    assert "phone" in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize("text", ["I have two kids and then sixty six problems to solve",
                                  "Chapter 12, then the last twenty two pages need review",
                                  "Room 4 then the remaining thirty two chairs go upstairs"])
def test_a_short_spoken_count_after_words_stays_a_count(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Les numéros gagnants : 03, 11, 26, 38, 44 et le 7 en complémentaire.",
                                  "7.100 palabras el 10/12, otras 7.100 el 17/12 y el resto el 23/12.",
                                  "Тариф: 1 200 000 ₽, это 3 этапа по 400 000 ₽",
                                  "Abschlag 40 % am 01.03., Rest am 30.04., Lieferung 2 Wochen danach"])
def test_function_words_and_dates_connect_no_number(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_connecting_words_never_swallow_the_end_of_a_valid_number(detector):
    text = "Созвонимся: +7 916 482-37-15, после 18:00 по Москве"
    assert "phone" in detector.scan(text).categories


@pytest.mark.parametrize(("history", "text"), [
    (["¿A qué correo te mando la invitación?", "es pablo.mora"], "después va la arroba y luego uniandes punto edu punto co"),
    (["Which email for the shared folder?", "it's k.adeyemi", "then the @"], "and the rest is unilag dot edu dot ng"),
    (["Quelle adresse pour le dépôt ?", "c'est anne.favre", "puis l'arobase"], "et enfin epfl point ch"),
])
def test_an_email_finished_by_any_domain_after_the_at_sign_was_said(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize(("history", "text"), [
    (["какая почта?", "nikita", "точка", "3d"], "а домен гмейл точка ком"),
    (["whats your email?", "nikita", "dot", "3d"], "gmail.com"),
    (["¿cuál es tu correo?", "lucia", "punto", "vega88"], "hotmail.es"),
])
def test_an_email_whose_name_came_in_spoken_pieces_is_finished_by_its_domain(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, (history, text)


def test_a_provider_domain_after_spoken_pieces_of_no_name_stays_clean(detector):
    history = ["what should the newsletter say?", "welcome", "dot", "then the offer"]
    assert "email" not in detector.scan("we send it from gmail.com for now", history=history).categories


def test_a_site_named_after_an_email_name_without_the_at_sign_is_no_email(detector):
    history = ["Which email should I use for the invite?", "my university one, it starts with ana.ruiz7"]
    assert "email" not in detector.scan("the syllabus is on une.edu.co by the way", history=history).categories


@pytest.mark.parametrize(("text", "category"), [
    ("¿me dejas tu correo para mandarte la factura?", "email"),
    ("Pourriez-vous me transmettre votre numéro de portable ?", "phone"),
    ("Teilen Sie mir bitte Ihre Handynummer mit", "phone"),
    ("Продиктуйте ваш номер, перезвоню", "phone"),
    ("صيفط ليا الرقم ديالك", "phone"),
    ("me podrías pasar tu dirección completa?", "address"),
])
def test_requests_by_more_transfer_verbs(detector, text, category):
    assert category in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["¿me agregas en Instagram? ahí te mando los bocetos",
                                  "fügst du mich auf Telegram hinzu?", "tu m'ajoutes sur Snapchat ?"])
def test_add_me_asked_as_a_question(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Saw your reel on Instagram, is your account maria.weaves?", "Also, do you ship to Leeds?"],
     "yes, that account is mine, and yes I ship to Leeds"),
    (["¿En TikTok eres taller.rubio.mty?", "¿Haces también frenos?", "Sí, frenos y suspensión"],
     "y sí, esa cuenta es mía 😄"),
    (["Achei no Insta a loja bolos.da.tia, é sua?", "Faz bolo sem glúten?"], "essa mesma, com os pontos no meio"),
])
def test_a_handle_asked_about_is_claimed_a_few_messages_later(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, (history, text)


def test_yes_to_another_question_after_a_brand_reference_claims_nothing(detector):
    history = ["Did you see the ad by @nike.running? Is your brand similar?", "kind of"]
    assert "social" not in detector.scan("yes my brand is smaller", history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    ([], "schreib mir an mein gmail, das ist mein nutzername hier plus 77"),
    ([], "почта у меня как ник тут, только на яндексе"),
    (["Could you send me your email for the contract?"], "it's my first name dot last name at outlook"),
    (["mi correo de hotmail es mi usuario de aquí", "ok"], "pero al final agrégale 2001"),
    (["My Yahoo is my username here", "which username?"], "the one on top of this chat, with an underscore between first name and surname"),
])
def test_an_email_described_by_a_provider_and_the_senders_name(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize("text", ["Please create a Gmail account with my company name for the shop",
                                  "import users from Gmail: first name, last name, email into my CRM",
                                  "set up Outlook rules so mails with my name in the subject go to a folder"])
def test_a_provider_and_names_as_the_work_describe_no_address(detector, text):
    assert "email" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Reinicia si supera 45 °C. Placa rev. B2, lote 2311-04, 250 unidades.",
                                  "Площадь дома 96 м², участок 6 соток", "Twilio test: to=+15005550006 passes"])
def test_a_temperature_an_area_and_a_test_number_are_no_contact(detector, text):
    assert not detector.scan(text).categories, text


def test_a_street_after_a_temperature_is_still_a_street(detector):
    assert "address" in detector.scan("a 30 °C. Calle Mayor 12, Madrid").categories


@pytest.mark.parametrize("text", ["On-screen text (signboards, WhatsApp chats, letters) gets burnt-in subtitles.",
                                  "Canais de atendimento hoje: WhatsApp 55 %, chat do site 30 %, e-mail 15 %.",
                                  "القنوات الحالية: واتساب ٦٠٪، البريد ٢٥٪"])
def test_an_app_counted_or_listed_in_brackets_is_the_work(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["contact me: phone, WhatsApp or email", "text me (WhatsApp) tonight",
                                  "call me on Skype, WhatsApp or Telegram"])
def test_an_app_offered_in_a_list_is_still_a_route(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["رقمي: زيرو سيتة، واحد، جوج، تلاتة، ربعة، خمسة، سبعة، تمنية، تسعة",
                                  "رقمي خمسه خمسه تسعه واحد اتنين تلاته اربعه خمسه سته سبعه"])
def test_arabic_digits_in_the_dialects_and_with_a_final_ha(detector, text):
    assert "phone" in detector.scan(text).categories, text


def test_every_arabic_number_word_with_a_final_ta_marbuta_has_its_ha_form():
    from engine.normalize import number_word_table

    words = number_word_table()["ar"]["words"]
    assert all(w[:-1] + "\u0647" in words for w in words if w.endswith("\u0629"))


@pytest.mark.parametrize("text", ["no LinkedIn é só buscar Marta Quintela, contabilista em Braga, e me chamar inbox",
                                  "Ich bin auf LinkedIn, such einfach nach Jonas Brenninger, Statiker Graz"])
def test_the_app_then_a_search_for_the_writers_name(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_a_search_on_the_app_as_the_task_is_no_route(detector):
    assert "social" not in detector.scan("On LinkedIn, search for Data Engineers in Berlin and export the list").categories


@pytest.mark.parametrize(("history", "text"), [
    (["mándalo a Calle Alcalá 220", "Madrid, 28028", "escalera B"], "y el piso es el 4"),
    (["pode mandar pra Rua Augusta, 900", "Consolação, São Paulo", "bloco A"], "e o apartamento é o 71"),
    (["send it to 14 Elm Road, Leeds", "thanks"], "the flat is 12, buzz twice"),
])
def test_the_unit_of_an_address_given_three_messages_back_with_a_copula(detector, history, text):
    assert "address" in detector.scan(text, history=history).categories, (history, text)


def test_a_plan_counted_after_an_address_is_no_unit(detector):
    history = ["send it to 14 Elm Road, Leeds", "ok"]
    assert "address" not in detector.scan("the floor plan is 3 pages", history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["are you on Signal? easier for voice notes", "yes"], "same as my name here but with _audio at the end"),
    (["qual o teu user?", "no insta sou ana.costura"], "no TikTok é o mesmo, só troca o ponto por underline"),
    ([], "Findest mich auf Insta, heiße dort genauso wie hier, nur mit _keramik dahinter"),
    # "like here" is sameness too, and the piece may be "+ 1987" or digits at the end
    (["¿Tenés Instagram? Quiero ver más muebles tuyos", "sí", "¿cómo te busco?"], "igual que acá + 1987"),
    (["tu es sur Snap ?", "oui", "sous quel nom ?"], "pareil qu'ici mais avec 93 à la fin"),
    (["в инсте тебя как найти?"], "как здесь, только в конце 1995"),
    (["Insta id kya hai aapki?"], "yahan wala naam + 2020"),
    # or a piece taken away, and sameness in any case form ("под тем же ником")
    (["ты есть в телеге?"], "в телеге я под тем же ником, что и тут, только без цифр"),
    (["are you on Telegram?"], "yes, same name as here, just without the digits"),
])
def test_a_handle_derived_from_one_named_or_shown_here(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, (history, text)


@pytest.mark.parametrize("history", [[], ["hi"]])
def test_the_same_look_as_an_app_with_a_change_is_the_work(detector, history):
    for text in ("use the same Instagram colours but change the font", "same as the WhatsApp template, replace the logo",
                 "same Instagram grid as here, just without the dots in the logo"):
        assert "social" not in detector.scan(text, history=history).categories, text


# A number corrected after it was given: every region's example mobile, its last two digits
# swapped in the first message, then the fix in each language.
AMENDMENTS = ["oops, the last two are swapped: {fix}", "perdón, me equivoqué, termina en {fix}",
              "foi mal, troquei os dois últimos, é {fix}", "pardon j'ai inversé, c'est {fix} à la fin",
              "sorry, Zahlendreher: am Ende {fix}", "ой, перепутал, в конце {fix}", "غلطت، آخره {fix}",
              "galti se ulta likha, end mein {fix}"]


@pytest.mark.parametrize("region", ["KE", "BR", "ES", "EG", "IN", "AR"])
def test_a_number_corrected_in_the_next_message(detector, region):
    number = _national(region)
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    a, b = digits[-2], digits[-1]
    wrong = number[:a] + number[b] + number[a + 1:b] + number[a]
    fix = number[a] + number[b]
    for amendment in AMENDMENTS:
        text = amendment.format(fix=fix)
        assert "phone" in detector.scan(text, history=[f"call me on {wrong}", "hm, not connecting"]).categories, text


def test_a_correction_of_other_numbers_after_a_phone_is_no_phone(detector):
    history = ["call me on 0722 418 306", "ok. the budget says 1,250 for 14 days"]
    for text in ["sorry, I swapped the days, it's 41 not 14", "my bad, wrong total: 1,520"]:
        assert not detector.scan(text, history=history).findings, text


@pytest.mark.parametrize(("history", "text"), [
    (["my cell 083 441 2907", "noted"], "put the country code of Ireland in front and drop the zero"),
    (["mobil 0171 9934 552"], "davor noch die Ländervorwahl, ohne die 0"),
    (["tel: 612 33 48 90"], "le numéro avec l'indicatif du pays, tu sais où j'habite"),
    ([], "es el código de país de Chile y luego 9 8123 4567"),
])
def test_a_country_code_added_to_a_local_number(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", ["What is the country code field for? The form rejects it",
                                  "the discount code is 48213377, valid until Friday"])
def test_a_country_code_as_a_topic_or_another_code_is_no_phone(detector, text):
    assert not detector.scan(text, history=["order 4471 2290 shipped"]).findings, text


@pytest.mark.parametrize(("history", "text"), [
    (["first 0803", "then 552"], "and finally 7719"),
    (["اول شي 055", "بعدين 814"], "والباقي 3307"),
    (["mera number 98", "7654"], "aur last mein 3210"),
    (["my number without the country code: 20 7946 0958", "and the country code?"], "+44"),
    (["७७९ ८८१ ४४२", "country code?"], "+ ९ १"),
])
def test_a_number_given_in_pieces_told_in_order_or_with_its_code_last(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, text


def test_pieces_with_units_told_in_order_are_measures(detector):
    history = ["first pass took 3 hrs", "then 45 min for audio"]
    assert not detector.scan("and the rest 20 min of export", history=history).findings


@pytest.mark.parametrize(("history", "text", "category"), [
    (["Freelancer: reels on Vimeo and on my studio site lumenreels.net, it has a booking page",
      "Client: the studio site, can I book a slot there?"], "yep, that one", "link"),
    (["my whatsapp +34 612 44 81 09, or email", "Client: is the number WhatsApp as well?"], "sí, esa", "phone"),
    (["Telegram: @mira_sketches or Discord", "Client: ok the Telegram, is that the account you use?"],
     "genau", "social"),
])
def test_contact_confirmed_after_a_question_about_it(detector, history, text, category):
    assert category in detector.scan(text, history=history).categories, text


def test_yes_to_a_question_about_the_work_after_contact_is_clean(detector):
    history = ["my number is 0722 418 306", "Client: can you deliver the logo files by Friday?"]
    assert not detector.scan("yes, the second batch too", history=history).findings


@pytest.mark.parametrize(("history", "text"), [
    (["Client: where can we talk faster?", "Freelancer: I have Viber, Signal and Skype"], "the last one, same name"),
    (["Cliente: ¿WhatsApp o Telegram?"], "mejor la segunda, te busco por el nombre"),
    (["Заказчик: скайп, вайбер или телега?"], "давай первое"),
])
def test_an_app_chosen_from_a_list_of_routes(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


def test_a_choice_between_apps_as_the_work_is_clean(detector):
    history = ["Client: should we build the Telegram bot first or the WhatsApp integration?"]
    assert not detector.scan("the first one, it is simpler", history=history).findings


@pytest.mark.parametrize(("history", "text"), [
    (["email for the contract", "contato.geral", "arroba souzaadv"], "e por fim ponto com ponto br"),
    (["write to ivan_petrov", "собака mailbox"], "а в конце точка ру"),
    (["mail me: ana.lopez", "at lopezstudio"], "and then dot co dot uk"),
])
def test_top_level_domains_spoken_last_complete_an_address(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", [
    "All my case studies are on my website; just type Harbor & Pine Bookkeeping into Google, the booking form is on top.",
    "Mis tarifas están en mi página web, pon en el buscador contadora rosa pérez quito y sale la primera.",
    "Os exemplos estão no meu site. Procura por 'Ateliê Sol Poente' no Google, tem um formulário de orçamento.",
    "Für Rückfragen: die Firma heißt Nordlicht Drohnenvermessung, auf der Website gibt es ein Kontaktformular, einfach googeln.",
    "Примеры работ на моём сайте, наберите в поисковике «Ирина Волкова бухгалтер» — первая ссылка.",
    "نماذج أعمالي على موقعي، ابحث في جوجل عن «مكتب الندى للترجمة» وأول نتيجة فيها نموذج تواصل.",
])
def test_directions_to_look_the_sender_up_read_by_sentence(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Raw footage can go to a Google Drive folder you own; my site only hosts the showreel.",
    "For the research I search Google Scholar and the vet school sites, then summarise in my report.",
    "Please search the docs for 'rate limit' before we change the form validation on the site.",
])
def test_searching_as_the_work_or_a_product_named_google_is_no_direction(detector, text):
    assert "link" not in detector.scan(text).categories, text


@pytest.mark.parametrize("gap", ["\n(no joke)\n", "\t(area code)\t", " (still me) ", " [and then] "])
def test_a_few_words_in_brackets_between_the_groups_are_glue(detector, gap):
    text = gap.join(["0803", "552", "7719"])
    assert "phone" in detector.scan(text).categories, repr(text)


def test_words_in_brackets_between_sizes_join_no_number(detector):
    assert not detector.scan("EU 40 (small size) 42 (large) 44 (extra large)").findings


@pytest.mark.parametrize("text", ["O8 O3 55 2l 77 l9", "3.OO.4l2.77.65", "O7-9l-2S-S3-B0"])
def test_a_run_of_groups_in_look_alike_letters_is_read_as_digits(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["German B2, C1 or B1 2024 levels", "rows A1 B2 S3 O4 are empty", "Option 1 is 5 or 6"])
def test_short_codes_with_letters_are_no_look_alike_run(detector, text):
    assert not detector.scan(text).findings, text


@pytest.mark.parametrize("text", ["FAQ\nQ: Can we move to WhatsApp? A: After the contract starts, yes. Until then, here.",
                                  "¿Hablamos por Telegram? R: Cuando el contrato esté activo, claro."])
def test_a_question_answered_by_deferring_to_the_contract_is_rule_talk(detector, text):
    assert not detector.scan(text).findings, text


def test_a_request_followed_by_a_sentence_naming_a_contract_is_still_a_request(detector):
    text = "Can you give me your email? I will send the contract draft before our call."
    assert "email" in detector.scan(text).categories


@pytest.mark.parametrize("text", ["exclusivité dans un rayon de 8 km autour du point de vente",
                                  "el punto de partida es el plano de 2019", "o ponto de equilíbrio chega no mês 7"])
def test_a_spoken_dot_before_a_preposition_and_a_word_is_a_phrase(detector, text):
    assert "link" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["mi web es talleraurora punto es", "mon site: atelier-lune point de et voilà",
                                  "rahulverma dot in slash contact pe jao"])
def test_a_spoken_domain_whose_tld_is_a_preposition_still_counts(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["PO 4500087312 and GRN 5000329918 go on the invoice",
                                  "Chargennummer L2306-B17 steht so im Artikel",
                                  "RCS Lyon 812 345 678, capital 10 000 €",
                                  "кадастровый номер 50:21:0140113:2245",
                                  "номер подтверждения брони 4471290"])
def test_identifiers_named_by_their_kind_are_no_phone(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_word_cut_off_by_a_comma_names_no_identifier(detector):
    assert "phone" in detector.scan("text me po, 0917 552 8319 Globe").categories


@pytest.mark.parametrize("text", ["the script says 'call 1800-XXX-XXXX now', placeholder for now",
                                  "ممر 90 سم بين المطبخ والصالة", "проход 90 см, стойка 2,4 м"])
def test_masked_digits_and_measures_are_no_contact(detector, text):
    assert not detector.scan(text).findings, text


def test_an_at_sign_already_placed_needs_no_substitution(detector):
    text = "ssh ops@10.0.0.5 then run seed.sh, fixtures use qa@example.com"
    assert not detector.scan(text, history=["access?"]).findings


def test_a_handle_as_a_style_reference_in_russian(detector):
    assert not detector.scan("беру за основу стиль @studio.lebedev для логотипа").findings


@pytest.mark.parametrize("text", [
    "Sede social: Calle Mayor 12, 28013 Madrid (la pondremos tal cual en el formulario de la subvención).",
    "Die Testadresse im Checkout war die Ihres Lagers (Industriestraße 7, 73037 Göppingen), wie abgesprochen.",
    "The pallets go to 4500 Dock Road, Tilbury. That is their distribution centre, not mine.",
    "Dirección de la cooperativa donde se hará el trabajo in situ (Av. San Martín 1550, Mendoza): la ponen ustedes.",
])
def test_an_organisations_or_the_clients_place_is_project_data(detector, text):
    assert "address" not in detector.scan(text).categories, text


def test_the_writers_own_place_after_a_clients_is_still_an_address(detector):
    text = "Your warehouse is far from me; send the samples to my flat instead, Calle Mayor 12, 28013 Madrid."
    assert "address" in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    "I'll keep everything here until the contract starts. After that, WhatsApp is fine with me.",
    "Hasta que aceptes la oferta seguimos aquí. Después te paso mi Telegram.",
])
def test_a_sentence_that_goes_on_from_a_deferral_to_the_contract_is_rule_talk(detector, text):
    assert not detector.scan(text).findings, text


def test_an_app_answered_only_after_the_contract_is_rule_talk(detector):
    history = ["do you have insta?", "and email?"]
    assert not detector.scan("Only after the contract, ok? Then I'll send my Instagram.", history=history).findings


@pytest.mark.parametrize("text", ["the Zoom mock uses meeting ID 111 111 1111 in the unit tests",
                                  "mock link meet.google.com/aaa-bbbb-ccc from the docs", "phone field default 000 000 0000"])
def test_filler_meeting_ids_and_zero_numbers_are_no_contact(detector, text):
    assert not detector.scan(text).findings, text


@pytest.mark.parametrize(("survey", "pin"), [("44.0521, -123.0868", "44.0521, -123.0868"),
                                            ("44.0521, -123.087", "20.6736, -103.344")])  # one to four decimals
def test_a_coordinate_pair_with_four_decimals_is_no_phone(detector, survey, pin):
    text = f"Survey site: {survey}, the 12 acres north of the barn, flight at 120 ft."
    assert "phone" not in detector.scan(text).categories
    verdict = detector.scan(f"the pin is {pin}, come at 3pm")
    assert "address" in verdict.categories and "phone" not in verdict.categories


def test_thousands_with_three_decimals_are_no_coordinates(detector):
    assert not detector.scan("paguei 1.500, 2.000 e 1.200 reais pelas três etapas").findings


LONG_OPENING = ("Hola Fernanda,\n\nSobre el árbol genealógico: ya revisé los libros sacramentales de la parroquia de"
                " Santa María de Lekeitio (1780–1890) en el archivo diocesano. Encontré 47 registros de bautismo y 12 de"
                " matrimonio; la rama que emigró a Argentina aparece en 1889.\n\n")


@pytest.mark.parametrize("sentence", [
    "Para mandarte los escaneos, agregame al Drive: mi usuario es el mismo que uso acá pero con punto entre nombre y"
    " apellido, en gmail.",
    "Почта — моя фамилия латиницей (Zhuravlev) плюс инициалы av, на яндексе.",
    "Para el resto, estoy en Telegram como fernanda_genealogia_mx, ahí te mando todo.",
])
def test_a_long_message_is_read_sentence_by_sentence_for_described_contact(detector, sentence):
    text = LONG_OPENING + sentence + "\n\nPresupuesto: 180 USD por generación, 3 semanas."
    assert len(text) > 300
    assert detector.scan(text).categories, sentence


def test_a_degree_beside_an_app_like_abbreviation_is_no_handle(detector):
    text = LONG_OPENING + "मेरी योग्यता: M.Sc. बॉटनी (BHU), B.Ed, 9 साल का अनुभव।\n\nफीस: 40,000 रुपये।"
    assert "social" not in detector.scan(text).categories


@pytest.mark.parametrize(("history", "text"), [
    (["line id is", "wait"], "and then manila_subs, all lowercase"),
    (["meine Line-ID ist", "warte"], "und dann wien_reisen, alles klein"),
    (["اللاين آي دي", "استنى"], "وبعدين qatar_trips، كله سمول"),
])
def test_a_handle_after_an_unfinished_app_id_label(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


def test_a_file_after_an_id_label_is_no_handle(detector):
    assert not detector.scan("the file is report_final.docx", history=["line id is", "wait"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["tengo el insta del estudio", "pero no sé si puedo pasarlo"], "bueno da igual, es taller punto fenix punto 3d"),
    (["Skype noch aktuell?", "ja klar"], "such nach tirolerbua unterstrich 88"),
    (["ainda usa Skype?", "uso"], "procura por rodrigo underline cad underline bh"),
    ([], "meu telegram: @ vitor _ mods _ rs"),
    (["انستك؟"], "ورشة نقطة خشب نقطة مسقط"),
])
def test_a_handle_spelled_with_the_words_for_its_dots_and_underscores(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["do you use Instagram?"], "the logo has the dot between the words, like theirs"),
    ([], "I need a Telegram bot that posts new Shopify orders. Python preferred"),
    (["what's your site?"], "it's pet punto retratos punto com"),  # a domain: the link detector's
])
def test_sentences_and_domains_spell_no_handle(detector, history, text):
    assert "social" not in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", [
    "same as my username on here but without the underscore, at the google one",
    "mon adresse c'est mon prénom point mon nom, chez orange point fr",
])
def test_an_email_described_by_its_providers_nickname_or_a_national_provider(detector, text):
    assert "email" in detector.scan(text).categories, text


def test_a_colour_named_like_a_provider_describes_no_email(detector):
    assert not detector.scan("my name is written in orange on the cover").categories


@pytest.mark.parametrize("text", [
    "Config du helpdesk :\nNew-Mailbox -Shared -Name \"Support\" -PrimarySmtpAddress support@contoso.com",
    "notify:\n  telegram: true   # Benachrichtigungen an den Kanal",
    "ब्रांड को @amul_india जैसा मज़ेदार टोन चाहिए, वो रेफ़रेंस है बस।",
    "3 ящика: sales@, info@ и team@vektor-pack.ru, стартуем с 15 писем в день",
    "Zeitraum: 12.01.–13.02.2027, Budget 4.800 €",
])
def test_documentation_tenants_config_flags_style_references_mailbox_setups_and_day_spans_are_clean(detector, text):
    assert not detector.scan(text).findings, text


def test_times_of_day_are_no_pieces_of_a_split_number(detector):
    history = ["какой у вас часовой пояс?", "UTC+10, Хабаровск"]
    assert not detector.scan("значит созвон в платформе в 18:00 у вас, 11:00 у меня", history=history).findings
    assert "phone" in detector.scan("4408", history=["my number", "0176 2291"]).categories
