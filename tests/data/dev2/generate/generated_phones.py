"""generated_phones.jsonl: phonenumbers' example numbers for many regions, in national and
international formats, in realistic sentences in 8 languages; some spelled out in the
language or with separators. Negatives: same-length order, invoice and tracking numbers,
amounts with context words."""
import random

import phonenumbers
from common import R, write
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

rng = random.Random(1729)

REGIONS = {
    "en": ["US", "GB", "CA", "AU", "NZ", "IE", "ZA", "NG", "KE", "PH", "SG", "JM", "GH"],
    "es": ["ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "UY", "GT", "CR", "DO"],
    "pt": ["BR", "PT", "AO", "MZ", "CV"],
    "fr": ["FR", "BE", "CH", "CA", "SN", "CI", "MA", "TN", "LU"],
    "de": ["DE", "AT", "CH", "LI", "LU"],
    "hi": ["IN", "PK", "BD", "NP", "AE"],
    "ru": ["RU", "KZ", "BY", "UA", "UZ", "KG"],
    "ar": ["SA", "AE", "EG", "JO", "KW", "QA", "BH", "OM", "MA", "DZ", "IQ", "LB"],
}

WORDS = {
    "en": "zero one two three four five six seven eight nine".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split(),
    "pt": "zero um dois três quatro cinco seis sete oito nove".split(),
    "fr": "zéro un deux trois quatre cinq six sept huit neuf".split(),
    "de": "null eins zwei drei vier fünf sechs sieben acht neun".split(),
    "hi": "zero ek do teen chaar paanch chhe saat aath nau".split(),
    "ru": "ноль один два три четыре пять шесть семь восемь девять".split(),
    "ar": "صفر واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة".split(),
}
PLUS = {"en": "plus", "es": "más", "pt": "mais", "fr": "plus", "de": "plus", "hi": "plus", "ru": "плюс", "ar": "زائد"}

POS = {
    "en": ["You can call me on {n} if anything in the brief is unclear.", "My mobile: {n} — text before calling please.",
           "Best number for the interview is {n}.", "Ring me at {n}, I'm free after 3pm.", "Reach me directly: {n}",
           "Can we do a quick call? I'm on {n}."],
    "es": ["Puedes llamarme al {n} si algo no queda claro.", "Mi móvil: {n}, escríbeme antes de llamar.",
           "Para la entrevista, mejor al {n}.", "Llámame al {n} a partir de las 5.", "Mi número directo es {n}"],
    "pt": ["Pode me ligar no {n} se tiver dúvida.", "Meu celular: {n}, manda mensagem antes.",
           "Para a entrevista, melhor no {n}.", "Me liga no {n} depois das 15h.", "Meu número direto é {n}"],
    "fr": ["Vous pouvez m'appeler au {n} si quelque chose n'est pas clair.", "Mon portable : {n}, envoyez un SMS avant.",
           "Pour l'entretien, le mieux c'est le {n}.", "Appelez-moi au {n} après 15 h.", "Mon numéro direct : {n}"],
    "de": ["Ruf mich gern unter {n} an, falls etwas unklar ist.", "Mein Handy: {n}, bitte vorher kurz schreiben.",
           "Fürs Gespräch am besten unter {n}.", "Erreichbar ab 15 Uhr unter {n}.", "Meine Durchwahl: {n}"],
    "hi": ["Koi doubt ho to {n} pe call kar lena.", "Mera mobile: {n}, pehle message kar dena.",
           "Interview ke liye {n} pe call karo.", "3 baje ke baad {n} pe phone karo.", "Direct number: {n}"],
    "ru": ["Если что-то неясно, звоните по номеру {n}.", "Мой мобильный: {n}, сначала напишите.",
           "Для собеседования лучше по {n}.", "Звоните после 15:00 на {n}.", "Мой прямой номер: {n}"],
    "ar": ["تقدر تتصل بي على {n} إذا في شي مو واضح.", "جوالي: {n}، أرسل رسالة قبل الاتصال.",
           "للمقابلة الأفضل على {n}.", "اتصل بي على {n} بعد الساعة 3.", "رقمي المباشر: {n}"],
}
NEG = {
    "en": ["Order #{d} shipped yesterday, tracking should update tonight.", "Invoice no. {d} is overdue by 12 days.",
           "Tracking number {d} shows 'in transit' since Monday.", "Total budget so far: {a} USD across 4 milestones.",
           "Ticket {d} was closed as duplicate."],
    "es": ["El pedido n.º {d} salió ayer.", "La factura {d} está pendiente de pago.", "Número de seguimiento {d}, sigue en tránsito.",
           "El presupuesto total es de {a} € en 4 hitos.", "La incidencia {d} se cerró como duplicada."],
    "pt": ["O pedido nº {d} foi enviado ontem.", "A nota fiscal {d} está vencida.", "Código de rastreio {d}, ainda em trânsito.",
           "O total do projeto ficou em R$ {a}.", "O chamado {d} foi encerrado."],
    "fr": ["La commande n° {d} est partie hier.", "La facture {d} est en retard de paiement.", "Numéro de suivi {d}, toujours en transit.",
           "Le budget total est de {a} € HT.", "Le ticket {d} a été fermé."],
    "de": ["Bestellung Nr. {d} ist gestern raus.", "Rechnung {d} ist seit 12 Tagen überfällig.", "Sendungsnummer {d}, noch unterwegs.",
           "Gesamtbudget bisher {a} € netto.", "Ticket {d} wurde als Duplikat geschlossen."],
    "hi": ["Order number {d} kal ship ho gaya.", "Invoice {d} ka payment pending hai.", "Tracking number {d} abhi transit mein hai.",
           "Total budget {a} rupaye hai, 4 milestones mein.", "Ticket {d} close ho gaya."],
    "ru": ["Заказ № {d} отправлен вчера.", "Счёт {d} просрочен на 12 дней.", "Трек-номер {d}, посылка в пути.",
           "Общий бюджет — {a} ₽.", "Заявка {d} закрыта как дубликат."],
    "ar": ["الطلب رقم {d} تم شحنه أمس.", "الفاتورة رقم {d} متأخرة السداد.", "رقم التتبع {d} ما زال في الطريق.",
           "إجمالي الميزانية {a} دولار.", "التذكرة {d} تم إغلاقها."],
}


def example(region):
    kinds = [T.MOBILE, T.FIXED_LINE]
    rng.shuffle(kinds)
    for t in kinds:
        n = phonenumbers.example_number_for_type(region, t)
        if n is not None and phonenumbers.is_valid_number(n):
            return n, ("mobile" if t == T.MOBILE else "fixed")
    raise ValueError(region)


def spelled(lang, s):
    out = []
    for ch in s:
        if ch.isdigit():
            out.append(WORDS[lang][int(ch)])
        elif ch == "+":
            out.append(PLUS[lang])
        elif ch in " -":
            out.append(",")
    text = " ".join(out).replace(" ,", ",")
    while ",," in text:
        text = text.replace(",,", ",")
    text = text.strip(", ")
    return text.replace(",", "،") if lang == "ar" else text


def separated(s):
    sep = rng.choice([".", "/", " ", "-", " . "])
    digits = [c for c in s if c.isdigit()]
    return ("+" if s.startswith("+") else "") + sep.join(digits)


recs = []
seen = set()
for lang, regions in REGIONS.items():
    n_pos = 14 if lang != "en" else 16
    for i in range(n_pos):
        region = regions[i % len(regions)]
        while True:
            num, kind = example(region)
            fmt = rng.choice([F.NATIONAL, F.INTERNATIONAL, F.INTERNATIONAL, F.E164])
            s = phonenumbers.format_number(num, fmt)
            fmt_name = {F.NATIONAL: "national", F.INTERNATIONAL: "international", F.E164: "e164"}[fmt]
            r = rng.random()
            if r < 0.22:
                s, tag = spelled(lang, s), "spelled-digits"
            elif r < 0.36:
                s, tag = separated(s), "separator-every-digit"
            else:
                tag = "plain"
            text = rng.choice(POS[lang]).format(n=s)
            if text not in seen:
                seen.add(text)
                break
        recs.append(R(lang, text, ["phone"], f"gen-example-{region}-{kind}-{fmt_name}-{tag}"))
    # negatives: same digit count as a phone number of the language's first region
    for j in range(5):
        num, _ = example(regions[j % len(regions)])
        length = len(phonenumbers.national_significant_number(num)) + rng.choice([0, 1])
        d = str(rng.randint(10 ** (length - 1), 10 ** length - 1))
        a = f"{rng.randint(100000, 9999999):,}".replace(",", rng.choice([",", ".", " "]))
        tmpl = NEG[lang][j % len(NEG[lang])]
        recs.append(R(lang, tmpl.format(d=d, a=a), [], "gen-same-length-%s" % ("amount" if "{a}" in tmpl else "id")))

write("generated_phones", recs)
