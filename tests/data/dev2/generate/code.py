"""code.jsonl: code, fixtures, tests, configs, logs and identifiers that are data, not
contact (mostly negatives); a few positives where the writer offers their own contact
inside or beside the code."""
from common import R, check_phone, write
from stdnum import iban, luhn

# the identifiers used as negatives are valid by their check digits (so a detector cannot
# reject them just for being malformed)
for card in ["4242424242424242", "4000000000009995", "4000002500003155", "5031433215406351",
             "4235647728025682", "5555555555554477", "4111111111111111", "378282246310005",
             "6011111111111117", "3566002020360505"]:
    assert luhn.is_valid(card), card
for acct in ["ES9121000418450200051332", "FR7630006000011234567890189", "DE89370400440532013000",
             "SA0380000000608010167519", "GB82WEST12345698765432"]:
    assert iban.is_valid(acct), acct

for p in ["+34622418397", "+919820147735", "+79164823715", "+14158293764", "+5511974523861", "+33647821935"]:
    check_phone(p)

recs = []
A = recs.append

# ------------------------------------------------------------ negatives
A(R("en", "The test that fails in CI:\n\n```python\ndef test_format_phone():\n    assert format_phone(\"5555555555\") == \"(555) 555-5555\"\n    assert format_phone(\"\") == \"\"\n```\nIt's the empty-string case that raises.", [], "unit-test-placeholder-phone"))
A(R("en", "Seed data for staging:\n```sql\nINSERT INTO customers (id, name, email, phone) VALUES\n  (1, 'Jane Doe', 'jane.doe@example.com', '+1-202-555-0143'),\n  (2, 'John Roe', 'john.roe@example.net', '+1-202-555-0178');\n```", [], "sql-fixture-reserved-data"))
A(R("en", "Checkout tests use Stripe's cards: 4242 4242 4242 4242 (succeeds), 4000 0000 0000 9995 (insufficient funds) and 4000 0025 0000 3155 (3DS). Any future expiry, any CVC.", [], "luhn-valid-test-cards"))
A(R("en", "config:\n```yaml\nserver:\n  host: 0.0.0.0\n  port: 8000\nfirewall:\n  allow:\n    - 50.22.30.40/32\n    - 10.0.0.0/8\n    - 169.254.169.254/32\n```", [], "ip-ranges-config"))
A(R("en", "Fonts break on Safari, this is the stylesheet:\n```css\n@import url('https://fonts.googleapis.com/css2?family=Inter:wght@400;600&display=swap');\n@font-face { font-family: 'Brand'; src: url('/fonts/brand.woff2') format('woff2'); }\n@media (max-width: 768px) { .hero { padding: 24px; } }\n```", [], "css-at-rules"))
A(R("en", "Please pin these: `npm i react@18.2.0 react-dom@18.2.0 @types/node@20.11.5 eslint@8.57.0` — the 9.x eslint breaks our config.", [], "pkg-at-version"))
A(R("en", "Traceback (most recent call last):\n  File \"/app/billing/charge.py\", line 214, in charge\n    resp = session.post(url, timeout=10)\nrequests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded with url: /v1/charges", [], "python-stack-trace"))
A(R("en", "From the access log:\n2026-03-02T10:15:42Z INFO 192.168.1.24 \"GET /api/v1/orders/4158293764 HTTP/1.1\" 200 1532 rt=0.043\n2026-03-02T10:15:43Z WARN 192.168.1.24 \"GET /api/v1/orders/4158293765 HTTP/1.1\" 404 87 rt=0.012", [], "log-lines-order-ids"))
A(R("en", "The template uses a placeholder block: \"Acme Corp, 123 Main Street, Anytown, CA 90210, (555) 555-5555\" — replace it with the client's data from the CMS.", [], "placeholder-address-template"))
A(R("en", "Validation tests: SSN '078-05-1120' must be rejected as a known invalid, ZIP+4 '94103-1234' accepted, and EIN '12-3456789' formatted with the dash.", [], "ssn-zip4-ein-tests"))
A(R("en", "```python\n@app.route('/contact', methods=['POST'])\n@login_required\ndef contact():\n    send_mail(to=settings.SUPPORT_EMAIL, subject=form.subject.data)\n```\nThe decorator order is wrong, login_required must be inner.", [], "python-decorators-attributes"))
A(R("en", "Deploy with `ssh deploy@203.0.113.10 -p 2222 'cd /srv/app && git pull && systemctl restart app'` and check `git remote -v` shows git@github.com:acme-corp/storefront.git", [], "ssh-user-at-host"))
A(R("en", "Twilio's magic test number +15005550006 returns a valid response without sending; +15005550001 returns 'invalid number'. Use them in the integration tests only.", [], "documented-test-numbers"))
A(R("en", "Error codes we see: ERR_CONNECTION_REFUSED, 0x80070005, HTTP 503, exit code 137 (OOM) and SQLSTATE 23505 on the orders table.", [], "error-codes"))
A(R("en", "Link-local on the Pi is fe80::1ff:fe23:4567:890a and the MAC is 00:1A:2B:3C:4D:5E; the docs range 2001:db8::/32 is what we use in examples.", [], "link-local-mac-ipv6"))
A(R("en", "In the email template the variables are `{{ user.first_name }}` and `{{ company.support_email }}`; the preview shows them unrendered.", [], "template-variables"))
A(R("es", "Este es el test que falla:\n```js\nexpect(validarTelefono('600 000 000')).toBe(false);\nexpect(validarTelefono('(xxx) xxx-xxxx')).toBe(false);\nexpect(validarIBAN('ES91 2100 0418 4502 0005 1332')).toBe(true);\n```", [], "js-test-iban-placeholder"))
A(R("es", "El docker-compose:\n```yaml\nservices:\n  db:\n    image: postgres:16.2\n    ports: [\"5432:5432\"]\n  api:\n    ports: [\"0.0.0.0:8000:8000\"]\n```\n¿Por qué no arranca la api?", [], "docker-compose-ports"))
A(R("es", "Los datos de prueba de la factura: NIF B12345674, CIF A58818501, importe 1.210,00 €, IVA 21 %, pedido 2026-000415.", [], "tax-ids-invoice"))
A(R("es", "En settings.py tengo `EMAIL_HOST = 'smtp.gmail.com'`, `EMAIL_PORT = 587` y `DEFAULT_FROM_EMAIL = 'noreply@example.com'`, pero Django no envía nada.", [], "smtp-config"))
A(R("es", "La traza:\n  at com.tienda.pagos.RedsysGateway.cobrar(RedsysGateway.java:214)\n  at com.tienda.pedidos.PedidoService.confirmar(PedidoService.java:88)\nCaused by: java.net.SocketTimeoutException: Read timed out", [], "java-stack-trace"))
A(R("es", "La regex actual para teléfonos es `^\\+?\\d{1,3}[-.\\s]?\\(?\\d{2,3}\\)?[-.\\s]?\\d{3}[-.\\s]?\\d{3,4}$` y deja pasar cosas raras, ¿la revisas?", [], "phone-regex-in-code"))
A(R("es", "Timestamps del log: 1709371200, 1709457600 y 1709544000; necesito convertirlos a hora de Madrid en el informe.", [], "unix-timestamps"))
A(R("es", "Versiones: `\"lodash\": \"^4.17.21\"`, `\"axios\": \"~1.6.7\"`, `\"@nestjs/core\": \"10.3.3\"` en el package.json.", [], "semver-ranges"))
A(R("es", "Para el test del lector de códigos uso el EAN 8412345678905 y el ISBN 978-84-376-0494-7; ambos tienen que pasar la validación.", [], "ean-isbn"))
A(R("es", "La clase tiene `self.cliente.direccion.calle` y `self.cliente.email.dominio`; el serializer los aplana mal.", [], "python-attributes-dotted"))
A(R("pt", "O teste de CPF:\n```python\nassert valida_cpf('529.982.247-25') is True\nassert valida_cpf('111.111.111-11') is False\nassert valida_cnpj('11.222.333/0001-81') is True\n```", [], "cpf-cnpj-tests"))
A(R("pt", "O .env de exemplo:\n```\nDATABASE_URL=postgres://app:senha@localhost:5432/app\nREDIS_URL=redis://127.0.0.1:6379/0\nPORT=3000\n```\nSó trocar a senha no servidor.", [], "env-urls-localhost"))
A(R("pt", "No log: `2026-03-02 14:02:11 ERROR pedido=11974523861 status=CANCELADO valor=R$ 189,90` — são 11 dígitos mas é o id do pedido.", [], "eleven-digit-order-id"))
A(R("pt", "CSS do tema:\n```css\n@import \"tokens.css\";\n@supports (display: grid) { .grid { gap: 16px; } }\n@keyframes fade { from { opacity: 0 } to { opacity: 1 } }\n```", [], "css-at-rules"))
A(R("pt", "Cartões de teste do Mercado Pago: 5031 4332 1540 6351 (Mastercard) e 4235 6477 2802 5682 (Visa), CVV 123, validade 11/25.", [], "luhn-valid-test-cards"))
A(R("pt", "A tabela de CEPs que vocês mandaram para validar o frete: 01310-100 a 01310-999, 20040-000 a 20099-999 — é só a faixa pra regra.", [], "postcode-ranges-in-rules"))
A(R("pt", "Kotlin:\n```kotlin\npackage br.com.loja.checkout\nimport android.telephony.PhoneNumberUtils\nval formatted = PhoneNumberUtils.formatNumber(input, \"BR\")\n```\nO formatNumber retorna null em alguns casos.", [], "kotlin-package-names"))
A(R("pt", "IPs do balanceador: 172.16.0.10, 172.16.0.11 e o health check em http://10.0.3.5:8080/health.", [], "private-ips-health-url"))
A(R("pt", "O decorator `@Injectable()` e o `@Component({ selector: 'app-carrinho' })` estão no arquivo errado.", [], "ts-decorators"))
A(R("fr", "Le test unitaire :\n```php\n$this->assertEquals('01 23 45 67 89', $formatter->format('0123456789'));\n$this->assertFalse($validator->isValid('00 00 00 00 00'));\n```", [], "php-test-placeholder-numbers"))
A(R("fr", "Numéros pour la facture test : SIREN 732 829 320, TVA FR44 732829320, IBAN FR76 3000 6000 0112 3456 7890 189.", [], "siren-vat-iban"))
A(R("fr", "Dans nginx.conf :\n```\nlisten 0.0.0.0:8000;\nallow 50.22.30.40/32;\ndeny all;\nproxy_pass http://127.0.0.1:3000;\n```", [], "nginx-config"))
A(R("fr", "La stack :\nTypeError: Cannot read properties of undefined (reading 'email')\n    at UserCard (webpack-internal:///./src/components/UserCard.tsx:42:31)\n    at renderWithHooks (react-dom.development.js:16305:18)", [], "js-stack-trace"))
A(R("fr", "Dans le gabarit : « Boutique Démo, 123 rue Principale, 75000 Paris, 01 00 00 00 00 » — c'est un bloc factice à remplacer.", [], "placeholder-address-template"))
A(R("fr", "Les horodatages 1709371200 et 1709457600 et les codes HTTP 429 et 502 reviennent toutes les 15 minutes.", [], "timestamps-error-codes"))
A(R("fr", "Installez `pip install django==5.0.3 psycopg[binary]==3.1.18` et `npm i vite@5.1.4` avant de lancer.", [], "pkg-at-version"))
A(R("fr", "Le numéro de commande 0647821935 est dans la table `orders` mais pas dans Stripe, tu peux vérifier le webhook ?", [], "ten-digit-order-id"))
A(R("fr", "@media print { .no-print { display: none } } et @page { size: A4; margin: 2cm } — la facture PDF déborde.", [], "css-at-rules"))
A(R("de", "Der Test:\n```java\nassertEquals(\"+49 30 123456\", format(\"030123456\"));\nassertTrue(IbanValidator.isValid(\"DE89 3704 0044 0532 0130 00\"));\n```", [], "java-test-iban"))
A(R("de", "Die USt-IdNr. im Impressum-Template ist DE136695976 als Platzhalter, die HRB-Nummer 123456 B — bitte aus dem CMS ziehen.", [], "vat-company-number"))
A(R("de", "Terraform:\n```hcl\ncidr_blocks = [\"50.22.30.40/32\", \"10.20.0.0/16\"]\nfrom_port = 5432\nto_port = 5432\n```", [], "terraform-cidrs"))
A(R("de", "Log:\n[2026-03-02 09:12:55] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '4915147283' for key 'orders.external_id'", [], "laravel-log-external-id"))
A(R("de", "Die Seriennummern der Geräte im Testlauf: SN 4728-3960-0151, IMEI 490154203237518, Firmware 3.12.4.", [], "serial-imei-firmware"))
A(R("de", "`composer require guzzlehttp/guzzle:^7.8 symfony/mailer:6.4.*` und dann `php artisan migrate --seed`.", [], "composer-versions"))
A(R("de", "In der Klasse `Kunde` greift `self.adresse.strasse` auf None zu, wenn `self.adresse.plz` leer ist.", [], "python-attributes-address-words"))
A(R("de", "Die PLZ-Bereiche für die Versandregel: 10115–14199 (Berlin), 20095–22769 (Hamburg), 80331–81929 (München).", [], "postcode-ranges-in-rules"))
A(R("hi", "Test case fail ho raha hai:\n```python\nassert is_valid_mobile('9999999999') is False\nassert is_valid_pan('ABCDE1234F') is True\nassert is_valid_gstin('27AAPFU0939F1ZV') is True\n```", [], "pan-gstin-tests"))
A(R("hi", "Config mein `ALLOWED_HOSTS = ['0.0.0.0', '127.0.0.1']` aur `CORS_ORIGINS = ['http://localhost:5173']` hai, phir bhi CORS error aa raha hai.", [], "django-config-hosts"))
A(R("hi", "Razorpay test card 4111 1111 1111 1111, expiry koi bhi future date, CVV 123 — isi se checkout test karo.", [], "luhn-valid-test-cards"))
A(R("hi", "Log dekho:\n`2026-03-02 11:20:05 ERROR order_id=9820147735 payment_id=pay_NfX4Kq2Lz9 amount=1499.00`", [], "log-ten-digit-order-id"))
A(R("hi", "Aadhaar ke format check ke liye test data 2345 6789 0123 hai (dummy), aur IFSC SBIN0001234.", [], "id-formats-test-data"))
A(R("hi", "Stack trace:\n  File \"app/views.py\", line 88, in checkout\n    order.save()\ndjango.db.utils.IntegrityError: UNIQUE constraint failed: orders_order.invoice_no", [], "python-stack-trace"))
A(R("hi", "`pip install razorpay==1.4.1` aur `npm i @razorpay/checkout@2.0.0` karo, purana version deprecated hai.", [], "pkg-at-version"))
A(R("hi", "Demo data mein Taj Mahal ka address use kiya hai: Dharmapuri, Forest Colony, Tajganj, Agra, Uttar Pradesh 282001 — map widget test karne ke liye.", [], "landmark-demo-data"))
A(R("ru", "Тест:\n```go\nfunc TestPhone(t *testing.T) {\n    if IsValid(\"+7 000 000-00-00\") { t.Fatal(\"placeholder accepted\") }\n}\n```", [], "go-test-placeholder"))
A(R("ru", "В фикстуре `users.json`: `{\"email\": \"test@example.org\", \"inn\": \"7707083893\", \"snils\": \"112-233-445 95\"}` — тестовые данные.", [], "fixture-reserved-inn-snils"))
A(R("ru", "Лог nginx: 10.0.0.15 - - [02/Mar/2026:10:15:42 +0300] \"POST /api/orders/79164823 HTTP/1.1\" 500 312", [], "nginx-log-order-id"))
A(R("ru", "Сервер слушает 0.0.0.0:8000, доступ разрешён только с 50.22.30.40/32 и 192.168.0.0/16.", [], "ip-ranges"))
A(R("ru", "Ставим `pip install aiogram==3.4.1` и `npm i telegraf@4.16.3`, старые версии не поддерживают Mini Apps.", [], "pkg-at-version"))
A(R("ru", "Номер карты для теста ЮKassa: 5555 5555 5555 4477, срок 12/30, CVC 123 — оплата проходит успешно.", [], "luhn-valid-test-cards"))
A(R("ru", "Traceback:\n  File \"/srv/bot/handlers.py\", line 57, in on_start\n    await message.answer(text)\naiogram.exceptions.TelegramBadRequest: Bad Request: chat not found", [], "python-stack-trace"))
A(R("ru", "В модели `self.user.profile.phone` и `self.user.email.lower()` падают, если профиль не создан.", [], "python-attributes"))
A(R("ar", "الاختبار:\n```python\nassert validate_iban('SA03 8000 0000 6080 1016 7519') is True\nassert validate_phone('0500000000') is False\n```", [], "iban-test-placeholder"))
A(R("ar", "الرقم الضريبي في قالب الفاتورة 300000000000003 مجرد مثال من دليل هيئة الزكاة، ورقم السجل التجاري 1010010000.", [], "vat-cr-placeholders"))
A(R("ar", "إعدادات السيرفر: host 0.0.0.0 والمنفذ 8000، والقائمة البيضاء 50.22.30.40/32 فقط.", [], "server-config-ip"))
A(R("ar", "سجل الأخطاء:\nERROR 2026-03-02 10:15:42 order_id=0554172983 status=failed code=E1042", [], "log-order-id"))
A(R("ar", "أستخدم `npm i moment-hijri@2.1.2 react-i18next@14.0.5` لدعم التاريخ الهجري.", [], "pkg-at-version"))
A(R("ar", "في CSS استخدمت @font-face لخط Cairo و@media (max-width: 600px) لكن الاتجاه RTL لا يعمل.", [], "css-at-rules"))
A(R("ar", "بيانات تجريبية: برج خليفة، 1 شارع الشيخ محمد بن راشد، دبي — نستخدمه فقط لاختبار الخريطة في التطبيق.", [], "landmark-demo-data"))
A(R("ar", "بطاقة الاختبار من Moyasar هي 4111 1111 1111 1111 وتاريخ 12/30 و CVC 123.", [], "luhn-valid-test-cards"))

# ------------------------------------------------------------ positives: own contact inside or beside code
A(R("en", "Here's the patch:\n```python\n# Author: Dan Whitfield <dan.whitfield.dev@gmail.com> - email me there for the rest of the fixes\ndef normalise(s):\n    return s.strip().lower()\n```", ["email"], "own-email-in-code-comment"))
A(R("en", "I pushed a branch with the fix. If the build breaks at night, just call me: +1 415 829 3764, faster than waiting for messages here.", ["phone"], "own-phone-beside-code"))
A(R("en", "My staging box has the working version and a contact form for quick questions: http://185.24.61.17:3000/contact", ["link"], "raw-ip-url-own-server"))
A(R("es", "```yaml\n# soporte del proyecto: Mateo, llámame al +34 622 418 397 si falla el despliegue\ndeploy:\n  branch: main\n```", ["phone"], "own-phone-in-yaml-comment"))
A(R("es", "Te dejo el package.json; en \"author\" puse mi correo personal para que me escribas directo: \"Mateo Rodríguez <mateo.rdz.dev@gmail.com>\"", ["email"], "own-email-in-package-json"))
A(R("pt", "```js\n// dúvidas no código? me chama no zap (11) 97452-3861\nexport const api = createClient(BASE_URL)\n```", ["phone", "social"], "own-phone-in-js-comment"))
A(R("pt", "O README do repo tem meu contato, é só seguir: rafael.moura.dev arroba gmail ponto com", ["email"], "spoken-email-beside-code"))
A(R("fr", "```python\n\"\"\"Module de facturation.\nQuestions : écrivez-moi à claire.dubois.dev@gmail.com ou au 06 47 82 19 35.\n\"\"\"\n```", ["email", "phone"], "own-contact-in-docstring"))
A(R("de", "Das Skript läuft. Für Rückfragen außerhalb der Plattform: Signal, Nutzername jonas.b.42", ["social"], "own-signal-beside-code"))
A(R("hi", "```js\n// koi issue ho to WhatsApp karo: +91 98201 47735 (Arjun)\n```\nbaaki code clean hai", ["phone", "social"], "own-phone-in-js-comment"))
A(R("ru", "```sql\n-- вопросы по схеме — пишите в телеграм @ivan_sokolov_dev\nCREATE TABLE orders (id bigserial primary key);\n```", ["social"], "own-telegram-in-sql-comment"))
A(R("ru", "Вот фикс. Если что, мой номер для связи +7 916 482-37-15, звоните в любое время.", ["phone"], "own-phone-beside-code"))
A(R("ar", "```php\n// للتواصل: omar.haddad.dev@gmail.com\n$order->save();\n```\nأرسل لي على الإيميل لو في مشكلة", ["email"], "own-email-in-php-comment"))
A(R("ar", "رفعت الكود على سيرفري الخاص وفيه صفحة تواصل: https://omarhaddad.dev/contact", ["link"], "own-site-beside-code"))

# ------------------------------------------------------------ more negatives
A(R("en", "Amex and Discover test cards for the sandbox: 378282246310005 and 6011111111111117; JCB 3566002020360505. None of them should hit the fraud rule.", [], "luhn-valid-test-cards-unspaced"))
A(R("en", "UK fixtures: company number 09446231, VAT GB980780684, IBAN GB82 WEST 1234 5698 7654 32, and the Ofcom drama number 020 7946 0958 for the phone field.", [], "uk-ids-drama-number"))
A(R("en", "```json\n{\"support_email\": \"support@example.org\", \"sales_phone\": \"+1-555-0100\", \"hq\": \"1 Infinite Loop, Example City\"}\n```\nThe settings page renders this raw.", [], "json-config-placeholders"))
A(R("es", "Excel: `=SUMA(B2:B415)` y `=BUSCARV(A2;Clientes!A:F;6;FALSO)`, la columna F tiene los teléfonos de los clientes de la tienda.", [], "spreadsheet-formulas"))
A(R("pt", "Swift:\n```swift\nlet url = URL(string: \"https://api.example.com/v1/users/\\(id)\")!\nlet req = URLRequest(url: url, timeoutInterval: 30)\n```", [], "swift-reserved-domain"))
A(R("fr", "`kubectl port-forward svc/api 8080:80 -n prod` puis `curl -s localhost:8080/healthz` renvoie 503.", [], "kubectl-port-forward"))
A(R("de", "Die Regex `[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}` matcht auch `name@localhost.test`, das soll der Validator ablehnen.", [], "email-regex-topic"))
A(R("hi", "MAC address 3C:22:FB:1A:9E:07 aur IP 169.254.12.7 dikh raha hai, matlab DHCP nahi mil raha.", [], "mac-link-local"))
A(R("ru", "git clone git@gitlab.com:client-org/shop-backend.git && cd shop-backend && make test — падает на 3 тестах из 214.", [], "git-ssh-url"))
A(R("ar", "في ملف الإعدادات: `MAIL_FROM=no-reply@example.com` و `SMS_SENDER=TESTSMS` — هذه قيم تجريبية.", [], "env-reserved-email"))

write("code", recs)
