"""Email addresses: plain, disguised, provider hints; and what is not an address."""

from __future__ import annotations

import pytest

from tests.engine.conftest import matches

FOUND = [
    ("mail me: john.doe88@gmail.com", "john.doe88@gmail.com"),
    ("write to anna.schmidt@web.de please", "anna.schmidt@web.de"),
    ("john [at] gmail [dot] com", "john [at] gmail [dot] com"),
    ("john(at)gmail(dot)com", "john(at)gmail(dot)com"),
    ("john {at} outlook {dot} com", "john {at} outlook {dot} com"),
    ("john at gmail dot com", "john at gmail dot com"),
    ("name at gmail dot com", "name at gmail dot com"),
    ("jdoe at outlook", "jdoe at outlook"),
    ("send to anna.schmidt at web dot de", "anna.schmidt at web dot de"),
    ("maria(arroba)hotmail(punto)es", "maria(arroba)hotmail(punto)es"),
    ("escríbeme a lucia.fz arroba gmail punto com", "lucia.fz arroba gmail punto com"),
    ("meu email é joao.silva arroba uol ponto com ponto br", "joao.silva arroba uol ponto com ponto br"),
    ("écris-moi: claire.martin arobase orange point fr", "claire.martin arobase orange point fr"),
    ("contact: ivan.petrov собака yandex точка ru", "ivan.petrov собака yandex точка ru"),
    ("ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ", "ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ"),
    ("john﹫gmail.com", "john﹫gmail.com"),
    ("jo\u200bhn@gm\u200bail.com", "jo\u200bhn@gm\u200bail.com"),
    ("john.doe@gmаil.com (Cyrillic а)", "john.doe@gmаil.com"),
    ("j o h n @ g m a i l . c o m", "j o h n @ g m a i l . c o m"),
    ("moc.liamg@eod.nhoj", "moc.liamg@eod.nhoj"),
    ("mail me at john.harper82﹫gmail.com", "john.harper82﹫gmail.com"),
    # provider plus username
    ("my gmail is jdoe77", "gmail is jdoe77"),
    ("My hotmail is the usual one: lena_k_1990", "hotmail is the usual one: lena_k_1990"),
    ("mein GMX ist max.schneider84", "GMX ist max.schneider84"),
    ("mera gmail id rahul.verma91 hai", "gmail id rahul.verma91"),
    ("мой яндекс — ivan.petrov85", "яндекс — ivan.petrov85"),
    ("ايميلي ahmed.hassan88 على الجيميل", "ahmed.hassan88 على الجيميل"),
]

NOT_FOUND = [
    # a mail folder "at" a provider is deliverability talk; a DNS record's report box is config
    "Aujourd'hui, 23 % de vos e-mails arrivent en spam chez Outlook.",
    "half the newsletters land in junk at gmail",
    "- DMARC: v=DMARC1; p=none; rua=mailto:dmarc-reports@northfieldcycles.co.uk – reports show 14% failing",
    "DMARC : v=DMARC1; p=quarantine; rua=mailto:dmarc@boutique-argane.ma; pct=100",
    "email marketing open rates went up 20%",
    "I'll redo the email templates and the email headers",
    "I work at acme.com",
    "I'm at home at 5",
    "Meet at noon",
    "meet me at live",
    "test@example.com in the fixture",
    "Pour les tests, utilise contact@example.fr",
    "user@test.local in the seed data",
    "ssh deploy@server.mycompany.io",
    "scp -P 2222 build.zip ubuntu@ec2-3-1-2-4.compute.amazonaws.com:/tmp",
    "git@github.com:me/repo.git",
    "@media (max-width: 600px) { .nav { display: none } }",
    "@app.route('/') and @login_required",
    "npm install @angular/core@17.1.0",
    "I use gmail for work. The file is report_v2.pdf",
    "gmail api v1.2 integration",
    "we use Outlook 365 and Teams",
    "placeholder yourname@domain.com in the footer",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_email_found(detector, text, expected):
    assert expected in matches(detector, text, "email")


@pytest.mark.parametrize("text", NOT_FOUND)
def test_email_not_found(detector, text):
    assert matches(detector, text, "email") == []


def test_letters_dotted_one_by_one(detector):
    assert matches(detector, "j.o.h.n.d.o.e @ g.m.a.i.l . c.o.m", "email")
    assert matches(detector, "see a.b.c.d.e for details", "email") == []


@pytest.mark.parametrize("text", [
    "meine Adresse: lektorat-ilse, dann das at-Zeichen, dann web.de. Ich schau da öfter rein als hier.",
    "me escreve no revisao ponto cerrado e depois a arroba do hotmail, respondo no mesmo dia",
])
def test_an_address_narrated_in_pieces_ends_at_a_full_stop_or_a_provider(detector, text):
    assert "email" in detector.scan(text).categories


def test_a_narration_of_workplaces_is_no_address(detector):
    assert not detector.scan("I worked at acme, then at google, then at globex").findings


@pytest.mark.parametrize("text", [
    "скиньте на почту: kazan_redaktor (эт) bk (тчк) ru",
    "rakesh डॉट stats एट द रेट yahoo डॉट co डॉट in पर भेज दीजिए",
    "فابعته على بريدي: reem.editing@ بعدها yahoo.com",
    "write to ana.ruiz then @gmail.com",
    "ana.ruiz@ and then gmail.com",
])
def test_bracketed_abbreviations_at_the_rate_and_connecting_words_inside_an_address(detector, text):
    assert "email" in {f.category for f in detector.scan(text).findings}, text


def test_a_connecting_word_after_a_lone_at_sign_joins_no_address(detector):
    assert not detector.scan("ping me @ 5 then lunch").findings


@pytest.mark.parametrize("text", [
    "to tum mujhe ek mail drop kar do: anousha (dot) ramdin, aur gmail",
    "mail me: kwame dot mensah dot stats on gmail",
])
def test_a_spoken_username_beside_a_mail_provider_is_an_address(detector, text):
    assert "email" in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", [
    "my mail is kwame.osei.cad at gee mail dot com, send the STEP files there pls",
    "ana.ruiz at hot mail dot com",
])
def test_a_provider_said_in_two_words_after_a_spoken_at_is_one_name(detector, text):
    assert "email" in detector.scan(text).categories, text


def test_the_words_of_a_provider_elsewhere_are_ordinary_words(detector):
    assert not detector.scan("the hot mail server was slow, checking out look and feel").findings


@pytest.mark.parametrize("text", [
    "резюме пришлю, а вы мне на почту напишите: egor.sobakin собака рамблер ру",
    "как ник тут, только на гугловской почте",
])
def test_mail_providers_named_in_cyrillic_are_providers(detector, text):
    assert "email" in detector.scan(text).categories, text


def test_a_providers_own_url_is_no_username_at_it():
    from engine import Detector, RuleSet

    text = "هذا التوثيق الرسمي لـ Zoho Books API: https://www.zoho.com/books/api/v3/ — منه نربط الفواتير."
    assert "email" not in Detector(RuleSet.default()).scan(text).categories


@pytest.mark.parametrize("text", ["ahmad_j95 على الياهو دوت كوم", "ايميلي ahmad_j95 على الأوتلوك"])
def test_a_providers_arabic_name_with_its_article_is_the_provider(text):
    from engine import Detector, RuleSet

    assert "email" in Detector(RuleSet.default()).scan(text).categories, text


def test_the_article_forms_are_derived_from_the_lexicons_arabic_names():
    from engine.lexicon import lexicon

    aliases = lexicon()["email_provider_aliases"]
    assert "الياهو" in aliases and "ياهو" in aliases
    assert not any(a.startswith("الال") for a in aliases)
    assert "الgmail" not in aliases  # Latin names take no Arabic article


@pytest.mark.parametrize("text", [
    '```js\nconst autor = {\n  email: "leticia.prado.dev" + "@" + "outlook.com", // pode me escrever aí direto\n};\n```',
    "SELECT CONCAT('ana.ruiz', '@', 'gmail.com') AS contacto;",
    "$mail = 'ana' . '@' . 'web.de';",
])
def test_string_literals_joined_into_an_email_are_read_as_the_value_the_code_builds(detector, text):
    assert "email" in detector.scan(text).categories, text


def test_string_literals_listed_or_joined_into_no_contact_stay_as_written(detector):
    assert not detector.scan("tags = ['a@', 'b.com']; title = 'Q3' + ' report'").findings


def test_an_emails_local_part_with_a_dot_is_no_site(detector):
    assert detector.scan("write me: leticia.prado.dev@outlook.com").categories == ("email",)


def test_a_spoken_email_in_a_code_comment_is_prose_and_a_stack_frames_at_is_not(detector):
    text = ("```js\n// автор: Тимур Ахметов, t.akhmetov собака inbox точка ru — пишите туда\n"
            "export function formatPrice(v) { return v.toLocaleString('ru-RU'); }\n```")
    assert "email" in detector.scan(text).categories
    assert not detector.scan("```java\nException in thread main java.lang.Error\n\tat br.com.shop.Cart.add(Cart.java:42)\n```"
                             ).findings


@pytest.mark.parametrize("text", [
    "адрес — s_o_b_o_l_e_v_a_p_r_o на домене bk.ru, знак собаки между ними",
    "pishite na pochtu: lev.orlov.design, domain gmail.com",
    "my name is the login, hazel.prints on the domain hazelprints.ie, with the at sign between",
    "m • a • j • e • d • . • s • t • u • d • i • o ثم علامة الآت ثم proton.me",
])
def test_an_address_given_as_a_name_and_a_domain_word_or_spelled_letter_by_letter(detector, text):
    assert "email" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "install wordpress on the domain acme-bakery.com and point the DNS there",
    "the newsletter goes out from the domain mail.acme-bakery.com",
])
def test_a_site_set_up_on_a_domain_is_no_address(detector, text):
    assert "email" not in detector.scan(text).categories, text


def test_a_list_of_handles_joined_by_and_is_no_spaced_email(detector):
    text = "Two competitors worth watching: @bean_there_cpt and @truth.coffee, for their reels style."
    assert "email" not in detector.scan(text).categories
    assert "email" in detector.scan("et le reste c'est @wanadoo.fr", history=["mon mail", "claire.roux"]).categories


@pytest.mark.parametrize("text", ["manda um e-mail pra mim? lu.fontes(a)uol(.)com(.)br", "escríbeme: mar.vidal[a]gmail.com"])
def test_a_bracketed_a_glued_inside_an_address_is_its_at_sign(detector, text):
    assert "email" in detector.scan(text).categories, text


def test_a_bracketed_a_in_a_list_is_no_at_sign(detector):
    assert "email" not in detector.scan("pick option(a)or(b), and 3.5 kg per item(a)b.c").categories


def test_a_name_en_a_providers_domain_is_an_address(detector):
    assert "email" in detector.scan("rocio punto alcantara en icloud punto com").categories
    assert "email" not in detector.scan("la campaña en gmail.com y outlook llega a spam").categories
