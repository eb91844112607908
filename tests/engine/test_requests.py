"""Case table for requests of the other party's contact details, in eight languages.

Tested through the public API; a request is reported in the category asked for, so each case
names the categories expected among the findings.
"""

from __future__ import annotations

import pytest

from engine import Detector, RuleSet


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(RuleSet.default())


def requests_found(detector: Detector, text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in detector.scan(text).findings:
        if f.rule.startswith("request."):
            out.setdefault(f.category, []).append(f.match)
    return out


# (text, categories requested, a substring of the request span)
FLAGGED = [
    # -- phone ------------------------------------------------------------------------------
    ("what's your number?", {"phone"}, "what's your number"),
    ("What is your phone number", {"phone"}, "What is your phone number"),
    ("send me your phone", {"phone"}, "send me your phone"),
    ("can I have your mobile number pls", {"phone"}, "your mobile number"),
    ("could you share your contact number?", {"phone"}, "share your contact number"),
    ("drop your digits", {"phone"}, "drop your digits"),
    ("your cell?", {"phone"}, "your cell"),
    ("do you have a phone number I can call?", {"phone"}, "do you have a phone number"),
    ("¿me pasas tu número?", {"phone"}, "me pasas tu número"),
    ("dame tu teléfono", {"phone"}, "dame tu teléfono"),
    ("¿cuál es tu celular?", {"phone"}, "tu celular"),
    ("qual é o seu número?", {"phone"}, "seu número"),
    ("me passa seu telefone", {"phone"}, "me passa seu telefone"),
    ("ton numéro ?", {"phone"}, "ton numéro"),
    ("donne-moi ton numéro de portable", {"phone"}, "ton numéro de portable"),
    ("quel est votre téléphone ?", {"phone"}, "votre téléphone"),
    ("gib mir deine Handynummer", {"phone"}, "deine Handynummer"),
    ("Wie lautet Ihre Telefonnummer?", {"phone"}, "Ihre Telefonnummer"),
    ("apna number do", {"phone"}, "apna number do"),
    ("number bhejo", {"phone"}, "number bhejo"),
    ("aapka mobile number dijiye", {"phone"}, "mobile number dijiye"),
    ("дай свой номер", {"phone"}, "дай свой номер"),
    ("скинь номер телефона", {"phone"}, "скинь номер телефона"),
    ("какой у тебя номер?", {"phone"}, "какой у тебя номер"),
    ("ممكن رقمك؟", {"phone"}, "رقمك"),
    ("أعطني رقم هاتفك", {"phone"}, "أعطني رقم هاتفك"),
    ("ابعتلي رقم جوالك", {"phone"}, "رقم جوالك"),
    # -- email ----------------------------------------------------------------------------
    ("what's your email?", {"email"}, "what's your email"),
    ("send me your email address", {"email"}, "send me your email address"),
    ("can you share your gmail id", {"email"}, "your gmail id"),
    ("your e-mail please", {"email"}, "your e-mail"),
    ("¿cuál es tu correo?", {"email"}, "tu correo"),
    ("pásame tu correo electrónico", {"email"}, "tu correo electrónico"),
    ("me passa seu e-mail", {"email"}, "seu e-mail"),
    ("qual é o seu email?", {"email"}, "seu email"),
    ("ton adresse mail", {"email"}, "ton adresse mail"),
    ("envoie-moi ton courriel", {"email"}, "ton courriel"),
    ("deine E-Mail-Adresse?", {"email"}, "deine E-Mail-Adresse"),
    ("schick mir deine Mail", {"email"}, "deine Mail"),
    ("apna email id bhejo", {"email"}, "email id bhejo"),
    ("скинь почту", {"email"}, "скинь почту"),
    ("какая у тебя почта?", {"email"}, "почта"),
    ("ما هو بريدك الإلكتروني", {"email"}, "بريدك الإلكتروني"),
    ("ارسل لي ايميلك", {"email"}, "ايميلك"),
    # -- street address ---------------------------------------------------------------------
    ("what's your address?", {"address"}, "what's your address"),
    ("send me your home address", {"address"}, "your home address"),
    ("can I get your shipping address", {"address"}, "your shipping address"),
    ("¿cuál es tu dirección?", {"address"}, "tu dirección"),
    ("qual seu endereço?", {"address"}, "seu endereço"),
    ("ton adresse postale ?", {"address"}, "ton adresse postale"),
    ("deine Adresse?", {"address"}, "deine Adresse"),
    ("wie lautet Ihre Anschrift", {"address"}, "Ihre Anschrift"),
    ("apna address bhejo", {"address"}, "address bhejo"),
    ("какой у тебя адрес", {"address"}, "какой у тебя адрес"),
    ("ما عنوانك", {"address"}, "ما عنوانك"),
    ("ممكن عنوانك؟", {"address"}, "عنوانك"),
    # -- messenger / social ---------------------------------------------------------------
    ("what's your WhatsApp?", {"social"}, "your WhatsApp"),
    ("do you have telegram?", {"social"}, "do you have telegram"),
    ("your skype id?", {"social"}, "your skype id"),
    ("are you on instagram?", {"social"}, "are you on instagram"),
    ("what's your instagram handle", {"social"}, "instagram handle"),
    ("send me your discord", {"social"}, "your discord"),
    ("¿tienes WhatsApp?", {"social"}, "tienes WhatsApp"),
    ("tem telegram?", {"social"}, "tem telegram"),
    ("t'as WhatsApp ?", {"social"}, "WhatsApp"),
    ("hast du Signal?", {"social"}, "hast du Signal"),
    ("whatsapp hai?", {"social"}, "whatsapp hai"),
    ("у тебя есть телеграм?", {"social"}, "у тебя есть телеграм"),
    ("عندك واتساب؟", {"social"}, "عندك واتساب"),
    ("what's your socials?", {"social"}, "your socials"),
    # -- chat shorthand -------------------------------------------------------------------
    ("whats ur num", {"phone"}, "whats ur num"),
    ("wats ur email bro", {"email"}, "ur email"),
    ("hey can u give me ur phone no", {"phone"}, "ur phone no"),
    ("plz share ur whatsapp", {"social"}, "ur whatsapp"),
    ("drop your insta below", {"social"}, "your insta"),
    ("you on telegram?", {"social"}, "you on telegram"),
    ("u have whatsapp?", {"social"}, "whatsapp"),
    ("you got snapchat?", {"social"}, "snapchat"),
    ("any skype?", {"social"}, "skype"),
    ("lemme know ur whatsapp", {"social"}, "ur whatsapp"),
    ("Mind sharing your email?", {"email"}, "your email"),
    ("Could I get your email to send the NDA?", {"email"}, "your email"),
    ("can you share your email and phone number", {"email", "phone"}, "phone number"),
    ("можно твой вотсап?", {"social"}, "твой вотсап"),
    ("скиньте ваш номер телефона", {"phone"}, "ваш номер телефона"),
    ("هل لديك تيليجرام؟", {"social"}, "تيليجرام"),
    ("¿Me das tu WhatsApp?", {"social"}, "tu WhatsApp"),
    ("passa o teu número", {"phone"}, "teu número"),
    ("me manda seu zap", {"social"}, "seu zap"),
    ("tu as Telegram ?", {"social"}, "Telegram"),
    ("t'as un numéro où je peux t'appeler ?", {"phone"}, "numéro"),
    ("kannst du mir deine Nummer geben?", {"phone"}, "deine Nummer"),
    ("kya aapka whatsapp number mil sakta hai?", {"phone", "social"}, "whatsapp number"),
    # -- vague "how do I reach you" and "which street" questions ----------------------------
    ("What's the easiest way... actually, how can I reach you outside?", {"social"}, "how can I reach you"),
    ("how do I get in touch with you after this?", {"social"}, "get in touch with you"),
    ("¿cómo te contacto fuera de aquí?", {"social"}, "cómo te contacto"),
    ("comment je peux te joindre ?", {"social"}, "te joindre"),
    ("wie kann ich dich erreichen?", {"social"}, "dich erreichen"),
    ("как с тобой связаться?", {"social"}, "связаться"),
    ("كيف أتواصل معك؟", {"social"}, "أتواصل معك"),
    ("aapse kaise contact karu?", {"social"}, "kaise contact karu"),
    ("which street are you on? the courier needs it", {"address"}, "which street are you on"),
    ("¿en qué calle vives?", {"address"}, "qué calle vives"),
    ("на какой улице ты живёшь?", {"address"}, "на какой улице"),
    # -- finding someone on an app --------------------------------------------------------
    ("how do I find you on Instagram?", {"social"}, "find you on Instagram"),
    ("¿cómo te encuentro en Telegram?", {"social"}, "te encuentro en Telegram"),
    ("wie heißt du auf Insta?", {"social"}, "wie heißt du auf Insta"),
    ("شو حسابك على انستا؟", {"social"}, "حسابك"),
    ("is there a personal email I can write to?", {"email"}, "personal email"),
    ("whatsapp hai aapka?", {"social"}, "whatsapp hai aapka"),
    ("aap ka gmail kya hai?", {"email"}, "gmail kya hai"),
    ("ممكن الايميل حقك؟", {"email"}, "الايميل حقك"),
    # -- links to book or contact off-platform ----------------------------------------------
    ("send me your Calendly link", {"link"}, "your Calendly link"),
    ("do you have a booking link?", {"link"}, "booking link"),
    ("envoie-moi ton lien Calendly", {"link"}, "ton lien Calendly"),
    ("¿tienes página web con formulario de contacto?", {"link"}, "página web"),
    ("aapki website ka link bhejo", {"link"}, "website ka link bhejo"),
    # -- two categories at once -----------------------------------------------------------
    ("what's your whatsapp number?", {"social", "phone"}, "whatsapp number"),
    ("send me your email and phone number", {"email", "phone"}, "your email"),
    # -- disguises ------------------------------------------------------------------------
    ("what's your What\u200bsApp?", {"social"}, "What\u200bsApp"),
    ("send me your e\u200bmail", {"email"}, "e\u200bmail"),
    ("what's your numbеr?", {"phone"}, "numbеr"),  # Cyrillic е
    ("ｗｈａｔ'ｓ ｙｏｕｒ ｅｍａｉｌ？", {"email"}, "ｅｍａｉｌ"),
    ("what's your Tеlegram?", {"social"}, "Tеlegram"),  # Cyrillic е
    ("¿me pasas tu núme\u00adro?", {"phone"}, "núme\u00adro"),
    ("дай свой но\u200bмер", {"phone"}, "но\u200bмер"),
    ("ممكن رقم\u200cك؟", {"phone"}, "رقم"),
]

NOT_FLAGGED = [
    # -- not asking for theirs --------------------------------------------------------------
    "please send the invoice to my email",
    "I'll send the report to your email",
    "I will send you the number of revisions",
    "what number do you want on the jersey",
    # -- topics, not requests -------------------------------------------------------------
    "email marketing is my speciality",
    "what's your email marketing budget?",
    "what's your preferred email provider?",
    "phone case design for a startup",
    "what's your phone case size?",
    "address the feedback before Friday",
    "what's the phone number field validation rule?",
    "do you have experience with the WhatsApp API?",
    "do you have a number in mind for the budget?",
    "what's your IP address?",
    "what's your number one priority?",
    "what's your Instagram strategy for Q3?",
    "do you have Instagram ads experience?",
    "¿cuál es tu número de pedido?",
    "qual é o seu número de pedido?",
    "quel est ton numéro de commande ?",
    "какой у тебя номер заказа?",
    "ما هو رقم الطلب؟",
    # -- ordinary questions -----------------------------------------------------------------
    "what's your budget?",
    "what's your timeline and hourly rate",
    "what's your availability next week?",
    "do you have a portfolio?",
    "¿cuál es tu presupuesto?",
    "qual é o seu prazo?",
    "quel est ton tarif ?",
    "was ist dein Budget?",
    "aapka budget kya hai?",
    "какой у тебя бюджет?",
    "ما هي ميزانيتك؟",
    "do you use Figma?",
    "are you on schedule?",
    "Do you have a LinkedIn company page we should link to?",
    "Are you on a deadline?",
    "Are you on Windows or Mac?",
    "Do you use Notion or Trello?",
    "What's your address validation library?",
    "Send me your feedback on the draft.",
    "Give me your honest opinion about version 2.",
    "What is your timezone?",
    "Do you have the brand guidelines?",
    "What's your preferred date format in the report?",
    "Your email marketing campaign has a 30% open rate.",
    "do you have a website already or should I build one?",
    "what's your website's current traffic?",
    "send me the link to the Figma file",
    "which street view API do you prefer?",
    "which email should I use for the invoice, the one on the platform?",
    "how can I reach you here if the chat is down?",
    "do you have a mobile version?",
    "do you have a contact person at the agency?",
    "do you have email access on your phone?",
    "what's your mobile app idea?",
    "what's your cell value in row 3?",
    "what's your phone's screen size?",
    "Send me your portfolio",
    "What's your GitHub?",
    "Share your screen, please",
]

# Ordinary pre-contract chat in eight languages: nothing here is a social handle, an address
# or a request for contact details.
ORDINARY_CHAT = [
    "Hi! I read your job post about the Shopify store redesign and I'd love to help.",
    "I have 6 years of experience building React apps and Node APIs.",
    "Can you share the Figma file so I can estimate the hours?",
    "I will deliver the first milestone in 5 days.",
    "Could you tell me more about your target audience?",
    "I can start tomorrow and work 40 hours a week.",
    "The app should send push notifications and WhatsApp-style read receipts.",
    "We need the Instagram feed embedded on the homepage.",
    "I'll add a Facebook pixel and Google Analytics 4.",
    "Do you want me to set up the Mailchimp email sequence too?",
    "The contact form should validate the phone number and email fields.",
    "Please address the 3 comments on the second mockup.",
    "I fixed 12 bugs in the checkout flow.",
    "My rate is $45/hour, 20 hours minimum.",
    "The server is in Frankfurt, region eu-central-1.",
    "The 3rd party API returns 429 after 100 requests.",
    "The headline should say: Find your perfect home on Main Street",
    "I'm based in Lagos and available 9-5 WAT.",
    "Let's use the platform's video call for the interview.",
    "Can we schedule a call here on the platform on Friday?",
    "The logo needs to work on the signal-red background.",
    "I have experience with Twilio SMS and WhatsApp templates.",
    "Our Telegram channel has 20k subscribers; I need a bot to post daily.",
    "Zoom in a bit on the hero image, it looks blurry.",
    "The Slack webhook URL goes in the .env file.",
    "Your Instagram feed needs a consistent color palette.",
    "I managed the TikTok account for a fashion brand with 2M followers.",
    "Make the line height 1.6 and letter spacing 0.5px.",
    "Snap the elements to the 8px grid.",
    "The Teams in our org use Jira.",
    "Puedo entregar el diseño en 3 días.",
    "Tengo 5 años de experiencia con WordPress.",
    "Posso começar amanhã, tenho experiência com Instagram Ads.",
    "Je peux livrer la maquette en 4 jours.",
    "Ich habe 7 Jahre Erfahrung mit Shopify.",
    "Mujhe yeh project bahut pasand aaya, main 3 din mein kar dunga.",
    "Я могу сделать лендинг за 5 дней.",
    "أستطيع إنهاء التصميم خلال 3 أيام.",
    "Please send the invoice to the company address on file.",
    "My address is not needed for this, I'm in Kenya.",
]


@pytest.mark.parametrize(("text", "categories", "span"), FLAGGED)
def test_flagged(detector: Detector, text: str, categories: set[str], span: str) -> None:
    found = requests_found(detector, text)
    assert categories <= set(found), f"{categories} not all in {found}"
    assert any(span in m for ms in found.values() for m in ms), f"{span!r} not in {found}"


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_not_flagged(detector: Detector, text: str) -> None:
    assert requests_found(detector, text) == {}


@pytest.mark.parametrize("text", ORDINARY_CHAT)
def test_ordinary_chat_has_no_social_address_or_request_findings(detector: Detector, text: str) -> None:
    findings = detector.scan(text).findings
    assert [f for f in findings if f.category in ("social", "address") or f.rule.startswith("request.")] == []


def test_span_is_the_request_phrase(detector: Detector) -> None:
    text = "Thanks! By the way, what's your number? I'd like to discuss the scope."
    found = requests_found(detector, text)
    assert found == {"phone": ["what's your number"]}


@pytest.mark.parametrize("category", ["phone", "email", "address", "link", "social"])
def test_only_enabled_categories_are_reported(category: str) -> None:
    doc = RuleSet.default().to_dict()
    doc["detectors"][category]["enabled"] = False
    detector = Detector(RuleSet.from_dict(doc))
    texts = {
        "link": "send me your Calendly link",
        "phone": "what's your number?",
        "email": "what's your email?",
        "address": "what's your address?",
        "social": "what's your WhatsApp?",
    }
    for cat, text in texts.items():
        found = requests_found(detector, text)
        if cat == category:
            assert cat not in found
        else:
            assert cat in found


@pytest.mark.parametrize("text", [
    "oye y no tenés una web propia con más trabajos? así veo bien antes de mandarte la oferta",
    "vc tem site próprio? queria ver mais ensaios antes de fechar",
    "Vous avez un site perso avec vos autres rendus 3D ? Celui d'ici est un peu court",
    "Hast du eine eigene Website mit mehr Hochzeitsreportagen? Hier sind nur 4 Bilder drin",
    "bhai aapki apni website hai kya? wahan pura portfolio dekh leta",
    "А у вас есть свой сайт с портфолио? Тут всего 3 работы, маловато",
    "عندك موقع خاص فيه كل شغلك؟ البورتفوليو هنا قليل شوية",
])
def test_asking_for_the_other_partys_own_site_to_see_more_work(detector, text):
    assert "link" in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    "Do you have your own website already, or should I build one from scratch?",
    "¿Tienes web propia o solo Instagram? Para el rediseño necesito saberlo",
    "la web está caída desde ayer, ¿puedes revisar?",
])
def test_asking_about_the_clients_site_as_the_work_is_no_request(detector, text):
    assert "link" not in detector.scan(text).categories


@pytest.mark.parametrize("text, category", [
    ("just scan the QR on my CV page 2, it goes to my booking site", "link"),
    ("scan einfach den QR-Code auf Seite 2 meines Portfolios, der führt zu meiner Buchungsseite", "link"),
    ("portfolio ke page 2 pe QR scan karo, mera booking page khulega", "link"),
    ("te mandei print do meu QR do WhatsApp, escaneia e continuamos por lá", "social"),
    ("QR-Code auf dem zweiten Foto scannen, das ist mein WeChat", "social"),
    ("ok el QR del grupo está en la segunda foto, escanéalo", "social"),
    ("QR-Code scannen und du landest direkt in meinem Kalender zum Buchen", "link"),
])
def test_a_qr_code_given_as_the_way_there_points_off_the_platform(text, category):
    verdict = Detector(RuleSet.default()).scan(text)
    assert category in verdict.categories, text


@pytest.mark.parametrize("text", [
    "Please generate QR codes for the menu that link to our site",
    "Uma nota: o QR que vai nas mesas aponta para o site do restaurante de vocês, não para o meu.",
    "Versão digital para QR code nas mesas (PDF leve + página HTML simples)",
])
def test_a_qr_code_as_the_work_points_nowhere(text):
    assert not Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text, flagged", [
    ("aapke paas Signal hai kya? pentest ka scope document yaha nahi dalna chahta", True),  # "do you have"
    ("aapke paas signal processing ka experience hai?", False),  # the app's name as a field of work
    ("у тебя есть signal processing опыт?", False),
])
def test_asking_whether_the_other_party_has_an_app(text, flagged):
    assert ("social" in Detector(RuleSet.default()).scan(text).categories) is flagged, text


@pytest.mark.parametrize(("text", "category"), [
    # Devanagari nouns and verbs, as the Latin Hinglish ones are
    ("अपना ईमेल दे दो, मैं drive शेयर कर देता हूँ", "email"),
    ("आपका पूरा पता बता दीजिए, सैंपल कूरियर कर दूँगी", "address"),
    ("अपना मोबाइल नंबर भेज दो", "phone"),
    # a question after the noun that names the other party
    ("кстати, а почта у тебя какая? добавлю к диску", "email"),
    ("номер у вас какой?", "phone"),
])
def test_requests_in_devanagari_and_with_a_trailing_question(detector, text, category):
    assert category in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["номер заказа какой?", "ईमेल मार्केटिंग का काम है, 20 टेम्पलेट",
                                  "मेरा नंबर बदल गया है, नया नंबर बाद में दूँगा"])
def test_a_trailing_question_about_a_thing_or_a_topic_asks_for_no_contact(detector, text):
    assert not detector.scan(text).findings, text


@pytest.mark.parametrize(("text", "category"), [
    # Arabizi: "your" is a suffix, as in Arabic script
    ("3a6ini ra8mak 3ashan arsel lak el sowar", "phone"),
    ("sho ra2mak?", "phone"),
    ("ib3atli emailak", "email"),
])
def test_arabizi_requests_read_the_second_person_suffix(detector, text, category):
    assert category in detector.scan(text).categories, text


def test_an_arabizi_noun_without_a_suffix_asks_for_nothing(detector):
    assert not detector.scan("el ra2m el jdid bta3 el mat3am 3al menu").findings


@pytest.mark.parametrize(("text", "category"), [
    ("PDF ke last page pe QR code scan karo, wo meri personal quote form pe le jayega, commission nahi lagega", "link"),
    ("امسح الباركود اللي في زاوية تصميم الملصق، يوديك على الواتس حقي على طول", "social"),
])
def test_a_qr_code_or_barcode_that_takes_you_to_the_writer_is_a_route(detector, text, category):
    assert category in detector.scan(text).categories


@pytest.mark.parametrize("text", ["the barcode on the label must be EAN-13, scan it to check",
                                  "o QR aponta para o site de vocês, não para o meu"])
def test_a_barcode_as_work_or_a_qr_disowned_is_no_route(detector, text):
    assert not detector.scan(text).findings


@pytest.mark.parametrize(("text", "category"), [
    ("Il me faut ton adresse postale pour t'envoyer les prototypes de mugs imprimés", "address"),
    ("Bitte gebt mir eure E-Mail, dann lade ich euch in den Google Drive Ordner ein", "email"),
])
def test_i_need_your_address_and_the_plural_your_ask_for_contact(detector, text, category):
    assert category in detector.scan(text).categories


@pytest.mark.parametrize("text", ["il me faut ton avis sur la maquette", "gebt mir eure Meinung zum Logo"])
def test_i_need_your_opinion_asks_for_no_contact(detector, text):
    assert not detector.scan(text).findings


@pytest.mark.parametrize(("text", "category"), [
    ("got any number I can text you at?", "phone"),
    ("pasame por acá tu número y te escribo", "phone"),
    ("você tem algum número pra eu te ligar?", "phone"),
    ("hast du 'ne Nummer, unter der ich dich erreiche?", "phone"),
    ("koi number hai jispe call kar sakun?", "phone"),
    ("which email should I use to send you the invite?", "email"),
    ("¿a qué correo te mando la factura?", "email"),
    ("на какой телеграм тебе написать?", "social"),
    ("Sag mir bitte, wo du wohnst, dann bringe ich die Muster vorbei", "address"),
])
def test_a_route_asked_for_to_reach_the_reader_or_by_which_is_a_request(detector, text, category):
    assert category in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "What phone do you use for testing the app?",
    "Which email template should I use for the campaign?",
    "Which number should I put on the invoice?",
    "what's the order number so I can call you back here?",
    "I'll write to you here once the number of pages is final",
])
def test_a_device_an_identifier_or_the_platform_is_no_route_asked_for(detector, text):
    assert requests_found(detector, text) == {}, text


@pytest.mark.parametrize("text", [
    "An welche Adresse soll ich die Muster schicken?",
    "¿a qué dirección te mando las muestras?",
    "to which address should I ship the prototype?",
])
def test_which_address_things_go_to_is_a_request(detector, text):
    assert "address" in requests_found(detector, text), text


@pytest.mark.parametrize("text", ["Which address is on the invoice?", "Which IP address should the server use?"])
def test_which_address_without_sending_is_no_request(detector, text):
    assert "address" not in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "Could you send me the mobile number of your project manager? I'd rather call her directly.",
    "Pour aller plus vite, ce serait possible d'avoir le numéro du président de l'association ?",
    "Schicken Sie mir doch die Handynummer Ihrer Geschäftsführerin, dann klären wir das am Telefon.",
    "kya aap apne director ka WhatsApp number share kar sakte hain?",
    "لو سمحتوا ابعتولي رقم موبايل مديرة البرامج",
])
def test_a_route_of_someone_on_the_readers_side_asked_for_is_a_request(detector, text):
    assert "phone" in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "What is the number of directors on the board?",
    "The manager's number of approved invoices is 12.",
])
def test_a_count_of_roles_is_no_request(detector, text):
    assert requests_found(detector, text) == {}, text


@pytest.mark.parametrize("text, category", [
    ("а может голосом? дадите номер?", "phone"),
    ("Дайте рабочий и личный e-mail, пришлю описание проекта.", "email"),
    ("Скажите свою электронку, пришлю ссылку на облако", "email"),
    ("عطني اليوزر أضيفك ونكمل هناك", "social"),
])
def test_an_ask_works_right_before_the_noun_in_a_language_without_articles(detector, text, category):
    assert category in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "дайте номер договора, я проверю оплату",
    "пришлите номер рейса и время прилёта",
    "Нужна email-рассылка для страховой: 40 000 адресов",
    "Нужен Telegram-бот для записи клиентов в барбершоп",
])
def test_a_noun_qualifying_another_is_the_topic_not_a_request(detector, text):
    assert requests_found(detector, text) == {}, text


def test_a_compound_headed_by_an_identity_word_still_asks(detector):
    assert "social" in requests_found(detector, "Wie ist dein Skype-Name? Dann schalte ich dich dazu")


@pytest.mark.parametrize("text", [
    "Can you send over your email so I can share the tax docs folder?",
    "ممكن ترسل لي إيميلك عشان أشارك معك ملفات الإقرار الضريبي؟",
])
def test_a_request_with_a_particle_or_a_purpose_before_its_question_mark_asks(detector, text):
    # an access grant is an exception the sender claims (POLICY.md), not a reason to let the ask through
    assert "email" in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "ok scan the QR in the last image I sent, it opens my chat directly",
    "отсканируй QR с последней картинки — откроется мой чат",
    "امسح الكود في آخر صورة، بيفتح الشات بتاعي على طول",
])
def test_a_qr_code_that_opens_the_writers_chat_is_a_route(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_qr_codes_that_open_a_businesss_chat_are_the_work(detector):
    assert not detector.scan("generate QR codes that open the restaurant chat for customers").findings


@pytest.mark.parametrize("text, category", [
    ("dale, hablemos por el cel, ¿cuál es el tuyo?", "phone"),
    ("Si prefieres hablar por teléfono pásame el tuyo con lada y te marco hoy", "phone"),
    ("here's my skype, send me yours", "social"),
])
def test_a_pronoun_for_the_route_named_before_it_is_asked_for(detector, text, category):
    assert category in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "my rate is 30 an hour, what's yours?",
    "our email marketing tool is Mailchimp, what's yours?",
    "a minha conta do Instagram é pessoal, e a sua?",
])
def test_a_pronoun_for_a_topic_or_a_bare_and_yours_asks_for_no_route(detector, text):
    assert requests_found(detector, text) == {}, text


@pytest.mark.parametrize("text", [
    "Tem como me passar um telefone pra eu explicar por voz como quero a embalagem?",
    "¿Podrías pasarme un correo para enviarte el contrato?",
])
def test_an_infinitive_ask_with_an_indefinite_article_asks_for_the_route(detector, text):
    assert requests_found(detector, text), text


@pytest.mark.parametrize(("text", "category"), [
    # an ask, an indefinite determiner of any language, a route noun
    ("Geben Sie mir bitte eine Festnetznummer, dann melde ich mich nach dem Termin bei Ihnen", "phone"),
    ("Vous me laissez un numéro ? On règle ça de vive voix.", "phone"),
    ("Pásame algún número donde te encuentre si se cae la página", "phone"),
    ("оставьте какой-нибудь контакт, я вам позвоню", "phone"),
    ("дайте контакт какой-нибудь, наберу вечером", "phone"),
    ("apna koi bhi contact chhod do, main call kar lunga", "phone"),
    ("passa o teu contacto, ligo-te amanhã", "phone"),
    # a question for a route by which the writer will reach or send to the reader
    ("¿a qué número te puedo llamar el jueves?", "phone"),
    ("¿Tienes algún correo donde te pueda enviar el NDA?", "email"),
    ("À quelle adresse puis-je vous renvoyer le contrat signé ?", "address"),
])
def test_an_indefinite_route_asked_for_or_to_reach_the_reader_is_a_request(detector, text, category):
    assert category in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "We need a WeChat Mini Program for a tea shop; their menu has 46 items.",  # an app as the work
    "Can you write 5 LinkedIn posts per week for our CEO?",  # 'you' is the subject: no one reached
    "can you mail merge the 300 addresses from the client's export into the label template?",
    "I left your phone and email as you gave them in the brief, since it's your own CV.",
    "give me a number between 1 and 10 for how urgent this is",  # a number, no route
    "Nenn mir eine Zahl: wie viele Seiten hat der Katalog?",
])
def test_a_subject_you_a_noun_as_verb_or_a_number_as_a_value_asks_for_no_route(detector, text):
    assert not requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "Te contacto cuando tenga el presupuesto listo, ¿vale?",  # a verb after its pronoun
    "¿Me pasas el contacto del proveedor de telas?",  # a third party's, after a genitive
])
def test_contact_as_a_verb_or_a_third_partys_asks_for_no_route(detector, text):
    assert not requests_found(detector, text), text


def test_contact_before_a_hindi_verb_of_giving_is_asked_for(detector):
    assert "phone" in requests_found(detector, "koi contact de do yaar, direct baat karte hain")


@pytest.mark.parametrize("text", [
    "t'as un 06 ? je t'appelle 2 min pour le tournage",
    "tu peux m'envoyer ton 06 ? ce sera plus simple",
    "vous avez un 06 où je peux vous joindre demain matin ?",
])
def test_a_mobile_prefix_said_for_the_number_is_asked_for(detector, text):
    assert "phone" in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "rendez-vous le 07 à 14h ?",  # a date
    "il me faut un 06 ou un 07 pour le formulaire, le champ accepte les deux préfixes ?",  # the work
])
def test_a_date_or_a_prefix_as_the_work_asks_for_no_number(detector, text):
    assert "phone" not in requests_found(detector, text), text


@pytest.mark.parametrize("text", [
    "Super, welche private Mailadresse hast du? Dann lad ich dich gleich in unser Notion ein.",
    "which personal email do you use?",
    "¿cuál correo personal usas?",
])
def test_which_and_an_adjective_of_the_route_before_its_noun_asks_for_it(text):
    from engine import Detector, RuleSet

    assert "email" in Detector(RuleSet.default()).scan(text).categories, text


def test_which_and_an_adjective_before_a_noun_of_the_work_asks_for_nothing():
    from engine import Detector, RuleSet

    assert not Detector(RuleSet.default()).scan("which business phone should I put on the invoice template?").findings


@pytest.mark.parametrize(("text", "category"), [
    ("Wohin darf ich Ihnen die unterschriebene Vertraulichkeitserklärung mailen?", "email"),
    ("¿dónde te llega mejor un correo?", "email"),
    ("où est-ce que je peux vous envoyer le contrat par mail ?", "email"),
    ("where can I ship the samples to you?", "address"),
    ("куда вам отправить образцы?", "address"),
])
def test_a_question_for_where_to_email_or_send_things_to_the_reader_asks_for_the_route(text, category):
    from engine import Detector, RuleSet

    assert category in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "where did you email the client from?",  # the reader emails: no route of theirs asked
    "where do I send the invoice?",  # nobody named to send it to
    "where do you want me to email the report, here on the platform?",
])
def test_a_where_question_without_the_reader_as_the_recipient_asks_for_nothing(text):
    from engine import Detector, RuleSet

    assert not Detector(RuleSet.default()).scan(text).findings, text


@pytest.mark.parametrize("text", ["Votre numéro de compte contribuable (NCC 1234567 X) sera repris sur les déclarations.",
                                  "tu número de cuenta para el pago, por favor", "o seu número de contribuinte para a fatura"])
def test_the_number_of_an_account_or_a_record_is_no_phone(text):
    from engine import Detector, RuleSet

    assert "phone" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Propuesta:\n- Campos: nombre, dirección, colonia, CP, municipio, estado, teléfono, web, horario.",
    "la lista de invitados en Excel (columnas: nombre, apellidos, dirección completa, código postal, ciudad).",
    "Export with fields: name, email, phone, postal address, signup date",
])
def test_route_nouns_listed_as_a_tables_fields_ask_for_nothing(text):
    from engine import Detector, RuleSet

    assert not Detector(RuleSet.default()).scan(text).findings, text


def test_the_readers_own_route_after_a_field_label_is_still_asked_for():
    from engine import Detector, RuleSet

    assert "phone" in Detector(RuleSet.default()).scan("Campos: tu dirección y tu teléfono, por favor").categories


def test_a_route_noun_followed_by_its_value_states_it_and_the_value_is_judged_alone():
    from engine import Detector, RuleSet

    detector = Detector(RuleSet.default())
    text = "My SIN isn't needed, just your business number 81234 5678 RT0001 for the T4A slips."
    assert "phone" not in detector.scan(text).categories
    assert "phone" in detector.scan("is your number 917 482 3910 still good?").categories  # the value itself


@pytest.mark.parametrize("text", [
    "is there a way I can just ring you? typing all this is killing me",
    "Können wir das nicht kurz telefonisch klären? Sag mir, wo ich dich erreiche.",
    "¿hay forma de hablar por teléfono? Dime a qué número y te marco",
    "ما في طريقة نحكي على التلفون؟ تعبت من الكتابة",
])
def test_talking_by_telephone_asked_for_between_the_parties_asks_for_the_number(text):
    from engine import Detector, RuleSet

    assert "phone" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Давайте созвонимся тут, во встроенном видеозвонке, в 19:00 по Москве?",  # the platform's own call
    "can we talk by phone here?",
    "should the client's hotline answer by phone?",  # no one here asked
    "I can't talk by phone before the contract, can we keep it here?",
    "On ne pourrait pas échanger sur WhatsApp avant le contrat, c'est interdit.",  # a negation said, not asked
])
def test_a_call_on_the_platform_about_others_or_refused_asks_for_nothing(text):
    from engine import Detector, RuleSet

    assert not Detector(RuleSet.default()).scan(text).findings, text


@pytest.mark.parametrize("text", [
    "bin grad in der Nähe, schick mir nen Pin wo genau dein Laden ist",
    "drop me a pin when you get to the studio",
])
def test_a_map_pin_asked_for_is_an_address_request(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "send me the PIN for the card reader",
    "add a map pin component to the store locator page",
])
def test_a_pin_code_or_a_map_component_is_no_request(detector, text):
    assert "address" not in detector.scan(text).categories, text


def test_a_german_request_with_the_verb_first_asks_for_the_address(detector):
    text = "Für das Umzugsprojekt brauche ich noch Ihre genaue Adresse mit Stockwerk, sonst kann ich nicht planen."
    assert "address" in detector.scan(text).categories


@pytest.mark.parametrize("text", [
    "¿Me podés dejar un número de contacto? Así te llamo y te explico lo del menú",
    "Le mieux serait que vous me laissiez un moyen de vous joindre par téléphone, pour le devis",
])
def test_a_number_asked_to_be_left_is_a_phone_request(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["puedes dejar el archivo en la carpeta compartida", "leave a comment on the Figma frame"])
def test_leaving_a_file_or_a_comment_asks_for_no_contact(detector, text):
    assert not detector.scan(text).categories, text


def test_an_adverb_of_preference_between_the_ask_and_the_noun_keeps_the_request(detector):
    assert "email" in detector.scan("mándame mejor un correo y lo vemos con calma").categories
    assert not detector.scan("send me rather a sketch of the label first").categories


def test_an_app_then_are_you_there_asks_for_a_route(detector):
    assert "social" in detector.scan("а в инсте вы есть? хочу там переписываться").categories
    assert "social" not in detector.scan("в телеге есть бот для заказов?").categories


@pytest.mark.parametrize("text", [
    "If you'd like, I can come to visit first — just tell me your house, which estate and the road, or any landmark near it.",
    "Se achar bem, podemos marcar para sexta às 10h — diga-me só a morada, o andar e se tem elevador.",
    "إذا كان يناسبك يوم الأحد الساعة ١١، أرسلي لي اسم البرج ورقم الشقة والطابق، وأنا آتي مباشرة.",
    "فأرجو أن ترسل لي موقع البيت بالتحديد، رقم السكة ورقم المنزل أو دبوس الخريطة",
])
def test_an_address_asked_for_by_its_parts_wherever_it_stands(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "send me the number of floors and the building height for the quote",
    "Imóvel do cliente: Rua das Acácias 77, Jardim Botânico, Curitiba/PR (conforme planta enviada).",
    "Campos do formulário: rua, número, andar e CEP — me manda o layout até sexta",
    "base do cliente exportada; preciso agrupar por CEP + número antes de importar",
    "necesito normalizar la calle y el piso de las 3.000 filas del CRM",
])
def test_parts_of_the_works_data_are_no_request(detector, text):
    assert "address" not in detector.scan(text).categories, text


def test_parts_given_after_an_ask_in_the_history_answer_it(detector):
    history = ["Where should the movers go?", "tell me"]
    verdict = detector.scan("the street and the floor are in the brief, tower B", history=history)
    assert not [f for f in verdict.findings if f.rule.startswith("request.")]


@pytest.mark.parametrize("text", [
    "Wo genau ist die Werkstatt? Ich würde Donnerstag mit dem Fotografen vorbeikommen",
    "وين الكراج بالضبط؟ أبي أجي يوم الخميس مع المصور",
    "¿Dónde queda exactamente el taller? El jueves paso con el fotógrafo",
])
def test_where_exactly_a_place_is_with_a_visit_planned_asks_for_its_address(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "where exactly is the bug? I'll visit the page later",
    "Wo genau ist der Fehler? Zeile 40?",
])
def test_where_exactly_something_is_without_a_visit_asks_for_no_address(detector, text):
    assert "address" not in detector.scan(text).categories, text


def test_where_to_send_with_mailboxes_offered_in_the_next_sentence_asks_for_an_email(detector):
    text = "Where can I send the NDA to? Gmail or work one, whatever you check more"
    assert "email" in detector.scan(text).categories


@pytest.mark.parametrize("text", ["where do I upload the files? the gmail sync is slow for you",
                                  "Where should I send the logo? In the Gmail signature you use"])
def test_a_mailbox_named_after_a_question_that_offers_none_asks_for_nothing(detector, text):
    assert "email" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["on ne pourrait pas plutôt s'appeler ? j'ai du mal à tout écrire",
                                  "может, проще созвониться? печатать всё это тяжко",
                                  "Может, дадите как-то позвонить вам напрямую? По телефону быстрее объясню"])
def test_a_call_between_the_two_proposed_in_a_question_asks_for_the_number(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Давайте созвонимся через видеозвонок на площадке, в четверг в 15:00 МСК?",
                                  "on peut s'appeler ici sur la plateforme ?", "созвонимся в зуме завтра?"])
def test_a_call_by_video_or_on_the_platform_asks_for_no_number(detector, text):
    assert "phone" not in detector.scan(text).categories, text


def test_a_time_after_agreeing_to_call_on_the_platform_is_no_piece_of_a_number(detector):
    history = ["созвонимся?", "да, через платформу"]
    assert "phone" not in detector.scan("ок, тогда в комнате Upwork в 10", history=history).categories


@pytest.mark.parametrize("text", [
    "En la propuesta indique su número de traductor jurado (el que aparece en la lista oficial) y el precio por página.",
    "Indiquez votre numéro de traducteur agréé et vos tarifs.",
])
def test_a_number_whose_bare_genitive_names_its_kind_is_asked_as_a_registration(detector, text):
    assert "phone" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["me pasas el número de Juan?", "me pasas tu número de celular?",
                                  "apna number de do, call pe samjha deta hoon"])
def test_a_number_of_a_person_or_of_a_phone_or_a_hindi_give_stays_a_request(detector, text):
    assert "phone" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["ممكن تبعثلي الموقع على الخريطة؟ بدي أجي أعاين المطبخ", "send me the spot on google maps",
                                  "¿me mandas la ubicación en google maps?"])
def test_a_place_asked_for_on_a_map_is_an_address_request(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["the location on the map is wrong, fix the marker",
                                  "Our store's location on the map should be centered"])
def test_a_place_on_a_map_as_the_works_object_asks_for_nothing(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Do you have a website I could look at? Like your own, not the profile",
                                  "você tem algum site seu? Queria ver mais trabalhos"])
def test_a_question_for_the_readers_own_site_to_see_more_work_asks_for_a_link(detector, text):
    assert "link" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Ok I'll send it to your wechat, what's your id", "¿Cuál es tu usuario de Bluesky?"])
def test_an_account_name_asked_for_beside_an_app_is_a_social_request(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["what's your user id in the Telegram bot database?", "what's your username on the platform?",
                                  "what's your username here?"])
def test_an_account_name_of_the_work_or_of_the_platform_asks_for_no_route(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_an_account_name_asked_for_there_after_an_app_is_a_social_request(detector):
    assert "social" in detector.scan("qual o seu user lá?", history=["eu tô no Discord também", "o limite é 100MB"]).categories
    assert not detector.scan("what's your user id there?", history=["the Telegram bot is live", "logs are in the admin"]).findings


@pytest.mark.parametrize("text", ["Schick mir lieber eine Mail, dann hab ich's schriftlich", "écris-moi un mail plutôt"])
def test_asking_to_be_emailed_is_a_request_for_the_route(detector, text):
    assert "email" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["When the rent is late, the automation should send an email to the tenant.",
                                  "Für das Testkonto brauche ich nur eine E-Mail-Adresse, über die mich Ihr Admin einladen kann."])
def test_an_email_as_the_message_the_work_sends_or_a_test_account_asks_for_no_route(detector, text):
    assert "email" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["su correo de contacto, tal como figura en vuestra política de privacidad, no lo cambiamos",
                                  "o número de série do equipamento está na etiqueta"])
def test_a_romance_de_before_a_noun_is_no_hindi_give(detector, text):
    assert not detector.scan(text).findings, text


@pytest.mark.parametrize("text", ["apna number de na yaar", "aapka number de dijiye",
                                  "Antes de avançarmos, pode mandar-me o seu número de WhatsApp para eu lhe enviar as amostras?"])
def test_a_hindi_give_or_an_enclitic_ask_still_asks(detector, text):
    assert "phone" in detector.scan(text).categories, text


def test_a_german_verb_at_the_end_asks_for_the_readers_route(detector):
    assert "email" in detector.scan("könnt ihr mir eure E-Mail schicken, dann schick ich die Scans direkt rüber?").categories
    assert not detector.scan("die E-Mail senden wir morgen an alle Abonnenten").findings


@pytest.mark.parametrize("text", ["oui, mais sur ton mail perso, donne-le-moi", "да, только на твою личную почту, напиши её",
                                  "إيه بس على إيميلك الشخصي، عطني إياه",
                                  "Olá! Posso pedir o seu email para lhe enviar o caderno de encargos?"])
def test_a_route_asked_for_by_a_pronoun_or_by_asking_to_ask_is_a_request(detector, text):
    assert "email" in detector.scan(text).categories, text


def test_a_route_named_as_a_template_and_a_pronoun_ask_asks_nothing(detector):
    assert not detector.scan("your email template is ready, send it to me for review").findings


@pytest.mark.parametrize("text", [
    "Antes de fechar o orçamento queria ver o local. Em que rua fica e qual o andar? Posso ir na quinta.",
    "Which street is the studio on? I'd come by on Friday to measure the wall.",
    "In welcher Straße ist der Laden? Ich würde Montag vorbeikommen.",
    "I'd start with a site visit. What's the civic address?",
    "theek hai, main ghar pe aake dekh lunga. Ghar ka pata aur gali bata do",
])
def test_which_street_or_floor_asked_for_a_visit_or_parts_listed_before_the_ask_request_an_address(detector, text):
    assert "address" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Which floor plan do you prefer? I'd come by Friday with the samples.",
    "Which city are you in? I can come over if it's close.",
    "Which street names should the map show? Top 20 by traffic.",
])
def test_which_part_questions_about_the_work_or_a_city_ask_for_no_address(detector, text):
    assert "address" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "send it to me by email instead, better for the records",
    "أرسل لي على الإيميل أحسن عشان يكون موثق",
    "envoie-le-moi par mail plutôt",
    "koi contact number ho to de dijiye, call pe samjha dunga",
])
def test_asking_to_be_sent_things_by_email_or_for_a_number_if_there_is_one(detector, text):
    assert set(detector.scan(text).categories) & {"email", "phone"}, text


@pytest.mark.parametrize("text", [
    "send the invoice to the client by email",
    "I'll send it to you by email after the contract is active",
    "order number ho to de dijiye, refund check karta hu",
])
def test_sending_work_by_email_or_an_order_number_asks_for_no_route(detector, text):
    assert not set(detector.scan(text).categories) & {"email", "phone"}, text


def test_a_french_imperative_before_a_mobile_prefix_asks_for_the_number(detector):
    assert "phone" in detector.scan("Passe ton 07 que je t'explique, c'est plus rapide").categories
    assert "phone" not in detector.scan("passe le fichier PDF ce soir, on vise le 07 pour la livraison").categories
