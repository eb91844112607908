"""Who writes (engine/voice.py): an organisation's brief names its own premises and site as
project data; a freelancer's own, or an invitation to come or write, stays contact."""

from __future__ import annotations

import pytest

from engine import Detector, RuleSet

FILLER = (" The work covers 40 listings a month, each with 25 photos, a floor plan and a short text;"
          " the budget is 1,800 USD a month for a start of three months, with a review after the first."
          " Please send two samples of similar work and your availability here on the platform.")


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(RuleSet.default())


def _categories(detector: Detector, text: str) -> set[str]:
    return set(detector.scan(text).categories)


@pytest.mark.parametrize("opening", [
    "We are Northgate Lettings (head office: 27 Queen Street, Leeds LS1 2TW) and we are looking for a photographer.",
    "Somos Inmobiliaria Ribera (oficina: Calle Mayor 14, 28013 Madrid) y buscamos un fotógrafo.",
    "Wir sind die Hausverwaltung Krüger (Sitz: Lindenstraße 9, 10969 Berlin) und suchen einen Fotografen.",
    "Мы — агентство «Северный дом» (офис: Москва, ул. Тверская, д. 12, оф. 3). Ищем фотографа.",
    "Our current listings are on northgate-lettings.co.uk/listings and we are looking for a photographer.",
    "Nous cherchons un photographe. Nos annonces actuelles sont sur immo-lacoste.fr/biens.",
])
def test_an_organisations_own_premises_and_site_in_its_brief_are_project_data(detector, opening):
    assert _categories(detector, opening + FILLER) & {"address", "link"} == set()


@pytest.mark.parametrize("text", [
    # a visit, a delivery or an application there is contact, whoever writes
    "We are Northgate Lettings and we are looking for a photographer. Come to our office at 27 Queen Street,"
    " Leeds LS1 2TW on Monday to see the flats.",
    "Somos Inmobiliaria Ribera y buscamos un fotógrafo. Envía las muestras impresas a nuestra oficina,"
    " Calle Mayor 14, 28013 Madrid.",
    # a freelancer's own studio and site
    "I am looking for a long-term client. My studio is at 27 Queen Street, Leeds LS1 2TW, and my site is"
    " lumenframes.co.uk.",
])
def test_an_invitation_or_a_writers_own_place_stays_contact(detector, text):
    assert _categories(detector, text + FILLER) & {"address", "link"}


def test_a_phone_in_a_brief_stays_a_phone(detector):
    text = "We are Northgate Lettings (head office: 27 Queen Street, Leeds) and we are looking for a photographer." \
           " Our office line is 0113 496 0123." + FILLER
    assert "phone" in _categories(detector, text)


def test_a_short_message_is_no_brief(detector):
    # "our office is at …" in a chat line is no job post: it is judged like any address
    assert "address" in _categories(detector, "we are looking for you: our office is at 27 Queen Street, Leeds LS1 2TW")


@pytest.mark.parametrize("text", [
    # the client names itself as the writer: a job post's header, "(client)", "Auftraggeber"
    "Job post: packaging redesign for our tea range\n\nWe're a small tea business in Kowloon Bay (warehouse at Unit"
    " 12, 9/F, Kader Industrial Building, 22 Kai Cheung Road) shipping across Hong Kong.",
    "Offre (client) : rendu 3D d'une maison. Nous sommes un cabinet d'architectes (Atelier Lac & Pierre,"
    " 14 avenue de Genève, 74000 Annecy, c'est notre agence).",
    # a brief's place needs no "our" on its line: whose else would a client's job post describe?
    "Ищем бухгалтера на аутсорс для кофейни в Казани.\nАдрес кофейни (ул. Баумана, 44) указан во всех документах.",
    "Procuramos contador(a) para uma padaria.\nO endereço da loja (Travessa Padre Eutíquio, 1078, Batista Campos)"
    " aparece nas notas fiscais; você não precisa vir até aqui.",
])
def test_a_client_brief_names_its_own_place_as_data(detector, text):
    assert "address" not in _categories(detector, text + FILLER), text


@pytest.mark.parametrize("text", [
    # an invitation, even in a client's brief, and a negation elsewhere on the line changes nothing
    "Job post: packaging redesign for our tea range.\nInterviews: come to our warehouse, Unit 12, 9/F, Kader"
    " Industrial Building, 22 Kai Cheung Road, Kowloon Bay.",
    "Procuramos contador(a) para uma padaria. Não é remoto: venha até a loja, Travessa Padre Eutíquio, 1078,"
    " Batista Campos, Belém.",
    # a freelancer's own place in a proposal is no brief's
    "I read your job post and I am looking forward to it. My workshop: 22 Kai Cheung Road, Kowloon Bay, Hong Kong.",
    # a proposal that opens with its writer and their experience hires no one, whatever "required salary" says
    "السلام عليكم، أنا مربية أطفال بخبرة ١١ سنة في أبوظبي. الراتب المطلوب ٤٬٥٠٠ درهم. للمقابلة يمكننا الالتقاء في"
    " مقهى في مول الوحدة، الطابق الأرضي قرب المدخل الرئيسي، يوم السبت.",
])
def test_an_invitation_or_a_freelancers_place_stays_contact_in_a_brief(detector, text):
    assert "address" in _categories(detector, text + FILLER), text

# -- someone else's place: the reader's, the client's or the work's, whoever writes -----------------

@pytest.mark.parametrize("line", [
    "Contract review memo – Commercial lease, Unit 4, Harbour Business Park, Bristol BS2 0QR (the client's own"
    " premises, for context).",
    "Revisión del contrato – local comercial en Av. Corrientes 1830, CABA (local del propio cliente, solo como contexto).",
    "Заключение по договору — склад по адресу Рига, ул. Бривибас 118 (помещение самого заказчика, для контекста).",
    "Die Adresse Kasseler Straße 41 aus Ihrer Ausschreibung habe ich mir auf der Karte angesehen.",
    "Aapke G+4 building (Plot No. 52, Sohna Road, Gurugram — aapki project site) ka estimate neeche hai.",
    "Heads of agreement for Shop 7, 180 Pitt Street, Sydney NSW 2000 (this is my client's retail premises).",
    "Coordonnées de la paroisse (à imprimer en dernière page) : Paroisse Saint-Jean, 5 place du Marché, 59000 Lille.",
    # the work's site under its label, and a manufacturer's address printed in the document to translate
    "Site: 58 Lower Dorset Street, Dublin 1, D01 W6F2 (currently a vacant lot beside the shop).",
    "Grundstück: Bahnhofstraße 27, 9490 Vaduz (Baulücke neben der Bäckerei, aktuell Parkplatz)",
    "Die Herstelleradresse auf der Rückseite (Medivent AG, Sennweidstrasse 41, 6312 Steinhausen) bleibt in allen"
    " Sprachfassungen.",
    "Manufacturer ka address back cover pe (Sanjeevani Medtech Pvt Ltd, Plot 88, Phase II, MIDC Chakan, Pune 410501).",
])
def test_someone_elses_place_in_a_long_message_is_data(detector, line):
    assert "address" not in _categories(detector, line + FILLER), line


@pytest.mark.parametrize("line", [
    # the writer claims the place too, or invites a visit or a delivery there
    "My workshop is at Kasseler Straße 14, 34117 Kassel, next to your office.",
    "Send the samples to your contact at my studio, 27 Queen Street, Leeds LS1 2TW (the client's address is elsewhere).",
    "Come by 27 Queen Street, Leeds LS1 2TW to see the client's flats with me.",
])
def test_the_writers_own_place_beside_another_owner_stays_contact(detector, line):
    assert "address" in _categories(detector, line + FILLER), line


def test_a_short_message_naming_the_client_is_judged_as_usual(detector):
    assert "address" in _categories(detector, "the client's parcel: send it to me at 27 Queen Street, Leeds LS1 2TW")


def test_a_long_message_reads_on_after_a_dropped_address(detector):
    # the first street-like phrase belongs to the reader's documents; the writer's own chambers come later
    text = ("For your bundle (3 sale deeds, 2 powers of attorney, 1 High Court order) I quote 3.20 per word."
            + FILLER + "\nFor urgent questions you may reach my chamber:\nOffice No. 14, 3rd Floor, Laxmi Chambers,"
            " opp. Fort Post Office, Shahid Bhagat Singh Road, Mumbai 400001")
    assert "address" in _categories(detector, text)


@pytest.mark.parametrize("text", [
    # a line of an address block takes the line that introduces it
    "Please keep the manufacturer block on page 2 exactly as printed:\n\n  Northwind Air Systems Ltd.\n"
    "  Unit 7, 1420 Industrial Parkway\n  Mississauga, ON L5T 2N6, Canada\n\n" + FILLER,
    # in any message, a place put into the work's content by its owner
    "Sim, a sede é nossa: Rua Voluntários da Pátria, 190, Botafogo. Vai no rodapé do site.",
    "hamara showroom hai, 12 MG Road, Bengaluru 560001 – ye footer mein dalna hai",
    "наш склад: Казань, ул. Техническая, 120 — его и укажи в карточке как адрес отгрузки",
    "Наш офис, который показываем в разделе «Контакты» приложения: Невский пр., 28, офис 412, 191186.",
    # the deliverable's templates, labels and prompts carry the client's address
    "Pendiente: plantillas de cotización en PDF con el logo y la dirección de la bodega (Av. Américo Vespucio 1501,"
    " Quilicura, Santiago).",
    'Back label must include: 13.5% vol, the winery address "Tanager Ridge Wines, 88 Felton Road, Bannockburn 9384,'
    ' Central Otago".',
])
def test_a_place_in_the_works_content_is_data(detector, text):
    assert "address" not in _categories(detector, text), text


@pytest.mark.parametrize("text", [
    "my studio: Rua Voluntários da Pátria, 190, Botafogo. It is in the footer of my site too.",
    "Our office is at 12 MG Road, Bengaluru 560001, it is in the footer: come by on Monday",
    "Contact block:\n\n  Anna Petrova\n  ул. Техническая, 120, Казань\n\nwrite to me there" + FILLER,
    # a content word in an earlier sentence names something else ("le col du modèle blanc" is a dress)
    "Bonjour Fatou, je confirme les retouches de vos 4 boubous : reprise des épaules sur deux modèles et broderies sur le"
    " col du modèle blanc. Il faudra faire un essayage avant les finitions. L'atelier se trouve à Dakar, Sicap Liberté 6,"
    " villa n° 6217, à côté de la boulangerie Ndiaye, je suis là de 10 h à 19 h. Le prix total est de 85 000 FCFA.",
])
def test_the_writers_place_or_an_invitation_stays_contact(detector, text):
    assert "address" in _categories(detector, text), text


def test_an_arabic_our_is_the_writers_place_beside_a_your(detector):
    # "we'd be happy to receive you (-كم) at our office (-نا)": the office is the writer's
    text = ("يسعدنا استقبالكم في مكتبنا لمشاهدة نماذج المؤتمرات السابقة: برج الجاسم، الطابق 9، مكتب 903، شارع الدفنة،"
            " الخليج الغربي، الدوحة.\n" + FILLER)
    assert "address" in _categories(detector, text)


# -- to whom: the reader's own profile or page is the work ---------------------------------------

@pytest.mark.parametrize(("greeting", "line"), [
    ("Hallo Sebastian,", "Custom URL: linkedin.com/in/sebastian-koehler-supplychain – bitte prüfen ob frei."),
    ("Здравствуйте, Марат!", "Публичная ссылка: поменяли на linkedin.com/in/maratsultanov-cfo, уже применено."),
    ("Dear Ms. Okafor,", "Your new vanity URL will be linkedin.com/in/okafor-fpa once approved."),
    ("Hi there,", "Your current public URL is linkedin.com/in/olumide-fpa-7b3a12, we'll change it as part of the work."),
    ("Bonjour,", "Petite remarque : votre URL actuelle est linkedin.com/in/georges-k-8a9b12, à personnaliser."),
])
def test_the_readers_own_profile_is_the_work(detector, greeting, line):
    text = f"{greeting}\n\nHere is the final profile, the deliverable of the project.\n{line}\n" + FILLER + "\n\nBest,\nRita"
    assert _categories(detector, text) & {"link", "social"} == set(), text


@pytest.mark.parametrize(("greeting", "line"), [
    # the writer's own profile, or a name the greeting does not hold
    ("Hallo Sebastian,", "Meine Arbeiten: linkedin.com/in/rita-brandt-writer, dort kannst du mir schreiben."),
    ("Hi there,", "Connect with me: linkedin.com/in/rita-brandt-writer"),
    ("Hello,", "Your profile is great; mine is linkedin.com/in/rita-brandt-writer if you want to talk."),
    # a greeting's word across a line break is no name: "Hello,\n\nSmart contract …"
    ("Hello,\n\nSmart contract audit, as agreed.", "See linkedin.com/in/smart-audits-rita for my other reviews."),
])
def test_the_writers_own_profile_stays_a_finding(detector, greeting, line):
    text = f"{greeting}\n\nHere is the plan.\n{line}\n" + FILLER
    assert _categories(detector, text) & {"link", "social"}, text


@pytest.mark.parametrize("text", ["Proposal — LinkedIn profile rewrite for a Head of Supply Chain",
                                  "Week 3–5: Resume + LinkedIn profile makeover"])
def test_work_on_an_apps_profile_names_no_account(detector, text):
    assert "social" not in _categories(detector, text)


@pytest.mark.parametrize("text", [
    "Наш карьер под Тулой, координаты 54.0921, 37.5847, площадь 64 га — это и есть объект работ",
    "La obra está en el km 14 de la carretera a Cañete, coordenadas -12.3921, -76.7714, es el dato del proyecto",
    "مركز الموقع 30.0444, 31.2357، والمضلع في ملف KML، المساحة 95 هكتار.",
])
def test_coordinates_of_a_surveyed_site_are_data(detector, text):
    assert "address" not in _categories(detector, text), text


@pytest.mark.parametrize("text", [
    "Point de rendez-vous : 48.8530, 2.3499, devant le portail du chantier, 64 ha à survoler",
    "my plot for the pickup: 19.4326, -99.1332, 2 ha, come at 5",
])
def test_coordinates_to_meet_or_claimed_stay_an_address(detector, text):
    assert "address" in _categories(detector, text), text


def test_a_manufacturers_block_keeps_its_support_line_as_content(detector):
    text = ("Please keep the manufacturer block on page 2 exactly as printed, just translated labels:\n\n"
            "  Northwind Air Systems Ltd.\n  Unit 7, 1420 Industrial Parkway\n  Mississauga, ON L5T 2N6, Canada\n"
            "  Technical support: 1-800-555-0147 (not to be changed)\n\n" + FILLER)
    assert not _categories(detector, text) & {"address", "phone"}


def test_a_paragraph_under_a_list_is_no_line_of_a_block(detector):
    # the list's introduction says "your vacancy", but the paragraph after the list is the writer's own
    text = ("По вашей вакансии администратора интернет-магазина (Одесса / удалённо):\n\n"
            "- Обработка заказов (~70 в день)\n- Ответы покупателям, возвраты\n- Ставка: 9 000 грн в месяц\n\n"
            "Опыт — 3 года в магазине детской одежды. Если хотите — позвоните мне на 067 543 21 09, это Киевстар,"
            " обычно на связи весь день." + FILLER)
    assert "phone" in _categories(detector, text)


def test_a_hindi_manufacturers_block_is_the_manuals_content(detector):
    text = ("अनुवाद कार्य का विवरण – उपयोगकर्ता पुस्तिका\n\nपुस्तिका के पिछले पन्ने पर निर्माता का पता जैसा है वैसा ही रहेगा:\n\n"
            "  सूर्यलाइट पावर सिस्टम्स प्रा. लि.\n  प्लॉट नं. 27, एमआईडीसी भोसरी\n  पुणे – 411026, महाराष्ट्र\n\n" + FILLER)
    assert "address" not in _categories(detector, text)


def test_a_negated_delivery_beside_an_invitation_to_come_stays_contact(detector):
    # "don't have it couriered, come and pick it up from our office": the pickup invites
    text = ("Briefing ke liye update.\nWristbands aur do scanning phones courier se mat mangwaiye, aap khud aakar le"
            " jaiye hamare office se: Flat 305, Sri Sai Towers, Road No. 2, Banjara Hills, Hyderabad 500034.\n" + FILLER)
    assert "address" in _categories(detector, text)


def test_a_brief_does_not_hide_an_address_whose_line_names_no_owner(detector):
    # a long message that says "wir brauchen" somewhere is no licence for every address in it
    text = ("Wir brauchen einen WhatsApp-Klon für interne Kommunikation, DSGVO-konform, unser Team hat 40 Leute.\n"
            + FILLER + "\nLa oficina está en Av. Insurgentes Sur 1602, piso 4, Col. Crédito Constructor, CDMX")
    assert "address" in _categories(detector, text)


SCOPE = ("\n\nIn scope:\n1. Import 11,200 records from the sheet, de-duplicated and tagged by location.\n"
         "2. A pipeline with five stages and two reminder sequences.\n3. A one-hour recorded training.\n\n"
         "Acceptance: the pipeline shows the right counts for a test week and a written handover.\n")


@pytest.mark.parametrize("text", [
    # a scope, a cahier des charges, a ТЗ: the client commissions the work without "we are looking for"
    "Scope of work — CRM setup for a canoe rental business" + SCOPE + "Forms go on our site lakeshore-paddle.ca/book"
    " and lakeshore-paddle.ca/groups. Please tell us about one similar setup.",
    "Cahier des charges — CRM pour une agence de voyages" + SCOPE + "Formulaire web sur notre site"
    " sindbad-voyages.tn/devis. Merci de décrire un projet similaire.",
    "ТЗ: внедрение CRM для сети студий" + SCOPE + "Форма записи на нашем сайте keramika-studio.ru/zapis."
    " Расскажите про похожее внедрение.",
    # "we want", a French colon, and a building "of the company" that needs no visit
    "Brief : étiquettes pour une brasserie" + SCOPE + "Nous voulons trois étiquettes. Notre brasserie :"
    " 18 rue de l'Alzette, L-4011 Esch-sur-Alzette.",
    "Alcance del trabajo – mediciones de climatización" + SCOPE + "La nave es de la empresa y está en la calle"
    " Ciutat de Sevilla, parcela 14, por si quieres localizarla en el catastro; no hace falta visita.",
    # "hamara apna unit": our own, a plural with a reflexive, claims no single writer
    "Namaste, ye rahi hamari factory ki details (ye hamara apna unit hai):\n\nSite: Plot No. 118, GIDC Phase 2,"
    " Vatva, Ahmedabad 382445" + SCOPE + "Chahiye: layout aur BOM.",
])
def test_a_commissioned_scope_names_the_clients_own_place_and_site_as_data(detector, text):
    assert _categories(detector, text) & {"address", "link"} == set()


@pytest.mark.parametrize("text", [
    # the same briefs with an invitation outside the address stay contact
    "Scope of work — CRM setup for a canoe rental business" + SCOPE + "Come by our office at 27 Queen Street,"
    " Leeds LS1 2TW on Monday to see the set-up. Please tell us about one similar setup.",
    "Alcance del trabajo – mediciones de climatización" + SCOPE + "Queremos verte: ven a nuestra nave en la"
    " calle Ciutat de Sevilla, parcela 14, Paterna, el lunes.",
    # a freelancer's scope claims the studio for one writer
    "Scope of work — what I will deliver" + SCOPE + "We want you happy: my studio is at 27 Queen Street,"
    " Leeds LS1 2TW, our team works from there.",
])
def test_an_invitation_or_a_single_writers_place_in_a_scope_stays_contact(detector, text):
    assert "address" in _categories(detector, text)


def test_an_arabic_pass_by_me_at_the_office_invites(detector):
    text = ("هلا أبو يوسف،\n\nبخصوص نظام التذاكر للمهرجان: ٥ أيام، ٨٠٠٠ زائر باليوم، تذكرة عامة ٢٠ ريال."
            " نبي دفع بمدى وأبل باي، باركود عند البوابة، وتقرير مبيعات يومي. قارنا بين المنصات. وش تنصح؟\n\n"
            "مرني في المكتب يوم الأحد بعد العصر: بريدة، حي الريان، شارع الملك عبدالعزيز، المبنى الرمادي الدور"
            " الأول. جيب اللابتوب عشان تورينا النظام.\n\nتحياتي")
    assert "address" in _categories(detector, text)


@pytest.mark.parametrize("text", [
    # a field list names the site's owner on another line of the same paragraph
    "Projekt: PV-Dachbelegungsplan, Logistikhalle\n\nObjekt: Halle Nord, Industriestraße 8 (Eigentum des"
    " Auftraggebers)\nKoordinaten: 53.0953, 8.7631\nDachfläche: 3.800 m², Neigung 7°\n" + FILLER,
    "Projeto: usina solar em telhado\n\nLocal do projeto: Galpão 3, Contagem – MG (instalações do cliente)\n"
    "Coordenadas: -19.9187, -44.0533 (para o estudo de sombreamento)\n" + FILLER,
    # a chat line that names the client's roof
    "الألواح بتتركب على سطح مستودع العميل، الإحداثيات 24.4712, 54.3705، الميل ١٥ درجة",
])
def test_coordinates_of_the_clients_site_are_data(detector, text):
    assert "address" not in _categories(detector, text)


@pytest.mark.parametrize("text", [
    "Te paso las coordenadas de la bodega: 20.6736, -103.344, ahí nos vemos el sábado",
    "Coordinates of my workshop: 53.0953, 8.7631, the client can drop the panels there",
])
def test_coordinates_given_to_go_there_stay_an_address(detector, text):
    assert "address" in _categories(detector, text)


@pytest.mark.parametrize("item", [
    "1. Birth certificate, Union Council Gulberg, Lahore, registration no. 03-1987-44215",
    "- Certificato di residenza (Via Museo 28, 39100 Bolzano — Wohnsitz laut Urkunde)",
    "4. Land record: lot 22, concession 8, Puslinch, patent 1869.",
    "3. Переселенческое дело, ГАТО, ф. 3, оп. 44, д. 1087 — выдача ссуды 1896 года.",
    # a district's name is no invitation: "El Retiro" retrieves nothing
    "4. Constancia laboral del Hospital Civil, con domicilio Calle Hospital 278, Col. El Retiro, 44280 Guadalajara",
])
def test_an_address_in_a_listed_document_or_record_is_its_content(detector, item):
    text = "Quote for a certified translation and archive search.\n\nDocuments:\n" + item + "\n\n" + FILLER
    assert "address" not in _categories(detector, text)


@pytest.mark.parametrize("item", [
    "1. Birth certificate: bring it to my office, 14 Queen Street, Leeds LS1 2TW",
    "- Contract: sign it at our office, Calle Mayor 14, 28013 Madrid",
])
def test_a_documents_line_that_claims_or_invites_stays_an_address(detector, item):
    text = "Quote for a certified translation and archive search.\n\nDocuments:\n" + item + "\n\n" + FILLER
    assert "address" in _categories(detector, text)


def test_a_numbered_list_item_is_no_house_number_of_the_line_above(detector):
    text = "7. Record keeping: 3 years from the date of the record, 6 years for CRA.\n8. Termination pay: per ESA."
    assert not detector.scan(text).findings
    assert "address" in _categories(detector, "Mi oficina: Cra. 15 # 93-47, Bogotá, pásate el lunes")


@pytest.mark.parametrize("line", [
    "- Trunk SIP OVH : 2 numéros SDA, standard 01 84 88 00 00 et fax 01 84 88 00 01 (ceux du cabinet).",
    "The hours prompts read each address and the main line 510-555-0192 in the closing prompt, which is your number.",
])
def test_someone_elses_number_configured_in_the_work_is_data(detector, line):
    assert "phone" not in _categories(detector, "Status report – IP telephony for the office.\n\n" + line + "\n" + FILLER)


@pytest.mark.parametrize("line", [
    "The closing prompt will read my own number 0412 555 019 until yours is ported.",
    "Trunk SIP OVH : le standard du cabinet est prêt, appelez-nous au 01 84 88 00 00 pour tester.",
])
def test_a_writers_number_or_an_invitation_to_call_in_a_telephony_report_stays_a_phone(detector, line):
    assert "phone" in _categories(detector, "Status report – IP telephony for the office.\n\n" + line + "\n" + FILLER)


REPORT = ("Status report — week 3, mail and phone migration for the client's office\n\nDone this week:\n"
          "- Intune enrolled 38 of 44 laptops; the printer on 192.168.10.45 scans to the shared drive.\n{line}\n\n"
          "Next week: retention policy, shared mailbox permissions. Hours logged: 11.5 of 15 budgeted.")


@pytest.mark.parametrize("line", [
    "- Remaining five are the shared boxes: reception@hallworth-legal.co.uk and accounts@hallworth-legal.co.uk.",
    "- 19 buzones creados con el formato nombre.apellido@ferrerasociados.es; los alias apuntan al grupo.",
    "- Teams Phone: the main switchboard 0161 496 0730 ported successfully; direct dials mapped per the sheet.",
])
def test_a_mailbox_or_a_number_configured_in_the_work_is_data(detector, line):
    assert _categories(detector, REPORT.format(line=line)) & {"phone", "email"} == set()


@pytest.mark.parametrize("line", [
    "- Voice-over: easier on a call, you can m'appeler sur WhatsApp au 06 47 98 12 75 after 2 pm.",
    "- If the mailbox migration stalls, лучше сразу писать мне на ящик: a.kovalenko@tut.by",
    "- Switchboard questions: call me on my mobile 07700 900461.",
])
def test_a_writers_own_line_in_a_report_stays_contact(detector, line):
    assert _categories(detector, REPORT.format(line=line)) & {"phone", "email"}


BRIEF = ("Scope: helpdesk macros for Brightlane Bikes (Zendesk)\n\nWe sell e-bikes from our shop in Leeds and"
         " online. Support volume is about 600 tickets a month, mainly delivery status, warranty claims and recalls."
         " {line}\n\nDeliverables: 25 macros, a triage trigger set and a tone guide. Budget £400 fixed. Please"
         " mention in your proposal which Zendesk plan features you've used.")


def test_a_briefs_own_support_channels_are_the_works_context(detector):
    line = "Customers currently email support@brightlane-bikes.co.uk or call 0113 496 0218 during shop hours."
    assert _categories(detector, BRIEF.format(line=line)) & {"phone", "email"} == set()


@pytest.mark.parametrize("line", [
    "For questions before you bid, email us at hiring@brightlane-bikes.co.uk.",
    "Quicker on WhatsApp: 0113 496 0218, message us there.",
    "Send your samples to jobs@brightlane-bikes.co.uk.",
])
def test_a_brief_that_invites_contact_through_its_channel_stays_contact(detector, line):
    assert _categories(detector, BRIEF.format(line=line)) & {"phone", "email", "social"}


@pytest.mark.parametrize("item", [
    "Day 1 (Thu): arrivals, check-in Memmo Príncipe Real, Rua Dom Pedro V 56J, 1250-094 Lisboa; dinner at 20:00.",
    "Tag 1: Ankunft Wien Hbf, Check-in Hotel Motto, Mariahilfer Straße 71a, 1060 Wien",
    "1) Dongguan Hengli Silicone Products Co., Ltd — No. 8 Xingye Road, Changping Town, Dongguan. 210 workers.",
    "2) Xiamen Joyful Home Industry — 3F, Building B, 166 Tongji South Road, Jimei District, Xiamen.",
])
def test_a_programme_day_or_a_listed_organisation_carries_its_own_places(detector, item):
    text = "Itinerary and supplier notes for the retreat.\n\n" + item + "\n\n" + FILLER
    assert "address" not in _categories(detector, text)


@pytest.mark.parametrize("item", [
    "Day 1: come to my studio first, 14 Queen Street, Leeds LS1 2TW, at 9.",
    "My workshop — 3F, Building B, 166 Tongji South Road, Jimei District, Xiamen, visit any day.",
])
def test_a_programme_or_list_item_that_claims_or_invites_stays_an_address(detector, item):
    text = "Itinerary and supplier notes for the retreat.\n\n" + item + "\n\n" + FILLER
    assert "address" in _categories(detector, text)


CV = ("Cover letter draft v2 for you to review:\n\nDear Hiring Panel,\n\nI am applying for the role of Senior Logistics"
      " Coordinator at Meridian Freight. Over eight years at Castlegate Distribution I managed 14 carriers and cut"
      " average dwell time from 3.2 to 1.9 hours.\n\nYours sincerely,\nAdaeze Nwosu\n07700 900461 |"
      " adaeze.nwosu.logistics@gmail.com | Northampton\n\n---\n{note}")


def test_a_letter_drafted_for_the_client_carries_the_clients_details(detector):
    note = "Note: I left your phone and email as you gave them in the brief since it's your own CV."
    assert _categories(detector, CV.format(note=note)) & {"phone", "email"} == set()


def test_a_request_for_the_readers_details_leaves_the_writers_own_in_place(detector):
    note = "Please send your details and your CV so I can start the next version."
    assert _categories(detector, CV.format(note=note)) & {"phone", "email"}


@pytest.mark.parametrize("text", [
    "hamare dono: 0522-4012 677 (Hazratganj) aur 0522-4098 120 (Gomti Nagar), IVR inko hi route karega",
    "our hotline for the voicemail script is 0330 088 4172, use that in the script, it's the company line",
    "notre adresse, 12 rue de la Fonderie, 68100 Mulhouse, et les horaires — c'est pour la carte imprimée du resto",
])
def test_a_chat_line_handing_over_the_organisations_own_data_for_the_work_is_clean(detector, text):
    assert not _categories(detector, text), text


@pytest.mark.parametrize("text", [
    "our office line is 0522-4012 677, call us tomorrow about the IVR",
    "hamara number 0522-4012 677 hai, IVR ke liye mujhe call karo",
])
def test_a_chat_line_inviting_a_call_on_the_organisations_number_stays_a_phone(detector, text):
    assert "phone" in _categories(detector, text), text


@pytest.mark.parametrize("text", [
    "For the cold email campaign I set up the sending domain getbrightsmile.co.uk with SPF, DKIM and DMARC,"
    " warmed 3 inboxes (anna@getbrightsmile.co.uk, tom@, mia@) for 14 days.",
    "Week 2 report: the call extension with your clinic number 0113 496 0218 got 41 calls; pausing broad match.",
    "Your Google Business Profile lists 12 Park Row, Leeds LS1 5HD; I fixed the opening hours.",
])
def test_a_chat_line_about_the_readers_own_setup_is_the_work(detector, text):
    assert not _categories(detector, text), text


@pytest.mark.parametrize("text", [
    "my sending domain is getbrightsmile.co.uk, write me at anna@getbrightsmile.co.uk",
    "my number is 0113 496 0218, your IVR can forward to it",
    "(523)222-8888 ext 527",
    "come to my office at 12 Park Row, Leeds LS1 5HD, your team can park there",
])
def test_a_chat_line_with_the_writers_own_contact_stays_contact(detector, text):
    assert _categories(detector, text), text


@pytest.mark.parametrize("text", [
    "The bakery's order line (0161 496 0730) goes top right on the flyer, as the owner asked.",
    "El teléfono de la tienda, 0800 555 0199, va en el pie de página de cada plantilla.",
    "Телефон магазина клиента 8 800 555-35-35 ставлю крупно в шапку сайта.",
    "Le numéro du restaurant (01 42 68 53 00) passe en gras sous le logo, comme demandé.",
    "Esse 0800 é o SAC da loja, vai no rodapé da landing: 0800 771 3040",
    "Sur la carte de visite, c'est le standard du cabinet : 01 42 68 53 00, je l'ai juste mis en page.",
])
def test_a_business_line_laid_out_in_the_design_with_its_owner_named_is_the_work(detector, text):
    assert "phone" not in _categories(detector, text), text


@pytest.mark.parametrize("text", [
    "My number 0161 496 0730 goes top right on my flyer, that is how people book me.",
    "Put the shop's line in the footer, or just call me on 07700 900 123 about it",
    "Signal works. Number is the same as the one on the letterhead I sent you - +44 7700 18 24 66",
    "Le numéro de la boutique passe en gros sous l'adresse ; on en parle sur WhatsApp au 06 12 34 56 78 ?",
])
def test_a_line_laid_out_that_claims_invites_or_names_an_app_stays_a_phone(detector, text):
    assert "phone" in _categories(detector, text), text


def test_a_supplier_named_with_its_legal_form_carries_its_own_seat(detector):
    text = "The supplier is Ningbo Yuhong Appliance Co., Ltd., No. 18 Jinye Road, Yinzhou, Ningbo — audit on Tuesday."
    assert "address" not in _categories(detector, text)
    assert "address" in _categories(detector, "Brandt Design GmbH, Lindenstraße 9, 10969 Berlin")


@pytest.mark.parametrize("text", [
    "Das ist unser eigenes Projekt: Lindenallee 4-6, 14050 Berlin-Westend, Lageplan liegt in den Vertragsunterlagen",
    "a nossa mesmo, Av. Major Nicácio 3400, Distrito Industrial, Franca — é lá que o auditor vai verificar as linhas",
    "Im Hotel selbst, dem Auftraggeber: Seehotel Auguste, Uferweg 2 am Tegernsee — Teil des Jobs",
])
def test_a_chat_line_naming_the_clients_own_place_as_part_of_the_job_is_clean(detector, text):
    assert "address" not in _categories(detector, text), text


def test_a_chat_line_with_the_writers_own_place_for_the_job_stays_an_address(detector):
    text = "mein eigenes Atelier: Lindenallee 4, 14050 Berlin, komm vorbei, das ist Teil des Jobs"
    assert "address" in _categories(detector, text)


def test_others_words_quoted_in_a_script_are_mentioned(detector):
    text = ("Telemarketing script brief — we sell commercial dishwashers\n\nCallers will dial restaurant owners from our"
            " list. We need an opener, two qualifying questions and objection handling for 'we lease', 'call back"
            " later', 'send me an email', 'manda no WhatsApp'.\n" + FILLER)
    assert not _categories(detector, text)


def test_a_document_reproduced_in_quotation_marks_holds_its_own_contact(detector):
    text = ("Document à traduire (FR ➜ EN) — extrait d'acte de naissance\n\n« RÉPUBLIQUE DU SÉNÉGAL — Commune de"
            " Dakar-Plateau. Acte n° 2417 de l'année 1990. Le douze mars mil neuf cent quatre-vingt-dix est né à"
            " l'Hôpital Principal de Dakar, 1 avenue Nelson Mandela, Aminata Diallo, fille de Mamadou Diallo. »\n\n"
            "Merci de garder les mentions marginales. 1 page, budget 35 $.")
    assert "address" not in _categories(detector, text)


def test_a_short_quotation_of_the_writers_own_words_stays_contact(detector):
    text = ("Proposal for the dishwasher script.\n\nI have written 40 scripts for B2B sales teams and can deliver in"
            " three days. If anything is unclear, just 'whatsapp me on 07700 900461' and I answer the same day.\n"
            + FILLER)
    assert "phone" in _categories(detector, text)


REPORT_SITE = ("Informe semanal — Migración a Google Workspace del estudio contable\n\nHecho:\n- Dominio verificado,"
               " registros MX cambiados el martes a las 21:00 (TTL 3600).\n- 19 buzones creados y dos alias.\n\n"
               "Pendiente:\n- {line}\n\nHoras esta semana: 9,5 de 12 presupuestadas.")


def test_a_site_of_the_work_in_a_report_is_the_clients(detector):
    line = "La oficina de Calle Colón 34, 3º B, necesita que alguien reinicie el router tras el cambio de DNS."
    assert "address" not in _categories(detector, REPORT_SITE.format(line=line))


def test_a_report_that_invites_to_the_writers_place_stays_an_address(detector):
    line = "Para la firma, ven a mi oficina, Calle Colón 34, 3º B, el jueves a las 10."
    assert "address" in _categories(detector, REPORT_SITE.format(line=line))


def test_the_writers_own_words_in_quotation_marks_stay_contact(detector):
    text = ("Proposition pour la traduction de votre site, 40 pages, 3 semaines, 1 200 €. Je travaille avec Trados"
            " et une relectrice native.\n\n« Pour me joindre plus vite que sur la plateforme, appelez-moi au 06 12 34"
            " 56 78 ou écrivez à marc.durand@gmail.com, je réponds le soir aussi. »\n\nMerci et à bientôt.")
    assert {"phone", "email"} <= _categories(detector, text)


def test_a_brief_that_says_il_nous_faut_hands_over_its_own_number_as_the_work(detector):
    text = ("Script d'appels — prise de rendez-vous pour des contrôles d'ascenseurs, Québec\n\n"
            "Les agents appelleront 1 600 gestionnaires d'immeubles de notre liste. Il nous faut :\n"
            "- une ouverture de 10 secondes\n- trois questions de qualification (nombre d'ascenseurs, date du dernier "
            "contrôle)\n- les objections « on a déjà quelqu'un », « rappelez plus tard »\n"
            "- un message de boîte vocale qui laisse NOTRE numéro sans frais, le 1 855 422-7781\n\n"
            "Livraison : Google Docs + aide-mémoire d'une page. Budget : 400 $.")
    assert "phone" not in {f.category for f in detector.scan(text).findings}


def test_a_brief_that_sends_the_reader_to_its_applicant_tracking_system_is_a_link(detector):
    text = ("Hi Aidan, thanks for applying to our job post for a senior QA engineer. Your experience with Playwright "
            "is exactly what we need for our payments platform. Before the interview round, our HR team needs "
            "everyone to go through our standard application in our own system, it only takes 10 minutes: "
            "careers.finwave.ie/jobs/qa-senior-2026/apply. The recruiter will then reach out to you directly.")
    assert "link" in {f.category for f in detector.scan(text).findings}


@pytest.mark.parametrize("report", [
    "Compte rendu de chantier n° 9 – Résidence Les Cèdres. Avancement : dalle R+2 coulée le 04/06 (C25/30, 68 m³), "
    "menuiseries livrées à 40 %. Points bloquants : garde-corps en retard, réseau EP à reprendre. Prochaine réunion "
    "de chantier le 12/06 à 9 h, base vie, 14 avenue Jean-Jaurès, Lyon. Planning : décalage de 4 jours ouvrés.",
    "Reporte de avance – obra Edificio Norte, pisos 3 a 5. Losa del piso 4 hormigonada el 02/05 (72 m³, H-30). "
    "Pendientes: prueba hidráulica del piso 3 y aprobación de la carpintería. Riesgos: lluvia la semana 21. "
    "El acopio de materiales queda en el acceso de Av. Rivadavia 4410 hasta el viernes. Ejecutado: 41 % del total.",
])
def test_a_construction_sites_report_names_the_site_of_the_work(detector, report):
    assert "address" not in _categories(detector, report), report


def test_the_writer_living_near_the_reader_gives_their_own_place(detector):
    text = ("السلام عليكم، أتقدم لوظيفة رعاية الوالدة الكريمة في الكويت. أنا ممرضة مرخصة بخبرة ثماني سنوات في رعاية كبار "
            "السن، بما في ذلك مرضى السكري والزهايمر. أستطيع المساعدة في النظافة الشخصية وإعطاء الأدوية في مواعيدها. الأجر "
            "المطلوب ٣٥٠ ديناراً شهرياً. إذا رغبتم بمقابلتي أولاً فأنا أسكن قريبة منكم: حولي، قطعة ٦، شارع المثنى، جادة ٤، "
            "منزل ٢٣، ويمكنكم الحضور مساء أي يوم.")
    assert "address" in _categories(detector, text)


def test_a_house_location_asked_for_is_an_address_request(detector):
    text = "If the survey is fine with you, just send me your house location and I'll come this week."
    assert "address" in _categories(detector, text)


@pytest.mark.parametrize("text", [
    "```env\nMAIL_FROM=notificaciones@ferreteriaelclavo.cl\nSMTP_HOST=smtp.sendgrid.net\n```\n"
    "Son los correos del cliente para las notificaciones de pedidos, los configuré así.",
    "```yaml\nnotifications:\n  email: compta@menuiserie-bertrand.fr   # adresse du client (sa boîte de compta)\n```",
    "```env\nSMTP_USER=pedidos@padariaalvorada.com.br\nSMTP_PORT=465\n```\n"
    "Esse é o e-mail da padaria para os avisos de pedido, configurei no .env de produção.",
    "```env\nEMAIL_HOST_USER=zakaz@cvetochnaya-lavka.kz\n```\nЭто ящик магазина заказчика для уведомлений о заказах.",
])
def test_a_value_in_config_that_the_prose_gives_to_another_owner_is_the_works(detector, text):
    assert "email" not in _categories(detector, text), text


@pytest.mark.parametrize("text", [
    "```env\nMAIL_FROM=lucia.perez.dev@gmail.com\n```\nSon los correos del cliente, pero si algo falla escríbeme a ese.",
    "```env\nMAIL_FROM=lucia.perez.dev@gmail.com\n```\nEse es mi correo personal, el del cliente lo cambio después.",
    "```env\nMAIL_FROM=lucia.perez.dev@gmail.com\n```\nLo configuré así por ahora.",
])
def test_a_value_in_config_the_writer_claims_or_nobody_owns_stays_contact(detector, text):
    assert "email" in _categories(detector, text), text


def test_addresses_the_reader_gave_as_a_moves_origin_and_destination_are_the_works(detector):
    text = ("Proposition – déménagement de bureaux (Bruxelles)\n\nBonjour Monsieur Peeters,\n\nD'après l'inventaire"
            " (26 postes, 1 salle de réunion) et les adresses que vous avez données — avenue Louise 231, 5e étage, et"
            " boulevard Lambermont 140 — voici le déroulé :\n\n1. Visite technique jeudi 6 pour mesurer l'ascenseur."
            "\n2. Emballage le vendredi, transport le samedi avec deux camions de 20 m³.\n3. Remontage des postes et"
            " de la baie serveur le dimanche.\n\nTarif forfaitaire : 6 800 € HT, assurance incluse.")
    assert "address" not in _categories(detector, text)


def test_a_clients_number_laid_out_on_every_page_is_the_works(detector):
    assert "phone" not in _categories(detector, "Le numéro vert du client, 0 800 12 34 56, doit apparaître en haut de chaque page de son site.")
    assert "phone" in _categories(detector, "Mon numéro, 06 12 34 56 78, doit apparaître en haut de chaque page.")


PARAGRAPH = ("Hello Maren, I build responsive newsletter templates in MJML and test them in Litmus on forty"
             " clients; for your tea shop I would make a modular template of twelve blocks so your marketer can"
             " assemble each issue alone. {line} The price is 900 EUR for the template and two issues, in eight"
             " days, with a short guide to the blocks and one round of changes after your first send.")


def test_in_a_one_paragraph_proposal_an_address_far_from_the_templates_talk_stays_contact(detector):
    line = "Live samples with code that I cannot publish here I pass on directly, address jonas.webb.mail@gmx.de."
    text = PARAGRAPH.format(line=line)
    assert "\n" not in text and len(text) > 400
    assert "email" in _categories(detector, text)


def test_in_a_one_paragraph_brief_the_organisations_own_mailbox_in_its_sentence_is_data(detector):
    line = "Our data officer is reachable at dpo@teahouse-maren.de, and that is the address the policy must show."
    assert "email" not in _categories(detector, PARAGRAPH.format(line=line).replace("Hello Maren, I build", "We sell"))


@pytest.mark.parametrize("text", [
    "Im Impressum der Kanzlei steht noch die alte Nummer, neu ist 0711 48 29 10 – bitte auf allen Seiten tauschen.",
    "عدّل لي رقم خدمة العملاء في فوتر المتجر، صار ٩٢٠٠٤٥٥٦١ بدل القديم",
    "दुकान के बैनर पे हमारा नया नंबर डाल दो 0755 402 3318, पुराना हटा देना",
    "Kannst du auf dem Flyer die Adresse vom Laden fett machen? Lindenstraße 22 soll man von weitem sehen.",
])
def test_a_business_number_or_address_laid_out_in_a_design_is_the_work(detector, text):
    assert not _categories(detector, text) & {"phone", "address"}, text


@pytest.mark.parametrize("text", [
    "Put my number on the banner too, 0755 402 3318, so clients call me directly",
    "на баннере укажи мой номер 8 912 345-67-89, пусть звонят мне",
])
def test_the_writers_own_number_on_a_design_stays_contact(detector, text):
    assert "phone" in _categories(detector, text), text


def test_for_example_reaches_only_to_its_clause_and_a_showroom_after_a_dash_stays_an_address(detector):
    text = ("Angebot: Fliesen im Bad, 2,4 × 2,1 m, Kostenschätzung 6.900 € netto, ca. 9 Arbeitstage.\n\n"
            "Fertige Bäder gibt's auf unserer Seite, zum Beispiel die Referenz in der Lerchenstraße – oder Sie"
            " schauen einfach bei uns im Schauraum vorbei: Wiener Straße 88, 4020 Linz, Di–Fr 9–17 Uhr.\n\n"
            "Zahlung über die Meilensteine der Plattform.")
    assert "address" in detector.scan(text).categories
    assert "address" not in detector.scan("Formate zum Beispiel wie Lerchenstraße 12, 4020 Linz im CSV").categories


BRIEF_AR = ("وصف المشروع: لوحة متابعة المخزون لشركة توزيع في عمّان لدينا ثلاثة مستودعات، ونريد لوحة ويب تعرض الكمية"
            " المتوفرة في كل مستودع وتقارير الصلاحية. الميزانية: ٢٠٠٠ - ٣٠٠٠ دولار.\n\n{line}\n\nمع الشكر")


def test_a_briefs_own_line_given_for_use_outside_the_platform_stays_contact(detector):
    line = "للاستفسارات السريعة خارج المنصة، رقم المكتب المباشر ٠٧٩٥٢٣٨٤٠١، لأني ما أفتح التطبيق كل يوم."
    assert "phone" in _categories(detector, BRIEF_AR.format(line=line))


def test_a_toll_free_number_left_by_a_voicemail_script_is_the_work(detector):
    text = ("Script d'appels — prise de rendez-vous pour des contrôles d'ascenseurs, Québec\n\n"
            "Les agents appelleront 1 600 gestionnaires d'immeubles (liste fournie par nous), déjà filtrée avec la"
            " Liste nationale de numéros de télécommunication exclus. Il nous faut :\n- une ouverture de 10 secondes\n"
            "- trois questions de qualification (nombre d'ascenseurs, date du dernier contrôle, contrat en cours)\n"
            "- un message de boîte vocale qui laisse NOTRE numéro sans frais, le 1 855 422-7781\n\n"
            "Livraison : Google Docs + aide-mémoire d'une page. Budget : 300 $ CA.")
    assert "phone" not in _categories(detector, text)


@pytest.mark.parametrize(("text", "category"), [
    (REPORT.format(line="- The Google profile for the Chapel Allerton branch (14 Harrogate Road, LS7 4NZ) got 9 new"
                        " reviews."), "address"),
    (REPORT.format(line="- Hotline numbers in the source (e.g. the health line and the NHIF number 0800 720 601) were"
                        " left untranslated, which is correct."), "phone"),
    (REPORT.format(line="- The building is at 88 Carlton Street, Toronto; you won't need to go there."), "address"),
])
def test_a_branch_a_building_or_an_example_after_e_g_in_a_report_is_the_works_data(detector, text, category):
    assert category not in _categories(detector, text)


@pytest.mark.parametrize("text", [
    "Der Kunde will im Brief die Hotline 0800 330 4411 stehen haben, das ist deren Servicenummer, also Teil des Layouts.",
    "Coloca (11) 3322-7781? não, pera, esse é da loja do cliente mesmo, o da fachada deles.",
])
def test_the_clients_number_for_a_letter_or_a_storefront_said_in_the_next_sentence_is_the_work(detector, text):
    assert "phone" not in _categories(detector, text), text


def test_a_number_followed_by_the_writers_own_claim_stays_contact(detector):
    assert "phone" in _categories(detector, "Coloca (11) 93322-7781? é o meu celular, me chama lá")
