"""Who writes: a client's brief names its own premises and site as project data.

A job post or brief from an organisation says who it is and where it works: "we are Harbourline
Realty, at 48 Wharf Street, Halifax", "Nuestra web pública con fichas técnicas: bodegas.es/vinos",
"Hofadresse für den Kontext: Lindenauer Weg 4", "مكتبنا الرئيسي: طريق الملك فهد". POLICY.md counts
the client's own store, site and records as work, not contact. The same street or site from a
freelancer ("my studio is at …", "see our agency site") is contact; the difference is the voice:

- a **brief** is a long message in which an organisation (first person plural) hires: "we are
  looking for", "buscamos", "wir suchen", "ищем", "نبحث عن", "Hiring:"; or commissions the work in
  the client's voice: "Scope of work —", "Cahier des charges", "ТЗ:", "we want", "we pay", "tell us
  about a similar project"; a proposal that opens with its writer and their experience ("أنا مربية
  أطفال بخبرة ١١ سنة", "I'm a nurse with 6 years …") is none, whatever "required salary" it says;
- in a brief, an **address or a site the organisation owns** (a first-person plural possessive,
  "on behalf of", or a label that hands it over as context: "for context", "Obra:", "Sitz:") on
  the same line is project data, unless that line invites contact or a delivery there ("write
  to us", "apply at", "send the samples to"; a path's words, "lakeshorecanoe.ca/book", invite nothing,
  and "no need to visit" denies the visit).

Phones and emails are reachable people, so they are data only where the message makes them the
work's objects or the organisation's own records (POLICY.md: "the client's own store or customer
records are clean"), and never on a line that invites contact, names a messenger or claims the
item for one writer ("call me", "write to us", "WhatsApp us", "my"):
- in a brief, the organisation's support channels described as context ("Customers currently email
  support@… or call 0113 …"), when its line names the organisation's customers or the work;
- in any long message, a mailbox or number its line configures or prints ("19 buzones creados con
  el formato nombre.apellido@…", "the main switchboard 0161 496 0730 ported", "voicemail script
  that leaves OUR number");
- a number configured or printed in the work whose line names another owner ("2 numéros SDA,
  standard 01 84 88 00 00 (ceux du cabinet)", "the main line … which is your number").
Handles stay findings.

A listed **document or record** carries its own places: a line headed by one ("1. Birth certificate,
Union Council Gulberg, Lahore", "4. Land record: lot 22, concession 8", "- Certificato di residenza
(Via Museo 28 …)") holds that document's content, unless it claims the place or invites.

So do a day of a programme ("Day 1 (Thu): … check-in Memmo Príncipe Real, Rua Dom Pedro V 56J") and a
listed organisation ("1) Dongguan Hengli Silicone Products Co., Ltd — No. 8 Xingye Road"), and a CV or
letter drafted for the reader whose note says the details are the reader's own ("I left your phone
and email as you gave them, it's your CV").

Whoever writes, a long message also hands over **other people's places** as data: a line that
names the address's owner as the reader ("aus Ihrer Ausschreibung", "aapki project site",
"vuestro espacio"), the client ("the client's own premises", "помещение самого заказчика"), the
work itself ("endereço do terreno, referência para a sondagem", "данные проекта") or the
deliverable's printed content ("à imprimer en dernière page") is no way to reach the writer,
unless the writer claims the place too ("my", "our"; "my client's" is still the client's) or
the line invites contact, a visit or a delivery.

In any message, a place its line puts into the **deliverable's content** (a footer, a template, a
label, an app's section, an IVR prompt: "Sim, a sede é nossa: … Vai no rodapé do site") is the
client's data unless a single writer claims it; **coordinates of a surveyed site** (a polygon, a
KML file, an area in hectares) are the work's; and a line of an **address block** reads with the
line that introduces it ("Please keep the manufacturer block exactly as printed:"), whose phone is
the printed document's too.

And to whom: a profile or page whose address names the **reader** is the reader's, the work of
a profile rewrite or a page's management, not the writer's way out: its last path segment holds
the name the message greets ("Hola Daniela, … linkedin.com/in/danielagarzaops", "Здравствуйте,
Марат! … /in/maratsultanov-cfo"), or its sentence gives it to the reader ("your current public URL
is …", "votre URL actuelle est …") and claims nothing for the writer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from engine.lexicon import lazy_compile, lexicon, word_pattern

BRIEF_MIN = 300  # a job post or brief is long; a chat line saying "our office is at …" is not one
_REACH_BEFORE = 160
_REACH_AFTER = 80
_NEGATION_REACH = 24  # "vous n'aurez pas besoin de vous déplacer": a negation this close denies the invitation
_QUOTED = re.compile(r"«[^«»\n]{1,40}»|\u201c[^\u201c\u201d\n]{1,40}\u201d|\u201e[^\u201c\u201e\n]{1,40}\u201c"
                     r"|\"[^\"\n]{1,40}\"")
_CLAUSE_BREAK = re.compile(r"[:;.,!?()\u060c\u061b]")  # ... in the same clause ("Não é remoto: venha até a loja")
# Arabic writes "our" as the suffix -نا: "مكتبنا", "شركتنا", "موقعنا"
# (not "أنا", "I", nor "هنا", "here", with a conjunction glued on: "فأنا أسكن …", "وهنا")
# the Arabic datives among the first person's words ("عدّل لي": edit it for me)
_ARABIC_DATIVES = frozenset({"لي", "بي", "عندي"})
_ARABIC_OUR = (r"(?<![\u0621-\u064a])(?![\u0648\u0641\u0628\u0644]?"
               r"(?:\u0623\u0646\u0627|\u0627\u0646\u0627|\u0647\u0646\u0627)(?![\u0621-\u064a]))"
               r"[\u0621-\u064a]{2,}\u0646\u0627(?![\u0621-\u064a])")
# and "your" (plural) as the suffix -كم: "مستودعكم", "مكتبكم"
_ARABIC_YOUR = r"[\u0621-\u064a]{2,}\u0643\u0645(?![\u0621-\u064a])"


class _Words:
    def __init__(self) -> None:
        words = lexicon()
        self.hiring = word_pattern(words["hiring_cues"] + words["commission_cues"])
        # a proposal opens with its writer, the worker, and their experience ("أنا مربية أطفال بخبرة ١١ سنة",
        # "मैं एक रजिस्टर्ड आहार विशेषज्ञ हूँ, 7 साल का अनुभव"): its "required salary" or "we need" hires no one
        self.applicant = word_pattern(words["applicant_openings"])
        self.experience = word_pattern(words["experience_words"])
        ours = word_pattern(words["organisation_voice"]).pattern
        self.ours = lazy_compile(ours + "|" + _ARABIC_OUR)
        # "hamara apna unit", "our own building": the plural owns it, the reflexive claims no single writer
        self.ours_own = lazy_compile(ours + r"\s+" + word_pattern(words["reflexive_own"]).pattern)
        self.invites = word_pattern(words["brief_contact_cues"] + words["delivery_verbs"] + words["pickup_verbs"])
        # "bewerben Sie sich direkt bei uns, ohne Plattformgebühr": read on the whole line (German nouns are capitals)
        self.fee_avoidance = word_pattern(words["fee_avoidance"])
        plural = set(words["organisation_voice"])
        self.mine = word_pattern([w for w in words["my_words"] if w not in plural])  # "my", not "our"
        self.others = lazy_compile(word_pattern(words["others_place_cues"]).pattern + "|" + _ARABIC_YOUR)
        self.content = word_pattern(words["content_places"])
        self.layout = word_pattern(words["layout_words"])
        self.self_placed = word_pattern(words["self_placement"])
        self.survey = word_pattern(words["survey_words"])
        self.business = word_pattern(words["brief_place_nouns"])
        self.document = word_pattern(words["document_nouns"])
        self.organisation = word_pattern(words["organisation_forms"])
        self.readers_document = word_pattern(words["readers_document"])
        self.kept = word_pattern(words["kept_as_given"])
        self.telephony = word_pattern(words["telephony_config"] + words["content_places"])
        self.mailbox = word_pattern(words["mailbox_config"] + words["content_places"])
        self.mail_setup = word_pattern(words["mail_setup_words"])
        self.traffic = word_pattern(words["support_traffic"])
        self.work_done = word_pattern(words["work_report_verbs"])
        self.third_party = word_pattern(words["third_party_roles"])
        self.part_of_work = word_pattern(words["part_of_the_work"])
        self.report = word_pattern(words["report_headings"])
        self.contact_invites = word_pattern(words["brief_contact_cues"])
        self.reach_me = word_pattern(words["call_me_words"] + words["self_contact_cues"])
        from engine.detectors.social import load_lexicon as _load

        nouns = _load("requests_lexicon.json")["nouns"]
        self.email_nouns = word_pattern(nouns["email"] + words["mailbox_config"] + words["email_value_nouns"])
        self.phone_nouns = word_pattern(nouns["phone"] + words["phone_context"])
        from engine.detectors.social import load_lexicon

        self.meeting = word_pattern(load_lexicon("address_lexicon.json")["meeting_cues"])
        self.writers = lazy_compile(word_pattern(words["my_words"]).pattern + "|" + _ARABIC_OUR)
        # the writer alone, not a business's "our" nor the Arabic dative "لي" ("عدّل لي": edit it for me)
        self.writer_alone = word_pattern([w for w in words["my_words"] if w not in _ARABIC_DATIVES
                                          and w not in words["organisation_voice"]])
        mine = word_pattern(words["my_words"]).pattern
        self.client = word_pattern(words["client_nouns"])
        self.writers_client = lazy_compile(mine + r"\s+" + self.client.pattern)
        greetings = word_pattern(words["greetings"]).pattern
        titles = word_pattern(words["honorifics"]).pattern
        self.greeting = lazy_compile(r"^\W{0,3}" + greetings + r"[ \t,]+(?:" + titles + r"\.?[ \t]+)?"
                                     r"(?P<name>[^\W\d_]{3,})")
        self.yours = word_pattern(words["your_words"])
        self.negation = word_pattern(words["negation_cues"])
        self.invite_compounds = word_pattern(words["invite_compounds"])
        self.negation_after = word_pattern(words["negation_after"])

    def invite(self, line: str) -> bool:
        """Whether a line invites contact, a visit or a delivery; a negated invitation ("você não
        precisa vir até aqui", "no need to come by", "aane ki zarurat nahi") invites nothing."""
        line = _QUOTED.sub(" ", line)  # a section or button named in quotes («Контакты», "Contact us") is mentioned
        line = self.invite_compounds.sub(" ", line)  # "la carte de visite" invites no visit
        for m in self.invites.finditer(line):
            before = _CLAUSE_BREAK.split(line[max(0, m.start() - _NEGATION_REACH):m.start()])[-1]
            after = _CLAUSE_BREAK.split(line[m.end():m.end() + _NEGATION_REACH])[0]
            if self.negation.search(before) is None and self.negation_after.search(after) is None:
                return True
        return False


@lru_cache(maxsize=1)
def _words() -> _Words:
    return _Words()


def is_brief(text: str) -> bool:
    """Whether a message is an organisation's brief or job post (see the module docstring): it hires,
    or it commissions the work in the client's voice (a scope or terms of reference, "we want",
    "we pay", "tell us about a similar project")."""
    if len(text) < BRIEF_MIN:
        return False
    lower = _FRENCH_COLON.sub(":", text.lower())  # "Brief : étiquettes …"
    words = _words()
    if words.hiring.search(lower) is None:
        return False
    if words.ours.search(lower) is None and words.business.search(lower) is None:
        return False
    opening = words.applicant.search(lower, 0, _OPENING)
    return opening is None or words.experience.search(lower, opening.end(), opening.end() + 160) is None


_OPENING = 200  # where a proposal introduces its writer


_FRENCH_COLON = re.compile(r"[ \u00a0\u202f]:")
_E_MAIL = re.compile(r"(?<![^\W_])e-mail", re.IGNORECASE)  # the noun, not "mail it to us"
_ADDRESS_TOKEN = re.compile(r"[^\s()<>\"']*[^\W_]\.[^\W\d_]{2,}[^\s()<>\"']*")


_NAME_INSIDE = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_][,;] ))[^\W\d_][\w'\-]*")


def _outside(text: str, start: int, end: int) -> str:
    """The lower-case line of text[start:end] without the hit, its proper names and its web
    addresses, whose words are names and paths: "lakeshorecanoe.ca/book" books nothing, and
    "Col. El Retiro" picks nothing up."""
    line = _line(text, start, end, lower=False).replace(text[start:end], " ")
    line = _NAME_INSIDE.sub(lambda m: " " if m.group()[0].isupper() else m.group(), line)
    return _E_MAIL.sub("email", _ADDRESS_TOKEN.sub(" ", line.lower()))


def organisation_data(text: str, start: int, end: int, place: bool = False) -> bool:
    """Whether the address or site at text[start:end] of a brief is the organisation's own, handed
    over as project data: its line owns it ("our"; for a place, also the business it names: "l'adresse
    de la boutique (…) apparaît sur toutes les factures", "адрес кофейни", "el local está en") and
    invites no contact or delivery. (A brief is a whole-message condition; the line must still say
    whose place it is, or a freelancer's long message that says "we need" somewhere would hide an
    address anywhere in it.)"""
    line = _line(text, start, end)
    words = _words()
    owned = words.ours.search(line) is not None or (place and words.business.search(line) is not None)
    # "Mera GitHub profile …, us pe mera email hai": a first person singular on the line is a writer's own
    return (owned and not words.invite(_outside(text, start, end)) and words.fee_avoidance.search(line) is None
            and words.mine.search(words.ours_own.sub(" ", line)) is None)


def others_place(text: str, start: int, end: int, coordinates: bool = False) -> bool:
    """Whether the address at text[start:end] is someone else's place handed over as data (see the
    module docstring): in a long message, its line names another owner, claims no place for the
    writer and invites no contact or delivery; in any message, its line places it in the work's
    content ("Vai no rodapé do site", "укажи в карточке") and claims it for no single writer."""
    line = _line(text, start, end)
    words = _words()
    if words.invite(_outside(text, start, end)) or words.self_placed.search(line) is not None:
        return False  # (and "أسكن قريبة منكم: حولي، قطعة ٦ …": the writer lives there, near the reader)
    # the content word in the address's sentence or the next ("…, Botafogo. Vai no rodapé do site."), not in
    # the sentence before it ("… sur le col du modèle blanc. L'atelier se trouve à Dakar, …" is a dress)
    lo, hi = _sentence_span(text, start, end)
    said = text[lo:_sentence_span(text, hi + 1, hi + 1)[1] if hi < len(text) else hi].lower()
    if words.content.search(said) is not None and words.mine.search(words.content.sub(" ", said)) is None:
        return True  # "hamara showroom hai, 12 MG Road – ye footer mein dalna hai": the client's, as content
    # a business's address laid out in a design, said in its sentence, the one before or the one after ("Kannst
    # du auf dem Flyer die Adresse vom Laden größer machen? Goethestraße 14 muss man von weitem lesen können.")
    before = text[_sentence_span(text, max(0, lo - 2), max(0, lo - 2))[0]:lo].lower() if lo > 1 else ""
    designed = before + " " + said
    if (len(text) < BRIEF_MIN and words.layout.search(designed) is not None
            and words.business.search(designed) is not None
            and words.writer_alone.search(words.writers_client.sub(" ", designed)) is None):
        return True
    if (coordinates and words.survey.search(line) and words.mine.search(line) is None
            and words.meeting.search(line) is None):
        return True  # "координаты 54.0921, 37.5847, площадь 64 га — это и есть объект работ": a surveyed site
    if coordinates:
        # a field list ("Local do projeto: … (instalações do cliente)⏎Coordenadas: …") names the site's
        # owner on a line of the same paragraph; coordinates are never a street a chat line could hide
        line = _paragraph(text, start, end)
        if words.invite(line) or words.meeting.search(line) is not None:
            return False
        if len(text) < BRIEF_MIN and words.client.search(line) is None:
            return False  # a chat line's "te doy las coordenadas del local" gives a place; "the client's roof" does not
    elif len(text) < BRIEF_MIN:
        # a chat line gives the reader's own place back only as the work's data ("Your Google Business
        # Profile lists 12 Park Row; I fixed the hours"), with the reader named right before it
        sentence = _sentence(text, start, end)
        if ((words.ours.search(sentence) is not None or words.client.search(sentence) is not None)
                and words.part_of_work.search(sentence) is not None
                and words.mine.search(words.ours_own.sub(" ", sentence)) is None):
            return True  # "El local es nuestro: Av. Corrientes 1847 … es parte del trabajo": the client's, as the job
        if words.writers.search(sentence) is not None:
            return False
        if (_LEGAL_FORM.search(text, max(0, start - _YOURS_REACH), start)
                and words.third_party.search(sentence) is not None):
            return True  # "The supplier is Ningbo Yuhong Appliance Co., Ltd., No. 18 Jinye Road": a company's seat
        return (words.yours.search(text[max(0, start - _YOURS_REACH):start].lower()) is not None
                and words.work_done.search(sentence) is not None)
    if words.others.search(line) is None and not _document_item(text, start) and not _reported_site(text, line):
        return False
    return words.writers.search(words.writers_client.sub(" ", line)) is None


def _reported_site(text: str, line: str) -> bool:
    """Whether a work report names the place on `line` as a site of the work: the message reports
    what is done and what is pending ("Hecho: … Pendiente: …", "Erledigt: … Offen: …"), and the
    line asks no one to come to the writer ("La oficina de Calle Colón 34 necesita que alguien
    reinicie el router", "Am Standort Annenstraße 18 muss jemand die FritzBox neu starten")."""
    return _report_headings(text) >= 2 and _words().contact_invites.search(line) is None


@lru_cache(maxsize=8)
def _report_headings(text: str) -> int:
    """How many distinct report headings a message holds (once per message, not per address)."""
    return len({m.group() for m in _words().report.finditer(_FRENCH_COLON.sub(":", text.lower()))})

_ITEM_MARKER = re.compile(r"[ \t]*(?:[-*\u2022\u2013]|\d{1,3}[.)]|[a-z][.)])?[ \t]*")
_PROGRAMME_DAY = re.compile(r"\s*(?:day|d[ií]a|jour|tag|день|दिन|يوم|اليوم)\s*\d{1,2}\b", re.IGNORECASE)
_ITEM_HEAD = re.compile(r"[^:,(\n\u060c]{1,40}")


def _document_item(text: str, start: int) -> bool:
    """Whether the address at `start` is on a line that names a document or record as its head
    ("1. Birth certificate, Union Council Gulberg, …", "- Certificato di residenza (Via Museo 28 …)",
    "4. Land record: lot 22, concession 8"), a day of a programme ("Day 1 (Thu): … Check-in Memmo
    Príncipe Real, Rua Dom Pedro V 56J"), or a listed organisation before the address ("1) Dongguan
    Hengli Silicone Products Co., Ltd — No. 8 Xingye Road"): what follows is that item's content."""
    lo = text.rfind("\n", 0, start) + 1
    marker = _ITEM_MARKER.match(text, lo)
    head = _ITEM_HEAD.match(text, marker.end() if marker else lo)
    if head is None:
        return False
    words = _words()
    if words.document.search(head.group().lower()) is not None or _PROGRAMME_DAY.match(head.group()):
        return True
    listed = marker is not None and marker.group().strip() != ""
    return listed and words.organisation.search(text[marker.end():start].lower()) is not None


def _paragraph(text: str, start: int, end: int, reach: int = _REACH_BEFORE) -> str:
    """The lines around text[start:end] up to a blank line, at most `reach` characters either side."""
    lo = text.rfind("\n\n", max(0, start - reach), start)
    lo = max(0, start - reach) if lo < 0 else lo + 2
    hi = text.find("\n\n", end, end + reach)
    hi = min(len(text), end + reach) if hi < 0 else hi
    return text[lo:hi].lower()


def others_number(text: str, start: int, end: int, apps: re.Pattern[str] | None = None) -> bool:
    """Whether the phone at text[start:end] is someone else's number configured
    or printed in the work: its line puts it in the deliverable (a trunk, an IVR prompt, a label)
    and names its owner ("2 numéros SDA, standard 01 84 88 00 00 (ceux du cabinet)", "the main line
    … in the closing prompt, which is your number"), or lays it out in a design (a footer, a header,
    "top right", "en gros sous l'adresse") and names the business or the client it belongs to; it
    claims nothing for the writer, names no messenger (`apps`) and invites no call."""
    if sum(ch.isdigit() for ch in text[start:end]) < 7:
        return False  # a request ("geben Sie mir Ihre Durchwahl") asks for a number; it holds none
    line = _line(text, start, end)
    words = _words()
    if len(text) < BRIEF_MIN:
        # its sentence, and the next one, which may say whose it is ("Coloca (11) 3456-7890? não, pera, esse é
        # da loja do cliente mesmo, o da fachada deles.")
        lo, hi = _sentence_span(text, start, end)
        line = text[lo:_sentence_span(text, hi + 1, hi + 1)[1] if hi + 1 < len(text) else hi].lower()
    # the work configures it and names its owner (a chat line names the reader's own number in the work:
    # "the call extension with your clinic number 0113 … got 41 calls"), or a business's line is laid out
    # in a design with its owner named ("Le numéro de la boutique (04 91 …) passe en gros sous l'adresse",
    # "горячая линия магазина клиента, ставлю в шапку сайта: 8-800-…")
    configured = (words.telephony.search(line) is not None and words.others.search(line) is not None
                  and (len(text) >= BRIEF_MIN
                       or words.yours.search(text[max(0, start - _YOURS_REACH):start].lower()) is not None))
    laid_out = words.content.sub(" ", words.layout.sub(" ", line))
    designed = (not configured and laid_out != line and (apps is None or apps.search(line) is None)
                and (words.others.search(laid_out) is not None or words.business.search(laid_out) is not None))
    # (a design's line may say "our" of the business: "दुकान के बैनर पे हमारा नया नंबर डाल दो …")
    writers = words.writer_alone if designed else words.writers
    if not (configured or designed) or writers.search(words.writers_client.sub(" ", line)) is not None:
        return False
    outside = _outside(text, start, end)
    # (a design's line asks for nothing from the writer: "…, or just call me on 07700 …" stays)
    return not words.invite(outside) and (configured or words.reach_me.search(outside) is None)


def organisation_channel(text: str, start: int, end: int, apps: re.Pattern[str] | None = None) -> bool:
    """Whether the phone or email at text[start:end] of a brief is the organisation's own channel
    described as the work's context ("Customers currently email support@brightlanebikes.co.uk or call
    0113 496 0218", "Notre cabinet reçoit les patients … reception@cliniquedulac.ch"): its line names
    the organisation's customers, their traffic ("350 demandes par mois") or the work, and invites no
    contact, names no
    messenger and claims nothing for one writer ("write to us", "call me", "WhatsApp us" stay)."""
    line = _line(text, start, end)
    words = _words()
    outside = _outside(text, start, end)
    if (words.invite(outside) or words.reach_me.search(outside) is not None
            or _OFF_PLATFORM.search(line) is not None  # "للاستفسارات السريعة خارج المنصة، رقم المكتب …"
            or words.mine.search(words.ours_own.sub(" ", line)) is not None
            or (apps is not None and apps.search(line) is not None)):
        return False
    # the organisation's customers use the channel, or the work configures or prints it; "our office
    # line is 0113 …" alone is a way to reach the organisation
    sentence = _sentence(text, start, end)
    return (words.client.search(sentence) is not None or words.traffic.search(sentence) is not None
            or words.mailbox.search(sentence) is not None or words.telephony.search(sentence) is not None)


# outside the platform, said of a channel ("numéro sans frais" is a toll-free number, no fee avoided)
_OFF_PLATFORM = re.compile(r"(?<![^\W_])(?:outside|off|fuera de|fora da|hors|en dehors de|außerhalb|вне|мимо|خارج|برا)"
                           r"\s+(?:the\s+|la\s+|de la\s+|der\s+)?(?:platform|plataforma|plateforme|plattform|"
                           r"платформы|площадки|المنصة)|platform ke bahar")
_SENTENCE_END = re.compile(r"[.!?;\u061f](?=\s)|\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The lower-case sentence of text[start:end] (a full stop inside an address or a number, or
    after an abbreviation such as "No.", "Co.", "Av.", goes on)."""
    lo, hi = _sentence_span(text, start, end)
    return text[lo:hi].lower()


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of text[start:end] begins and ends (see `_sentence`)."""
    ends = [m for m in _SENTENCE_END.finditer(text, max(0, start - 300), min(len(text), end + 300))
            if not _ABBREVIATED.search(text, max(0, m.start() - 4), m.start() + 1)]
    lo = max((m.end() for m in ends if m.end() <= start), default=max(0, start - 300))
    hi = min((m.start() for m in ends if m.start() >= end), default=min(len(text), end + 300))
    return lo, hi


# "No.", "Co.", "Av.", "Dr.", and the lower-case abbreviations of address parts ("ул.", "д.", "кв.", "str.")
_ABBREVIATED = re.compile(r"(?<![^\W\d_])(?:[A-Z][a-z]{0,2}|ул|д|кв|пр|пер|стр|корп|av|str|nr|no)\.$")


_PARAGRAPH = 400  # a line this long is a paragraph of sentences


def work_item(text: str, start: int, end: int, category: str, apps: re.Pattern[str] | None = None) -> bool:
    """Whether the phone, email or bare domain at text[start:end] is an object of the work (in a chat
    line, the organisation's own, "our", or one the line configures):
    its own line configures or prints it ("the main switchboard 0161 496 0730 ported successfully",
    "19 buzones creados con el formato nombre.apellido@ferrerasociados.es", "voicemail script that
    leaves OUR number: 0330 …"), names no single writer and no messenger (`apps`, the rule set's app
    names: "call me on WhatsApp at …"), and invites no contact."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo:len(text) if hi < 0 else hi].lower()
    words = _words()
    if len(line) > _PARAGRAPH:
        # a proposal written as one paragraph: the item's own sentence names the work's mailbox or line,
        # or the organisation's own, not only a template named sentences away ("вёрстка email-рассылок …;
        # пришлю вам напрямую: адрес — …")
        sentence = _ADDRESS_TOKEN.sub(" ", _sentence(text, start, end))
        if (words.telephony if category == "phone" else words.mailbox).search(sentence) is None and (
                words.ours.search(sentence) is None):
            return False
    configured = category != "phone" and words.mail_setup.search(_ADDRESS_TOKEN.sub(" ", line)) is not None
    if len(text) < BRIEF_MIN and words.ours.search(line) is None and not configured:
        # a chat line hands over the organisation's own number ("hamare dono: …, IVR inko hi route
        # karega") or configures one ("warmed 3 inboxes (anna@getbrightsmile.co.uk, …)")
        return False
    cue = words.telephony if category == "phone" else words.mailbox
    if apps is not None and apps.search(line) is not None:
        return False
    if cue.search(_ADDRESS_TOKEN.sub(" ", line)) is None:
        return False
    bare = _AT_TOKEN.sub(" ", line)  # "warmed 3 inboxes (anna@…, tom@, mia@)": a local part claims nothing
    outside = _outside(text, start, end)
    return (not words.invite(outside) and words.reach_me.search(outside) is None
            and words.mine.search(words.ours_own.sub(" ", bare)) is None)


_AT_TOKEN = re.compile(r"[\w.+\-]*@[\w.\-]*")
_PROSE_SENTENCE = re.compile(r"[^.!?\n]+")
_VALUE_COMMENT = re.compile(r"\s(?:#|//|--|;)\s*([^\n]*)")


def others_config(text: str, spans: list[tuple[int, int]], start: int, end: int, category: str) -> bool:
    """Whether the phone or email at text[start:end], inside code or config (`spans`), is another owner's
    value configured in the work, as the message's prose says: a sentence outside the block, or the
    value's own comment, names the kind of value and its owner ("Son los correos del cliente para las
    notificaciones", "# adresse du client (sa boîte de compta)", "Это ящик магазина заказчика") and
    nothing in the prose claims it for the writer or invites contact."""
    from engine.regions import prose as outside_data

    hi = text.find("\n", end)
    comment = _VALUE_COMMENT.search(text, end, len(text) if hi < 0 else hi)  # the value's own comment, not its key
    own = comment.group(1) if comment is not None else ""
    prose = _ADDRESS_TOKEN.sub(" ", outside_data(text, spans) + "\n" + own.lower())
    prose = _E_MAIL.sub("email", prose)  # (the noun "e-mail", no verb "mail" inviting anything)
    words = _words()
    if (words.invite(prose) or words.reach_me.search(prose) is not None
            or words.mine.search(words.ours_own.sub(" ", prose)) is not None):
        return False
    kind = words.email_nouns if category == "email" else words.phone_nouns
    owner = (words.others, words.client, words.business)
    return any(kind.search(sentence) is not None and any(o.search(sentence) is not None for o in owner)
               for sentence in _PROSE_SENTENCE.findall(prose))


def readers_document(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a document written for the reader that a later sentence
    says holds the reader's own details ("Note: I left your phone and email as you gave them in
    the brief since it's your own CV", "Hinweis: Ihre Kontaktdaten habe ich aus dem Lebenslauf
    übernommen"): a CV or a cover letter drafted for the client carries the client's contact. The
    item's own line must claim nothing for the writer and invite nothing."""
    if len(text) < BRIEF_MIN:
        return False
    words = _words()
    note = _readers_note(text)
    if note < end:
        return False
    line = _line(text, start, end)
    return not words.invite(_outside(text, start, end)) and words.reach_me.search(line) is None


_QUOTATION = re.compile(r"«[^«»]{3,2000}»|\u201c[^\u201c\u201d]{3,2000}\u201d"
                        r"|\u201e[^\u201c\u201e\u201d]{3,2000}[\u201c\u201d]"
                        r"|(?<![\w'\u2019])'[^'\n]{3,2000}?'(?![\w'])|\"[^\"]{3,2000}\"")
DOCUMENT_QUOTE = 120  # characters: a quotation this long reproduces a document's text


def quotations(text: str) -> list[tuple[int, int]]:
    """The quotations of a long message, in order (see `quoted`)."""
    if len(text) < BRIEF_MIN:
        return []
    return [(m.start(), m.end()) for m in _QUOTATION.finditer(text)]


def claims_writer(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] claims something for the writer or invites contact ("my", "call me",
    "write to us"): a quotation that does is the writer's own words, not a document's."""
    words = _words()
    part = text[start:end].lower()
    return (words.mine.search(part) is not None or words.reach_me.search(part) is not None
            or words.invite(part))


def quoted(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """The length of the quotation among `spans` (from `quotations`) that holds [start, end), or
    0: the words of others quoted in a script ("objection handling for 'we lease', 'send me an
    email'"), or a document's text reproduced for translation ("« RÉPUBLIQUE DU SÉNÉGAL … 1 avenue
    Nelson Mandela … »")."""
    k = bisect_right(spans, (start, _FAR)) - 1 if spans else -1
    if k >= 0 and spans[k][0] < start and end < spans[k][1]:
        return spans[k][1] - spans[k][0]
    return 0


_FAR = 1 << 62  # past any position


@lru_cache(maxsize=8)
def _readers_note(text: str) -> int:
    """Where the last sentence that says the details are the reader's own, kept as given, starts
    ("Note: I left your phone and email as you gave them"); -1 when there is none. ("Please send
    your details" asks; it tells nothing.)"""
    lower = text.lower()
    words = _words()
    for note in reversed(list(words.readers_document.finditer(lower))):
        lo = max(lower.rfind(stop, 0, note.start()) for stop in ".\n!?") + 1
        hi = min((i for i in (lower.find(stop, note.end()) for stop in ".\n!?") if i >= 0), default=len(lower))
        if words.kept.search(lower, lo, hi) is not None:
            return note.start()
    return -1


def printed_block(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a block of lines that a line names as someone else's, printed
    in the work ("Please keep the manufacturer block on page 2 exactly as printed:⏎⏎  Northwind Air
    Systems Ltd.⏎  …⏎  Technical support: 1-800-555-0147"): the block is the document's content, its
    phone too, unless a line of it claims it or invites contact."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    own = text[lo:len(text) if hi < 0 else hi].strip()
    if len(own) > _BLOCK_LINE + 10:
        return False  # a paragraph under a list is no line of the block
    intro = _introduction(text, lo).lower()
    if not intro:
        return False
    words = _words()
    line = _line(text, start, end)
    return (words.others.search(intro) is not None and not words.invite(line)
            and words.writers.search(line.replace(intro, "")) is None)


def _line(text: str, start: int, end: int, lower: bool = True) -> str:
    """The line of text[start:end], with the line that introduces its block when it is one line
    of an address block ("Please keep the manufacturer block exactly as printed:⏎⏎  Northwind
    Ltd.⏎  Unit 7, 1420 Industrial Parkway")."""
    lo = text.rfind("\n", max(0, start - _REACH_BEFORE), start) + 1 or max(0, start - _REACH_BEFORE)
    hi = text.find("\n", end, end + _REACH_AFTER)
    hi = min(len(text), end + _REACH_AFTER) if hi < 0 else hi
    own = text[lo:hi]
    intro = _introduction(text, lo) if len(own.strip()) <= _BLOCK_LINE + 10 else ""  # a paragraph is no block line
    return (intro + own).lower() if lower else intro + own


# a company's legal form: its registered name stands right before its seat
_LEGAL_FORM = re.compile(r"(?<![^\W_])(?:Co\.,? Ltd\.?|Co\.|Ltd\.?|LLC|Inc\.|GmbH|AG|S\.A\.|S\.L\.|SARL|SAS|"
                         r"S\.r\.l\.|Ltda\.?|Pvt\.? Ltd\.?|PLC|B\.V\.|ООО|АО|LLP)(?![^\W_])")
_YOURS_REACH = 60  # characters: "Your Google Business Profile lists 12 Park Row"
_BLOCK_LINE = 60  # characters: a line of an address block is short and ends no sentence
_ABBREVIATION_END = re.compile(r"(?:^|\s)[^\s\d]{1,5}\.$")  # "Northwind Air Systems Ltd.", "Inc.", "S.A.", "प्रा. लि."


def _introduction(text: str, lo: int) -> str:
    """The line ending with a colon right above the block that holds position `lo` (a line start),
    across blank lines and the block's other short lines; "" when there is none."""
    pos = lo
    for _ in range(8):
        if pos <= 0:
            return ""
        above = text.rfind("\n", 0, pos - 1) + 1
        line = text[above:pos - 1].strip()
        pos = above
        if line.endswith(":"):
            return line + "\n"
        if line and (len(line) > _BLOCK_LINE or (line[-1] in ".!?।۔" and not _ABBREVIATION_END.search(line))):
            return ""
    return ""


# ISO 9 style Latin for Cyrillic names ("Марат" -> "marat"); profile addresses are written in Latin
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))
# "your current public URL is", "tu perfil actual:", "votre page LinkedIn": the reader's page named as such
# ("no service fee on your side: fiverr.com/…" names none)
_YOUR_PAGE = re.compile(
    r"(?<![^\W_])(?:your|ur|tu|su|seu|sua|teu|tua|ton|ta|votre|dein|deine|ihr|ihre|твой|твоя|ваш|ваша|aapka|aapki)\s+"
    r"(?:[\w-]+\s+){0,2}(?:url|urls|profile|page|link|site|website|account|channel|handle|perfil|página|sitio|enlace|"
    r"link|profil|seite|konto|kanal|профиль|страница|сайт|ссылка|аккаунт|канал|profile ka|page ka)(?![^\W_])"
    r"|(?:حسابك|صفحتك|رابطك|موقعك|بروفايلك)"
)
_SLUG = re.compile(r"/(?:in/|@)?([\w.\-]+)/?$")


def readers_page(text: str, start: int, end: int) -> bool:
    """Whether the profile or page address at text[start:end] of a long message is the reader's
    (see the module docstring): its last path segment holds the greeted name, or its sentence
    says "your". (In a chat line "your link, was it cal.com/…?" asks the other party for theirs.)"""
    found = _SLUG.search(text[start:end])
    if found is None or len(text) < BRIEF_MIN:  # a deliverable is written up at length; a chat line is not
        return False
    slug = found.group(1).lower()
    words = _words()
    greeting = words.greeting.search(text[:120].lower())
    if greeting is not None:
        name = "".join(_CYRILLIC.get(ch, ch) for ch in greeting.group("name"))
        if name.isascii() and name in slug:
            return True
    lo = max(text.rfind(".", 0, start - 1), text.rfind("\n", 0, start), start - 120) + 1
    sentence = text[lo:start].lower()
    # "your" beside the address ("your current public URL is …"), not "a questionnaire about your
    # brand, it'll help me give you a tighter quote: bit.ly/…", whose page the writer made
    near = sentence[-60:]
    return _YOUR_PAGE.search(near) is not None and words.writers.search(sentence) is None
