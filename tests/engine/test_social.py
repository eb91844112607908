"""Case table for the social detector: handles, IDs, app links, meeting IDs, moves to an app.

Tested through the public API; other detectors run too, so every check filters on `social`.
"""

from __future__ import annotations

import pytest

from engine import Detector, RuleSet
from engine.detectors.social import AppLexicon


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(RuleSet.default())


def social(detector: Detector, text: str) -> list[str]:
    return [f.match for f in detector.scan(text).findings if f.category == "social"]


# (text, a substring the social finding must contain)
FLAGGED = [
    # -- English: moves to an app, "add me", "I'm on" ----------------------------------------
    ("add me on insta", "insta"),
    ("Add me on Instagram, it's faster", "Instagram"),
    ("let's talk on Zoom", "Zoom"),
    ("Let's continue this on WhatsApp", "WhatsApp"),
    ("can we move this conversation to telegram?", "telegram"),
    ("ping me on Skype when you're free", "Skype"),
    ("text me on signal", "signal"),
    ("DM me on twitter", "twitter"),
    ("I'm on telegram all day", "telegram"),
    ("find me on LinkedIn", "LinkedIn"),
    ("hit me up on discord", "discord"),
    ("message me on viber", "viber"),
    ("reach me on WeChat", "WeChat"),
    ("let's switch to kakaotalk", "kakaotalk"),
    ("shall we hop on Google Meet?", "Google Meet"),
    ("contact me via facebook messenger", "facebook"),
    ("follow me on tiktok and DM", "tiktok"),
    ("can we chat on Slack instead", "Slack"),
    ("let's jump on Microsoft Teams", "Teams"),
    ("can we talk over zoom tomorrow", "zoom"),
    ("send me the zoom link and we can talk", "zoom link"),
    ("can we do a quick zoom call tomorrow?", "zoom call"),
    ("let's have a skype call", "skype call"),
    ("whatsapp me", "whatsapp me"),
    ("Skype me later", "Skype me"),
    ("telegram me the files", "telegram me"),
    ("snap me", "snap me"),
    ("better to talk on whatsapp", "whatsapp"),
    ("join my telegram channel for updates", "telegram"),
    ("let's take this to whatsapp", "whatsapp"),
    ("we can continue the chat over telegram", "telegram"),
    ("let's take this offline, ping me on signal", "signal"),
    ("I'm on WhatsApp as +44 7700 900123", "WhatsApp"),
    ("let's get on a google meet call", "google meet call"),
    ("I will send you a Zoom link", "Zoom link"),
    ("find me on insta @studio.mira", "@studio.mira"),
    ("Signal is more private, should we switch?", "Signal"),
    ("Wechseln wir lieber zu Threema?", "Threema"),
    ("the bird app, same handle as here", "bird app"),
    ("Zoom works better for me, same name as here", "Zoom"),
    ("xing.com/profile/Anna_Berg7", "xing.com/profile/Anna_Berg7"),
    # -- euphemisms -------------------------------------------------------------------------
    ("message me on the green app", "green app"),
    ("text me on the paper plane app", "paper plane app"),
    ("hit me up on WA", "WA"),
    ("ping me on TG", "TG"),
    ("msg me on ig", "ig"),
    ("add me on fb", "fb"),
    ("WA me when you land", "WA me"),
    ("me chama no zap", "zap"),
    ("hare wala app pe aao", "hare wala app"),
    ("كلمني على التطبيق الأخضر", "التطبيق الأخضر"),
    ("schreib mir in der grünen App", "grünen App"),
    ("let's move to the gram", "the gram"),
    # -- handles and IDs --------------------------------------------------------------------
    ("my skype is john.doe_88", "john.doe_88"),
    ("wechat id: lily0921", "lily0921"),
    ("tg: @jdoe", "@jdoe"),
    ("line id: abc_123", "abc_123"),
    ("my snapchat is k.lee22", "k.lee22"),
    ("Instagram: @studio.mira", "@studio.mira"),
    ("follow me @jdoe_design", "@jdoe_design"),
    ("I'm @marta.codes everywhere", "@marta.codes"),
    ("live:jdoe_99", "live:jdoe_99"),
    ("skype live:.cid.7f3a9b21c0", "live:.cid.7f3a9b21c0"),
    ("my discord is jdoe#1234", "jdoe#1234"),
    ("add ghost_rider#0420 on discord", "ghost_rider#0420"),
    ("kakao id: minji_95", "minji_95"),
    ("Threema-ID: ABCD1234", "ABCD1234"),
    ("mon insta c'est lea.design", "lea.design"),
    ("my wa is +44 7700 900123", "wa"),
    ("add me on snap: k.lee22", "k.lee22"),
    ("my IG is @studio.mira", "@studio.mira"),
    ("insta: studio_mira", "studio_mira"),
    ("catch me on discord: ghost#0420", "ghost#0420"),
    ("мой телеграм @jdoe", "@jdoe"),
    # -- profile and invite links ------------------------------------------------------------
    ("wa.me/15551234567", "wa.me/15551234567"),
    ("https://wa.me/447700900123?text=hi", "wa.me/447700900123"),
    ("t.me/jdoe", "t.me/jdoe"),
    ("instagram.com/jane.doe", "instagram.com/jane.doe"),
    ("https://www.instagram.com/studio_mira/", "instagram.com/studio_mira"),
    ("discord.gg/abc123", "discord.gg/abc123"),
    ("join: zoom.us/j/84522910043", "zoom.us/j/84522910043"),
    ("meet.google.com/abc-defg-hij", "meet.google.com/abc-defg-hij"),
    ("chat.whatsapp.com/AbCdEfGh123", "chat.whatsapp.com/AbCdEfGh123"),
    ("m.me/jane.doe", "m.me/jane.doe"),
    ("t[.]me/jdoe", "t[.]me/jdoe"),
    ("join.skype.com/invite/abc", "join.skype.com/invite/abc"),
    ("vk.com/id12345", "vk.com/id12345"),
    # -- meeting IDs and passcodes -----------------------------------------------------------
    ("Meeting ID: 845 2291 0043 Passcode: 7Qk2", "845 2291 0043"),
    ("meeting id 84522910043", "84522910043"),
    ("ID de reunión: 845 2291 0043 Código de acceso: 123456", "845 2291 0043"),
    ("ID da reunião: 845 2291 0043 senha: ab12", "845 2291 0043"),
    ("ID de réunion : 845 2291 0043", "845 2291 0043"),
    ("Meeting-ID: 845 2291 0043 Kenncode: 9911", "845 2291 0043"),
    ("Идентификатор конференции: 845 2291 0043 Код доступа: 4477", "845 2291 0043"),
    ("معرف الاجتماع: 845 2291 0043", "845 2291 0043"),
    ("join google meet abc-defg-hij", "abc-defg-hij"),
    ("ID Zoom : 845 2291 0043", "845 2291 0043"),
    ("Zoom: ID 845 2291 0043, code 99aa", "845 2291 0043"),
    # -- Spanish, Portuguese, French, German --------------------------------------------------
    ("escríbeme por whatsapp", "whatsapp"),
    ("hablamos por telegram mejor", "telegram"),
    ("agrégame en instagram", "instagram"),
    ("pásate a WhatsApp y seguimos", "WhatsApp"),
    ("me chama no whatsapp", "whatsapp"),
    ("vamos falar pelo telegram", "telegram"),
    ("me adiciona no insta", "insta"),
    ("écris-moi sur WhatsApp", "WhatsApp"),
    ("on continue sur Telegram ?", "Telegram"),
    ("ajoute-moi sur Snapchat", "Snapchat"),
    ("schreib mir auf WhatsApp", "WhatsApp"),
    ("lass uns über Telegram weiterreden", "Telegram"),
    ("ruf mich auf Skype an", "Skype"),
    # -- Hinglish, Russian, Arabic -------------------------------------------------------------
    ("whatsapp pe baat karte hain", "whatsapp"),
    ("mujhe telegram pe message karo", "telegram"),
    ("insta pe add kar lo mujhe", "insta"),
    ("напиши мне в телеграм", "телеграм"),
    ("давай перейдём в ватсап", "ватсап"),
    ("добавь меня в инсту", "инсту"),
    ("пиши в телеграме", "телеграме"),
    ("راسلني على الواتساب", "الواتساب"),
    ("تواصل معي عبر تيليجرام", "تيليجرام"),
    ("كلمني واتساب", "واتساب"),
    ("كلمني عالواتس", "عالواتس"),
    ("ضيفني انستا", "انستا"),
    ("ارسل لي رقمك على الواتساب", "الواتساب"),
    ("пиши в личку в телегу", "телегу"),
    ("aap mujhe whatsapp kar do", "whatsapp"),
    ("whatsapp karo 98765 43210", "whatsapp karo"),
    ("mándame un whatsapp", "whatsapp"),
    ("envoie-moi un message sur Insta", "Insta"),
    ("Schreib mir per WhatsApp", "WhatsApp"),
    ("I manage my own bookings on WhatsApp, message me there", "WhatsApp"),  # the writer's own channel
    ('write me "on WhatsApp" please', "WhatsApp"),  # quotes without a button around them
    ("mere before/after mere insta pe hain, handle hai mixwala, DM karo wahin", "insta"),  # "handle": the name
    ("ضيفني على سناب", "سناب"),
    # -- disguises: zero-width, look-alikes, full-width ----------------------------------------
    ("Whats\u200bApp me", "App me"),
    ("message me on Tele\u200dgram", "gram"),
    ("WhatsАpp me", "pp me"),  # Cyrillic А
    ("add me on Іnstagram", "nstagram"),  # Cyrillic І
    ("ｗｈａｔｓａｐｐ me", "ｗｈａｔｓａｐｐ me"),
    ("let's talk on Ｚｏｏｍ", "Ｚｏｏｍ"),
    ("text me on sig\u00adnal", "nal"),
]

NOT_FLAGGED = [
    # -- the app is the work --------------------------------------------------------------
    # the channel managed as support work, or counted as a share of it
    "Oui, je peux gérer votre boîte mail de support et la page Facebook, environ 150 messages par jour.",
    "Да, могу вести почту поддержки и чат в ВК магазина, около 200 обращений в день.",
    "Hume ek team chahiye jo hamare institute ka WhatsApp Business aur Instagram DM handle kare, 10am se 8pm",
    "Volume is ~400 tickets/day, 60% WhatsApp, SLA first reply 15 min.",
    # the quoted words of a button being built are the product's
    'Botón de "Escríbenos por WhatsApp" que abra el chat de nuestra agencia (API click-to-chat)',
    'زر "تواصل معنا عبر واتساب" يفتح محادثة رقم الشركة (ميزة داخل التطبيق)',
    "add a button «Écrivez-nous sur WhatsApp» to the product page",
    # a brand's handle as a style reference, in the phrases of each language
    "J'aimerais un packaging dans l'esprit de @aesop_skincare sur Instagram, sobre et typographique.",
    "Хочу упаковку в духе аккаунта @vkusvill в инстаграме, только попроще.",
    "I can build a WhatsApp clone in React Native",
    "integrate the Telegram Bot API with your CRM",
    "I have integrated the WhatsApp Business API for three clients",
    "we run Instagram ads for fashion brands",
    "I will manage your Instagram account and grow followers",
    "I'll set up your Facebook ads campaign",
    "the Slack integration posts to a channel",
    "a Discord bot that moderates the server",
    "we need a Telegram bot for order notifications",
    "design an app similar to WhatsApp",
    "scraping LinkedIn profiles is against their terms",
    "let's discuss the whatsapp integration",
    "let's talk about your instagram account",
    "the TikTok algorithm favours short videos",
    "I'm building a Zoom clone with WebRTC",
    "We could integrate payments via WhatsApp later",
    "Can we add WhatsApp sharing to the app?",
    "Can we connect the store to Instagram Shopping?",
    "We can add a Telegram login button",
    "I can post on your Instagram daily",
    "Do you want the Instagram posts in 1080x1080?",
    "let's talk about the Facebook page redesign",
    # -- ordinary words that are also app names ---------------------------------------------
    "zoom in on the logo please",
    "the zoom level is wrong on mobile",
    "pinch to zoom does not work",
    "can we zoom out the map by default",
    "the signal is weak in the basement",
    "I have a background in signal processing",
    "snap to grid should be on",
    "line height is 1.5",
    "our teams work across time zones",
    "cut me some slack, it was my first week",
    "the line id column is a foreign key",
    "it's a snap to build",
    "I manage two teams of developers",
    # -- the platform's own features ------------------------------------------------------
    "please use the platform's own video call",
    "let's call here on the platform",
    "we can chat here, no need for anything else",
    "let's keep talking on this platform",
    # -- mentions without contact intent --------------------------------------------------
    "WhatsApp was down yesterday for everyone",
    "Telegram is popular in Iran",
    "I saw your post on LinkedIn about the job",
    "we had a zoom call with the client last week",
    "my whatsapp is broken",
    "my skype is not working",
    "zoom: 150%",
    "signal me when you're ready to review",
    # -- @ that is not a handle ------------------------------------------------------------
    "make it like @nike's feed",
    "something similar to @glossier, clean and pastel",
    "@media (max-width: 600px) { .nav { display: none } }",
    "@property\ndef name(self): return self._name",
    "@app.route('/login')\ndef login(): ...",
    "npm install @angular/core @types/node",
    "I used @Override on the method",
    "send the export @ 5pm",
    "images @2x for retina",
    "contact support@company.org for help",
    "@here please review",
    "Thanks @john, the draft looks good",
    "hey @maria",
    "I will send you the zoom level settings",
    "ssh deploy@10.0.0.5",
    # -- hash tags that are not Discord names ----------------------------------------------
    "ticket#1234 is fixed",
    "see issue #4521",
    "invoice#2024 attached",
    "C# 2019 project",
    # -- app domains that are not contact routes ------------------------------------------
    "see developers.facebook.com/docs for the Graph API",
    "the spec is on whatsapp.com/business/api",
    "check zoom.us/pricing for plans",
    "I'm in Nairobi and free on Monday",
    "Decorate it with @login_required and @cache_page(300)",
    "Dá um zoom no cabeçalho, por favor",
    "mujhe Telegram jaisa app chahiye",
    "quero um app tipo WhatsApp para minha loja",
    "let's move the WhatsApp button to the footer",
    "Let's switch the Instagram feed layout to a grid",
]


@pytest.mark.parametrize(("text", "expected"), FLAGGED)
def test_flagged(detector: Detector, text: str, expected: str) -> None:
    matches = social(detector, text)
    assert matches, f"no social finding in {text!r}"
    assert any(expected in m for m in matches), f"{expected!r} not in {matches!r}"


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_not_flagged(detector: Detector, text: str) -> None:
    assert social(detector, text) == []


def test_offsets_index_the_original_text(detector: Detector) -> None:
    text = "ok so whats\u200bapp me tonight"
    [finding] = [f for f in detector.scan(text).findings if f.category == "social"]
    assert text[finding.start:finding.end] == finding.match
    assert finding.match == "whats\u200bapp me"


def test_disabled_social_detector_reports_nothing() -> None:
    doc = RuleSet.default().to_dict()
    doc["detectors"]["social"]["enabled"] = False
    detector = Detector(RuleSet.from_dict(doc))
    assert social(detector, "add me on insta") == []
    assert social(detector, "what's your WhatsApp?") == []


def test_apps_come_from_the_rule_set() -> None:
    doc = RuleSet.default().to_dict()
    doc["detectors"]["social"]["apps"].append(
        {"name": "zangi", "aliases": ["zangi"], "euphemisms": [], "domains": ["zangi.example"]}
    )
    detector = Detector(RuleSet.from_dict(doc))
    assert social(detector, "message me on zangi")
    assert social(detector, "zangi.example/u/jdoe")


def test_many_mentions_stay_bounded(detector: Detector) -> None:
    text = "whatsapp telegram " * 400 + "add me on insta"
    assert detector.scan(text).findings is not None


@pytest.mark.parametrize("text", [
    "ana 3al tele, ismi hamza_gis_jo, ab3atlak el shapefiles hunak",
    "pour le rapport de pentest je préfère Signal, mon numéro d'utilisateur : pentest.lyon.42",
    "मेरा टेलीग्राम यूज़रनेम है vikram_dubbing_hi, वहीं वॉइस सैंपल भेज दूँगा",
    "SCREAM to get my attention on Skype (dean.malmgren)",
    "Mon Insta pro : 𝗹𝗲𝗮.𝘁𝗮𝘁𝘁𝗼𝗼.𝗯𝗼𝗿𝗱𝗲𝗮𝘂𝘅 (j'y poste tous mes flashs)",  # look-alike letters fold
    "wxid_yachtdxb77",  # a WeChat ID in WeChat's own format
    "Retrouve-moi sur Télégram : qa_mobile_karim",  # the app's name with an accent
    "ويشات حقي: dubai_sourcing_99 عشان أرسل لك صور العينات",  # and in Arabic script
    "on passe sur l'appli bleue avec l'avion ? je suis dessous en tant que doublage_nico",  # described by its icon
])
def test_an_app_and_a_name_the_writer_gives_as_theirs_is_social(detector: Detector, text: str) -> None:
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Fork of github.com/facebook/react-native with our patch is what I'd propose",
    "Je veux un ton comme @decathlon sur Instagram, dynamique et fun",
    "my Telegram bot reads config.yaml and writes report_v2.docx",
    "# config.yaml\nalertas:\n  canal: telegram\n  chat_id: -1001234567890",
])
def test_an_app_beside_a_file_a_domain_or_a_brands_handle_names_no_account(detector: Detector, text: str) -> None:
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize(("text", "app"), [
    # an app described by its icon, in any wording the icon and the app noun compose into
    ("me encuentras en la app de los fantasmitas como silvarecife87", "snapchat"),
    ("such mich in der App mit dem Geist: lena.pfoten", "snapchat"),
    ("kaagaz ke hawai jahaz wala app pe aa jao, same naam", "telegram"),
    ("найди меня в приложении с призраком, ник kot_tattoo", "snapchat"),
    ("écris-moi sur l'appli à l'oiseau bleu, même pseudo qu'ici", "twitter"),
])
def test_an_app_described_by_its_icon_is_that_app(detector: Detector, text: str, app: str) -> None:
    assert "social" in detector.scan(text).categories, text
    apps = AppLexicon(RuleSet.default())
    named = {apps.lookup(m.group()).app for m in apps.regex.finditer(text.lower()) if apps.lookup(m.group())}
    assert named == {app}, text


@pytest.mark.parametrize("text", [
    "we are building a camera app with a ghost mode for the museum",
    "the paper plane animation in the app is 2 seconds long",
    "AppController handles the plane list; the Notes app is out of scope",
])
def test_icons_and_apps_that_do_not_compose_name_no_app(detector: Detector, text: str) -> None:
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "o perfil da loja no Instagram é @casa.ceramica.oficial e é justamente ele que vc vai gerenciar os anúncios",
    "ты будешь вести наш канал @kofeinya_plus, 12 тыс. подписчиков, 5 постов в неделю",
    "la de la marca, @cafetal.andino en Insta; desde ahí se mandan los DMs a los influencers",
])
def test_the_clients_own_account_named_as_the_work_is_no_contact(detector: Detector, text: str) -> None:
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "our brand account is @casa.ceramica.oficial but message me on my own, @rafa.ceramista",
    "я буду вести ваш канал, а мне пиши в @kofe_designer",
])
def test_a_writers_own_account_beside_a_brand_stays_contact(detector: Detector, text: str) -> None:
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "zoom meeting id eight four one, two two nine, zero zero three seven — passcode tarot",
    "Besprechungs-ID: drei vier eins, fünf fünf null, zwei neun acht, sechs eins — Kennung Gr8tz",
    "Id. de reunión: 291 664 803 517 · Código de acceso: Xp4bQ2",
])
def test_a_meeting_id_in_words_or_in_a_localised_invite_is_a_meeting(detector: Detector, text: str) -> None:
    assert "social" in detector.scan(text).categories, text


def test_a_meeting_id_named_without_digits_is_no_meeting(detector: Detector) -> None:
    assert not detector.scan("the meeting id is in the calendar invite, three times a week").findings


@pytest.mark.parametrize("text", [
    "Shortlist of influencers for the campaign: @lena.bakes (120k, Berlin), @kuchenliebe (85k), @vegan.ohne.stress",
    "Influencer shortlist: lena.bakes on Instagram (120k) and kuchenliebe on TikTok (85k), both fit the brand voice.",
])
def test_accounts_measured_by_their_audience_are_the_works_third_parties(detector: Detector, text: str) -> None:
    assert "social" not in detector.scan(text).categories, text


def test_the_writers_own_account_with_its_audience_stays_contact(detector: Detector) -> None:
    assert "social" in detector.scan("my insta is @lena.bakes (120k followers), DM me").categories


@pytest.mark.parametrize("text", ["on passe sur le vert ? même nom qu'ici", "wechseln wir ins Grüne? gleicher Name wie hier"])
def test_the_green_app_by_its_colour_is_whatsapp(detector: Detector, text: str) -> None:
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["le vert foncé pour le logo, le rouge pour le titre",
                                  "the green one for the header, blue for links"])
def test_a_colour_in_design_talk_names_no_app(detector: Detector, text: str) -> None:
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Si tu veux on bascule sur l'appli verte, c'est plus pratique pour les vocaux",
                                  "bora pro aplicativo verde? fica mais fácil mandar áudio",
                                  "हरे वाले ऐप पे बात करें? वहाँ वॉइस नोट भेजना आसान है"])
def test_the_green_app_composes_from_its_colour(detector: Detector, text: str) -> None:
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["make the app green and the button blue", "the green app icon needs more contrast",
                                  "on bascule sur la version 2 du logo"])
def test_a_green_app_in_design_talk_is_no_route(detector: Detector, text: str) -> None:
    assert "social" not in detector.scan(text).categories, text


def test_channels_listed_with_an_intent_word_are_no_route(detector):
    text = "We want every email, call and WhatsApp conversation with a lead stored against the contact record."
    assert "social" not in {f.category for f in detector.scan(text).findings}
    assert "social" in {f.category for f in detector.scan("Call and WhatsApp both work for me").findings}
    assert "social" in {f.category for f in detector.scan("call or whatsapp, whichever works").findings}


def test_a_new_sentence_after_an_app_named_in_the_history_carries_no_intent(detector):
    history = ["We need content for our salon's socials", "both IG and TikTok"]
    text = "I'll schedule 12 reels for your Instagram and 8 TikToks for March, captions in the sheet"
    assert not detector.scan(text, history=history).findings


def test_a_version_answering_which_version_of_the_app_is_no_handle(detector):
    history = ["Which version of the app are you on?"]
    assert not detector.scan("v2.4.1 shipped on 2024-11-08, hotfix 2.4.2 on the 19th", history=history).findings


@pytest.mark.parametrize("text", [
    "my Threads is @kev.annotations",
    "mon insta c'est\n@kev.annotations\npasse voir",
    "mon Threads c'est\u2028@kev.annotations\u2028passe voir les exemples",
    "Sharechat pe 'dholak_beats_sunny' naam se hoon, wahan msg karo",
    "add me on reddit, u/kev_draws",
])
def test_more_apps_and_a_line_break_before_the_handle(detector, text):
    assert "social" in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", [
    "the threads on the forum are long", "we're building a Reddit clone", "Instagram\nTikTok\nYouTube",
])
def test_new_apps_named_as_topics_are_no_route(detector, text):
    assert "social" not in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", ["mon insta c'est l'inverse de : 9731_etnuod_ecuol", "mein Insta rückwärts gelesen: 9731_etnuod_ecuol"])
def test_a_handle_given_backwards_with_any_languages_cue(detector, text):
    assert "social" in {f.category for f in detector.scan(text).findings}, text


def test_right_to_left_text_direction_is_no_reversal(detector):
    text = "ترجمة الترجمة المرئية: النص يقرأ من اليمين لليسار، والتصدير بصيغة SRT للنسخة 2.1_final"
    assert "social" not in {f.category for f in detector.scan(text).findings}


@pytest.mark.parametrize("text", [
    "pnpm add whatsapp-web.js@1.23.0", "telegram.error.BadRequest: Chat not found", "pip install python-telegram-bot",
])
def test_an_apps_name_inside_a_code_identifier_is_no_route(detector, text):
    assert "social" not in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", ["meine WhatsApp-Nummer: 0171 4285506", "follow me instagram.com/ana.paints"])
def test_german_compounds_and_profile_links_stay_routes(detector, text):
    assert "social" in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", [
    "Für Rückfragen bitte hier schreiben; Telegram-Gruppen mache ich erst nach Vertragsstart auf.",
    "je n'utiliserai rien de tout ça pour vous contacter en dehors de la plateforme, évidemment.",
])
def test_writing_here_and_refusing_to_use_the_data_are_no_route(detector, text):
    assert "social" not in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", ["write me; telegram is best", "text me. whatsapp.", "call me; whatsapp"])
def test_punctuation_between_the_intent_and_the_app_changes_nothing(detector, text):
    assert "social" in {f.category for f in detector.scan(text).findings}, text


@pytest.mark.parametrize("text", [
    "Pour le ton, inspire-toi du compte Insta de @maison_lune, simple et chaleureux.",
    "La cuenta de IG de la marca (@perfumes_alba) está buenísima como referencia de estilo.",
    "По тону ленты ориентируемся на @brand_shop_ru — светлый фон.",
])
def test_a_brands_handle_named_as_a_reference_before_or_after_is_no_route(detector, text):
    assert "social" not in {f.category for f in detector.scan(text).findings}, text


def test_the_writers_own_handle_with_a_reference_word_stays_a_route(detector):
    assert "social" in {f.category for f in detector.scan("my insta @ana_paints for style references").findings}


def test_an_app_built_to_resemble_another_is_the_work(detector):
    text = "نبني تطبيق شبيه بالواتساب للمدرسة، دردشة داخلية بين المعلمين وأولياء الأمور فقط."
    assert "social" not in {f.category for f in detector.scan(text).findings}


@pytest.mark.parametrize("text", [
    "Может, перейдём в Макс? Там хоть голосовые нормально отправляются",
    "в одноклассники пишите, я там каждый день",
    "мой профиль: ok.ru/profile/570912345678",
])
def test_odnoklassniki_and_max_by_their_everyday_names_are_apps(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_classmates_are_no_odnoklassniki(detector):
    assert not detector.scan("встретил одноклассников вчера, обсудили макет").findings


@pytest.mark.parametrize("text", [
    "ok, тогда в вотсап? там удобнее, я вам свой дам",
    "te escribo por la app de la burbuja azul con candado (la de Snowden)",
    "हरे वाले ऐप पे आ जाओ, नाम वही है जो यहाँ है",
    "شو اسمك على تيمز؟ بضيفك للقناة",
    "Scann einfach den QR-Code im Anhang, dann hast du mich direkt im WhatsApp drin",
])
def test_moves_by_a_short_question_a_first_person_write_or_a_scanned_code_are_routes(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_a_long_question_about_a_migration_is_no_move(detector):
    assert not detector.scan("is the migration plan from Slack to Teams?").findings


@pytest.mark.parametrize("text", [
    "ضيفني على ماسنجر، الاسم مكتوب بالحروف: ف ا ط م ة . ت ص م ي م",
    "Me acha no Face como Paulinha Móveis Planejados BH",
])
def test_messenger_in_arabic_and_facebook_by_its_brazilian_nickname_are_apps(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_french_en_face_is_no_facebook(detector):
    assert not detector.scan("le local est en face de la pharmacie, au rez-de-chaussée").findings


@pytest.mark.parametrize("text", [
    "Escanealo y te lleva a mi WhatsApp Business directamente, así hacés el pedido",
    "يفتح لك محادثة معي على الواتس مباشرة",
    "Regarde mes stories, je suis encre.fine.marseille, et écris-moi là-bas directement",
])
def test_a_link_to_the_writers_own_account_or_a_name_with_write_me_there_is_a_route(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "configuro tu WhatsApp Business con catálogo y respuestas rápidas",
    "je suis sur le fichier rapport_final.docx, écris-moi là-bas",
])
def test_the_readers_business_account_or_a_file_name_is_no_route(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_an_app_described_as_a_thing_of_its_colour_is_the_app(detector):
    assert "social" in detector.scan("lass mal aufs grüne Ding wechseln, gleiche Nummer wie auf meiner Homepage").categories
    assert not detector.scan("the green thing on the logo needs to be darker").findings


@pytest.mark.parametrize("text", [
    "Pour les capteurs, je fais du traitement du signal : filtre passe-bas à 2 Hz",
    "Mon Telegram, vous l'aurez dès que le contrat démarre. D'ici là, déposez les fichiers ici.",
    "Для референса стиля смотрим @vkusvill_ru — там хорошая предметка на светлом фоне.",
])
def test_a_weak_names_word_a_deferred_app_and_a_referenced_handle_are_no_routes(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_a_weak_name_before_a_handle_or_a_spelled_number_is_a_route(detector):
    assert "social" in detector.scan("my signal: kai.92").categories


@pytest.mark.parametrize("text", [
    "خلينا نكمل عالأخضر أسرع، هون الرسايل بتتأخر",  # Levantine "ع" for "على", attached to the euphemism
    "Давайте перейдём в личку, там обсудим детали",  # a move verb and the private chat
    "chama no privado que eu te passo tudo, aqui é muito lento",
])
def test_a_move_to_a_private_chat_or_an_attached_preposition_is_a_route(detector, text):
    assert social(detector, text), text


@pytest.mark.parametrize("text", [
    "Давайте перейдём к следующему этапу, обсудим детали",  # a move to the next step
    "passa o arquivo no privado do drive da empresa? não, deixa aqui mesmo",
])
def test_a_move_to_a_step_or_a_refusal_is_no_route(detector, text):
    assert not social(detector, text), text


def test_a_documentation_url_after_an_apps_name_is_no_handle(detector):
    text = "Segue a documentação oficial da API do WhatsApp: https://developers.facebook.com/docs/whatsapp/cloud-api"
    assert not social(detector, text)


@pytest.mark.parametrize("text", [
    "¿hay alguna forma de hablar más rápido que por aquí? las notificaciones no me llegan",
    "Gibt's noch einen anderen Weg, wie wir quatschen können? Die App hier hängt dauernd.",
    "Может, есть где-то ещё, где удобнее общаться? Тут уведомления вечно не приходят",
    "pasame al wsp que por acá tardo en ver los mensajes",
    "On se capte sur l'appli verte ? C'est plus simple pour les vocaux",
])
def test_asking_for_another_way_to_talk_or_a_slang_move_is_a_route(detector, text):
    assert social(detector, text), text


@pytest.mark.parametrize("text", [
    "Gibt's einen anderen Weg, die Dateien zu komprimieren?",  # another way to do the work
    "¿hay alguna forma de exportar más rápido el catálogo?",
])
def test_another_way_to_do_the_work_is_no_route(detector, text):
    assert not social(detector, text), text


@pytest.mark.parametrize("text", [
    "Honestly a lot of my process happens on Discord — I post sketches in a channel per client, quicker than "
    "uploading PDFs here. Add me: loreleidraws, and I'll make you a channel tonight.",
    "Mera zyada process Discord pe chalta hai, har client ka alag channel. Mujhe add kar lo: kavya.draws",
    "Tout se passe sur Snapchat pour moi, c'est plus simple. Ajoute-moi : lea_croquis",
    "Bei mir läuft viel über Discord, schneller als PDFs hier. Adde mich einfach: frieda.zeichnet",
])
def test_add_me_and_a_name_after_a_colon_with_an_app_earlier_in_the_paragraph_is_a_handle(text):
    from engine import Detector, RuleSet

    assert "social" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "We use Slack internally.\n\nAdd me: thanks for the invite",  # another paragraph, no name
    "Add me: loreleidraws",  # no app anywhere: a name for what?
])
def test_add_me_without_an_app_in_the_paragraph_or_without_a_name_is_no_handle(text):
    from engine import Detector, RuleSet

    assert "social" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "je suis sur la plupart des réseaux sous le pseudo seydou.grafik, t'as qu'à me chercher",
    "moj pe dekh lo meri animations, handle motion_wali_didi, wahan baat kar lete hain",
    "ضيفني عالشبح، اليوزر hamad.q8x",
    "го в тележку, там проще: мой ник kolya_mixing, кину туда стемы",
])
def test_a_handle_label_and_a_name_that_ends_its_clause_is_a_handle(text):
    from engine import Detector, RuleSet

    assert "social" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", ["the username field_name is required in the form schema",
                                  "set the handle tap_event on the button"])
def test_a_label_word_before_an_identifier_the_sentence_goes_on_about_is_code_talk(text):
    from engine import Detector, RuleSet

    assert "social" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", ["عندك وتس؟ نكمل هناك أسهل في إرسال الصور", "го в тележку, там проще",
                                  "كلمني على إيمو، نفس اسمي هنا", "Tu as le wattsap ? On y sera plus à l'aise"])
def test_slang_names_of_messengers_are_their_apps(text):
    from engine import Detector, RuleSet

    assert "social" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", ["الشبح في الفيلم مخيف جداً", "шкаф на тележке, 3 полки"])
def test_the_slang_words_as_words_name_no_app(text):
    from engine import Detector, RuleSet

    assert "social" not in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", ["Olha, se tiveres Telegram era mais fácil para trocarmos os desenhos de luz, diz-me se sim.",
                                  "si tienes Telegram sería más fácil para pasarnos los planos",
                                  "если есть телеграм, так проще обмениваться чертежами"])
def test_an_app_said_to_be_easier_for_talking_is_a_move_in_every_language(text):
    from engine import Detector, RuleSet

    assert "social" in Detector(RuleSet.default()).scan(text).categories, text


def test_a_handle_compared_a_few_words_back_is_a_style_reference():
    from engine import Detector, RuleSet

    text = "Quero um feed parecido com o do @natura, mas com tons terrosos, pra minha cafeteria em Belém."
    assert "social" not in Detector(RuleSet.default()).scan(text).categories


def test_the_default_rules_hold_every_derived_colour_and_icon_euphemism():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "app_euphemisms", Path(__file__).resolve().parents[2] / "scripts" / "app_euphemisms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import json

    doc = json.loads(module.RULES.read_text("utf-8"))
    _, missing = module.merged(doc)
    assert missing == 0, "run scripts/app_euphemisms.py"
    # each language says "the green app" for WhatsApp and names the bird for Twitter
    whatsapp = module.derived()["whatsapp"]
    for phrase in ("the green app", "la app verde", "o app verde", "l'appli verte", "die grüne app",
                   "зелёное приложение", "التطبيق الأخضر", "hare wala app"):
        assert phrase in whatsapp, phrase


@pytest.mark.parametrize("text", [
    "sur l'appli bleue, je suis yanis.montage",
    "в синей птичке я ruslan_ux",
    "on parle sur WhatsApp ?",
    "reden wir auf Signal weiter?",
    "a gente conversa no app verde?",
])
def test_an_app_by_its_icon_or_a_chat_proposed_on_it_is_social(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", [
    "on peut parler de WhatsApp dans la campagne ?",
    "let's talk about WhatsApp in the campaign brief",
    "hablemos sobre Telegram para el bot de la tienda",
    "I love the blue app icon you designed",
])
def test_talking_about_an_app_is_no_route(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_a_reply_about_an_apps_api_holds_no_handle(detector):
    history = ["our platform needs to auto-create zoom links for tutors", "can you do that?"]
    reply = "Yes, I've integrated the Zoom Meetings API before: OAuth app, create-meeting endpoint, webhooks for meeting.ended."
    assert "social" not in detector.scan(reply, history=history).categories
    assert "social" in detector.scan("ok its kai.draws", history=["do you have instagram?"]).categories


def test_the_brands_official_account_doing_the_outreach_is_the_work(detector):
    text = ("Outreach plan: 35 micro-influencers, 15K to 80K followers. Sabko brand ke official Instagram handle se "
            "personalised DM jayega, saath mein 3 products ka PR kit.")
    assert "social" not in detector.scan(text).categories
    assert "social" in detector.scan("my Instagram handle is the best way, DM me there").categories


@pytest.mark.parametrize("text", [
    "Survey so far: 39% prefer booking in the app and 17% of patients want a reminder on WhatsApp",
    "- ٣٩٪ يفضلون الحجز عبر التطبيق، و١٧٪ يريدون تذكيراً على الواتساب",
])
def test_a_share_of_people_and_what_they_do_on_an_app_is_a_statistic(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_reaching_someone_outside_here_with_the_verb_last_is_off_platform(detector):
    text = "Kurze Frage: wie kann ich dich außerhalb von hier erreichen? Irgendwie Handy oder so?"
    assert "social" in detector.scan(text).categories
    assert "social" not in detector.scan("Ich bin ab Montag privat unterwegs und nicht erreichbar").categories


@pytest.mark.parametrize("text", [
    "Bin übrigens auch auf TikTok und YT aktiv, such nach 'GartenGustl' 🌿",
    "Tenho Telegram sim, procura por 'nandaflorestal' lá",
])
def test_an_app_then_a_search_for_one_quoted_name_is_a_profile(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_an_app_searched_for_a_quoted_topic_is_work(detector):
    assert "social" not in detector.scan("for the trend report, search TikTok for 'cottagecore' and count views").categories


def test_thousands_of_followers_on_an_app_are_a_count_and_a_brand_handle_a_style_reference(detector):
    assert "social" not in detector.scan("É 9 mil seguidores no Insta da loja do cliente e a meta é 15 mil.").categories
    text = "Instagram-Handle der Marke @frischebrise_eis nehmen wir nur als Stilreferenz, keine Kontaktaufnahme."
    assert "social" not in detector.scan(text).categories


def test_a_plain_id_with_the_meeting_app_named_after_it_is_a_meeting(detector):
    text = "Entra a esta reu y lo vemos: ID 842 1937 6650, código 4kQ9xz (es zoom)"
    assert "social" in detector.scan(text).categories
    for text in ("order ID 842 1937 6650, code 4K9X, shipped", "ID 842 1937 6650 for the Zoom integration ticket"):
        assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["fechado, vou te adicionar no Telegram então", "ich füge dich auf Telegram hinzu"])
def test_adding_the_reader_on_an_app_is_a_move(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_adding_an_app_to_the_work_moves_no_one(detector):
    assert "social" not in detector.scan("vou adicionar o Telegram como canal de suporte no site do cliente").categories


@pytest.mark.parametrize("text", ["Okay, dann machen wir's über WhatsApp", "vale, lo hacemos por WhatsApp entonces",
                                  "bon, on fait ça sur Telegram", "fine, we'll do it over WhatsApp"])
def test_agreeing_to_do_it_over_an_app_moves_there(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["machen wir's über die WhatsApp-API", "we'll do it on the WhatsApp Business API",
                                  "lo hacemos por WhatsApp Business API, el cliente ya tiene cuenta verificada"])
def test_doing_the_work_on_an_apps_api_moves_nowhere(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Quiero que el feed del restaurante se parezca al de @pujol, limpio y con mucho blanco",
                                  "A arte tem que seguir a linha do @nubank, minimalista e roxa",
                                  "Le feed doit ressembler à @sezane, épuré et lumineux"])
def test_a_brand_handle_the_work_should_look_like_is_a_reference(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_the_writers_own_account_like_a_brands_stays_contact(detector):
    assert "social" in detector.scan("mi insta: @vale_ruiz, se parece al de @pujol").categories


@pytest.mark.parametrize("text", ["Спасибо, но в вайбер я переходить не буду. Работаем через платформу, так надёжнее.",
                                  "a WhatsApp no me paso, seguimos aquí en la plataforma"])
def test_a_move_negated_after_the_app_moves_nowhere(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["schreib mir auf WhatsApp nicht hier, da bin ich schneller",
                                  "me chama no zap. aqui não vou ficar olhando"])
def test_a_negation_of_here_beside_a_move_keeps_the_move(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Can you drop me a line outside of here? Just so I have a direct way to reach you",
                                  "можно связаться с вами вне платформы?", "on peut se joindre en dehors de la plateforme ?"])
def test_getting_in_touch_outside_the_platform_is_a_move(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_asking_not_to_be_pinged_outside_the_platform_is_the_rule(detector):
    assert "social" not in detector.scan("please don't ping me outside the platform").categories


@pytest.mark.parametrize("text", ["hagamos una llamada por WhatsApp ahora y te explico en 5 min",
                                  "on s'appelle sur Teams maintenant, je t'explique en 5 min",
                                  "vamo pro zap que aqui demora demais", "маякни в вотсапе, кину примеры чертежей"])
def test_colloquial_proposals_to_talk_on_an_app_are_moves(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["Zoom 712 4409 3321, code 884102, à 15 h", "zoom meeting 712 4409 3321",
                                  "Teams 394 221 870 556 um 10 Uhr"])
def test_a_meeting_number_right_after_the_meeting_app_is_a_meeting(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_a_word_of_the_next_sentence_blocks_no_move(detector):
    text = "can we move this to the green app? the notifications here are useless on my phone"
    assert "social" in detector.scan(text).categories


def test_a_feature_word_right_after_the_app_still_names_the_work(detector):
    assert "social" not in detector.scan("we need WhatsApp notifications for the shop orders").categories


def test_wasa_is_spanish_slang_for_whatsapp(detector):
    assert "social" in detector.scan("pásame tu wasa y te mando las fotos del pastel").categories


@pytest.mark.parametrize("text", [
    "конференция 783 2210 6614, код 7712",
    "Зум: идентификатор 845 2931 7740, код доступа 4kT9zp",
    "اجتماع زووم: المعرف 837 2941 5068 ورمز المرور 6621",
    "مُعرّف الاجتماع ٨٥٢ ٣٣٠١ ٩٩٤٧ ورمز الدخول catering",  # vowel marks written
])
def test_an_id_word_with_its_app_or_its_passcode_opens_a_meeting_not_a_phone(detector, text):
    verdict = detector.scan(text)
    assert "social" in verdict.categories and "phone" not in verdict.categories, text


def test_an_id_word_alone_before_a_number_opens_no_meeting(detector):
    assert "social" not in detector.scan("идентификатор 845 2931 7740 в базе клиентов").categories


@pytest.mark.parametrize("text", ["f!@kn", "f#@kn", "f$@kn", "f%@kn", "f&@kn", "f*@kn"])
def test_an_at_sign_after_a_symbol_opens_no_handle_as_twitter_text_reads_mentions(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_an_app_with_an_arabic_possessive_suffix_names_the_route(detector):
    assert "social" in detector.scan("سنابي: noura.ugc.ksa").categories
    assert "social" in detector.scan("ضيفني عالأصفر وأرسلك الفيديوهات").categories
    assert "social" not in detector.scan("غير اللون الأصفر في الشعار").categories


@pytest.mark.parametrize("text", [
    "इंस्टा पे ढूँढ लो: rangoli.by.meena.indore",
    "स्नैप पे ऐड करो - rahul_frames_09",
    "डिस्कॉर्ड या टेलिग्राम कुछ है आपके पास? वहाँ फाइल भेज दूँगा",
])
def test_apps_and_their_verbs_written_in_devanagari(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_an_app_in_devanagari_as_the_work_is_no_move(detector):
    assert "social" not in detector.scan("हमें इंस्टाग्राम के लिए 12 रील्स एडिट करनी हैं, बजट ₹9,000").categories


@pytest.mark.parametrize("text", [
    "آسف ما أقدر أعطيك الواتساب قبل ما يتفعل العقد، هذي سياسة المنصة.",
    "معلش ما ينفعش أبعتلك رقم الواتس دلوقتي، نكمل هنا",
])
def test_a_gulf_or_egyptian_refusal_to_give_an_app_is_talk_about_the_rule(detector, text):
    assert "social" not in detector.scan(text).categories, text


def test_a_voseo_invitation_to_follow_on_an_app_is_no_style_reference(detector):
    text = "Para que veas más ejemplos, seguime en Instagram: luz.creadora.ugc"
    assert "social" in detector.scan(text).categories


def test_the_arabic_short_name_of_whatsapp_after_an_intent_is_a_route(detector):
    assert "social" in detector.scan("كلمني واتس أسرع، هنا الإشعارات بتتأخر").categories
    assert "social" not in detector.scan("نحتاج ربط الطلبات مع واتس API الرسمي").categories


@pytest.mark.parametrize("text", ["سنابي sweet.reem ضيفني وبرسلك الشغل", "شو اسمك عالتلغرام؟ بعتلك الفويسات"])
def test_arabic_possessive_apps_with_a_handle_and_a_levantine_name_question(detector, text):
    assert "social" in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["On peut continuer sur wtsp ? ici les notifs arrivent jamais",
                                  "Tu peux m'écrire sur le truc vert, même numéro"])
def test_more_nicknames_of_whatsapp(detector, text):
    assert "social" in detector.scan(text).categories, text


def test_an_arabic_script_name_before_a_provider_is_an_address(detector):
    assert "email" in detector.scan("ايميلي: سارة نقطة الحداد على جيميل نقطة كوم").categories
