"""structural.jsonl: identifiers broken by structure (line breaks, control and format
characters, emoji, words, dots, markup, entities, encodings) and look-alike negatives."""
import base64

from common import R, check_phone, write

NL, LS, PS, VT, FF, NEL, NUL, DEL, OBJ = "\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x00", "\x7f", "\ufffc"

for p in ["+14158293764", "+12125583041", "+447832519046", "+34622418397", "+525541729830",
          "+5511974523861", "+351913482765", "+33647821935", "+4915147283960", "+919820147735",
          "+79164823715", "+966554172983", "+971507364182", "+201028473916", "+923001234567",
          "+16135550188", "+41791234567", "+212612345678", "+962791234567", "+5491123456789"]:
    check_phone(p)


def b64(s):
    return base64.b64encode(s.encode()).decode()


def hx(s):
    return s.encode().hex()


def pct(s):
    # percent-encode every non-alphanumeric character (what an evader's tool does)
    return "".join(c if c.isalnum() else f"%{ord(c):02X}" for c in s)


def pct_all(s):
    return "".join(f"%{b:02X}" for b in s.encode())


recs = []
A = recs.append

# ---------------------------------------------------------------- en
A(R("en", "Sure, easier to just text me:" + NL + "415" + NL + "829" + NL + "3764", ["phone"], "newline-between-groups"))
A(R("en", "my cell is 415" + LS + "829" + LS + "3764, evenings are best", ["phone"], "u2028-between-groups"))
A(R("en", "call me 415" + VT + "829" + VT + "3764 if the brief is unclear", ["phone"], "vt-between-groups"))
A(R("en", "reach me at 415 📞 829 📞 3764 before Friday", ["phone"], "emoji-between-groups"))
A(R("en", "it's 415 (area) 829 (then) 3764 (last bit), ring me after lunch", ["phone"], "bracketed-words-between-groups"))
A(R("en", "Number: 4.1.5.8.2.9.3.7.6.4 — quicker than waiting for messages here", ["phone"], "dot-every-digit"))
A(R("en", "office line is 415...829...3764 x623, ask for Dan", ["phone"], "triple-dots-and-extension"))
A(R("en", "1.415.829.3764 is my direct line for the kickoff", ["phone"], "leading-1-dotted"))
A(R("en", "+1.415.829.3764 works on WhatsApp too", ["phone", "social"], "dotted-international"))
A(R("en", "2.1.2.five.five.eight.3.0.4.1 — call whenever, I'm on EST", ["phone"], "digits-words-mixed-dots"))
A(R("en", "email me: <b>dan.whitfield</b>@<i>gmail</i>.com and I'll send the deck", ["email"], "markup-inside-email"))
A(R("en", "dan.whitfield&#64;outlook&#46;com — send the NDA there", ["email"], "html-entities"))
A(R("en", "base64 because this chat eats emails: " + b64("dan.whitfield@gmail.com"), ["email"], "base64-email"))
A(R("en", "My email is dan.whit" + NUL + "field@gm" + DEL + "ail.com", ["email"], "nul-del-inside-email"))
A(R("en", "portfolio + contact form: " + pct("https://whitfield-studio.io/contact"), ["link"], "percent-encoded-url"))
A(R("en", "decode this and call: " + hx("+14158293764"), ["phone"], "hex-number"))
A(R("en", "Text 415, then 829, and then 3764. Dan.", ["phone"], "then-between-groups"))
A(R("en", "Let's take this off the app.\u2029dan.whitfield" + OBJ + "@gmail.com", ["email"], "u2029-and-fffc-email"))
# en negatives
A(R("en", "Deliverables:" + NL + "1. Wireframes" + NL + "2. Design system" + NL + "3. Developer handoff" + NL + "Budget: 2,500 USD, 3 weeks", [], "numbered-list"))
A(R("en", "Order reference from your Shopify export is 4158 2937" + NL + "6410 (the dashboard wraps it onto two lines)", [], "order-id-split-by-newline"))
A(R("en", "| sprint | hours | cost |" + NL + "| 1 | 40 | 1200 |" + NL + "| 2 | 35 | 1050 |" + NL + "| 3 | 42 | 1260 |", [], "markdown-table"))
A(R("en", "We're on v3.12.4 of the SDK and move to 4.0.1 next week; 3.11.9 still has the leak.", [], "versions"))
A(R("en", "See section 4.1.5.8 of the spec, and 2.3.7.6 for the edge cases around refunds.", [], "dotted-section-numbers"))
A(R("en", "The header shows <b>Acme</b> <i>Tools</i> and the &amp; in the footer renders literally, can you fix the escaping?", [], "markup-without-contact"))
A(R("en", "The API returns base64, e.g. aGVsbG8gd29ybGQ= for 'hello world'; the decoder must handle missing padding.", [], "base64-topic"))

# ---------------------------------------------------------------- es
A(R("es", "Mejor por teléfono:" + NL + "+34 622" + NL + "418" + NL + "397", ["phone"], "newline-between-groups"))
A(R("es", "mi móvil es 622" + PS + "418" + PS + "397, llámame por la tarde", ["phone"], "u2029-between-groups"))
A(R("es", "Escríbeme al 622 🙂 418 🙂 397 y lo hablamos", ["phone"], "emoji-between-groups"))
A(R("es", "55 (lada) 4172 (luego) 9830 (y listo), es mi celular en CDMX", ["phone"], "bracketed-words-between-groups"))
A(R("es", "6,2,2,4,1,8,3,9,7 es mi número, por si acaso", ["phone"], "comma-every-digit"))
A(R("es", "+52...55...4172...9830 por WhatsApp", ["phone", "social"], "triple-dots-international"))
A(R("es", "seis.dos.dos.4.1.8.tres.9.7 — llámame y cerramos el presupuesto", ["phone"], "digits-words-mixed-dots"))
A(R("es", "mi correo: <span>lucia.ferrer</span>@<span>hotmail</span>.es", ["email"], "markup-inside-email"))
A(R("es", "lucia.ferrer&#64;gmail&#46;com, mándame ahí el brief completo", ["email"], "html-entities"))
A(R("es", "te lo paso codificado: " + b64("+34622418397"), ["phone"], "base64-number"))
A(R("es", "Mi correo es lucia" + FF + ".ferrer@" + FF + "gmail.com", ["email"], "ff-inside-email"))
A(R("es", "mi web con formulario de contacto: " + pct_all("lucia-ferrer.es/contacto"), ["link"], "percent-encoded-url"))
A(R("es", "Llámame: 622, luego 418 y después 397.", ["phone"], "then-between-groups"))
# es negatives
A(R("es", "Tareas:" + NL + "1. Maquetación" + NL + "2. Integración con Stripe" + NL + "3. Pruebas" + NL + "Presupuesto: 1.800 €", [], "numbered-list"))
A(R("es", "El pedido 6224" + NL + "1839 (así sale en la factura, partido en dos líneas) no llegó a Sevilla.", [], "order-id-split-by-newline"))
A(R("es", "Usamos la versión 2.14.3 del plugin; la 2.15.0 rompe el checkout.", [], "versions"))
A(R("es", "Revisa el apartado 3.2.1.4 del pliego y el 5.1.2 sobre plazos.", [], "dotted-section-numbers"))
A(R("es", "Precio: 1.250 €" + NL + "Entrega: 15/03" + NL + "Revisiones: 3", [], "price-then-date"))
A(R("es", "En el HTML ves &lt;b&gt; en vez de negrita; hay que quitar el doble escapado de &amp;.", [], "entities-topic"))

# ---------------------------------------------------------------- pt
A(R("pt", "Me chama no zap:" + NL + "11" + NL + "97452" + NL + "3861", ["phone", "social"], "newline-between-groups"))
A(R("pt", "meu número é (11) 97452" + NEL + "3861, pode ligar", ["phone"], "nel-between-groups"))
A(R("pt", "liga 11 ✅ 97452 ✅ 3861 que eu explico o escopo", ["phone"], "emoji-between-groups"))
A(R("pt", "9.1.3.4.8.2.7.6.5 é o meu telemóvel em Lisboa", ["phone"], "dot-every-digit"))
A(R("pt", "+351 913 (primeiro) 482 (depois) 765 (fim)", ["phone"], "bracketed-words-between-groups"))
A(R("pt", "onze...nove.sete.quatro.cinco.dois...3861 — liga depois das 18h", ["phone"], "digits-words-mixed-dots"))
A(R("pt", "<b>rafael.moura</b>@<i>gmail</i>.com é meu e-mail pessoal", ["email"], "markup-inside-email"))
A(R("pt", "rafael.moura&#x40;outlook&#x2E;com.br — manda o contrato por lá", ["email"], "hex-html-entities"))
A(R("pt", "codifiquei pra passar: " + hx("rafael.moura@gmail.com"), ["email"], "hex-email"))
A(R("pt", "meu email: rafael" + DEL + ".moura@" + OBJ + "gmail.com", ["email"], "del-fffc-inside-email"))
A(R("pt", "Agenda comigo direto: " + b64("https://calendly.com/rafael-moura/30min"), ["link"], "base64-url"))
A(R("pt", "é 11, depois 97452 e depois 3861, me liga", ["phone"], "then-between-groups"))
A(R("pt", "Meu número:" + LS + "+55" + LS + "11" + LS + "97452-3861", ["phone"], "u2028-between-groups"))
# pt negatives
A(R("pt", "Entregas:" + NL + "1. Protótipo" + NL + "2. Layout final" + NL + "3. Manual da marca" + NL + "Valor: R$ 3.200", [], "numbered-list"))
A(R("pt", "O CNPJ do cliente aparece quebrado na nota:" + NL + "12.345.678" + NL + "/0001-95", [], "company-id-split-by-newline"))
A(R("pt", "Estamos no Node 18.19.1 e o Next 14.1.0; a 13.5.6 ainda está em produção.", [], "versions"))
A(R("pt", "Veja o item 2.4.1.3 do edital e o 6.2 sobre multas.", [], "dotted-section-numbers"))
A(R("pt", "R$ 1.974,50" + NL + "12/03/2026" + NL + "38 horas", [], "price-date-hours-lines"))
A(R("pt", "O token vem em base64 (ex.: dGVzdGU6MTIz), preciso só decodificar e validar no backend.", [], "base64-topic"))

# ---------------------------------------------------------------- fr
A(R("fr", "Appelez-moi :" + NL + "06" + NL + "47" + NL + "82" + NL + "19" + NL + "35", ["phone"], "newline-between-pairs"))
A(R("fr", "mon portable : 06 47" + VT + "82 19" + VT + "35", ["phone"], "vt-between-groups"))
A(R("fr", "06 🌸 47 🌸 82 🌸 19 🌸 35, c'est plus rapide que la messagerie", ["phone"], "emoji-between-groups"))
A(R("fr", "0.6.4.7.8.2.1.9.3.5 — je réponds le soir", ["phone"], "dot-every-digit"))
A(R("fr", "zéro six.quarante-sept.82.dix-neuf.35, appelez après 18h", ["phone"], "digits-words-mixed-dots"))
A(R("fr", "06 (d'abord) 47 82 (ensuite) 19 35 (fin)", ["phone"], "bracketed-words-between-groups"))
A(R("fr", "écrivez-moi : <em>claire.dubois</em>@<em>orange</em>.fr", ["email"], "markup-inside-email"))
A(R("fr", "claire.dubois&#64;laposte&#46;net pour le devis", ["email"], "html-entities"))
A(R("fr", "en base64 sinon ça bloque : " + b64("claire.dubois@gmail.com"), ["email"], "base64-email"))
A(R("fr", "mon site avec le formulaire de contact : " + pct("https://claire-dubois-graphiste.fr/contact"), ["link"], "percent-encoded-url"))
A(R("fr", "Mon mail : claire.dubois@" + NUL + "free.fr", ["email"], "nul-inside-email"))
A(R("fr", "+33...6...47...82...19...35 sur WhatsApp", ["phone", "social"], "triple-dots-international"))
A(R("fr", "06 47, puis 82 19, et enfin 35. Appelez-moi demain.", ["phone"], "then-between-groups"))
# fr negatives
A(R("fr", "Étapes :" + NL + "1. Audit" + NL + "2. Maquettes" + NL + "3. Intégration" + NL + "Budget : 4 200 €", [], "numbered-list"))
A(R("fr", "Le numéro de commande 0647" + NL + "821935 apparaît coupé dans l'export CSV.", [], "order-id-split-by-newline"))
A(R("fr", "Article 3.1.4.2 du cahier des charges, et l'annexe 2.7 pour les délais.", [], "dotted-section-numbers"))
A(R("fr", "On passe de Django 4.2.11 à 5.0.3, la 4.1.13 reste sur la préprod.", [], "versions"))
A(R("fr", "Le SIRET du client est 732 829 320" + NL + "00074, il faut le mettre dans le pied de page des factures.", [], "siret-split"))
A(R("fr", "Dans le template, &#64; s'affiche tel quel au lieu de l'arobase : il faut décoder les entités HTML.", [], "entities-topic"))

# ---------------------------------------------------------------- de
A(R("de", "Ruf mich an:" + NL + "0151" + NL + "4728" + NL + "3960", ["phone"], "newline-between-groups"))
A(R("de", "Handy: 0151" + FF + "4728" + FF + "3960, ab 17 Uhr", ["phone"], "ff-between-groups"))
A(R("de", "0151 ☎️ 4728 ☎️ 3960, geht schneller als hier", ["phone"], "emoji-between-groups"))
A(R("de", "0,1,5,1,4,7,2,8,3,9,6,0 ist meine Nummer", ["phone"], "comma-every-digit"))
A(R("de", "+49 (Land) 151 (dann) 4728 (und) 3960", ["phone"], "bracketed-words-between-groups"))
A(R("de", "null.eins.fünf.eins.4728.drei.neun.6.0 — ruf einfach an", ["phone"], "digits-words-mixed-dots"))
A(R("de", "Mail: <strong>jonas.becker</strong>@<strong>web</strong>.de", ["email"], "markup-inside-email"))
A(R("de", "jonas.becker&#64;gmx&#46;de, da schicke ich das Angebot hin", ["email"], "html-entities"))
A(R("de", "als Hex, sonst filtert es: " + hx("jonas.becker@posteo.de"), ["email"], "hex-email"))
A(R("de", "jonas" + NEL + ".becker@" + NEL + "gmail.com — schreib mir da", ["email"], "nel-inside-email"))
A(R("de", "Termin direkt buchen: " + b64("https://cal.com/jonas-becker"), ["link"], "base64-url"))
A(R("de", "Erst 0151, dann 4728 und danach 3960. Bis morgen!", ["phone"], "then-between-groups"))
A(R("de", "+49.151.4728.3960 auch auf Signal", ["phone", "social"], "dotted-international"))
# de negatives
A(R("de", "Leistungen:" + NL + "1. Konzept" + NL + "2. Umsetzung" + NL + "3. Schulung" + NL + "Festpreis 3.900 €", [], "numbered-list"))
A(R("de", "Rechnungsnummer 2026" + NL + "0415" + NL + "8829 (so steht es im PDF umgebrochen)", [], "invoice-id-split"))
A(R("de", "Abschnitt 4.2.1.3 der DSGVO-Checkliste und 7.1 zum Hosting bitte beachten.", [], "dotted-section-numbers"))
A(R("de", "Wir nutzen PHP 8.2.17, Shopware 6.5.8.7 und Symfony 6.4.4.", [], "versions"))
A(R("de", "IBAN des Kunden für die Testbuchung: DE89 3704 0044" + NL + "0532 0130 00", [], "iban-split"))
A(R("de", "Die Vorschau zeigt &lt;strong&gt; statt Fettschrift, das Escaping im Template ist doppelt.", [], "entities-topic"))

# ---------------------------------------------------------------- hi
A(R("hi", "Seedha call kar lo:" + NL + "98201" + NL + "47735", ["phone"], "newline-between-groups"))
A(R("hi", "mera number 98201" + LS + "47735 hai, shaam ko free hoon", ["phone"], "u2028-between-groups"))
A(R("hi", "98201 🙏 47735 pe WhatsApp karo bhai", ["phone", "social"], "emoji-between-groups"))
A(R("hi", "9.8.2.0.1.4.7.7.3.5 yeh mera number hai", ["phone"], "dot-every-digit"))
A(R("hi", "nau.aath.2.0.ek.4.saat.7.teen.5 — call karna", ["phone"], "digits-words-mixed-dots"))
A(R("hi", "+91 (pehle) 98201 (phir) 47735 (bas)", ["phone"], "bracketed-words-between-groups"))
A(R("hi", "mail karo: <b>arjun.mehta</b>@<i>gmail</i>.com", ["email"], "markup-inside-email"))
A(R("hi", "arjun.mehta&#64;yahoo&#46;in pe details bhej do", ["email"], "html-entities"))
A(R("hi", "yeh base64 hai, decode kar lena: " + b64("+919820147735"), ["phone"], "base64-number"))
A(R("hi", "email arjun" + OBJ + ".mehta" + NUL + "@gmail.com hai", ["email"], "fffc-nul-inside-email"))
A(R("hi", "meri site pe contact form hai: " + pct("https://arjunmehta.in/contact-us"), ["link"], "percent-encoded-url"))
A(R("hi", "pehle 98201 likho, phir 47735. Bas call kar dena.", ["phone"], "then-between-groups"))
A(R("hi", "Urdu wala number: 0300...123...4567, Karachi", ["phone"], "triple-dots-between-groups"))
# hi negatives
A(R("hi", "Kaam ki list:" + NL + "1. Landing page" + NL + "2. Admin panel" + NL + "3. Testing" + NL + "Budget 45,000 rupaye", [], "numbered-list"))
A(R("hi", "Order ID 98201" + NL + "47731 (app mein do line mein dikh raha hai) ka refund nahi aaya", [], "order-id-split-by-newline"))
A(R("hi", "React 18.2.0 pe hai, 18.3.1 pe upgrade karna hai aur Node 20.11.1 chahiye.", [], "versions"))
A(R("hi", "Spec ka section 3.4.1.2 aur 5.2 dekh lo, wahan payment flow hai.", [], "dotted-section-numbers"))
A(R("hi", "GSTIN client ka 27AAPFU0939F" + NL + "1ZV hai, invoice pe daalna hai", [], "gstin-split"))
A(R("hi", "Price: 12,000" + NL + "Date: 14.03.2026" + NL + "Hours: 24", [], "price-date-hours-lines"))

# ---------------------------------------------------------------- ru
A(R("ru", "Позвоните мне:" + NL + "+7 916" + NL + "482" + NL + "37" + NL + "15", ["phone"], "newline-between-groups"))
A(R("ru", "мой номер 916" + PS + "482" + PS + "37" + PS + "15, звоните после шести", ["phone"], "u2029-between-groups"))
A(R("ru", "8 916 🔥 482 🔥 37 🔥 15 — в телеге тоже есть", ["phone", "social"], "emoji-between-groups"))
A(R("ru", "8.9.1.6.4.8.2.3.7.1.5 — мой мобильный", ["phone"], "dot-every-digit"))
A(R("ru", "восемь.девять.1.6.482.тридцать семь.15 — наберите", ["phone"], "digits-words-mixed-dots"))
A(R("ru", "916 (код) 482 (дальше) 37 15 (всё)", ["phone"], "bracketed-words-between-groups"))
A(R("ru", "почта: <b>ivan.sokolov</b>@<i>yandex</i>.ru", ["email"], "markup-inside-email"))
A(R("ru", "ivan.sokolov&#64;mail&#46;ru — пришлите ТЗ туда", ["email"], "html-entities"))
A(R("ru", "в hex, чтобы не резало: " + hx("ivan.sokolov@yandex.ru"), ["email"], "hex-email"))
A(R("ru", "Мой email ivan" + VT + ".sokolov@" + VT + "gmail.com", ["email"], "vt-inside-email"))
A(R("ru", "мой сайт с контактами: " + b64("https://sokolov-dev.ru/contacts"), ["link"], "base64-url"))
A(R("ru", "Сначала 916, потом 482, а потом 37-15. Жду звонка.", ["phone"], "then-between-groups"))
A(R("ru", "+7...916...482...37...15 в ватсапе", ["phone", "social"], "triple-dots-international"))
# ru negatives
A(R("ru", "Этапы:" + NL + "1. Прототип" + NL + "2. Дизайн" + NL + "3. Вёрстка" + NL + "Бюджет 85 000 ₽", [], "numbered-list"))
A(R("ru", "Номер заказа 8916" + NL + "482371 (в выгрузке перенос строки), оплата прошла?", [], "order-id-split-by-newline"))
A(R("ru", "Пункт 4.3.1.2 ТЗ и раздел 7.1 про сроки — посмотрите, пожалуйста.", [], "dotted-section-numbers"))
A(R("ru", "Сейчас Python 3.11.8, Django 4.2.10; на 5.0.2 переходим после релиза.", [], "versions"))
A(R("ru", "ИНН клиента 7707083893, КПП 773601001" + NL + "ОГРН 1027700132195 — для договора.", [], "company-ids-lines"))
A(R("ru", "Сумма: 48 500" + NL + "Дата: 21.04.2026" + NL + "Часы: 37", [], "price-date-hours-lines"))

# ---------------------------------------------------------------- ar
A(R("ar", "اتصل بي مباشرة:" + NL + "055" + NL + "417" + NL + "2983", ["phone"], "newline-between-groups"))
A(R("ar", "رقمي 050" + LS + "736" + LS + "4182 على الواتساب", ["phone", "social"], "u2028-between-groups"))
A(R("ar", "0102 ⭐ 847 ⭐ 3916 كلمني بالليل", ["phone"], "emoji-between-groups"))
A(R("ar", "0.5.5.4.1.7.2.9.8.3 هذا رقمي", ["phone"], "dot-every-digit"))
A(R("ar", "صفر.خمسة.خمسة.4.1.7.اثنان.9.8.3 اتصل بي", ["phone"], "digits-words-mixed-dots"))
A(R("ar", "+966 (أولاً) 55 (ثم) 417 (بعدها) 2983", ["phone"], "bracketed-words-between-groups"))
A(R("ar", "إيميلي: <b>omar.haddad</b>@<i>gmail</i>.com", ["email"], "markup-inside-email"))
A(R("ar", "omar.haddad&#64;hotmail&#46;com أرسل لي الملفات هناك", ["email"], "html-entities"))
A(R("ar", "مشفر بـ base64: " + b64("omar.haddad@gmail.com"), ["email"], "base64-email"))
A(R("ar", "البريد omar" + DEL + ".haddad@" + NUL + "outlook.com", ["email"], "del-nul-inside-email"))
A(R("ar", "موقعي وفيه نموذج تواصل: " + pct("https://omarhaddad.design/contact"), ["link"], "percent-encoded-url"))
A(R("ar", "أولاً 055، ثم 417، وبعدها 2983. انتظر اتصالك.", ["phone"], "then-between-groups"))
A(R("ar", "+971...50...736...4182 واتس", ["phone", "social"], "triple-dots-international"))
# ar negatives
A(R("ar", "المهام:" + NL + "1. تصميم الواجهة" + NL + "2. ربط الدفع" + NL + "3. الاختبار" + NL + "الميزانية 2,000 دولار", [], "numbered-list"))
A(R("ar", "رقم الطلب 0554" + NL + "172981 يظهر مقسوماً في الفاتورة", [], "order-id-split-by-newline"))
A(R("ar", "نستخدم Laravel 10.48.4 وPHP 8.3.4 والنسخة 9.52.16 على السيرفر القديم.", [], "versions"))
A(R("ar", "راجع البند 3.2.1.5 من كراسة الشروط والبند 6.4 للمواعيد.", [], "dotted-section-numbers"))
A(R("ar", "السعر: 3,500" + NL + "التاريخ: 12.05.2026" + NL + "الساعات: 40", [], "price-date-hours-lines"))
A(R("ar", "الرقم الضريبي للعميل 300012345600003 يجب أن يظهر في الفاتورة.", [], "vat-number"))

# ---------------------------------------------------------------- more: emails split by line breaks and emoji, decoys, encodings
A(R("en", "my email:" + NL + "dan.whitfield" + NL + "@" + NL + "gmail.com", ["email"], "newline-inside-email"))
A(R("es", "correo: lucia.ferrer🌸@🌸gmail🌸.com", ["email"], "emoji-inside-email"))
A(R("de", "Schreib an jonas.becker" + NL + "@web.de, da lese ich öfter", ["email"], "newline-inside-email"))
A(R("ru", "почта ivan.sokolov" + LS + "@yandex" + LS + ".ru", ["email"], "u2028-inside-email"))
A(R("fr", "+33.6.47.82.19.35 — mon portable", ["phone"], "dotted-international"))
A(R("pt", "codifiquei: " + pct_all("+5511974523861"), ["phone"], "percent-encoded-number"))
A(R("ar", "رابط موقعي بالهكس: " + hx("https://omarhaddad.design/contact"), ["link"], "hex-url"))
A(R("en", "Fixture for the import test:" + NL + NL.join(f"user{i:02d}@example.com" for i in range(1, 37)) + NL + NL + "btw mine, for the contract stuff: dan.whitfield@gmail.com", ["email"], "real-email-after-36-decoys"))
A(R("en", "Test users for the mailer (all reserved):" + NL + ", ".join(f"qa{i:02d}@example.org" for i in range(1, 41)), [], "forty-reserved-decoys-only"))
A(R("hi", "Pending orders: " + ", ".join(str(50000 + 37 * i) for i in range(60)) + ". Aur mera number 98201 47735 hai, call karo.", ["phone"], "real-number-after-60-decoy-ids"))
A(R("es", "Servidores: 10.0.0.1, 10.0.0.2 y 10.0.4.17; la versión 1.4.2.9 del agente corre en los tres.", [], "dotted-ips-versions"))
A(R("ru", "Список задач:" + NL + "4.1. Авторизация" + NL + "4.2. Корзина" + NL + "4.3. Оплата" + NL + "5.1. Тесты", [], "dotted-numbered-list"))

write("structural", recs)
