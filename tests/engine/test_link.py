"""Outside links: what counts (own sites, forms, schedulers, shorteners) and what does not."""

from __future__ import annotations

import pytest

from tests.engine.conftest import matches

FOUND = [
    ("check my portfolio at janedesigns.com", "janedesigns.com"),
    ("https://calendly.com/jane/30min", "https://calendly.com/jane/30min"),
    ("book here: calendly.com/jane", "calendly.com/jane"),
    ("hxxps://evil[.]com/form", "hxxps://evil[.]com/form"),
    ("my site: tomharper[.]design", "tomharper[.]design"),
    ("mysite dot com", "mysite dot com"),
    ("ivanpetrov точка ру, раздел контакты", "ivanpetrov точка ру"),
    ("ادخل على ahmedhassan نقطة كوم وراسلني", "ahmedhassan نقطة كوم"),
    ("bit.ly/3xYz12", "bit.ly/3xYz12"),
    ("http://203.0.113.5/apply", "http://203.0.113.5/apply"),
    ("45.77.12.9:8080/apply now", "45.77.12.9:8080/apply"),
    ("Apply via https://boards.greenhouse.io/acme/jobs/123", "https://boards.greenhouse.io/acme/jobs/123"),
    ("forms.gle/abc123", "forms.gle/abc123"),
    ("fill https://docs.google.com/forms/d/e/1FAIpQL/viewform", "https://docs.google.com/forms/d/e/1FAIpQL/viewform"),
    ("take the survey at typeform.com/to/aB12cD", "typeform.com/to/aB12cD"),
    ("my fiverr.com/janedesigns has reviews", "fiverr.com/janedesigns"),
    ("our agency site www.pixelforge.co.uk/contact", "www.pixelforge.co.uk/contact"),
    ("behance.net/janedoe", "behance.net/janedoe"),
    # ... but a page on one, or one offered as the writer's own, is a place to visit
    ("my site is at 203.0.113.7:8080/portfolio if you wanna see", "203.0.113.7:8080/portfolio"),
    ("visit 203.0.113.7:8080 for my demo", "203.0.113.7:8080"),
    ("moc.ngisedrepramot — backwards", "moc.ngisedrepramot"),
    ("search for my agency name and use the contact form there", "search for my agency"),
    ("búscame en Workana como carlos-ruiz-dev", "Workana como"),
    ("Such einfach nach 'Schneider Grafik Köln' und schreib mir über das Formular",
     "Such einfach nach 'Schneider Grafik Köln' und schreib mir über das Formular"),
]

NOT_FOUND = [
    # documentation addresses (RFC 5737) with a port: the hosts of a report or a config
    "- ALTA: TLS 1.0 habilitado en 203.0.113.5:443 (CVE no aplica).",
    "- [Élevée] RDP exposé sur 198.51.100.11:3389, pas de NLA",
    "see docs.python.org/3/library/re.html",
    "https://stackoverflow.com/questions/123/how",
    "github.com/pallets/flask",
    "https://www.figma.com/file/abc123/Landing",
    "I recorded a demo: youtube.com/watch?v=dQw4w9WgXcQ",
    "A demo video of the animation: vimeo.com/912345678",
    "your site acme-bakery.com loads slowly",
    "Eure Seite baeckerei-mueller.de lädt auf dem Handy ewig",
    "On www.acmecoffee.com/shop the filter sidebar overlaps the footer",
    "La documentación de Laravel lo explica: laravel.com/docs/11.x/queues",
    "Steht in der Doku: docs.docker.com/compose/networking/",
    "The brief says to match https://stripe.com/payments style",
    "server at 192.168.1.10",
    "edit main.py and config.json, then README.md",
    "use node.js and socket.io with ASP.NET",
    "e.g. this one, i.e. that one",
    "see example.com/test",
    "version 2.0.1",
    "Mr.Smith said hello",
    "search the site for the form component",
    "google the error and check the site docs",
    "I worked on Upwork for 5 years before",
    "https://marketplace.example/jobs/123",
    "the K8s cluster at 10.0.0.1:6443",
    "http://192.168.1.10/admin is the router page",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_link_found(detector, text, expected):
    assert any(expected in found for found in matches(detector, text, "link"))


@pytest.mark.parametrize("text", NOT_FOUND)
def test_link_not_found(detector, text):
    assert matches(detector, text, "link") == []


@pytest.mark.parametrize("text", ["mi página es sonidoscanarios y luego el punto com, ahí está el formulario",
                                  "my site is sonidoscanarios then dot com, the order form is there"])
def test_a_site_narrated_with_its_top_level_domain_after_a_then_is_a_link(detector, text):
    assert "link" in detector.scan(text).categories


def test_a_then_and_a_dot_in_other_talk_are_no_site(detector):
    assert not detector.scan("we finished the menu then dot points for the list").findings


def test_typing_the_writers_quoted_name_into_search_leads_to_their_form(detector):
    text = "Кейсы у меня на сайте — набери в поиске «лидген мастерская Воронцова», там форма, заявка приходит мне."
    assert "link" in detector.scan(text).categories
    assert not detector.scan("набери в поиске рецепт борща, там форма заказа продуктов").findings


@pytest.mark.parametrize(("text", "flagged"), [
    ("artstation.com/artwork/8Xk2Rq — это одна работа, просто чтобы понять стиль", False),
    ("one track: soundcloud.com/tessmastering/northbound-style-demo", False),
    ("my portfolio: artstation.com/mariaedits", True),
    ("soundcloud.com/tessmastering", True),
])
def test_one_item_on_an_art_or_audio_host_is_a_work_sample_and_a_profile_is_not(detector, text, flagged):
    assert ("link" in detector.scan(text).categories) is flagged


def test_a_shortened_link_the_writer_made_is_no_readers_page(detector):
    text = ("Hi Dana,\n\n" + "Week 1 - structure and style guide in Webflow.\n" * 8
            + "\nBefore you decide, I put together a short questionnaire about your brand and competitors, it'll "
              "help me give you a tighter quote: bit.ly/3xKq7Rw - takes 5 minutes.\n\nAlso, do you have the copy "
              "already?\n\nThanks!\nDom")
    assert "link" in {f.category for f in detector.scan(text).findings}


def test_a_link_offered_to_skip_the_platforms_fee_is_the_writers_even_in_a_long_brief(detector):
    text = ("Hallo zusammen,\n\nwir sind eine HR-Tech-Beratung aus Köln und schlagen vor:\n"
            + "- Analyse der Candidate Journey und neue Karriereseite mit Stellenfiltern\n" * 5
            + "\nÜbrigens suchen wir selbst gerade freie UX-Designer; wer Lust hat, kann sich direkt bei uns "
              "bewerben, ohne Plattformgebühr: karriere.talentbruecke-consulting.de/jobs/ux-freelance.\n\nBeste Grüße")
    assert "link" in {f.category for f in detector.scan(text).findings}


def test_the_readers_page_needs_a_page_noun_after_your(detector):
    text = ("Good morning,\n\n" + "I'm a Shopify expert with 9 years of experience and 300 stores launched.\n" * 6
            + "\nI also have a package on Fiverr, cheaper since there's no service fee on your side: "
              "fiverr.com/share/Lx9Wq2 - same work.\n\nKind regards")
    assert "link" in {f.category for f in detector.scan(text).findings}


@pytest.mark.parametrize("text", [
    "Le seul lien utile, c'est la norme : iso.org/standard/72437.html (ISO 17100)",
    "на consultant.ru открытая редакция закона",
    "el texto de la ley está en boe.es/buscar/act.php?id=BOE-A-2015-11430",
])
def test_a_site_cited_with_a_law_or_a_norm_is_a_reference(detector, text):
    assert "link" not in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", [
    "my public portfolio is at anaruiz.design", "it's public anyway: anaruiz-studio.com",
    "public form at anaruiz.com/contact", "see the norme at anaruiz.com, call me",
])
def test_public_a_norm_or_a_lower_case_keyword_hides_no_site(detector, text):
    assert "link" in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", ["http://microsoft", "text http://no-tld", "test http://twitter-.com", "www.microsoft"])
def test_a_url_without_a_reachable_host_is_no_link(detector, text):
    assert "link" not in {f.category for f in detector.scan(text).findings}, text


def test_a_url_with_a_real_host_stays_a_link(detector):
    assert "link" in {f.category for f in detector.scan("https://ana-ruiz.design/contact").findings}


def test_one_work_sample_named_from_the_portfolio_is_clean_unless_details_are_behind_it(detector):
    clean = "Mein Portfolio: behance.net/gallery/18834512/Verpackung-Honig – das ist ein einzelnes Projekt"
    assert "link" not in {f.category for f in detector.scan(clean).findings}
    details = "canva.com/design/DAGx9Kq7/view — c'est un seul PDF, mes coordonnées sont en dernière page"
    assert "link" in {f.category for f in detector.scan(details).findings}


@pytest.mark.parametrize("text", [
    "Пусть ведёт на их страницу с составом: sdoba-kazan.ru/sostav, это их сайт.",
    "Vai pra página de ingredientes no site deles, padariaboasorte.com.br/ingredientes — é trabalho nosso.",
    "Я выложу партии в студию: lichess.org/study/Bq9Vn3Lp — это только разбор.",
])
def test_the_clients_page_named_theirs_and_one_work_file_are_clean(detector, text):
    assert "link" not in {f.category for f in detector.scan(text).findings}, text


def test_their_site_with_the_writers_invitation_stays_a_link(detector):
    assert "link" in {f.category for f in detector.scan("anaruiz.design — their site, write me there").findings}


@pytest.mark.parametrize("text", [
    "yes it's on our site, podcast.northbayvoices.org/be-a-guest — that's the form I want you to restyle, part of the job",
    "vers notre propre site, labrasseriedupont.fr/carte — c'est ce qu'on veut que tu mettes en page",
])
def test_the_clients_own_page_given_as_the_work_is_no_contact(detector, text):
    assert "link" not in detector.scan(text).categories, text


def test_the_writers_own_site_with_a_contact_page_is_still_a_link(detector):
    assert "link" in detector.scan("my site is annadesign.com, with my contact page").categories


def test_a_form_on_a_form_host_in_a_clients_brief_is_a_link(detector):
    text = ("Buen día a todos. Busco traductor/a técnico para manuales de mantenimiento aeronáutico de inglés a "
            "español, para un operador regional. Son cerca de 1.100 páginas con terminología ATA 100.\n\n"
            "Requisitos: experiencia comprobable en aviación, manejo de Trados o memoQ. Pagamos 0,07 USD por "
            "palabra.\n\nPara ver el material de muestra, entrá al formulario de aplicación de nuestro proceso "
            "interno: forms.gle/9hVtKqWm3sPz6Lr87 y completá tus datos allí.")
    assert "link" in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    "No Workana tenho 120 avaliações, procura por arteluzcenica lá",
    "Auf Fiverr bin ich günstiger, such da nach „grafikstube_jena“ und bestell dort.",
    "tengo tienda en etsy también, búscala como TallerCobreYMar y me escribes por allí",
])
def test_a_name_to_look_for_on_another_marketplace_or_shop_is_a_link(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "we sell on Etsy, search for handmade soap trends there",
    "Tools I'm comfortable with: Etsy Messages, Trello, Google Sheets, ShipStation.",
])
def test_a_shop_platform_as_the_work_or_a_tool_is_no_link(detector, text):
    assert "link" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Y el entorno de pruebas está en pruebas.tiendagil.es/carrito — el fallo aparece en el paso 2.",
    "Je l'ai reproduit : sur www.cave-exemple.ch/fr/checkout, la TVA passe à 0. Ticket #3307 ouvert.",
    "Reproduzi: em homolog.padaria-exemplo.com.br/carrinho, o frete vai pra R$ 0,00. Abri o chamado #4471.",
])
def test_the_clients_test_environment_in_a_bug_report_is_the_work(text):
    from engine import Detector, RuleSet

    assert "link" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Booking.com, Expedia et Airbnb sont connectés ; le mapping a pris plus de temps que prévu.",
    "تم الربط مع Booking.com و Expedia و Agoda، وبقيت منصة واحدة",
    "We compared Hotels.com, Trivago and Kayak for the fare widget.",
])
def test_a_brand_domain_named_among_other_brands_is_a_mention(text):
    from engine import Detector, RuleSet

    assert "link" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Studioluna.com and Instagram",  # one other name: it may be the writer's own pair of routes
    "my site Studioluna.com, Behance and Dribbble",  # the writer's own
])
def test_a_domain_with_one_other_name_or_claimed_stays_a_link(text):
    from engine import Detector, RuleSet

    assert "link" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Fiverr pe bhi hoon same naam se, wahan order kar lo sasta padega",
    "у меня есть магазин на Озоне под тем же названием, найдите и пишите через них",
    "Também tô no 99Freelas com o mesmo nome, lá tenho mais avaliações e sai mais barato pra você",
    "عندي متجر على نون بنفس الاسم، ابحث عنه واطلب من هناك أرخص",
    "I'm on Etsy under the same name, order there and it's cheaper for you",
])
def test_the_writer_on_another_marketplace_under_the_same_name_or_cheaper_is_a_route(text):
    from engine import Detector, RuleSet

    assert "link" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Can you set up our Ozon shop with the same name as the brand?",  # the organisation's: the work
    "I manage Amazon listings for three brands, cheaper than an agency",  # no route to the writer
    "Our Etsy shop is cheaper than the website, can you redo the photos?",
])
def test_a_shop_as_the_work_or_a_price_comparison_is_no_route(text):
    from engine import Detector, RuleSet

    assert "link" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("url", ["t1p.de/ux-kiefer", "clck.ru/3AbCd7", "dub.sh/studio-kai", "taplink.cc/anna.nails"])
def test_public_shortening_services_hide_their_target(url):
    from engine import Detector, RuleSet

    findings = Detector(RuleSet.default()).scan(f"case studies and a booking page behind one link: {url}").findings
    assert [f.rule for f in findings if f.category == "link"] == ["link.shortener"], url


@pytest.mark.parametrize("text", [
    "Meine Preisliste und das Briefing-Formular finden Sie unter www.brillenweb-agentur.de/anfrage, dort nehme ich alles auf.",
    "بدل الرسائل هون عبّي الاستمارة على موقعنا: pixelmade.agency/careers/motion",
    "For small fixes after the milestone open a ticket on my studio site: https://www.codecraftstudio.in/support-form",
    "Pour un devis rapide : atelier-morel.fr/devis, je réponds sous 24 h.",
])
def test_a_page_to_apply_or_to_send_a_request_is_a_way_to_reach_someone_in_any_message(text):
    from engine import Detector, RuleSet

    long = text + "\n\n" + "I can start on Monday and deliver in three weeks, with two rounds of changes. " * 5
    for message in (text, long):
        assert "link" in Detector(RuleSet.default()).scan(message).categories, message


def test_a_word_that_only_begins_like_a_form_is_no_request_page():
    from engine import Detector, RuleSet

    text = "Long report on the migration. " * 12 + "See docs.python.org/3/library/string.html#format-string-syntax"
    assert "link" not in Detector(RuleSet.default()).scan(text).categories


@pytest.mark.parametrize("text", [
    "Such einfach nach „Tonstudio Kellerwelle Bochum“ auf Google, auf der Webseite unter Kontakt kannst du mich buchen",
    "googleá 'Estudio Pampa Web' y mandanos el brief por el formulario de contacto de la web",
    "minha agência: googla 'Bela Vista Eventos Fortaleza' e usa o formulário do site",
    "جرب تبحث في جوجل عن «مكتب الرافدين للترجمة» وابعتلنا من نموذج التواصل",
    'बस गूगल पर "रंगरेज़ डिज़ाइन स्टूडियो अहमदाबाद" सर्च कीजिए, वहाँ फ़ॉर्म भर दीजिए',
])
def test_a_name_to_search_for_and_a_form_or_contact_page_there_is_a_way_to_the_writer(text):
    from engine import Detector, RuleSet

    assert "link" in Detector(RuleSet.default()).scan(text).categories, text


def test_a_search_in_a_url_and_the_readers_website_are_no_directions():
    from engine import Detector, RuleSet

    text = ("नमस्ते, आपकी वेबसाइट के कंटेंट के लिए मेरा प्रस्ताव: 25 ब्लॉग लेख। SEO के लिए मैं Google की आधिकारिक गाइड "
            "https://developers.google.com/search/docs का पालन करता हूँ। कोई सवाल हो तो प्लेटफ़ॉर्म पर ही बात कर लेते हैं।")
    assert "link" not in Detector(RuleSet.default()).scan(text).categories


@pytest.mark.parametrize("text", [
    "Proposta: o contra-rótulo como pede a ANVISA, com a tabela nutricional e o código de barras",
    "o estudo de fase III (vacina contra dengue), com as alterações pedidas",
    "the chamber meeting is at noon, cheaper parking after 6 there",
])
def test_a_marketplace_whose_name_is_an_everyday_word_needs_its_capital(text):
    from engine import Detector, RuleSet

    assert "link" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", ["I'm on Contra as lena-design, cheaper there",
                                  "I'm on Malt under the same name, cheaper there"])
def test_the_marketplace_written_as_its_name_stays_a_route(text):
    from engine import Detector, RuleSet

    assert "link" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("url", ["unicode-org.github.io/icu/userguide/format_parse/messages/",
                                 "consensys.github.io/smart-contract-best-practices",
                                 "example-lib.readthedocs.io/en/latest/tutorial/"])
def test_a_page_of_documentation_by_its_path_is_a_reference(url):
    from engine import Detector, RuleSet

    assert "link" not in Detector(RuleSet.default()).scan(f"I follow {url} for this part").categories, url


def test_the_writers_own_guide_page_offered_stays_a_link():
    from engine import Detector, RuleSet

    assert "link" in Detector(RuleSet.default()).scan("my studio site lenadesign.com/pricing-guide").categories


@pytest.mark.parametrize("text", ["my site: lenadesign .com", "porfolio en lenadesign .es, ahí está todo"])
def test_a_space_before_the_dot_of_a_domain_hides_nothing(text):
    from engine import Detector, RuleSet

    assert "link" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "je vous propose mon accompagnement pour vos 4 postes (2 développeurs .NET, 1 analyste)",
    "Listings: Übersetzung ins Französische für .fr/.it, das Formular auf der Seite",
    "O formulário de contacto do site vai para o email da cooperativa; domínio .co.mz já registado.",
    "the .env file stays out of git; use .gitignore for that",
])
def test_a_top_level_domain_named_or_a_technology_after_a_space_is_no_site(text):
    from engine import Detector, RuleSet

    assert "link" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", ["mon site 🌐 studio 🔸 lumen 🔸 ch / contact", "my site: nova 🔹 studio 🔹 com"])
def test_one_pictograph_standing_for_each_dot_of_a_site_is_a_disguised_link(text):
    from engine import Detector, RuleSet

    assert "link" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", ["love 😍 this 😍 design", "the colors 🔸 teal 🔸 and 🔸 brass for the site",
                                  "🔸 logo 🔸 site 🔸 cards: all done"])
def test_pictographs_between_words_that_end_in_no_domain_or_name_no_site_are_decoration(text):
    from engine import Detector, RuleSet

    assert "link" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", ["the client likes short names .ie or .com, what do you think?",
                                  "for the shop: .de/.at, the client decides"])
def test_top_level_domains_compared_are_no_site(text):
    from engine import Detector, RuleSet

    assert "link" not in Detector(RuleSet.default()).scan(text).categories, text


def test_one_video_on_a_video_host_is_a_sample_and_a_channel_is_a_profile():
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.default())
    sample = "вот ролик с облётом: https://rutube.ru/video/8d1f2a7c3e9b4a60b1c2d3e4f5a6b7c8/ (по ссылке, только для вас)"
    assert "link" not in detector.scan(sample).categories
    assert "link" in detector.scan("мой канал rutube.ru/channel/12345 пишите там").categories
    assert "link" in detector.scan("my channel youtube.com/channel/UC12345, message me there").categories


PROPOSAL = ("Добрый день! Хочу откликнуться на вакансию ассистента (20 часов в неделю). Опыт — 5 лет: календарь и "
            "встречи, подготовка презентаций, бронирование поездок, работа с Битрикс24 и amoCRM. Готова работать с 9:00 "
            "до 13:00 по Москве, ставка 600 ₽/час. {line} Готова выйти с 1 декабря, возможен тестовый день. Работаю в "
            "Google Workspace, Яндекс 360, Notion и Trello; по данным hh.ru/article/31245 спрос на ассистентов растёт.")


def test_a_cv_or_profile_page_in_a_proposal_is_a_persons_page(detector):
    line = "Подробное резюме есть на hh — hh.ru/resume/4f1e9a0bff07c3a2d1, можете посмотреть и пригласить там."
    text = PROPOSAL.format(line=line)
    assert "hh.ru/resume/4f1e9a0bff07c3a2d1" in matches(detector, text, "link")
    # the article cited in the same proposal stays a source
    assert not any("article" in m for m in matches(detector, text, "link"))


def test_a_marketplace_named_in_a_case_of_its_language_is_a_marketplace(detector):
    text = "У меня на Кворке 400+ отзывов, найдите меня там и закажите, комиссия меньше"
    assert "link" in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    "на consultant.ru действующая редакция, её и берём",
    "ISO 15223-1, et sur iso.org la page du comité, ça suffit",
    "la resolución está en el BOE: boe.es/diario_boe/txt.php?id=BOE-A-2024-1234",
])
def test_a_site_cited_as_a_gazette_an_edition_or_a_standards_body_is_a_reference(detector, text):
    assert "link" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "te respondo punto por punto al feedback de la versión 2 de la landing",
    "je reprends point par point vos remarques sur la maquette",
    "пройдёмся пункт за пунктом по правкам к макету",
])
def test_a_dot_word_said_twice_around_a_short_word_is_point_by_point(detector, text):
    assert not detector.scan(text).findings, text


def test_a_domain_spoken_with_two_dots_around_a_tld_stays_a_link(detector):
    assert detector.scan("meu email é fernanda ponto lacerda arroba uol ponto com ponto br").categories


@pytest.mark.parametrize("text", [
    '{\n  "autor": "Gabriela Ríos",\n  "homepage": "https://gabrielarios.dev/contratame",\n'
    '  "comentario": "para trabajos a medida entra ahí, sin comisiones"\n}',
    "My rates and how to book me directly: lena-voice.studio/hire-me",
    '<a href="https://tom-harper.design/work-with-me">hire me</a>',
])
def test_a_page_to_hire_the_writer_is_a_way_to_reach_them_even_closed_by_a_quote(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Die Zielseiten sind www.immowelt.de und www.immobilienscout24.de, nur Mietwohnungen in Essen und Bochum.",
    "Сайты: www.avito.ru и www.cian.ru, только аренда в Новосибирске.",
    "los competidores: www.tiendaverde.cl y www.mundohuerta.cl, revisa sus precios",
])
def test_sites_listed_together_as_the_works_targets_are_no_ones_contact(detector, text):
    assert "link" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["my sites: www.lena.studio and www.lena.shop", "visit www.lena.studio and www.lena.shop"])
def test_sites_listed_together_that_the_writer_claims_or_invites_to_stay_links(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    'Se quiserem conhecer o escritório, podem pesquisar "Bastos Neto & Associados Luanda" e deixar uma mensagem no'
    ' formulário do site.',
    "Vous pouvez rechercher « Atelier Morvan Rennes » et remplir le formulaire de contact du site.",
    "Tippen Sie einfach Küchenbau Lindner Ulm bei Google ein, auf der Website gibt es ein Kontaktformular.",
])
def test_directions_to_look_the_writer_up_read_any_form_of_the_search_verb(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Cartão de teste do Pagar.me: 4000 0000 0000 0010, CVV 123, só no ambiente de homologação.",
                                  "I put the cut in Frame.io for review, 3 comments left"])
def test_a_service_written_as_a_brand_after_a_preposition_is_a_tool(detector, text):
    assert "link" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Visit us on LunaStudio.com", "my portfolio is on Lumen.studio", "write to me via Lumen.studio"])
def test_a_brand_written_site_with_an_invitation_or_a_claim_stays_a_link(detector, text):
    assert "link" in detector.scan(text).categories, text


def test_a_transliterated_scheme_opens_a_url(detector):
    text = "заполните бриф на моём сайте: хттпс://лэндскейп-студио.рф/бриф — обсудим без комиссии"
    assert "link" in detector.scan(text).categories


def test_more_public_shorteners_hide_their_target(detector):
    assert "link" in detector.scan("réserve ton créneau : urlr.me/Kq7Bz").categories


def test_a_spoken_ending_that_is_a_preposition_is_a_site_after_a_sites_noun(detector):
    assert "link" in detector.scan("meri website rohanbeats dot in pe saare demos hain").categories
    assert not detector.scan("on se retrouve autour du point de vente à 10h").categories


@pytest.mark.parametrize("text", [
    '{\n  "name": "pdf-stamp",\n  "version": "2.1.0",\n  "author": "Ines V <https://inesv.dev/contact>"\n}',
    '{\n  "name": "menu-widget",\n  "homepage": "https://ravi-builds.in/hire-me"\n}',
    "# سيرفري الشخصي، تقدر تتواصل معي من صفحة about فيه\nPREVIEW=http://41.33.108.92:8080/",
])
def test_a_contact_page_or_a_server_the_comment_claims_is_a_link_inside_code(detector, text):
    assert "link" in detector.scan(text).categories, text


def test_a_sites_menu_with_its_contact_page_among_its_pages_is_the_work(detector):
    text = 'nav = [{"href": "https://bakery.ie/menu"}, {"href": "https://bakery.ie/contact"}]'
    assert "link" not in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    "Auf willhaben findest mich auch, gleicher Name wie hier",
    "شوف حسابي على أوليكس وابعتلي رسالة من هناك",
    "OLX पे मेरा एड देखो, वहीं चैट कर लो",
    "my gumtree listing has the same name, message me there",
])
def test_the_writer_on_a_classifieds_site_sending_the_reader_there_is_a_marketplace_link(detector, text):
    assert "link" in detector.scan(text).categories, text


def test_a_classifieds_site_as_the_works_source_is_no_link(detector):
    assert not detector.scan("we need a scraper for willhaben listings, prices and locations, daily").categories
