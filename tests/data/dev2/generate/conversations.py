"""conversations.jsonl: identifiers split over 2 to 8 messages; only the newest message
(text) is judged and it is labelled only when it completes an identifier."""
from common import R, check_phone, write

for p in ["+14158293764", "+13125559347", "+447832519046", "+34622418397", "+525541729830",
          "+5511974523861", "+351913482765", "+33647821935", "+4915147283960", "+919820147735",
          "+79164823715", "+966554172983", "+971507364182", "+201028473916", "+923001234567",
          "+573001234567", "+4369912345678", "+212612345678"]:
    check_phone(p)

recs = []
A = recs.append

# ---------------------------------------------------------------- en
A(R("en", "and 3764", ["phone"], "one-group-per-message",
    ["Thanks for the proposal, can we talk through the API part?", "Sure. Call me, it's 415", "then 829"]))
A(R("en", "3764)", ["phone"], "pieces-ending-in-bracket",
    ["quick call? (my cell: 415)", "829)"]))
A(R("en", "gmail dot com", ["email"], "domain-completed-later",
    ["What's the best way to send you the brand assets?", "my address is dan.whitfield at", "the usual google one,"]))
A(R("en", "dot com", ["email"], "dot-com-alone",
    ["send the files to dan.whitfield@protonmail", "sorry, forgot the end"]))
A(R("en", "yes, same as my username here", ["social"], "same-as-username-after-skype-request",
    ["Do you have Skype? A quick video call would help me decide.", "I do"], alt=["email"]))
A(R("en", "Replace the # with @ and you have it", ["email"], "replace-hash-with-at",
    ["I'll send you the spec, where to?", "dan.whitfield#outlook.com"]))
A(R("en", "second part is fastmail.com, put the at sign between", ["email"], "first-part-second-part",
    ["Email me the NDA.", "first part is dwhitfield77"]))
A(R("en", "Portland, OR 97214", ["address"], "city-postcode-after-street",
    ["Can you ship the prototype board to me for testing?", "Sure, 2418 SE Belmont St, Apt 3", "that's the street part"]))
A(R("en", "+1 415 829 3764", ["phone", "social"], "app-named-earlier",
    ["Honestly WhatsApp would be faster for the back-and-forth on copy.", "ok, what's the number?", "here you go"]))
A(R("en", "last four are 9347", ["phone"], "last-group-given-later",
    ["My mobile: 312-555", "hold on, typo", "312 555"]))
A(R("en", "it's my name as shown here, at gmail, all lowercase", ["email"], "name-here-at-gmail-after-email-request",
    ["What's your email so I can add you to the Google Drive folder?", "sure"]))
# en negatives
A(R("en", "Great, thanks — I'll start on the wireframes tomorrow.", [], "contact-only-in-history",
    ["my number is +1 415 829 3764", "ok noted"]))
A(R("en", "and delivery by 12 March", [], "two-harmless-numbers",
    ["Budget is 4,150 USD", "Milestone 1: 829 USD"]))
A(R("en", "3764 is the ticket for the login bug", [], "ticket-id-after-numbers",
    ["Ticket 415 is the checkout one", "829 is the password reset"]))
A(R("en", "No worries, we'll keep everything here until the contract starts.", [], "refusal-after-request",
    ["Can I get your email?", "I'd rather not share it before a contract, platform rules."]))

# ---------------------------------------------------------------- es
A(R("es", "y termina en 397", ["phone"], "one-group-per-message",
    ["¿Podemos hablar del presupuesto?", "Claro, mi móvil empieza por 622", "luego 418"]))
A(R("es", "9830)", ["phone", "social"], "pieces-ending-in-bracket-app-named-earlier",
    ["(WhatsApp: +52 55)", "4172)"]))
A(R("es", "punto com", ["email"], "dot-com-alone",
    ["Mándame el contrato a lucia.ferrer arroba gmail", "y al final"]))
A(R("es", "el mismo que mi usuario de aquí", ["social"], "same-as-username-after-skype-request",
    ["¿Tienes Skype? Prefiero una videollamada rápida.", "sí"]))
A(R("es", "cambia la # por @", ["email"], "replace-hash-with-at",
    ["¿A qué correo te mando el brief?", "lucia.ferrer#hotmail.es"]))
A(R("es", "28009 Madrid", ["address"], "city-postcode-after-street",
    ["¿A dónde te envío las muestras impresas?", "Calle de Alcalá 142, 3º B", "y el código postal"]))
A(R("es", "primera parte luciaf.diseno, segunda parte gmail.com, pon la arroba en medio", ["email"], "first-part-second-part",
    ["Pásame tu correo para el NDA"]))
A(R("es", "+34 622 418 397", ["phone", "social"], "app-named-earlier",
    ["¿Seguimos por Telegram?", "vale, pásame tu número"]))
A(R("es", "3001234567", ["phone"], "number-after-request",
    ["Soy de Medellín, ¿me das tu celular para coordinar?", "claro, el mío es este"]))
A(R("es", "es outlook", ["email"], "domain-word-completes",
    ["mi correo es ferrer.lucia arroba", "espera"]))
# es negatives
A(R("es", "Perfecto, empiezo con el diseño el lunes.", [], "contact-only-in-history",
    ["mi número es 622 418 397", "anotado"]))
A(R("es", "y la entrega es el 15/04", [], "two-harmless-numbers",
    ["El total son 1.250 €", "con 3 revisiones"]))
A(R("es", "El pedido 4172 también falló", [], "order-ids-in-a-row",
    ["El pedido 5541 no se cobró", "y el 9830 tampoco"]))
A(R("es", "Entendido, seguimos por aquí hasta que haya contrato.", [], "refusal-after-request",
    ["¿Me das tu WhatsApp?", "Antes del contrato no puedo compartir contactos, son las normas."]))

# ---------------------------------------------------------------- pt
A(R("pt", "e o final é 3861", ["phone"], "one-group-per-message",
    ["Podemos alinhar o escopo por telefone?", "pode, meu número começa com 11", "depois 97452"]))
A(R("pt", "765.", ["phone"], "pieces-ending-in-punctuation",
    ["Telemóvel: 913.", "482."]))
A(R("pt", "ponto com ponto br", ["email"], "dot-com-alone",
    ["manda o briefing pra rafael.moura arroba uol", "e termina com"]))
A(R("pt", "o mesmo do meu usuário aqui", ["social"], "same-as-username-after-skype-request",
    ["Você tem Skype? Queria fazer uma chamada rápida.", "tenho sim"]))
A(R("pt", "troca o # por @", ["email"], "replace-hash-with-at",
    ["Qual seu e-mail pra eu mandar o contrato?", "rafael.moura#gmail.com"]))
A(R("pt", "01310-200 São Paulo", ["address"], "city-postcode-after-street",
    ["Pode mandar o protótipo impresso?", "Av. Paulista, 1578, apto 62"]))
A(R("pt", "(11) 97452-3861", ["phone", "social"], "app-named-earlier",
    ["Vamos pro zap que é mais rápido?", "bora, qual o número?"]))
A(R("pt", "primeira parte rafa.moura.dev, segunda parte outlook.com, coloca o arroba no meio", ["email"], "first-part-second-part",
    ["me passa seu email pro NDA"]))
A(R("pt", "gmail", ["email"], "domain-word-completes",
    ["meu e-mail é rafael.moura.ux", "arroba", "o provedor é"]))
# pt negatives
A(R("pt", "Beleza, começo o layout amanhã cedo.", [], "contact-only-in-history",
    ["meu zap é (11) 97452-3861", "ok"]))
A(R("pt", "e entrega dia 20/05", [], "two-harmless-numbers",
    ["O orçamento fica em R$ 4.800", "com 2 rodadas de ajuste"]))
A(R("pt", "a nota 3861 também", [], "invoice-ids-in-a-row",
    ["A nota fiscal 11974 saiu errada", "a 52 também"]))
A(R("pt", "Combinado, só depois do contrato ativo.", [], "deferral-after-request",
    ["Me passa seu WhatsApp?", "Passo quando o contrato estiver ativo, tá?"]))

# ---------------------------------------------------------------- fr
A(R("fr", "et pour finir 19 35", ["phone"], "one-group-per-message",
    ["On peut s'appeler pour le cahier des charges ?", "oui, c'est le 06 47", "ensuite 82"]))
A(R("fr", "35)", ["phone"], "pieces-ending-in-bracket",
    ["(mon portable : 06 47)", "82 19)"]))
A(R("fr", "point fr", ["email"], "dot-tld-alone",
    ["envoyez le devis à claire.dubois arobase orange", "et ça finit par"]))
A(R("fr", "le même que mon pseudo ici", ["social"], "same-as-username-after-skype-request",
    ["Vous avez Skype ? Ce serait plus simple pour un appel.", "oui"]))
A(R("fr", "remplacez le # par @", ["email"], "replace-hash-with-at",
    ["Quelle adresse mail pour le brief ?", "claire.dubois#laposte.net"]))
A(R("fr", "75011 Paris", ["address"], "city-postcode-after-street",
    ["Je vous envoie les échantillons où ?", "12 rue Oberkampf, 3e étage", "code postal et ville :"]))
A(R("fr", "06 47 82 19 35", ["phone", "social"], "app-named-earlier",
    ["On passe sur WhatsApp ?", "d'accord, votre numéro ?"]))
A(R("fr", "première partie c.dubois.graphisme, deuxième partie gmail.com, mettez l'arobase entre les deux", ["email"], "first-part-second-part",
    ["Votre mail pour l'accord de confidentialité ?"]))
A(R("fr", "H2X 1Y4, Montréal", ["address"], "city-postcode-after-street",
    ["Pour la livraison des affiches ?", "4521, rue Saint-Denis, app. 2"]))
# fr negatives
A(R("fr", "Parfait, je commence les maquettes demain.", [], "contact-only-in-history",
    ["mon numéro : 06 47 82 19 35", "noté"]))
A(R("fr", "livraison le 18 mars", [], "two-harmless-numbers",
    ["Le devis fait 2 400 €", "acompte 30 %"]))
A(R("fr", "et 1935 pour le footer", [], "hex-colors-in-a-row",
    ["Couleur principale #064782", "secondaire #821935"]))
A(R("fr", "Très bien, on reste sur la plateforme.", [], "refusal-after-request",
    ["Vous avez un numéro ?", "Je ne peux pas le donner avant le contrat."]))

# ---------------------------------------------------------------- de
A(R("de", "und zum Schluss 3960", ["phone"], "one-group-per-message",
    ["Können wir kurz telefonieren?", "klar, meine Nummer fängt mit 0151 an", "dann 4728"]))
A(R("de", "3960!", ["phone"], "pieces-ending-in-punctuation",
    ["Ruf an: 0151!", "4728!"]))
A(R("de", "punkt de", ["email"], "dot-tld-alone",
    ["schick es an jonas.becker ät web", "und dann"]))
A(R("de", "gleich wie mein Nutzername hier", ["social"], "same-as-username-after-skype-request",
    ["Hast du Skype? Dann machen wir schnell einen Call.", "ja"]))
A(R("de", "ersetz das # durch @", ["email"], "replace-hash-with-at",
    ["Wohin soll ich das Briefing schicken?", "jonas.becker#posteo.de"]))
A(R("de", "10997 Berlin", ["address"], "city-postcode-after-street",
    ["Wohin schicke ich die Testgeräte?", "Wrangelstraße 47, Hinterhaus, 2. OG"]))
A(R("de", "0151 47283960", ["phone", "social"], "app-named-earlier",
    ["Lass uns auf Signal weitermachen.", "ok, Nummer?"]))
A(R("de", "erster Teil jbecker.dev, zweiter Teil mailbox.org, das At-Zeichen dazwischen", ["email"], "first-part-second-part",
    ["Gib mir deine Mail fürs NDA"]))
A(R("de", "+43 699 12345678", ["phone"], "number-after-request",
    ["Ich sitze in Wien — hast du eine Nummer für Rückfragen?", "ja, hier:"]))
# de negatives
A(R("de", "Super, dann lege ich morgen los.", [], "contact-only-in-history",
    ["Meine Nummer: 0151 47283960", "notiert"]))
A(R("de", "Lieferung bis 14.05.", [], "two-harmless-numbers",
    ["Festpreis 3.900 €", "Anzahlung 1.170 €"]))
A(R("de", "und Ticket 3960 betrifft den Export", [], "ticket-ids-in-a-row",
    ["Ticket 0151 ist der Login-Bug", "4728 ist das Layout"]))
A(R("de", "Alles klar, wir bleiben hier bis zum Vertrag.", [], "refusal-after-request",
    ["Deine Mail?", "Vor dem Vertrag darf ich sie nicht teilen."]))

# ---------------------------------------------------------------- hi
A(R("hi", "aur last mein 47735", ["phone"], "one-group-per-message",
    ["Call pe baat kar lein scope ke baare mein?", "haan, number hai 98201"]))
A(R("hi", "47735)", ["phone"], "pieces-ending-in-bracket",
    ["(mera number: +91 98201)", "(baaki)"]))
A(R("hi", "dot com", ["email"], "dot-com-alone",
    ["files bhej do arjun.mehta at rate gmail", "aur end mein"]))
A(R("hi", "wahi jo yahan mera username hai", ["social"], "same-as-username-after-skype-request",
    ["Skype hai aapka? Ek quick call kar lete.", "haan hai"]))
A(R("hi", "# ki jagah @ laga do", ["email"], "replace-hash-with-at",
    ["email kya hai aapka, NDA bhejna hai?", "arjun.mehta#gmail.com"]))
A(R("hi", "Koramangala, Bangalore 560034", ["address"], "city-postcode-after-street",
    ["Sample kahan courier karun?", "Flat 402, Sai Residency, 5th Cross, near Forum Mall"]))
A(R("hi", "0300 1234567", ["phone", "social"], "app-named-earlier",
    ["WhatsApp pe aa jao bhai, jaldi baat hogi", "number do"]))
A(R("hi", "pehla part arjunm.codes, doosra part outlook.com, beech mein at ka sign", ["email"], "first-part-second-part",
    ["NDA ke liye email bata do"]))
A(R("hi", "gmail", ["email"], "domain-word-completes",
    ["mera email arjun.mehta.dev", "at", "provider hai"]))
# hi negatives
A(R("hi", "Theek hai, kal se kaam shuru karta hoon.", [], "contact-only-in-history",
    ["mera number 98201 47735", "ok note kar liya"]))
A(R("hi", "aur delivery 20 tarikh tak", [], "two-harmless-numbers",
    ["Budget 35,000 rupaye", "advance 10,000"]))
A(R("hi", "aur 47735 wala order bhi", [], "order-ids-in-a-row",
    ["Order 98201 cancel ho gaya", "refund 1,499 ka"]))
A(R("hi", "Samajh gaya, contract ke baad hi share karenge.", [], "deferral-after-request",
    ["WhatsApp number do?", "Contract active hone ke baad de dunga, abhi rules hain."]))

# ---------------------------------------------------------------- ru
A(R("ru", "и в конце 37-15", ["phone"], "one-group-per-message",
    ["Можно созвониться по ТЗ?", "да, номер начинается с 8 916", "потом 482"]))
A(R("ru", "15)", ["phone"], "pieces-ending-in-bracket",
    ["(мой номер: +7 916)", "482 37)"]))
A(R("ru", "точка ру", ["email"], "dot-tld-alone",
    ["пришлите на ivan.sokolov собака yandex", "и в конце"]))
A(R("ru", "такой же, как мой ник здесь", ["social"], "same-as-username-after-telegram-request",
    ["У вас есть телеграм? Так быстрее обсудить.", "есть"]))
A(R("ru", "замените # на @", ["email"], "replace-hash-with-at",
    ["Куда отправить договор?", "ivan.sokolov#mail.ru"]))
A(R("ru", "Москва, 101000", ["address"], "city-postcode-after-street",
    ["Куда отправить образцы?", "ул. Мясницкая, д. 24, кв. 17"]))
A(R("ru", "+7 916 482-37-15", ["phone", "social"], "app-named-earlier",
    ["Давайте в вотсап перейдём", "какой номер?"]))
A(R("ru", "первая часть sokolov.ivan, вторая gmail.com, между ними собачка", ["email"], "first-part-second-part",
    ["Дайте почту для NDA"]))
# ru negatives
A(R("ru", "Отлично, начинаю завтра.", [], "contact-only-in-history",
    ["мой номер +7 916 482-37-15", "записал"]))
A(R("ru", "и срок до 15 мая", [], "two-harmless-numbers",
    ["Бюджет 85 000 ₽", "предоплата 30%"]))
A(R("ru", "и 3715 — по экспорту", [], "ticket-ids-in-a-row",
    ["Задача 916 — баг авторизации", "482 — вёрстка"]))
A(R("ru", "Понял, общаемся здесь до договора.", [], "refusal-after-request",
    ["Дайте телеграм?", "До заключения контракта не могу, правила площадки."]))

# ---------------------------------------------------------------- ar
A(R("ar", "وآخره 2983", ["phone"], "one-group-per-message",
    ["ممكن نتكلم بالتلفون عن المشروع؟", "أكيد، رقمي يبدأ بـ 055", "ثم 417"]))
A(R("ar", "4182)", ["phone", "social"], "pieces-ending-in-bracket-app-named-earlier",
    ["(واتساب: 050)", "736)"]))
A(R("ar", "دوت كوم", ["email"], "dot-com-alone",
    ["أرسل الملفات إلى omar.haddad آت gmail", "وفي الآخر"]))
A(R("ar", "نفس اسم المستخدم هنا", ["social"], "same-as-username-after-skype-request",
    ["عندك سكايب؟ نعمل مكالمة سريعة", "نعم"]))
A(R("ar", "بدّل # بـ @", ["email"], "replace-hash-with-at",
    ["وين أرسل العقد؟", "omar.haddad#outlook.com"]))
A(R("ar", "دبي، الإمارات، ص.ب 24517", ["address"], "po-box-after-street",
    ["وين أرسل العينات؟", "برج الصفا، الطابق 14، مكتب 1407، شارع الشيخ زايد"]))
A(R("ar", "0102 847 3916", ["phone", "social"], "app-named-earlier",
    ["خلينا نكمل على الواتس", "تمام، رقمك؟"]))
A(R("ar", "الجزء الأول omar.h.design والجزء الثاني gmail.com وحط علامة آت بينهم", ["email"], "first-part-second-part",
    ["أعطني إيميلك لاتفاقية السرية"]))
# ar negatives
A(R("ar", "ممتاز، أبدأ التصميم غداً.", [], "contact-only-in-history",
    ["رقمي 055 417 2983", "تم"]))
A(R("ar", "والتسليم يوم 10 مايو", [], "two-harmless-numbers",
    ["السعر 1,500 دولار", "دفعة أولى 450"]))
A(R("ar", "والطلب 2983 كمان", [], "order-ids-in-a-row",
    ["الطلب 0554 ما وصل", "والطلب 417 رجع"]))
A(R("ar", "فهمت، نكمل هنا لحد ما يبدأ العقد.", [], "refusal-after-request",
    ["عطني رقم الواتس؟", "ما أقدر أشاركه قبل العقد، هذه قوانين المنصة."]))


# ---------------------------------------------------------------- longer threads (5 to 8 messages)
A(R("en", "3764 — text first so I know it's you", ["phone"], "long-thread-one-group-per-message",
    ["Hi Dan, I read your proposal for the Shopify migration.", "Thanks! Happy to answer anything.",
     "Do you have experience with Recharge subscriptions?", "Yes, three stores last year.",
     "Great. Could we speak by phone instead?", "ok: 415", "829"]))
A(R("en", "Perfect, I'll send the milestone plan here tonight.", [], "long-thread-contact-only-earlier",
    ["Hi, saw your job post.", "Thanks, can you do it in 2 weeks?", "Yes. You can also reach me at dan.whitfield@gmail.com",
     "Let's keep it here for now.", "Sure.", "What about the budget, 1,200?"]))
A(R("en", "dot io", ["link"], "site-domain-completed-later",
    ["Where can I see more of your work?", "my studio site has everything plus a booking form", "whitfield-studio"], alt=["email"]))
A(R("es", "y el 397 al final, escríbeme cuando puedas", ["phone"], "long-thread-one-group-per-message",
    ["Hola Lucía, vi tu portafolio.", "¡Gracias! ¿Qué necesitas?", "Una identidad para una cafetería en Valencia.",
     "Me encanta. ¿Hablamos por teléfono?", "mi número es 622", "después va 418"]))
A(R("es", "El lunes te mando el primer boceto por aquí.", [], "long-thread-contact-only-earlier",
    ["Hola, ¿sigues disponible?", "Sí.", "Mi correo es lucia.ferrer@gmail.com por si acaso", "Mejor seguimos aquí.", "Vale."]))
A(R("pt", "arroba gmail ponto com", ["email"], "long-thread-email-split",
    ["Oi Rafael, tudo bem?", "Tudo! Vi seu projeto de app.", "Precisa de quanto tempo?", "Umas 6 semanas.",
     "Me manda o cronograma por e-mail?", "manda pra rafael.moura.ux"]))
A(R("fr", "arobase gmail point com", ["email"], "long-thread-email-split",
    ["Bonjour Claire, votre portfolio est superbe.", "Merci beaucoup !", "Vous pouvez faire un logo + charte ?",
     "Oui, en 3 semaines.", "Envoyez-moi un devis détaillé par mail ?", "à c.dubois.graphisme"]))
A(R("de", "und Hausnummer 47, 10997 Berlin", ["address"], "long-thread-address-split",
    ["Hallo Jonas, die Testgeräte sind bereit.", "Super.", "Wohin soll ich sie schicken?", "An mich privat,",
     "Wrangelstraße"]))
A(R("hi", "Kal milte hain project pe, yahin update dunga.", [], "long-thread-contact-only-earlier",
    ["Namaste, proposal dekha", "Dhanyavaad", "mera number 98201 47735 hai", "Yahin baat karte hain abhi", "Theek hai", "Budget 40k chalega?"]))
A(R("ru", "собака гмейл точка ком", ["email"], "long-thread-email-split",
    ["Здравствуйте, Иван!", "Добрый день.", "Можете сверстать лендинг за неделю?", "Да, вполне.",
     "Пришлите КП на почту?", "ivan.sokolov.dev"]))
A(R("ar", "عمارة 18، الطابق الثالث، شقة 12، بجانب مسجد النور", ["address"], "long-thread-address-split",
    ["مرحباً عمر", "أهلاً", "أين أرسل الأجهزة للتجربة؟", "إلى بيتي في عمّان", "شارع الجاردنز"]))
A(R("ar", "تمام، نكمل الاتفاق هنا على المنصة.", [], "long-thread-contact-only-earlier",
    ["السلام عليكم", "وعليكم السلام", "رقمي 050 736 4182", "خلينا هنا أحسن", "ماشي", "السعر 800 دولار؟"]))
A(R("en", "046, any time after 5pm", ["phone"], "long-thread-uk-number",
    ["Hi Priya, thanks for applying.", "Thanks, keen to help.", "Are you in the UK?", "Yes, Leeds.",
     "Can I ring you?", "sure, 07832", "519"]))
A(R("de", "Bestellung 4728 ist auch betroffen", [], "long-thread-ids-in-a-row",
    ["Hallo, im Shop hängen Bestellungen.", "Welche genau?", "0151", "und 3960", "dazu noch 2244"]))
A(R("es", "sí, el 9830", [], "long-thread-order-ids",
    ["Hay pedidos duplicados en la tienda.", "¿Cuáles?", "el 5541", "y el 4172", "¿Alguno más?"]))
A(R("pt", "e o ticket 3861 é o do checkout", [], "long-thread-ticket-ids",
    ["Abri uns chamados no Jira.", "Quais?", "PROJ-11", "PROJ-97452"]))

write("conversations", recs)
