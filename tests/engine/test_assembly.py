"""Identifiers assembled over a conversation (engine/assembly.py), one class per feature."""

from __future__ import annotations

import pytest

from tests.engine.conftest import categories

ASSEMBLED = [
    # digit groups of short messages after a phone cue, with words around each piece
    (["Can we talk by phone?", "sure, my mobile starts with 415"], "then 464 and it ends in 0188", "phone"),
    (["¿Hablamos por teléfono?", "mi móvil empieza por 622", "luego 418"], "y termina en 397", "phone"),
    (["Можно созвониться?", "номер начинается с 8 916", "потом 482"], "и в конце 37-15", "phone"),
    # the newest piece says it continues or ends the number, though the earlier pieces made ten digits
    (["meine Nummer: 0176", "3 1 2", "9 8 7"], "dann noch 4 4", "phone"),
    (["mi fijo en Bogotá: 601", "3 4 8", "espera que me llaman"], "el resto: 2 9 1 5", "phone"),
    (["vou mandar picado senão o sistema apaga", "(11)", "9 7", "4 1 2"], "última parte: 33 08", "phone"),
    # a spoken dot in another script, after a connecting word or not, completes the address before it
    (["pattern files mail kar do", "address kya hai?", "kavita.patterns at yahoo dot co"], "डॉट इन", "email"),
    (["скинь лекала на почту", "а адрес?", "natalia.lekala собака tut"], "точка бай", "email"),
    (["сайт у меня", "tochka-opory"], "точка бай, там контакты и форма", "link"),
    (["اسم الموقع؟"], "اسمه studio-nakhla وبعدين دوت sa، فيه نموذج تواصل", "link"),
    # instructions instead of the symbol
    (["where do I send the brief?", "maria.lopez#outlook.es"], "replace the # with @", "email"),
    (["Pásame tu correo"], "primera parte maria.lopez88, segunda parte gmail.com, pon la arroba en medio", "email"),
    # a postcode after the street
    (["Where do I ship the board?", "2418 SE Belmont St, Apt 3"], "Portland, OR 97214", "address"),
    # only the TLD after an address cut before it
    (["send the files to arjun.mehta at gmail", "and at the end"], "dot com", "email"),
    # the handle is the profile name, after a request for an app or an email
    (["Do you have Skype? A call would help.", "I do"], "same as my username here", "social"),
    (["What's your email for the Drive folder?"], "it's my name as shown here, at gmail, all lowercase", "email"),
]

CLEAN = [
    (["ticket 48213"], "then 99201"),
    (["call me 917 482 3910"], "and 5"),
    (["the budget is 450", "for 12 pages"], "and 3 revisions"),
    (["I'll share the address once the contract is active"], "Portland, OR 97214 is where the team is"),
    (["Do you have Skype?"], "no, let's keep it here"),
]


@pytest.mark.parametrize(("history", "text", "category"), ASSEMBLED)
def test_assembled_identifiers_flag_the_completing_message(detector, history, text, category):
    assert category in categories(detector, text, history), (history, text)


@pytest.mark.parametrize(("history", "text"), CLEAN)
def test_harmless_pieces_do_not_assemble(detector, history, text):
    assert categories(detector, text, history) == set()


@pytest.mark.parametrize("text", [
    "sur l'appli de l'oiseau bleu je suis « la cartographe du dimanche », l'avatar c'est une boussole dorée, écris-moi",
    "Mich findest du im Vogel-App als Kartenhexe, Avatar ist eine grüne Eule mit Zirkel",
    "my profile pic on the blue bird site is a red fox in a scarf, search 'foxglove annotates' and DM",
    "LinkedIn pe 'Harsh Vardhan Data Engineer Jaipur' search karo, wahan msg karo",
])
def test_the_name_the_writer_goes_by_on_an_app_is_a_route(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "On Instagram the brand is called 'Casa Bonita', use it as reference for the palette",
    "I'm not on Instagram as 'Foxglove', sorry, only here",
    "Телефон и телеграм дам, когда вы нажмёте «принять оффер», а пока обсудим смету",
    "bitte im Teams-Telefonplan hinterlegen und auf die Sammelrufgruppe 'Finanzen' legen",
])
def test_a_quoted_name_that_is_no_writers_account_is_no_route(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["und die Mail?", "yahoo.de"], "davor: kati.voiceover"),
    (["e o e-mail?", "hotmail.com"], "antes vem mestre_do_lego_3d"),
    (["¿me das tu correo?", "uso proton"], "nachodisena y ya sabes el resto (.me)"),
])
def test_an_emails_name_given_after_its_domain_completes_it(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["und die Mail?", "yahoo.de"], "davor schicke ich noch die Rechnung"),
    (["the report?", "report_v2.docx"], "before that: budget_v3.xlsx"),
])
def test_a_sentence_or_a_file_after_a_domain_completes_no_email(detector, history, text):
    assert "email" not in detector.scan(text, history=history).categories


def test_an_apps_id_in_capitals_and_digits_named_as_the_writers_is_a_route(detector):
    text = "Für Rohdaten wäre Threema praktischer, meine ID besteht aus acht Zeichen: also 47KX30PE"
    assert "social" in detector.scan(text).categories
    assert not detector.scan("the Zoom SDK build ID is 4F7A2B9C, test on Teams too").findings


@pytest.mark.parametrize(("history", "text"), [
    (["Hi! before we start, are you on LinkedIn?", "Yes why"],
     "search Oisín Brennan, GIS analyst, Galway — the one with the map as banner"),
    (["¿tu LinkedIn?", "búscame"], "Itziar Gorostiza, redactora de subvenciones, Bilbao — la foto es con un perro"),
    (["линкедин есть?", "найдите меня там"], "Дарья Ким, грант-райтер, Бишкек — на фото с горами"),
    (["عندك لينكدإن؟", "دور علي"], "محمد ولد أحمد، كاتب منح، نواكشوط — الصورة فيها بدلة زرقاء"),
])
def test_a_name_title_and_city_to_search_on_an_app_is_a_route(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["نكمل على تيمز؟"], "لا ما يصير، المنصة تمنع قبل العقد، خلنا في مكالمة المنصة"),
    (["do you have instagram?"], "Paris, London, Berlin — those are the cities for the campaign"),
])
def test_a_refusal_or_a_list_of_places_is_no_profile_to_search(detector, history, text):
    assert "social" not in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["¿Teams?", "vale"], "mándame la invitación a la dirección que aparece en mi CV"),
    (["Тимс?", "ок"], "приглашение кидайте на адрес из моего резюме"),
    (["تيمز؟", "أوكي"], "ابعت الدعوة على الإيميل اللي في السي في"),
])
def test_an_app_invite_to_the_address_in_the_writers_cv_accepts_the_move(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories


def test_an_invite_in_the_calendar_beside_a_cv_accepts_nothing(detector):
    assert not detector.scan("the Teams invite for the kickoff is in the calendar, see my CV for my background").findings


@pytest.mark.parametrize(("history", "text"), [
    (["tu es sur linkedin ?"], "oui cherche « Rachid Benali consultant ISO 27001 Oran », c'est moi avec la photo"),
    (["ضيفني على ويتشات", "عشان نتكلم مع المصنع بالصين"], "الـ ID تبعي: zainab_sourcing_cn — ورح ضيفك على الجروب"),
    (["j'ai une appli de messagerie suisse, tu connais threema ?"], "installe-la et ajoute l'ID K7RD9XPA"),
])
def test_a_name_or_handle_for_the_app_the_last_messages_named_is_a_route(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    ([], "я есть в Одноклассниках, Галина Петровна Мухина из Саратова, напишите туда, я тут редко бываю"),
    ([], "no LinkedIn, Paulo Henrique Tavares, engenheiro de dados em Campinas. Me manda mensagem lá"),
    (["Вас в ВК не найти", "Я там под девичьей фамилией"], "Ищите Дарью Лисицыну из Томска, на аватарке хор"),
])
def test_a_persons_full_name_on_an_app_the_writer_invites_to_is_a_route(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", [
    "Нужно подключить WhatsApp Business API и Instagram Direct к нашей amoCRM",
    "estoy haciendo un clon de WhatsApp en React Native para mi portafolio",
    "Sorry, contract tak yahi rehte hai. Google Drive ka link share kar sakta hu files ke liye.",
    "I talked to John Smith on WhatsApp yesterday about the client's logo",
])
def test_capitalised_words_that_are_no_persons_name_or_a_third_party_are_no_route(detector, text):
    assert "social.display_name" not in {r for f in detector.scan(text).findings for r in f.rule.split(",")}, text


@pytest.mark.parametrize(("history", "text", "category"), [
    (["where should I send the final files?", "just email them?"], "same as the one on my invoice", "email"),
    (["أبي أتصل عليك بخصوص الطلبية", "على أي رقم؟"], "نفس الرقم اللي في الفاتورة اللي أرسلتها أمس", "phone"),
])
def test_the_same_as_on_a_document_the_writer_sent_answers_the_question(detector, history, text, category):
    assert category in detector.scan(text, history=history).categories, text


def test_a_number_on_an_invoice_without_a_question_is_a_reference(detector):
    assert not detector.scan("please use the same number as on my invoice as the payment reference").findings


@pytest.mark.parametrize(("history", "text"), [
    (["What's your Discord? we coordinate the team there", "it's kaylavo#4417 I think"], "yep that's the one, add me there"),
    (["Kunde: Bist du der Beatmaker Dunkelton auf SoundCloud?"], "Jo, bin ich. Schreib mir da einfach ne PN"),
    (["Wie finde ich dich auf TikTok?", "such nach lenas.pfotenportraits", "da gibt's zwei"],
     "genau der, mit dem Hund im Profilbild"),
])
def test_a_reply_that_sends_the_reader_to_the_app_just_named_is_a_route(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Do you use Discord?"], "no, let's keep it here, add me there after the contract"),
    (["Do you use Discord?"], "I don't, sorry, we can talk here"),
])
def test_a_reply_that_refuses_or_defers_the_app_is_no_route(detector, history, text):
    assert "social" not in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text", "category"), [
    (["(21) 99634-7115", "não tá chamando"], "esse mesmo, só troca o 5 do final por 9", "phone"),
    (["is the number on your website still good?", "sort of"], "yep same one, ends in 19 now not 91", "phone"),
    (["повторите почту", "та же яндексовская"], "но 84 вместо 83 в конце, старую я забросил", "email"),
])
def test_a_short_reply_that_changes_a_few_digits_of_the_item_is_that_item(detector, history, text, category):
    assert category in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Galti se maine apna number bhej diya tha upar", "koi baat nahi"], "Please use ignore karo. Chalo scope: 20 reels."),
    (["c'était le 07 44 19 62 08"], "Enfin bref, pour les vidéos UGC, tu veux 3 ou 5 déclinaisons ?"),
    (["call me 0176 2291 4408"], "no, that one's the ISBN, change 978 to 979"),
])
def test_digits_away_from_the_change_or_an_identifier_correct_no_item(detector, history, text):
    assert not detector.scan(text, history=history).findings, text


@pytest.mark.parametrize(("history", "text"), [
    (["meu insta é", "marina.ceramica"], "ponto sp no final"),
    (["my telegram", "is k1rill", "no wait it's kirill_m"], "underscore dev at the end"),
    (["حسابي في الإنستا", "diwani"], "_ink_dxb بدون نقاط"),
])
def test_a_handles_last_piece_after_its_app_and_first_piece_is_a_route(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["my site is on insta too", "kwame"], ".com is the shop"),
    (["the report for instagram", "final"], "_v2 is the latest file"),
])
def test_a_domains_ending_or_a_file_version_completes_no_handle(detector, history, text):
    assert "social" not in detector.scan(text, history=history).categories, text


def test_a_quoted_project_name_after_an_app_question_is_no_display_name(detector):
    verdict = detector.scan('sure, the project is called "Project Alpha", see the brief', history=["do you use Slack?"])
    assert "social.display_name" not in {r for f in verdict.findings for r in f.rule.split(",")}


# A recipe: a route, the writer's own ingredients and how to compose them, in any language; my own
# wording, not the corpora's.
RECIPES = [
    ([], "On Bluesky you'll find me as my first name and surname joined, all lowercase, plus 77", "social"),
    ([], "Mon Gmail : prénom point nom, tout attaché, sans accent", "email"),
    ([], "Findest du mich auf Instagram: Vorname und Geburtsjahr zusammen, alles klein", "social"),
    (["¿Tienes correo?"], "sí, nombre y apellido sin espacios y mi año de nacimiento, en hotmail", "email"),
    (["а телега у тебя есть?"], "ник — имя и фамилия слитно, латиницей", "social"),
    (["Tem e-mail pra eu mandar o contrato?"], "meu nome completo tudo junto, sem espaço, no outlook", "email"),
    (["aapka insta kya hai?"], "mera naam bina space ke, end mein 21", "social"),
    ([], "على سناب تلقاني: اسمي بالإنجليزي لازق ومعاه سنة ميلادي", "social"),
]

NOT_RECIPES = [
    ([], "For the Instagram bio, write our brand name in one word, all lowercase"),
    ([], "the username field must be lowercase, no spaces, max 20 chars"),
    ([], "Mon prénom s'écrit sans accent sur LinkedIn, c'est une vieille histoire"),
    ([], "Имя и фамилия в почте должны быть латиницей, иначе Outlook ругается"),
    (["How should we name the Gmail accounts for the new staff?"], "first name dot last name, all lowercase, no spaces"),
    ([], "```python\nUSER = {'name': 'Test', 'email': 'qa@example.com', 'phone': '+49 30 000000'}\n```"),
    ([], "I can't give you my Gmail before the contract, even as first name and surname joined"),
]


@pytest.mark.parametrize(("history", "text", "category"), RECIPES)
def test_a_recipe_for_the_writers_handle_or_address_is_a_route(detector, history, text, category):
    assert category in categories(detector, text, history), (history, text)


@pytest.mark.parametrize(("history", "text"), NOT_RECIPES)
def test_work_instructions_and_refusals_are_no_recipe(detector, history, text):
    assert categories(detector, text, history) == set(), (history, text)


def test_a_refusal_anywhere_in_the_clause_before_the_number_confirms_no_attachment(detector):
    history = ["Bonjour, votre profil m'intéresse", "Vous avez un numéro où je peux vous joindre ?"]
    text = "Désolé, je ne peux pas vous donner mon numéro avant la signature, c'est la règle ici."
    assert categories(detector, text, history) == set()


def test_a_name_the_writer_goes_by_on_an_app_may_end_like_a_domain(detector):
    text = "Schau auf meinem Insta vorbei, da heiß ich zuckerundlicht.wien, und schreib mir dort eine DM."
    assert "social" in categories(detector, text)


@pytest.mark.parametrize("text", [
    "Pour mes références, consultez mon profil LinkedIn, Awa Ndiaye Logistique. Ajoutez-moi et écrivez-moi là-bas.",
    "Meine Arbeiten zeige ich auf meinem Instagram. Schreib mir dort einfach eine Nachricht!",
    "All my past work is on my Telegram channel. Message me there if you want the full case studies.",
])
def test_the_writers_app_in_one_sentence_and_reach_me_there_in_the_next_is_a_route(detector, text):
    assert "social" in categories(detector, text), text


@pytest.mark.parametrize("text", [
    "My Instagram is private. Don't write me there, write me here.",
    "Your Instagram looks great. I'll post the reels there once we agree.",
])
def test_no_route_when_the_invitation_is_negated_or_the_app_is_the_readers(detector, text):
    assert "social" not in categories(detector, text), text


def test_a_postcode_of_googles_formats_completes_the_street_given_before(detector):
    history = ["you can drop the banner at my place", "4 Ballyhooly Road, Apt 2"]
    assert "address" in categories(detector, "Cork, T12 X2H6. Blue door next to the chipper", history)
    assert categories(detector, "Cork, version T12 is fine, thanks", history) == set()


def test_a_sentence_of_a_long_message_goes_on_past_a_dot_inside_a_handle(detector):
    text = ("¡Hola Sofi!\n\n" + "Fotografío cada pastel con luz natural sobre tres fondos distintos.\n" * 6
            + "\nSi quieres conocer mi estilo antes de decidir, todo está en mi Insta, me encuentras como "
              "luzdemaiz.foto, mándame un DM y te paso el moodboard que ya empecé a armar para ti.\n\n¡Saludos!")
    assert "social" in categories(detector, text)


@pytest.mark.parametrize("sentence", [
    "Si quieres ver más, sígueme en insta, me encuentras como ilustra punto chepa, ahí subo los procesos.",
    "Meine Referenzen sind auf Insta, gleicher Name wie hier, nur mit _studio dahinter.",
])
def test_spelled_and_derived_handles_are_read_in_each_sentence_of_a_long_message(detector, sentence):
    text = "Hola,\n\n" + "Entrego bocetos, color final y archivos en 300 dpi para imprenta.\n" * 7 + "\n" + sentence
    assert "social" in categories(detector, text)


@pytest.mark.parametrize(("text", "category"), [
    ("al mismo correo que aparece en la firma del PDF, lo reviso también los fines de semana", "email"),
    ("die Nummer aus meiner Stellenanzeige stimmt noch, am besten nach 17 Uhr", "phone"),
    ("send it to the email in my PDF signature", "email"),
])
def test_contact_held_in_a_signature_or_a_job_ad_is_pointed_to(detector, text, category):
    assert category in categories(detector, text), text


@pytest.mark.parametrize("text", [
    "Our VAT number is GB 284 9163 52 — please put it on the invoice.",
    "the invoice number is the same as in the quote",
])
def test_identifiers_for_an_invoice_point_to_no_contact(detector, text):
    assert "phone" not in categories(detector, text), text


@pytest.mark.parametrize(("history", "text"), [
    (["Meine Tierfiguren sind nicht hier hochgeladen", "such mal nach frieda"], "zeichnet_illu, Insta"),
    (["Den Mix hör ich mir gern live mit dir an", "adde mich auf Discord: hannes"], "_dj0815"),
    (["Les sessions dirigées, je les fais sur Skype", "live:benoit.voix"], "2291 à la fin"),
])
def test_the_rest_of_a_name_to_search_or_add_on_an_app_is_a_route(detector, history, text):
    assert "social" in categories(detector, text, history), (history, text)


@pytest.mark.parametrize(("history", "text"), [
    (["search the drive for the brief", "it's in the shared folder"], "logo_draft_v3, the second one"),
    (["such mal nach frieda"], "2291 Euro sind zu viel"),
])
def test_a_file_name_or_an_amount_after_a_search_is_no_route(detector, history, text):
    assert "social" not in categories(detector, text, history), (history, text)


@pytest.mark.parametrize(("history", "text"), [
    (["¿Cuál es el número del ticket del error de sincronización?", "48213", "¿y la fecha en que pasó?"], "23/11"),
    (["Unter welcher Ticketnummer läuft der Sync-Fehler?", "77814", "Seit wann?"], "12.02."),
    (["Номер заказа?", "4471"], "и 2209-88, строка перенеслась"),
])
def test_a_date_after_a_ticket_or_the_pieces_of_an_identifier_asked_for_make_no_number(detector, history, text):
    # POLICY.md: two harmless numbers in a row (a ticket ID split by a line break, a date after a price)
    assert "phone" not in detector.scan(text, history=history).categories, text


def test_a_particle_that_spells_an_identifier_word_asks_for_no_identifier(detector):
    assert "phone" in detector.scan("123 4567", history=["Globe number po", "0917"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["Hi, loved your Discord bot proposal.", "Can we talk more somewhere faster?"], "sure, my number is 085"),
    (["celular?", "11"], "nove"),
    (["WhatsApp?"], "+258 84"),
    (["Ticket system. Phone pe baat ho sakti hai?"], "haan, likho: 96"),
])
def test_a_piece_that_begins_or_carries_a_number_being_given_is_a_phone(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["how many phone mockups do you need?"], "5"),
    (["هذا العقد"], "وكمان هذا عقد الإيجار، ١٢ صفحة"),
    (["¿Podemos hablar por WhatsApp?"], "Combinado, só depois do contrato ativo."),
    (["Номер заказа?"], "4471"),
])
def test_a_count_a_refusal_or_an_identifier_asked_for_begins_no_number(detector, history, text):
    assert "phone" not in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("by_number", [True, False])
def test_the_apps_a_number_piece_answers_come_from_the_rule_set(by_number):
    # an admin's new app that finds people by phone number: a number's first piece answers "Zangi?"
    from engine import Detector, RuleSet

    doc = RuleSet.default().to_dict()
    doc["detectors"]["social"]["apps"].append(
        {"name": "zangi", "aliases": ["zangi"], "euphemisms": [], "domains": [], "by_number": by_number})
    detector = Detector(RuleSet.from_dict(doc))
    assert ("phone" in detector.scan("+44 7700", history=["Zangi?"]).categories) is by_number


def test_a_rule_set_app_with_a_bad_by_number_is_rejected():
    from engine import RuleSet
    from engine.rules import RuleSetError

    doc = RuleSet.default().to_dict()
    doc["detectors"]["social"]["apps"][0]["by_number"] = "yes"
    with pytest.raises(RuleSetError, match=r"detectors\.social\.apps\[0\]\.by_number"):
        RuleSet.from_dict(doc)


@pytest.mark.parametrize(("history", "text", "category"), [
    (["Are you on Telegram?", "yes, same name as here"], "ok added you, accept when you see it", "social"),
    (["¿Tenés Instagram?", "sí, el mismo nombre", "agregame y hablamos por ahí"], "listo, ya te agregué", "social"),
    (["Tu es sur Facebook ?", "oui, photo avec le chien"], "je t'ai demandé en ami, accepte 🙏", "social"),
    (["Usa WhatsApp?", "uso sim"], "pronto, já te adicionei, aceita aí", "social"),
    (["Можешь скинуть макет на почту?", "на какую?", "на рабочую, как в подписи"], "готово, проверь почту", "email"),
    (["Send it to my gmail?", "which one?", "the one with my surname"], "done, check your inbox (and spam)", "email"),
])
def test_a_report_of_reaching_the_reader_on_the_route_named_is_that_route(detector, history, text, category):
    assert category in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Can you update the budget sheet?", "sure"], "done, added you as an editor"),  # no app named
    (["Did the platform send you my offer?"], "check your inbox here, it should be there"),  # no email named
    (["Le poste, c'est du service client sur email et Messenger", "Vous connaissez Zendesk ?"],
     "Oui, je peux gérer votre boîte mail de support et la page Facebook."),
    (["mera insta: @ankit.bots", "contract tak yahin rehna please"], "done, aapko add kar diya"),  # kept here
    (["Are you on Telegram?"], "no, I haven't added you, let's stay here"),
])
def test_a_report_without_a_route_named_or_kept_here_is_no_route(detector, history, text):
    assert not set(detector.scan(text, history=history).categories) & {"social", "email"}, text


@pytest.mark.parametrize(("history", "text", "category"), [
    (["Der Kurier braucht eine Nummer vor Ort.", "Geben Sie mir Ihre?"], "steht auf der Visitenkarte, die ich fotografiert habe",
     "phone"),
    (["Какой у тебя номер?"], "тот, что на визитке с фото, его и бери", "phone"),
    (["Is the number on your van yours?", "which van?", "the white one in your profile photo"], "yep, that one", "phone"),
    (["¿El correo que sale en tu tarjeta es el tuyo?"], "sí, ese mismo", "email"),
])
def test_a_route_shown_on_a_picture_card_or_sign_pointed_to_or_confirmed_is_shared(detector, history, text, category):
    assert category in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["what's your number?", "I'd rather keep it here for now"], "No worries. When can you start the Etsy photo edits?"),
    (["Vous me donnez votre numéro ?"], "Dès que vous aurez accepté l'offre, je vous donne mon numéro pour la séance photo."),
    (["Is that your logo on the van?"], "yes, that one"),  # a logo, no route asked about
    (["Where are the mockups?"], "on the card in the photo I sent, page 2"),  # nothing asked for a route
])
def test_a_picture_or_a_yes_without_a_route_asked_about_shares_nothing(detector, history, text):
    assert not set(detector.scan(text, history=history).categories) & {"phone", "email"}, text


@pytest.mark.parametrize(("history", "text"), [
    (["Tengo otro proyecto, ¿cómo te contacto mejor?"], "pues por la app verde, al mismo de siempre"),
    (["J'ai un nouveau projet, je te joins comment ?"], "bah sur le vert, comme l'an dernier"),
])
def test_an_app_named_in_answer_to_how_to_reach_the_writer_is_the_route(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["my snap is kai", "then the word", "lights"], "then underscore and the year, 1994"),
    (["mi tiktok es mari", "después la palabra", "hornea"], "y luego guion bajo y 97"),
    (["mon insta c'est lou", "puis le mot", "croque"], "puis tiret bas et 2001"),
    (["мой тикток — lena", "потом слово", "bakes"], "потом нижнее подчёркивание и год, 1998"),
])
def test_a_handles_last_piece_after_a_connecting_word_and_its_glue_completes_it(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


def test_a_piece_after_its_glue_without_an_app_named_completes_no_handle(detector):
    history = ["the export file is called report", "from the march batch"]
    assert "social" not in detector.scan("then underscore and the year, 2024", history=history).categories


@pytest.mark.parametrize("text", [
    "Prénom et nom attachés, chez hotmail.fr, sans point",
    "Vor- und Nachname zusammen, bei web.de, ohne Punkt dazwischen",
    "email wahi hai jo mera naam hai, bina space ke, aur uske baad yahoo.co.in",
    "nombre y apellido juntos, en gmail, sin espacios",
])
def test_an_email_composed_of_the_writers_names_at_a_public_mailbox_is_an_email(detector, text):
    assert "email" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Create each employee mailbox as first name and last name together at acme-corp.com",  # a company's rule
    "Put our brand name in one word on the packaging",
])
def test_a_naming_rule_for_a_companys_domain_or_a_brand_is_no_email(detector, text):
    assert "email" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["ok so first part is 0917", "actually wait", "then 326"], "and 4418 — that's it, viber works best"),
    (["Ok, Nummer kommt stückweise", "0176", "392", "84 1"], "6"),  # told in pieces: ten digits need not end it
])
def test_a_number_told_in_parts_ends_on_its_last_piece(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, text


def test_a_number_whole_in_the_history_is_not_extended_by_a_count(detector):
    history = ["my number is 0917 326 4418", "ok"]
    assert "phone" not in detector.scan("5", history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["Где встретимся посмотреть участок?"], "На пересечении Ленина и Фрунзе в Самаре, у остановки, в 10:30"),
    (["Где забрать камеру?"], "Одесса, Дерибасовская угол Ришельевской, у фонтана, суббота 12:00"),
    (["Where do we meet for the handover?"], "Monday 9am at the café on Peachtree and 10th"),
    (["وين نتقابل في دبي؟", "في البزنس باي"], "برج الأعمال ذا أوبوس، اللوبي، الساعة ٤"),
])
def test_a_named_place_and_a_time_in_answer_to_where_to_meet_is_an_address(detector, history, text):
    assert "address" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["where do we meet?"], "Thursday works, 3pm, I will send the Zoom here"),  # an app, no place
    (["When do we meet?"], "Monday 9am, Lisbon time"),  # asked when, not where
    (["where do we meet?"], "not in person, sorry — Tuesday 10:00 here in the chat"),
])
def test_a_time_with_an_app_a_when_question_or_a_refusal_is_no_meeting_place(detector, history, text):
    assert "address" not in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", [
    "c'est fait, j'ai flashé le code sur ta carte, t'as dû recevoir un salam sur WhatsApp",
    "escaneei o QR da tua camisa e te mandei um oi no zap kkk",
])
def test_a_report_of_reaching_the_reader_on_an_app_it_names_is_that_route(detector, text):
    assert "social" in detector.scan(text, history=["Olha a foto do evento", "Que legal!"]).categories, text


def test_a_report_deferred_to_the_contract_is_no_route(detector):
    text = "Top, j'accepte l'offre 🎉 dès qu'elle est active je te donne mon Discord pour tester le modpack"
    assert "social" not in detector.scan(text, history=["On se parle où ?"]).categories


@pytest.mark.parametrize("text", [
    "I wrote on WA, did you see?",
    "hab dir auf WhatsApp geschrieben",
    "написал тебе в телегу, глянь",
    "te escribí por Telegram, fijate",
])
def test_a_report_of_contact_made_on_an_app_it_names_is_a_move_off_the_platform(text):
    from engine import Detector, RuleSet

    assert "social" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "I wrote on the WhatsApp bot spec yesterday, see the doc",  # the app is the work
    "I messaged you on here earlier",  # no app
    "I never wrote on WhatsApp, only here",  # negated
])
def test_a_report_without_an_app_as_the_route_or_negated_is_no_move(text):
    from engine import Detector, RuleSet

    assert "social" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize(("history", "text", "category"), [
    (["Tem como eu te mandar o contrato por e-mail?", "Pode, qual?"],
     "mesmo email que aparece no rodapé do meu portfólio em PDF que te mandei", "email"),
    (["أبغى أرسل العقد بالإيميل", "عادي"], "نفس الإيميل المكتوب في أسفل ملف العرض اللي أرسلته لك", "email"),
    (["на какую почту отправить NDA?"], "та же, что я писал в сопроводительном, проверяю каждый день", "email"),
    (["Para esto nuevo pasame tu número de nuevo que cambié de teléfono"], "dale, es el mismo que te dije en la otra propuesta",
     "phone"),
])
def test_the_same_as_in_a_proposal_pdf_or_cover_letter_the_writer_sent(detector, history, text, category):
    assert category in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["Posso te mandar o briefing por e-mail?"], "Tranquilo, então mando o briefing aqui mesmo em PDF."),
    (["qual número vai na nota?"], "CNPJ da empresa: 12.345.678/0001-95, a nota fiscal sai com esse número"),
])
def test_sending_here_or_a_number_given_points_to_no_document(detector, history, text):
    assert not {"email", "phone"} & set(detector.scan(text, history=history).categories), text


@pytest.mark.parametrize("text", ["o insta do estúdio é arquitetura.goiania3d, sem arroba mesmo",
                                  "sift liya l'brief f tele, smiti tma ghir zakaria_dev2 bla @",
                                  "insta pe dhoondo cakesbyanjali.ranchi, saare wedding cakes wahan hain",
                                  "on Insta it's lena.kocht.vegan, without the @"])
def test_a_name_said_to_lack_its_at_sign_or_to_be_searched_on_an_app_is_a_handle(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["the config.yaml for the Telegram bot, without the @ in the token",
                                  "search the insta export for report_v2.docx"])
def test_a_file_beside_an_app_and_no_at_sign_is_no_handle(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_a_piece_dictated_after_the_talk_turned_to_the_phone_begins_a_number(detector):
    history = ["Valeu! Quer alinhar os comandos?", "Quero, mas prefiro falar por telefone"]
    assert "phone" in detector.scan("blz, anota aí: 85", history=history).categories


def test_a_figure_dictated_without_talk_of_a_phone_is_no_piece(detector):
    history = ["Quanto ficou o orçamento?", "Um momento"]
    assert "phone" not in detector.scan("anota aí: 85", history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["I'll share the folder", "whats your gmail", "?"], "still need that email btw, drive won't let me share otherwise"),
    (["te comparto la carpeta", "¿cuál es tu gmail?", "?"], "sigo necesitando tu correo eh, drive no me deja compartir si no"),
    (["folder share karta hoon", "gmail kya hai?", "?"], "email abhi bhi chahiye yaar, drive share nahi ho raha"),
])
def test_a_request_repeated_with_still_and_need_asks_again(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", ["got the email, thanks", "still waiting for the email with the brief"])
def test_talk_of_an_email_after_asking_for_it_asks_nothing_new(detector, text):
    assert "email" not in detector.scan(text, history=["I'll share the folder", "whats your gmail", "?"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["Te paso el correo para el NDA", "dominio: estudiovela.com.ar", "y el usuario antes de la arroba es..."], "rodrigo"),
    (["Пришлю NDA на подпись", "домен: studio-veter.ru", "а что перед @?"], "nastya.k"),
])
def test_a_name_alone_answering_what_comes_before_the_at_sign_completes_the_email(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories


def test_a_name_alone_without_a_question_for_the_at_signs_left_side_is_no_email(detector):
    assert not detector.scan("rodrigo", history=["Te paso el correo", "dominio: estudiovela.com.ar", "ok"]).findings


@pytest.mark.parametrize(("history", "text"), [
    (["Tu as d'autres flashs de tatouage ?", "plein, sur insta", "le compte c'est lea"], "_ink.studio, avec le tiret bas 🖤"),
    (["Есть ещё эскизы?", "много, в инсте", "ник: vera"], "_tattoo.msk, с нижним подчёркиванием 🖤"),
])
def test_a_piece_that_names_its_own_glue_ends_a_handle_begun_before(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["Pra fazer o orçamento do telhado preciso ir aí", "Moro em Crato, bairro Pimenta", "Como chego?"],
     "É a casa amarela depois da igreja de São Benedito, em frente à mercearia do Seu Zé. Te espero sábado 8h."),
    (["Чтобы посчитать кровлю, нужно приехать", "Я в Нальчике", "Как вас найти?"],
     "Третий дом после мечети, синие ворота, напротив школы № 12. Жду в субботу в 9."),
    (["¿dónde es la clase de cocina?", "en mi casa en San José"],
     "Frente al parque La Sabana, del Más x Menos 100 metros al sur, casa esquinera amarilla"),
])
def test_a_place_described_by_its_landmarks_answering_how_to_get_there_is_an_address(detector, history, text):
    assert "address" in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["where should the logo go?"], "after the title, next to the menu button"),
    (["Como chego?"], "não posso passar o endereço antes do contrato, depois da assinatura te mando"),
])
def test_a_pages_layout_or_a_refusal_after_a_where_question_is_no_address(detector, history, text):
    assert "address" not in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["¿Qué app usamos para hablar?"], "No, el clon de WhatsApp lo quiero en Flutter con Firebase, no en React Native."),
    (["Wie sollen wir reden, welche App?"], "Genau, die App soll wie WhatsApp aussehen, aber nur intern für die Lagermitarbeiter."),
])
def test_an_app_the_work_should_look_like_answers_no_question_about_a_route(detector, history, text):
    assert "social" not in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["Hast du Telegram?", "Ich schick dir sonst die Datei per Mail"],
     "Klar, wie vorhin – die Telegram-Nummer ist dieselbe wie die Handynummer"),
    (["टेलीग्राम चलाते हो?", "बड़ी फ़ाइल भेजनी है"], "वही जो पहले बताया था, बस इस बार टेलीग्राम पर"),
])
def test_an_app_asked_about_then_made_the_same_as_a_route_given_is_a_move(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories


def test_an_app_asked_about_and_answered_as_the_teams_tool_is_no_move(detector):
    assert "social" not in detector.scan("no, we don't, same tool as before: Jira", history=["Do you use Slack?"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["I'll show you the build running", "my discord is"], "quillmoth, add me"),
    (["Wir können das live zeigen", "Mein Name bei Discord", "ist"], "kupferfuchs, ohne Zahlen"),
    (["pour le playtest", "mon twitch c'est"], "ferrailleur, passe voir"),
    (["te lo muestro", "mi tele es arroba"], "lunaverde, sin mayúsculas"),
    (["jingle ready hai", "mera telegram", "ka naam"], "hai dholwala aur last mein 7"),
])
def test_the_value_of_a_label_left_open_at_the_end_of_the_last_message_is_a_handle(detector, history, text):
    verdict = detector.scan(text, history=history)
    assert "social" in verdict.categories and "social.open_label" in {f.rule for f in verdict.findings}, text


@pytest.mark.parametrize(("history", "text"), [
    (["apna whatsapp do na, site ki photos bhejni hai"], "theek hai, aaj shaam bhejta hu"),
    (["mein discord ist"], "nicht für hier gedacht, sorry"),
    (["my discord is", "?"], "quillmoth"),  # the label's message asks
    (["the brief is"], "attached below, with the logo"),  # no app named on the way
    (["your whatsapp is"], "not needed yet, let's keep it here"),
])
def test_a_label_asked_negated_or_without_an_app_leaves_nothing_open(detector, history, text):
    assert "social.open_label" not in {f.rule for f in detector.scan(text, history=history).findings}, text


def test_a_mail_providers_domain_after_a_login_named_completes_an_email(detector):
    history = ["Куда слать счета?", "логин у меня oleg.vetrov84"]
    assert "email" in detector.scan("ящик на yandex.ru", history=history).categories
    assert "email" not in detector.scan("хостинг на mail.ru", history=["возьмём за образец studio.lumen"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["We have a site with a quote form", "it's called bright"], "-harbour dot ie, the form is at the bottom"),
    (["Tenemos web propia con formulario", "se llama casa"], "-rural punto es, sección contacto"),
])
def test_a_sites_name_ended_after_a_hyphen_with_its_ending_spoken_completes_the_site(detector, history, text):
    assert "link" in detector.scan(text, history=history).categories, text


def test_a_hyphenated_piece_without_a_site_offered_completes_nothing(detector):
    assert not detector.scan("-events dot com is their competitor", history=["look at this one"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["meine Nummer", "Teil 1: +43 664"], "Teil 2: 1 2 3 4 5 6 7"),
    (["my number in bits", "part 1 - 0412"], "part 2 - 558 301"),
    (["hab3atlak el ra2am", "+961 3"], "81 w ba3den 24 57"),
])
def test_a_pieces_label_and_arabizi_letters_are_no_digits_of_a_split_number(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, text


def test_arabizi_words_alone_give_no_piece_of_a_number(detector):
    assert "phone" not in detector.scan("ma3lesh, ba3den 2a7kilak", history=["el ra2am?", "+961 3"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["typing it slowly", "r.okafor77", "outlook.com", "put this between them:"], "@"),
    (["langsam", "gmx.at", "davor kommt noch", "lena.hofer"], "@"),
    (["بكتبه شوي شوي", "sara.designs", "hotmail.com"], "آت"),
])
def test_the_at_sign_alone_after_a_name_and_a_domain_completes_the_email(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["which file?", "report_v2.pdf", "example.com"], "@"),
    (["the repo", "github.com"], "@"),
])
def test_an_at_sign_alone_after_a_file_or_a_domain_only_completes_nothing(detector, history, text):
    assert "email" not in detector.scan(text, history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["this chat keeps freezing. Signal?", "my number's the same there", "so we carry on there?"], "ok, deal"),
    (["Der Chat hier hängt, Telegram?", "Bin da unter meinem Namen", "Also alles Weitere dort?"], "Alles klar, machen wir"),
    (["الشات بطيء، واتس؟", "رقمي نفسه", "يعني نكمل هناك؟"], "تمام، يلا"),
])
def test_agreeing_to_go_on_there_after_an_app_was_proposed_is_a_move(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["this chat keeps freezing. Signal?", "so we carry on there?"], "no, let's stay here until the contract starts"),
    (["We need reels for Instagram", "should the logo go there too?"], "ok, top left"),
    (["Telegram?", "so we carry on there?"], "ok after the contract is active"),
])
def test_a_refusal_a_deferral_or_the_work_after_a_move_question_agrees_to_nothing(detector, history, text):
    assert "social" not in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("text", [
    "Auf Instagram heiß ich genauso wie hier, nur statt dem Bindestrich ein Punkt. Schreib mir da.",
    "इंस्टा पे मेरा नाम वैसा ही है जैसा यहाँ, बस हाइफ़न की जगह अंडरस्कोर",
    "On TikTok I'm the same as here but with a dot instead of the hyphen",
])
def test_the_name_shown_here_with_one_mark_swapped_on_an_app_is_a_handle(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_a_swap_of_marks_in_a_file_name_makes_no_handle(detector):
    assert "social" not in detector.scan("same file name as here, just a dot instead of the hyphen").categories


@pytest.mark.parametrize("text", [
    "إيميلي سهل: اسمي الأول آت اسم العيلة دوت نت، الاتنين في البروفايل",
    "मेरा मेल आसान है: पहला नाम फिर एट फिर सरनेम डॉट कॉम, दोनों प्रोफाइल में लिखे हैं",
])
def test_an_email_made_of_the_names_on_the_profile_is_held_there(detector, text):
    assert "email" in detector.scan(text).categories, text


def test_asking_whether_one_may_send_ones_email_to_be_added_on_github_holds_nothing(detector):
    text = "حد يعرف هل مسموح أبعت إيميلي عشان يضيفوني على GitHub؟"
    assert "email.held_elsewhere" not in {f.rule for f in detector.scan(text).findings}


def test_a_handle_answering_a_request_without_a_question_mark_is_given(detector):
    history = ["ok whats your IG and TikTok then", "mara-lee_art on both"]
    assert "social" in detector.scan("no wait, the dash goes after lee: mara_lee-art. same on both", history=history).categories


def test_a_word_of_another_clause_does_not_make_the_app_the_work(detector):
    history = ["My mobile is 087 331 9054 if you want to text", "Should I text you there or on WhatsApp?"]
    assert "social" in detector.scan("same number for both, WhatsApp's easier for me", history=history).categories
    assert "social" not in detector.scan("we need ads for WhatsApp and a landing page", history=[]).categories


@pytest.mark.parametrize("text", [
    "mon prénom point mon nom chez free, tu as les deux sur mon profil",
    "почта — это мой логин здесь плюс собака яндекса",
])
def test_an_email_made_of_the_writers_names_at_a_national_provider(detector, text):
    assert "email" in detector.scan(text).categories, text


def test_a_name_and_a_free_offer_on_a_profile_make_no_email(detector):
    assert "email" not in detector.scan("mon prénom et mon nom sont sur mon profil, le devis est gratuit").categories


@pytest.mark.parametrize(("history", "text"), [
    (["what's your number?", "sorry, not before the contract"], "ok, the email then? I won't spam"),
    (["pásame tu WhatsApp", "antes del contrato no puedo"], "vale, ¿y el correo al menos?"),
    (["скиньте телефон", "извините, до контракта нельзя"], "ну а почту хоть можно?"),
])
def test_another_route_asked_for_after_a_refusal_is_a_request(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, text


def test_a_question_about_an_email_after_a_refusal_of_something_else_asks_nothing(detector):
    history = ["can you deliver on Sunday?", "no, not on weekends"]
    assert "email" not in detector.scan("ok, did you get my email about the colours?", history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["Pour réserver la séance", "allez sur atelierdupont", "point fr"], "le reste : /prise-de-rdv"),
    (["demo ke liye", "tiffin-wala dot in"], "aage /book-now laga dena"),
])
def test_a_pages_path_after_a_site_given_in_pieces_completes_the_link(detector, history, text):
    assert "link" in detector.scan(text, history=history).categories, text


def test_a_path_after_talk_without_a_site_completes_nothing(detector):
    assert "link" not in detector.scan("the route is /api/v2/orders", history=["the backend", "is in Django"]).categories


@pytest.mark.parametrize(("history", "text"), [
    (["Schick das Skript an", "niklas", "ät", "sprechwerk-leipzig"], "Rest der Adresse: punkt de"),
    (["Mon identifiant pour le script", "karim_voixgrave"], "et après l'arobase : laposte.net"),
])
def test_the_end_of_an_address_after_a_label_or_the_at_sign_said(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize(("history", "text"), [
    (["you on insta?", "I'm coastal.knits", "wait let me finish"], "underscore perth on the end"),
    (["ضيفني سناب", "اليوزر sami.garage"], "والباقي 2020"),
])
def test_the_rest_of_a_handle_after_i_am_or_the_rest_word(detector, history, text):
    assert "social" in detector.scan(text, history=history).categories, text


def test_an_app_named_in_answer_to_which_one_after_a_move_by_nickname(detector):
    history = ["je préfère qu'on passe sur le truc vert", "lequel ?"]
    assert "social" in detector.scan("whatsapp quoi 😂 tu as mon numéro", history=history).categories
