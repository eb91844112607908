"""Proposals to leave the platform without naming an app, and colour euphemisms for apps."""

from __future__ import annotations

import pytest

from tests.engine.conftest import categories

PROPOSALS = [
    "can we talk outside the platform?",
    "let us continue this off-platform",
    "lets take this offline",
    "can we take this conversation offline?",
    "can we chat somewhere else?",
    "hablemos por fuera de la plataforma",
    "vamos conversar fora da plataforma",
    "on peut continuer en dehors de la plateforme ?",
    "lass uns außerhalb der Plattform schreiben",
    "platform ke bahar baat karte hain",
    "давай общаться вне платформы",
    "ممكن نتواصل بطريقة أخرى؟",
    "find me on the blue app",
    "the yellow ghost app, same username",
    "شوفوني في التطبيق الأزرق",
    "عندي حساب على انستقرام",
    # a move with the fee it avoids, or an app described by its look
    "passe sur signal, je m'appelle pareil là-bas, on évite la commission",
    "I'm on the blue encrypted one, same name as here, message me and we skip the 20% fee",
]

STAYS = [
    "I saw this design somewhere else",
    "the app works offline too",
    "we discussed the offline mode",
    "talk to you later, I will be offline",
    "can you make the header blue? the app looks dull",
    "Let us keep talking here, not elsewhere",
    "the platform fee is 10%, outside the platform taxes differ",
    # declining an app is talking about the rule
    "Gracias pero prefiero no usar WhatsApp, todo por la plataforma así queda registro del hito.",
    "No uso WhatsApp para trabajo, prefiero el chat de la plataforma, así queda todo registrado.",
    "the platform fee is 10%, we can't skip the fee",
]


@pytest.mark.parametrize("text", PROPOSALS)
def test_proposal_to_leave_is_social(detector, text):
    assert "social" in categories(detector, text)


@pytest.mark.parametrize("text", STAYS)
def test_ordinary_talk_is_clean(detector, text):
    assert categories(detector, text) == set()


@pytest.mark.parametrize("text", ["what's app me", "wasap me please", "whats app me tomorrow"])
def test_misspelt_app_names_with_a_verb(detector, text):
    assert "social" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    ["Agrégame en IG como @vale.ilustra", "خلينا نكمل على التلي، هنا بطيء",
     "Bin auf XING und LinkedIn, such einfach nach Jonas Becker Fotografie und schreib mir da"],
)
def test_more_ways_to_say_find_me_there(detector, text):
    assert "social" in categories(detector, text)


def test_a_mac_address_is_not_facebook(detector):
    assert categories(detector, "The gateway MAC address is 3C:22:FB:8A:11:07") == set()


@pytest.mark.parametrize("text", ["the green app works better for me", "WhatsApp works better for me"])
def test_preference_for_an_app_after_its_name(detector, text):
    assert "social" in categories(detector, text)


@pytest.mark.parametrize(
    "text",
    ["Can you add Facebook and Google login to the app?", "connect Telegram or a Slack bot to the CRM"],
)
def test_technical_work_a_few_words_on(detector, text):
    assert categories(detector, text) == set()


@pytest.mark.parametrize(
    "text",
    ["me manda o link do seu site", "hast du eine eigene Webseite mit Kontaktformular?", "есть сайт с формой заявки?"],
)
def test_asking_for_the_other_partys_site(detector, text):
    assert "link" in categories(detector, text)


@pytest.mark.parametrize(
    "text", ["send me the final files", "give me a minute", "me manda o arquivo final", "есть вопрос по дизайну"]
)
def test_asking_for_other_things(detector, text):
    assert categories(detector, text) == set()


# -- scope: talking about the rule, deferring until a contract, third parties' channels ----

RULE_TALK = [
    "I'll share my WhatsApp once the contract is active",
    "please don't send me your email here",
    "Let's not move to Telegram, I keep everything here",
    "send me your number after the contract starts",
    "no puedo darte mi whatsapp hasta que el contrato esté activo",
    "customers reach you through WhatsApp, that is the feature",
]
PROPOSALS_NOW = [
    "let's move to WhatsApp",
    "why don't you send me your email?",
    "send me your number and we discuss the contract",
]


@pytest.mark.parametrize("text", RULE_TALK)
def test_talking_about_the_rule_is_clean(detector, text):
    assert detector.scan(text).findings == ()


@pytest.mark.parametrize("text", PROPOSALS_NOW)
def test_a_move_or_request_now_is_flagged(detector, text):
    assert detector.scan(text).findings


def test_scope_never_clears_an_identifier(detector):
    verdict = detector.scan("I won't use WhatsApp, call me on +44 20 7946 0958 once the contract is active")
    assert {f.category for f in verdict.findings} == {"phone"}


@pytest.mark.parametrize("text", [
    "Platform contract award hone se pehle phone number, email, WhatsApp ya Telegram ID, ya personal website "
    "share karne ki permission nahi deta.",
    "Bitte vor dem Vertrag keine Telefonnummer, E-Mail, WhatsApp oder Telegram-ID, oder Website schicken",
])
def test_a_list_of_routes_negated_after_its_last_item_is_talk_about_the_rule(text):
    from engine import Detector, RuleSet

    assert not Detector(RuleSet.default()).scan(text).findings, text


@pytest.mark.parametrize("text", [
    "send me your Telegram ID, I don't use WhatsApp",  # the negation is another clause's
    "phone number, email, WhatsApp ya Telegram ID, ya personal website share karo",
])
def test_a_list_of_routes_without_its_negation_stays_a_route(text):
    from engine import Detector, RuleSet

    assert "social" in Detector(RuleSet.default()).scan(text).categories, text


@pytest.mark.parametrize("text", [
    "Então fica combinado: assim que a proposta for aceita eu te passo meu WhatsApp. Até lá, tudo pelo chat daqui.",
    "cuando la propuesta esté aceptada te paso mi WhatsApp, por ahora todo por aquí",
    "dès que l'offre est acceptée je te donne mon Telegram",
])
def test_a_route_promised_once_the_proposal_is_accepted_is_deferred_in_every_language(text):
    from engine import Detector, RuleSet

    assert not Detector(RuleSet.default()).scan(text).findings, text


def test_a_number_given_now_with_a_deferral_is_still_given():
    from engine import Detector, RuleSet

    assert "phone" in Detector(RuleSet.default()).scan("quando aceitar o orçamento, me chama no zap: 11 98765-4321").categories


@pytest.mark.parametrize("text", [
    "Os currículos dos 9 candidatos estão na pasta do projeto; cada um tem telefone e e-mail no PDF, como sempre.",
    "the applicants each have a phone and an email on their CV, that's the data to import",
])
def test_routes_that_third_parties_have_are_asked_from_no_one(text):
    from engine import Detector, RuleSet

    assert not Detector(RuleSet.default()).scan(text).findings, text



@pytest.mark.parametrize("text", [
    "Entendo que seria mais prático trocarmos WhatsApp e e-mail, mas antes de um contrato a plataforma proíbe compartilhar"
    " telefone.",
    "Je comprends que ce serait plus simple de continuer sur WhatsApp, mais la plateforme interdit d'échanger des"
    " coordonnées tant que l'offre n'est pas acceptée.",
])
def test_a_move_granted_as_easier_then_refused_by_the_rule_is_talk_about_the_rule(detector, text):
    assert "social" not in detector.scan(text).categories, text


@pytest.mark.parametrize("text", ["I know email is easier, but let's move to WhatsApp now",
                                  "I understand, let's move to WhatsApp, but only for files"])
def test_a_concession_without_a_refusal_after_its_but_stays_a_move(detector, text):
    assert "social" in detector.scan(text).categories, text
