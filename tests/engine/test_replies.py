"""Replies that share contact the conversation already holds (engine/replies.py).

Each class is tried in several languages with numbers from `phonenumbers`' own examples, and
each has honest replies beside it that must stay clean: the same words about other things.
"""

from __future__ import annotations

import phonenumbers
import pytest

from engine import Detector, RuleSet


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(RuleSet.default())


def _example(region: str) -> str:
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def _rules(detector: Detector, text: str, history: list[str]) -> set[str]:
    return {f.rule for f in detector.scan(text, history=history).findings}


@pytest.mark.parametrize("region, question, reply", [
    ("KE", "Is your number still {n}?", "yes that one 👍"),
    ("MX", "¿Este es tu número? {n}", "sí, ese mismo"),
    ("FR", "C'est ton numéro ? {n}", "oui c'est bien celui-là"),
    ("RU", "ваш номер всё ещё {n}?", "да, он самый"),
    ("EG", "ده رقمك؟ {n}", "ايوه هو ده"),
    ("IN", "aapka number {n} hi hai na?", "haan wahi"),
    ("DE", "Ist das deine Nummer? {n}", "ja genau, die"),
])
def test_a_yes_to_a_question_that_holds_the_number_shares_it(detector, region, question, reply):
    history = [question.format(n=_example(region)), "just checking before I call"]
    assert any(r.startswith("phone.") for r in _rules(detector, reply, history))


@pytest.mark.parametrize("reply", [
    "si c'est un exemple, le champ doit accepter 10 chiffres",  # French "if", not Spanish "yes"
    "Eso dice la política: nada de teléfonos antes del contrato.",
    "yes, but only after the contract starts",
    "ok, talk tomorrow",
])
def test_a_reply_that_does_not_open_with_a_plain_yes_confirms_nothing(detector, reply):
    history = [f"Is your number still {_example('KE')}?", "just checking"]
    assert _rules(detector, reply, history) == set()


@pytest.mark.parametrize("listing, reply", [
    ("Office: {a}\nMobile: {b}", "the second one"),
    ("Офис: {a}\nМоб.: {b}", "второй, мобильный"),
    ("Airtel: {a}\nJio: {b}", "neeche wala, Jio"),
    ("Festnetz {a}, Handy {b}", "die mit {b4} am Anfang"),
    ("two numbers: {a} and {b}", "the one ending {e2}"),
])
def test_a_choice_among_listed_numbers_shares_the_one_chosen(detector, listing, reply):
    a, b = _example("GB"), _example("US")
    digits = "".join(c for c in b if c.isdigit())
    text = reply.format(b4=digits[:4], e2=digits[-2:])
    history = [listing.format(a=a, b=b), "which is better?"]
    assert any(r.endswith(".selected") for r in _rules(detector, text, history))


@pytest.mark.parametrize("reply", [
    "I'll start on the second draft tonight",
    "первый этап отправлю завтра",
    "pehla draft kal bhejunga",
])
def test_an_ordinal_naming_other_work_chooses_no_number(detector, reply):
    history = [f"Office: {_example('GB')}\nMobile: {_example('US')}", "ok noted, thanks"]
    assert _rules(detector, reply, history) == set()


@pytest.mark.parametrize("reply_of", [
    lambda last, new: f"{new} not {last} at the end sorry",
    lambda last, new: f"sorry, letzte Ziffer ist {new} nicht {last}",
    lambda last, new: f"perdón, el último es {new} no {last}",
    lambda last, new: f"pardon, c'est {new} à la fin, pas {last}",
    lambda last, new: f"galti ho gayi, {new} nahi {last} hai end me",
    lambda last, new: f"o {last} tá errado, é {new}",
    lambda last, new: f"sorry, die letzte Ziffer ist eine {new} und keine {last}",
    lambda last, new: f"perdón, el último es {new} no {last}",
])
def test_a_digit_replaced_at_the_end_amends_the_number(detector, reply_of):
    number = _example("BR")
    last = number[-1]
    new = str((int(last) + 3) % 10)
    assert "phone.amended" in _rules(detector, reply_of(last, new), [f"my number is {number}", "ok noted"])


@pytest.mark.parametrize("reply", [
    "put a 9 in front of it",
    "tira o 9 do começo",
    "ajoute juste 33 devant et enlève le 0",
    "в начале +7, остальное то же",
    "ضيف ٢١٣ قدامه وشيل الصفر",
])
def test_digits_put_in_front_of_a_number_amend_it(detector, reply):
    assert "phone.amended" in _rules(detector, reply, [f"call me {_example('FR')}", "it does not connect"])


def test_a_digit_replaced_anywhere_by_position_or_group_amends_the_number(detector):
    history = ["mon portable : 06 17 42 88 03", "ça sonne dans le vide"]
    assert "phone.amended" in _rules(detector, "pardon, c'est 06 71 et pas 06 17 au début", history)
    history = ["Meine Nummer: 0176 4821 9985", "kommt nicht durch"]
    assert "phone.amended" in _rules(detector, "sorry, die vorletzte Ziffer ist eine 3, keine 8", history)



@pytest.mark.parametrize("reply", [
    "Beleza, começo o layout amanhã cedo.",
    "Perfect, I'll start on the first 20 pages tonight.",
    "the 2 at the end of the price is a typo, it is 250 not 252",
])
def test_work_talk_after_a_number_amends_nothing(detector, reply):
    assert not any(r.startswith("phone.") for r in _rules(detector, reply, [f"meu zap é {_example('BR')}", "ok"]))


@pytest.mark.parametrize("address, reply", [
    ("ana.costa.drone@hotmail.com", "oops meant gmail not hotmail"),
    ("ana@costadrone.com", "make it .ie not .com"),
    ("ana.costa.drone@outlook.com", "não, é hotmail, não outlook"),
    ("helene.menus@gmx.com", "oups, c'est gmx.fr pas gmx.com"),  # whole domains, and a longer suffix
    ("paula.caligrafia@terra.com", "foi mal, é .com.br e não .com"),
    ("alina.lettering@mail.ru", "сорри, там bk.ru, а не mail.ru"),
])
def test_an_emails_provider_or_domain_replaced_amends_it(detector, address, reply):
    assert "email.amended" in _rules(detector, reply, [f"write to {address}", "for the files"])


@pytest.mark.parametrize("history, reply", [
    (["Mi Kakao es sofi_tradukor", "¿y en otras?"], "también el mismo en Viber"),
    (["الإيمو تبعي 0933 412 775", "وغيره؟"], "وبرضه نفس الشي على فايبر"),
    (["I've shared the sheet with harvey.ops@kalahari-logistics.co.za", "a Teams call?"],
     "Teams is fine, the same address I gave"),
    # "also" with the writer's own, and "this number" in each language, point at the item too
    (["tu peux m'appeler au +32 478 21 64 09", "je peux plutôt t'écrire ?"], "oui c'est aussi mon WhatsApp"),
    (["WhatsApp hab ich nicht", "ich schreib dir meine Nummer: 0660 718 4421"], "dann halt Viber, selbe Nummer wie oben"),
    (["мой номер +375 29 614-82-70", "а написать туда можно?"], "да, на этом номере и телега, и вайбер"),
    (["मेरा नंबर 98290 14573 है"], "हरा वाला ऐप, वही नंबर जो कल दिया था"),
])
def test_the_same_contact_named_for_another_app_is_social(detector, history, reply):
    assert "social.elsewhere" in _rules(detector, reply, history)


def test_an_app_used_too_names_no_item(detector):
    assert "social.elsewhere" not in _rules(detector, "I also use WhatsApp for the client updates",
                                            ["the client's hotline is 0800 123 4567"])


@pytest.mark.parametrize("history, reply", [
    (["запускаю зум", "идентификатор 845 120 3367"], "пароль 991274"),  # the app, then the ID, then the password
    (["reunión en Zoom ahora", "ID 812 4400 9931"], "código: 7qRpL2"),
])
def test_a_meeting_password_after_an_app_and_an_id_in_turn_is_social(detector, history, reply):
    assert "social.meeting_credentials" in _rules(detector, reply, history)


def test_a_meeting_password_after_its_id_is_social(detector):
    history = ["Zoom again for the lesson?", "Zoom 921 0483 6612"]
    assert "social.meeting_credentials" in _rules(detector, "même ID, mot de passe changé : Echecs77", history)
    assert "social.meeting_credentials" not in _rules(detector, "the password for the staging server is in 1Password", [
        "the deploy failed", "logs attached"])


def test_a_session_account_id_is_social(detector):
    key = "05" + "a8c91f3b7e22d04c6e1f8a90b2d3e74f51c6a9e08b27d3f4c1e5a6b9d0c2e7f1"
    assert "social.session_id" in _rules(detector, f"Session: {key}", [])
    assert _rules(detector, f"sha256 {key[2:]}", []) == set()  # 64 hex digits are a hash


def test_a_reply_deferred_to_the_contract_is_cleared(detector):
    history = [f"Is your number still {_example('KE')}?", "just checking"]
    assert _rules(detector, "yes that one, once the contract is active", history) == set()


@pytest.mark.parametrize("history, reply", [
    (["is your number the one on your CV?", "the CV you uploaded in the proposal"], "yeah that one's current"),
    (["¿tu número es el que aparece en tu CV?", "el PDF que adjuntaste"], "sí, ese mismo"),
    (["sending my business card pic", "[image]"], "the number on it is my direct, not the office one"),
    (["скинул фото визитки", "[фото]"], "номер на ней прямой, не офисный"),
])
def test_a_contact_confirmed_in_an_attached_card_or_cv_is_shared(detector, history, reply):
    assert "phone" in detector.scan(reply, history=history).categories, reply


@pytest.mark.parametrize("history, reply", [
    (["is the CV attached?"], "yes, the PDF is the final one"),
    (["can you send a photo of the sketch?"], "yes, my phone takes good photos"),
    (["sourcing kaisa chal raha hai?", "3 log chahiye"],
     "9 candidates ke CV folder mein hain, unke phone/email CV mein hi hain jaise hamesha."),
])
def test_an_attachment_without_the_writers_contact_shares_nothing(detector, history, reply):
    assert not detector.scan(reply, history=history).categories, reply


@pytest.mark.parametrize("history, reply, category", [
    (["¿Me recuerdas tu número?"], "el mismo que te di en la otra oferta, solo cambia el 2 final por un 9", "phone"),
    (["напомните номер?"], "тот же, что я писал в прошлом отклике, только последняя 5 вместо 2", "phone"),
    (["а почта у тебя есть?"], "ну тот же что и в профиле на Behance, там в шапке написано, туда и пиши", "email"),
    ([], "manda no e-mail que tá no meu perfil do Behance", "email"),
    ([], "вайбер тот же что и номер в профиле на авито", "social"),
])
def test_a_contact_held_on_another_profile_or_offer_is_shared(detector, history, reply, category):
    assert category in detector.scan(reply, history=history).categories, reply


@pytest.mark.parametrize("reply", [
    "my insta is in my bio, just zoom in",
    "j'ai mis mon insta dans ma photo de profil, tu peux zoomer dessus",
    "tá na minha bio, é só dar zoom na foto do perfil que aparece o @",
    "мой тг в описании профиля, посмотрите там внизу",
])
def test_the_writers_app_shown_on_their_profile_is_a_route(detector, reply):
    assert "social" in detector.scan(reply).categories, reply


@pytest.mark.parametrize("history, reply", [
    (["Bist du auf Snapchat?", "ja"], "Steht in meiner Bio, alles klein"),
    (["Add me on snap?", "which one are you on?"], "It's the one in my bio. lower case. no numbers."),
    (["عندك سناب؟", "إيه"], "موجود بالبايو، كله حروف صغيرة"),
])
def test_the_handle_shown_in_the_bio_answering_an_app_question_is_a_route(detector, history, reply):
    assert "social" in detector.scan(reply, history=history).categories, reply


def test_a_bio_named_while_staying_here_is_no_route(detector):
    reply = "my portfolio is in my bio too, but let us keep it here"
    assert "social" not in detector.scan(reply, history=["do you have instagram?", "yes"]).categories


@pytest.mark.parametrize("reply", [
    "I'll put my WhatsApp in my bio once the contract is active",
    "my instagram isn't on my profile, those are the rules",
    "Can you manage our Instagram ads? They link to the profile bio",
    "Fork of github.com/facebook/react-native with our patch is what I'd propose",
])
def test_an_app_and_a_profile_without_a_route_now_share_nothing(detector, reply):
    assert "social" not in detector.scan(reply).categories, reply


@pytest.mark.parametrize("reply", [
    "the budget is the same as in my other offer",
    "same colours as in my Behance profile",
    "the phone mockups are on my Dribbble profile",
])
def test_work_held_on_another_profile_shares_no_contact(detector, reply):
    assert not detector.scan(reply, history=["what's the plan?"]).categories, reply


@pytest.mark.parametrize("history, reply", [
    (["tengo dos correos: m.sosa.cad@gmail.com y estudio.sosa@outlook.es", "¿a cuál?"], "el primero que te dije no, el segundo"),
    (["ich hab zwei: tobi.k@posteo.de und t.krause@krause-cad.de", "welche?"], "die zweite bitte, die von der Firma"),
])
def test_one_of_two_emails_chosen_past_a_negation_or_a_please(detector, history, reply):
    assert "email" in detector.scan(reply, history=history).categories, reply


def test_declining_both_chooses_none(detector):
    history = ["I have two, rpatel.cad@outlook.com and rp.designs@yahoo.com", "which one?"]
    assert not detector.scan("no, neither, let's keep it here", history=history).categories


def test_the_marketplaces_own_profile_holds_no_contact(detector):
    # a "ring" in the question is jewellery, and the profile is the marketplace's own
    text = "Haan, mere Upwork profile ke portfolio tab me 6 jewellery CAD renders hain, jisme wo signet ring bhi hai."
    assert not detector.scan(text, history=["signet ring ke examples hain?"]).categories


@pytest.mark.parametrize(("history", "reply"), [
    (["Is your account the one called tarot.with.ivy or ivy.tarot.readings?"], "Yep that one. The one with the fox."),
    (["ваш канал — «Таро у Марго» или «Марго таро расклады»?"], "Да, тот. С рыжим котом на аватарке."),
    (["aapka Moj handle desi.tadka.kitchen hai?"], "wahi, bas aage _official lagana"),
    (["qual teu telegram?", "acho que é joao_sound ou joao_sound_fx", "o que tem foto de fone é o seu?"],
     "esse mesmo 👆"),
])
def test_a_yes_to_which_account_is_yours_shares_it(detector, history, reply):
    assert "social" in detector.scan(reply, history=history).categories


@pytest.mark.parametrize(("history", "reply"), [
    (["is your report the one called report_v2.docx?"], "yes that one"),
    (["Is your account the one called tarot.with.ivy?"], "no, not that one, and I'd rather keep it here"),
    (["did you see the account @nike posted?"], "yes that one"),
])
def test_a_yes_about_a_file_a_refusal_or_someone_elses_account_shares_nothing(detector, history, reply):
    assert "social" not in detector.scan(reply, history=history).categories


@pytest.mark.parametrize(("history", "reply"), [
    (["schick die Excel-Vorlage an j.baumann@gmx.de"], "sorry, gmx.ch natürlich, sitze in Basel"),
    (["пиши на krasnova-art@yandex.ru, пришлю эскизы упаковки"], "ой, yandex.by, я из Минска"),
    (["écris-moi à fatou.ndiaye.compta@gmail.com pour le fichier Excel"],
     "non attends, pas fatou : fatoumata en entier, le reste pareil"),
])
def test_an_apology_or_a_replaced_name_corrects_the_email_just_given(detector, history, reply):
    assert "email" in detector.scan(reply, history=history).categories


def test_an_apology_without_the_emails_pieces_corrects_nothing(detector):
    history = ["schick die Excel-Vorlage an j.baumann@gmx.de"]
    assert not detector.scan("sorry, bin erst morgen wieder da", history=history).findings


@pytest.mark.parametrize(("history", "reply"), [
    (["mon mail c'est jerome.petit@free.fr"], "oups y'a une faute, c'est jerome.petitt avec deux t"),
    (["meu email: tati.ramos@uol.com.br"], "quer dizer, tati.ramos81, esqueci o número"),
])
def test_the_emails_name_again_corrected_amends_it(detector, history, reply):
    assert "email" in detector.scan(reply, history=history).categories


def test_thanks_by_name_amends_nothing(detector):
    assert not detector.scan("perfeito, obrigado tati", history=["meu email: tati.ramos@uol.com.br"]).findings


def test_a_digit_added_at_the_end_amends_the_number_just_given(detector):
    history = ["You said your number was 0244 318 662?", "yes"]
    assert "phone" in detector.scan("add a 0 at the end, I missed one", history=history).categories
    history = ["the invoice total is 0244 318 662?", "yes"]
    assert not detector.scan("add a 0 at the end of the page count", history=history).findings


@pytest.mark.parametrize(("history", "text"), [
    (["Still the 0917 number from your last job?", "which one did you have", "0917 555 8824?"],
     "No, not the old one — ends in nine-seven now"),  # the new ending in words
    (["¿Me pasas tu wasap para mandarte el escaneo?"], "el mismo de siempre, el que termina en 47"),  # an app by number
    (["Vous avez WhatsApp ?", "J'ai deux numéros, un perso et un pro"], "c'est celui qui finit par 61, le pro"),
])
def test_a_number_told_apart_or_changed_by_its_ending_is_shared(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, text


def test_a_decimal_or_a_price_is_no_ending(detector):
    history = ["What's your rate?", "about 45 per hour"]
    assert "phone" not in detector.scan("it ends in 1,5 hours of review at the end", history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["+1 312", "840", "9177"], "wait no, it's 2 not 7 at the end — 9172"),
    (["+49 176", "3928", "4417"], "Moment, die letzte ist eine 8, keine 7 — 4418"),
])
def test_a_corrected_piece_of_a_number_given_in_pieces_is_shared(detector, history, text):
    assert "phone" in detector.scan(text, history=history).categories, text


def test_a_corrected_count_after_pieces_of_a_budget_is_no_number(detector):
    history = ["Budget for the pages", "12", "14"]
    assert "phone" not in detector.scan("sorry, 15 not 14 at the end", history=history).categories


def test_a_provider_typo_fixed_amends_the_email(detector):
    history = ["почта oksana.design@gmial.com"]
    assert "email" in detector.scan("опечатка, gmail конечно", history=history).categories


@pytest.mark.parametrize(("history", "text"), [
    (["почта?", "sergey"], "точка bondar, а потом собака и outlook.com"),  # a conjunction between the pieces
    (["Die Scans sind fertig, wohin damit?", "lena.schubert.dental"], "…at gmx punkt de. Sorry, Akku war leer"),
])
def test_an_address_narrated_over_messages_with_a_conjunction_or_an_ellipsis(detector, history, text):
    assert "email" in detector.scan(text, history=history).categories, text


@pytest.mark.parametrize("history, reply", [
    (["meu e-mail: ze.carlos.obras@gmail.com", "esse voltou, deu erro"], "o mesmo de cima, só troca o gmail por hotmail"),
    (["mi correo: ana.ruiz@gmail.com", "rebotó"], "el mismo, pero cambia gmail por outlook"),
    (["моя почта: nikita.lapin@mail.ru", "не доходит"], "та же, только замени mail.ru на yandex.ru"),
])
def test_an_email_with_its_provider_swapped_by_a_verb_is_amended(detector, history, reply):
    assert "email" in detector.scan(reply, history=history).categories, reply


def test_swapping_colours_in_a_design_amends_nothing(detector):
    assert not detector.scan("cambia el azul por verde en el header", history=["la maqueta v2", "ok"]).categories


def test_the_readers_number_put_on_a_card_is_the_work(detector):
    history = ["Какой телефон на визитке?", "общий, не мой личный"]
    reply = "Номер горячей линии вашей клиники поставил на визитку, как на сайте."
    assert "phone" not in detector.scan(reply, history=history).categories
    history = ["necesito un número para el repartidor", "¿me pasas el tuyo?"]
    assert "phone" in detector.scan("el que está en la tarjeta que te mandé en foto, ese", history=history).categories


@pytest.mark.parametrize("text", ["perdón, no es 412, es 424, lo demás igual", "desculpa, não é 412, é 424, o resto igual"])
def test_a_group_corrected_with_the_rest_unchanged_amends_the_number(detector, text):
    assert "phone" in detector.scan(text, history=["llámame al 0412 551 83 06", "por lo del aire"]).categories, text
