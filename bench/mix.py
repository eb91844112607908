"""Distinct, realistic marketplace chat for the speed benchmark, from templates and seeded randomness.

About 85% of messages are clean work talk, dense with what a contact detector has to look at
and let pass (prices, dates, versions, order and ticket numbers, sizes, app names, links to
documentation); about 15% carry contact information in one of many forms and disguises, often
buried in a longer message. Every text a `Mix` returns is new: no two are equal, across all the
sets drawn from one `Mix` (measured messages, warm-up, conversations, long texts), so no cache
keyed on a text, a number or a history can flatter the engine.

Not a quality corpus: the generator is written knowing the engine; it only makes the work
realistic in kind and amount.
"""

from __future__ import annotations

import random
import string

import phonenumbers

# ---------------------------------------------------------------- vocabulary

FIRST = ["john", "maria", "ahmed", "li", "priya", "carlos", "anna", "kwame", "sofia", "dmitri", "fatima", "lucas",
         "emma", "raj", "chen", "olga", "james", "aisha", "mateo", "yuki", "noah", "leila", "ivan", "grace", "omar",
         "nina", "tunde", "sara", "diego", "hana", "paul", "zara", "felix", "mei", "arjun", "elena", "samuel", "ines"]
LAST = ["doe", "silva", "khan", "wang", "sharma", "garcia", "kowalski", "mensah", "rossi", "petrov", "haddad",
        "martin", "smith", "patel", "zhang", "ivanova", "brown", "okafor", "lopez", "tanaka", "muller", "nguyen",
        "dubois", "costa", "ali", "schmidt", "kim", "novak", "adeyemi", "fischer", "moreau", "santos", "berg"]
CLIENT_WORDS = ["bakery", "yoga studio", "law firm", "dental clinic", "coffee roaster", "bike shop", "SaaS startup",
                "real estate agency", "NGO", "fashion brand", "podcast", "online school", "pet store", "hotel",
                "crypto wallet", "food truck", "architecture office", "indie game", "fitness app", "wine bar"]
DELIVERABLES = ["logo", "landing page", "Shopify store", "React dashboard", "Flutter app", "WordPress site",
                "data pipeline", "SEO audit", "product video", "pitch deck", "newsletter template", "brand guide",
                "checkout flow", "REST API", "admin panel", "mobile mockups", "explainer animation", "blog posts",
                "product descriptions", "Chrome extension", "Airtable base", "Excel model", "Power BI report",
                "Figma prototype", "email sequence", "ad creatives", "app icon", "onboarding screens", "scraper"]
TECH = ["React", "Vue", "Angular", "Next.js", "Nuxt", "Svelte", "Node", "Django", "Flask", "FastAPI", "Laravel",
        "Rails", "Spring Boot", "Flutter", "React Native", "Kotlin", "Swift", "Go", "Rust", "PostgreSQL", "MySQL",
        "MongoDB", "Redis", "Tailwind", "Bootstrap", "TypeScript", "Python", "PHP", "WooCommerce", "Magento",
        "Webflow", "Docker", "Kubernetes", "Terraform", "Elasticsearch", "GraphQL", "Pandas", "PyTorch", "Unity"]
APPS = ["Figma", "Notion", "Jira", "Trello", "Asana", "Canva", "Photoshop", "Illustrator", "After Effects",
        "Premiere", "Shopify", "Stripe", "PayPal", "Google Analytics", "Search Console", "Zapier", "Airtable",
        "HubSpot", "Mailchimp", "Klaviyo", "Hotjar", "Sentry", "Vercel", "Netlify", "Firebase", "Supabase", "AWS",
        "Cloudflare", "GitHub", "GitLab", "Bitbucket", "Loom", "Miro", "Framer", "Blender", "Lightroom", "Excel"]
DOC_LINKS = [
    "https://docs.python.org/3/library/{py}.html", "https://developer.mozilla.org/en-US/docs/Web/CSS/{css}",
    "https://react.dev/reference/react/{hook}", "https://stripe.com/docs/payments/{stripe}",
    "https://tailwindcss.com/docs/{css}", "https://github.com/{repo}/issues/{issue}",
    "https://nextjs.org/docs/app/building-your-application/{next}", "https://laravel.com/docs/{lv}/{lvpage}",
    "https://shopify.dev/docs/api/admin-graphql/{lv}", "https://www.postgresql.org/docs/{pg}/{pgpage}.html",
    "https://fonts.google.com/specimen/{font}", "https://support.google.com/analytics/answer/{issue}",
    "docs.djangoproject.com/en/{dj}/topics/{djpage}/", "https://www.figma.com/community/file/{figma}",
]
DOC_SLOTS = {
    "py": ["asyncio", "datetime", "csv", "json", "pathlib", "re", "sqlite3", "logging", "typing", "zoneinfo"],
    "css": ["grid", "flex-wrap", "aspect-ratio", "position", "font-size", "z-index", "clamp", "gap", "transition"],
    "hook": ["useEffect", "useMemo", "useState", "useReducer", "useCallback", "useRef", "Suspense", "memo"],
    "stripe": ["checkout", "payment-intents", "webhooks", "refunds", "subscriptions", "3d-secure"],
    "repo": ["vercel/next.js", "facebook/react", "tailwindlabs/tailwindcss", "django/django", "pallets/flask",
             "laravel/framework", "flutter/flutter", "microsoft/TypeScript", "nodejs/node", "vitejs/vite"],
    "next": ["routing", "data-fetching", "caching", "optimizing/images", "deploying"],
    "lv": ["10.x", "11.x", "2024-01", "2024-07", "2025-01"],
    "lvpage": ["queues", "validation", "eloquent", "migrations", "billing"],
    "pg": ["14", "15", "16", "17"],
    "pgpage": ["indexes", "sql-select", "datatype-json", "ddl-partitioning", "functions-datetime"],
    "font": ["Inter", "Poppins", "Roboto", "Lato", "Montserrat", "Open+Sans", "DM+Sans"],
    "dj": ["4.2", "5.0", "5.1"],
    "djpage": ["auth", "forms", "db/queries", "cache", "i18n"],
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
CITIES = ["Lagos", "Nairobi", "Manila", "Lahore", "Kyiv", "Lisbon", "Austin", "Toronto", "Cairo", "Bogotá",
          "Jakarta", "Warsaw", "Berlin", "Mumbai", "São Paulo", "Dhaka", "Accra", "Tbilisi", "Hanoi", "Madrid"]
STREETS = ["Maple", "Oak", "Church", "Victoria", "Station", "Market", "Sunset", "Lake", "Hill", "Mill", "Park",
           "King", "Queen", "Cedar", "River", "Elm", "Highland", "Washington", "Lincoln", "Bridge"]
STREET_TYPES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Lane", "Drive", "Way", "Court", "Place"]
TLDS = ["com", "net", "io", "co", "dev", "me", "studio", "design", "co.uk", "de", "com.br", "in"]
MAILHOSTS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "proton.me", "icloud.com", "mail.ru",
             "yandex.ru", "gmx.de", "hotmail.co.uk", "live.com", "aol.com", "zoho.com", "web.de"]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
PHONE_REGIONS = ["US", "GB", "IN", "DE", "FR", "BR", "NG", "KE", "PH", "PK", "ES", "IT", "MX", "AU", "CA", "AE",
                 "RU", "ZA", "ID", "EG", "TR", "PL", "NL", "UA", "BD"]

# ---------------------------------------------------------------- clean sentences
# Slots: {amount} {amount2} {date} {weekday} {time} {version} {tech} {app} {app2} {doc} {deliverable}
# {client} {pct} {n} {n2} {days} {hours} {order} {ticket} {size} {res} {http} {city} {first} {tz} {qty}

CLEAN_EN = [
    "Thanks for the proposal! Can you share more about your experience with {tech} and {tech2}?",
    "Sure, I can start on {weekday}. The first milestone would be the {deliverable}, about {days} days of work.",
    "The budget is {amount} for the whole project, paid in {n} milestones.",
    "Deadline is {date}, please keep the {deliverable} under {size} and use the brand colours.",
    "I fixed the bug in {version}, the checkout now loads in {secs} s instead of {secs2} s on mobile.",
    "Let's do {n} revisions max. I'll send the first draft by {weekday} {time}.",
    "Order #{order} arrived damaged, can you redo the product photos?",
    "The API returns {http} after {qty} requests per minute; I'll add a retry with backoff.",
    "Our open rate is {pct}% — can you redesign the {deliverable}?",
    "I'm based in {city}, {tz}, so mornings your time work best for me.",
    "The {app} file looks good. Please tighten the spacing in the hero section.",
    "Can you migrate the {client} site from {tech} to {tech2} without losing the SEO?",
    "I've attached the invoice for milestone {n} ({amount}); it's in the files tab.",
    "Quick update: {pct}% of the {deliverable} is done, the rest should be ready by {date}.",
    "The images must be {res} px, max {size} each, in WebP if possible.",
    "See {doc} for how the cache works, that's why the page was stale.",
    "I followed {doc} but the build still fails on {tech} {version}.",
    "Ticket {ticket} is fixed, please pull the latest build and test again.",
    "We need {qty} product descriptions of about {n2}0 words each, {amount} in total.",
    "Can you hop on a call here on the platform {weekday} at {time}? {hours} hours should be enough.",
    "The {client} wants a {deliverable} and a {deliverable2}, budget around {amount}.",
    "I used {app} for the mockups and {app2} for the handoff, both are shared in the workspace.",
    "Lighthouse score went from {n2} to {pct} after lazy loading the images.",
    "Please use {tech} {version} — the older release has a bug with {app}.",
    "Revenue last quarter was {amount}, up {pct}% from {amount2}; can you put that in the deck?",
    "I can do {amount} per hour, or {amount2} fixed for the whole {deliverable}.",
    "Error {http} again on /api/v{n}/orders/{order}, the logs are in {app}.",
    "The sprint ends on {date}; {qty} story points left, mostly the {deliverable}.",
    "Shipping is {amount} for orders under {amount2}, free above that.",
    "Test card 4242 4242 4242 4242 works in {app} test mode, any CVC, expiry {mm}/{yy}.",
    "Room {n2}{n} on floor {n} has the projector, the workshop is {weekday} from {time}.",
    "Version {version} is live. Changelog: {qty} fixes, dark mode, faster search.",
    "The dataset has {qty},{n2}{n}0 rows and {n2} columns, about {size} as CSV.",
    "I'll need admin access to {app} and the {tech} repo to continue.",
    "Regarding the {deliverable}: the client prefers {font} at {n2}px for headings.",
    "Hi {first}, hope you're well! Any news on the {deliverable}?",
    "Perfect, thank you {first}. I'll review it tonight and leave comments in {app}.",
    "No worries, take your time. {weekday} or {weekday2} is fine for me.",
    "Could you also add {app} tracking? The ID is in the brief, UA-{order}-{n}.",
    "The margin on SKU {ticket} is {pct}%, the other {qty} SKUs are fine.",
    "Can we keep all communication here until the contract starts? Thanks!",
    "Delivery took {days} days, the tracking number ended in {n2}{n}{n}.",
    "My rate went up {pct}% this year, so the new quote is {amount}.",
    "The podcast episode is {mins} minutes long, I cut it to {mins2} and removed the ads.",
    "Please check {doc}, step {n} explains the webhook signature.",
    "It works on Chrome {n2}{n} but not Safari {n}{n}.{n}, looks like a flexbox issue.",
    "Our server is {tech} on {app}, {n} vCPU and {n2} GB RAM.",
]
CLEAN_OTHER = [
    "¿Puedes entregar el {weekday_es}? El presupuesto es de {amount_eu} en total.",
    "Gracias, el {deliverable} quedó muy bien, solo cambia el color del botón.",
    "Obrigado! Vou revisar o layout hoje e te mando o feedback aqui mesmo até {time}.",
    "O orçamento de {amount_eu} está ok, podemos começar {weekday_pt}.",
    "Merci, je commence la maquette demain matin, livraison prévue le {day} {month_fr}.",
    "Le devis n° {ticket} de {amount_eu} est validé, merci.",
    "Danke, die Rechnung Nr. {year}-{n2}{n}{n} über {amount_eu} ist bezahlt.",
    "Die neue Version {version} läuft, bitte testen und Feedback bis {weekday_de}.",
    "Bhai design mast hai, bas font thoda bada kar do aur colours same rakho.",
    "Kal tak {deliverable} bhej dunga, {amount_in} theek hai.",
    "Спасибо, правки внесу до пятницы, бюджет {n2} 000 рублей устраивает.",
    "Версия {version} готова, осталось {n} задач.",
    "شكرا، سأرسل التصميم النهائي غدا إن شاء الله",
    "الميزانية {n2}00 دولار، والتسليم خلال {days} أيام",
    "Grazie, il {deliverable} è pronto, manca solo la versione mobile.",
    "Dzięki, faktura na {amount_eu} jest w załączniku.",
    "Terima kasih, revisi ke-{n} sudah saya upload di sini.",
    "Salamat po, tapos na yung {deliverable}, check niyo na lang.",
]
SHORT = [
    "ok thanks {first}", "Sounds good!", "done, check {version}", "sent {emoji}", "yes {amount} works",
    "see you {weekday}", "what's the ETA on the {deliverable}?", "invoice {ticket} paid", "{pct}% done",
    "can you do {amount}?", "approved {emoji}", "uploaded {qty} files", "fixed in {version}", "{weekday} {time}?",
    "ok, {days} days then", "great work on the {deliverable}!", "any update?", "perfecto, gracias {first}",
    "merci {first} !", "danke, passt {emoji}", "on it", "ty! {emoji}", "np, {time} works", "{app} link updated",
]
EMOJI = ["👍", "🙏", "✅", "😊", "🔥", ":)", "🎉", "👌", ""]
OPENERS = ["", "", "", "Hi! ", "Hello, ", "Hey {first}, ", "Thanks! ", "Ok so ", "Quick one: ", "Good morning! ",
           "Update: ", "Sorry for the delay. ", "Got it. ", "Yes, ", "Also, "]
CLOSERS = ["", "", "", " Thanks!", " Let me know.", " Cheers", " :)", " 🙏", " 👍", " Regards", " thx", " ok?"]

# ---------------------------------------------------------------- contact sentences
# Slot {c} is filled with a generated piece of contact information in some form.
CONTACT_PHONE = [
    "call me on {c} so we can talk details", "my number is {c}", "WhatsApp me: {c}", "text me at {c}",
    "reach me at {c} anytime after {time}", "here's my cell {c}, faster than this chat", "ping me {c}",
    "mi número es {c}", "meu zap é {c}", "mon numéro: {c}", "meine Nummer ist {c}", "mera number {c} hai",
    "мой номер {c}", "رقمي {c}", "viber/whatsapp {c}", "if the site is down use {c}", "{c} call me",
]
CONTACT_EMAIL = [
    "my email is {c}, send the brief there", "{c} is better for files", "mail me at {c}",
    "send the contract to {c} instead", "you can write to {c}", "email: {c}", "contact me on {c} pls",
    "mi correo es {c}", "meu e-mail: {c}", "écris-moi à {c}", "schreib mir an {c}", "почта {c}",
]
CONTACT_HANDLE = [
    "add me on telegram {c}, faster there", "my skype is {c}", "insta: {c}", "discord {c}",
    "find me on tg {c}", "signal: {c}", "dm me on twitter {c}", "my snap is {c}", "wechat id {c}",
]
CONTACT_LINK = [
    "book a call here: {c}", "my portfolio with contact form: {c}", "here's my linkedin {c}",
    "chat directly: {c}", "all my details are on {c}",
]
CONTACT_ADDRESS = [
    "Ship it to {c}", "my studio is at {c}, come by", "send the samples to {c}", "meet me at {c}",
]


class Mix:
    """A seeded source of distinct messages; every text it returns is new."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.seen: set[str] = set()
        self._valid_cache: dict[str, list[phonenumbers.PhoneNumber]] = {}

    # ------------------------------------------------------------ slots

    def _amount(self) -> str:
        r = self.rng
        value = r.choice([r.randint(5, 99), r.randint(100, 999), r.randint(1000, 25000), r.randint(25, 400) * 50])
        style = r.randrange(6)
        if style == 0:
            return f"${value:,}"
        if style == 1:
            return f"€{value}"
        if style == 2:
            return f"{value:,}".replace(",", ".") + " €"
        if style == 3:
            return f"£{value}.{r.randint(0, 99):02d}"
        if style == 4:
            return f"USD {value}"
        return f"${value / 1000:.1f}k" if value >= 1000 else f"${value}"

    def _date(self) -> str:
        r = self.rng
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2025, 2026, 2027])
        return r.choice([f"{m:02d}/{d:02d}/{y}", f"{d}.{m}.{y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m - 1]} {d}",
                         f"{d} {MONTHS[m - 1][:3]}", f"{WEEKDAYS[r.randrange(7)]} the {d}th"])

    def _version(self) -> str:
        r = self.rng
        return r.choice([f"v{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}",
                         f"{r.randint(1, 25)}.{r.randint(0, 12)}",
                         f"{r.randint(1, 5)}.{r.randint(0, 9)}.{r.randint(0, 99)}-beta.{r.randint(1, 9)}"])

    def _doc(self) -> str:
        r = self.rng
        link = r.choice(DOC_LINKS)
        for key, values in DOC_SLOTS.items():
            link = link.replace("{" + key + "}", r.choice(values))
        return link.replace("{issue}", str(r.randint(1000, 99999))).replace("{figma}", str(r.randint(10**17, 10**18)))

    def _fill(self, template: str) -> str:
        r = self.rng
        values = {
            "amount": self._amount, "amount2": self._amount, "date": self._date, "version": self._version,
            "doc": self._doc,
            "weekday": lambda: r.choice(WEEKDAYS), "weekday2": lambda: r.choice(WEEKDAYS),
            "time": lambda: r.choice([f"{r.randint(1, 12)}pm", f"{r.randint(7, 22)}:{r.choice(['00', '15', '30'])}",
                                      f"{r.randint(8, 11)} am",
                                      f"{r.randint(1, 11)}:30 {r.choice(['CET', 'EST', 'IST', 'GMT'])}"]),
            "tech": lambda: r.choice(TECH), "tech2": lambda: r.choice(TECH),
            "app": lambda: r.choice(APPS), "app2": lambda: r.choice(APPS),
            "deliverable": lambda: r.choice(DELIVERABLES), "deliverable2": lambda: r.choice(DELIVERABLES),
            "client": lambda: r.choice(CLIENT_WORDS), "pct": lambda: str(r.randint(1, 99)),
            "n": lambda: str(r.randint(2, 9)), "n2": lambda: str(r.randint(10, 99)),
            "days": lambda: str(r.randint(2, 14)), "hours": lambda: str(r.randint(1, 3)),
            "secs": lambda: f"{r.randint(0, 3)}.{r.randint(1, 9)}",
            "secs2": lambda: f"{r.randint(4, 12)}.{r.randint(0, 9)}",
            "mins": lambda: str(r.randint(40, 95)), "mins2": lambda: str(r.randint(20, 39)),
            "order": lambda: str(r.randint(10**(k := r.randint(5, 11)), 10**(k + 1) - 1)),
            "ticket": lambda: r.choice([f"#{r.randint(100, 9999)}", f"JIRA-{r.randint(10, 4000)}",
                                        f"CG-{r.randint(100, 999)}",
                                        f"{r.choice(string.ascii_uppercase)}{r.randint(1000, 99999)}"]),
            "size": lambda: r.choice([f"{r.randint(50, 900)} KB", f"{r.randint(1, 40)} MB",
                                      f"{r.randint(1, 9)}.{r.randint(1, 9)}MB"]),
            "res": lambda: r.choice(["1920x1080", "1080x1350", "1200x628", "2048x2048", "800 x 600", "3840×2160"]),
            "http": lambda: r.choice(["429", "500", "502", "404", "403", "401", "503", "422"]),
            "city": lambda: r.choice(CITIES), "first": lambda: r.choice(FIRST).title(),
            "tz": lambda: r.choice(["GMT+3", "UTC+1", "UTC-5", "GMT+8", "IST", "CET", "PST", "UTC+5:30"]),
            "emoji": lambda: r.choice(EMOJI),
            "qty": lambda: str(r.randint(3, 400)), "mm": lambda: f"{r.randint(1, 12):02d}",
            "yy": lambda: str(r.randint(26, 32)),
            "font": lambda: r.choice(DOC_SLOTS["font"]).replace("+", " "),
            "year": lambda: str(r.choice([2024, 2025, 2026])), "day": lambda: str(r.randint(1, 28)),
            "month_fr": lambda: r.choice(["janvier", "mars", "avril", "mai", "juin", "septembre", "octobre"]),
            "weekday_es": lambda: r.choice(["lunes", "martes", "miércoles", "jueves", "viernes"]),
            "weekday_pt": lambda: r.choice(["segunda", "terça", "quarta", "amanhã", "hoje"]),
            "weekday_de": lambda: r.choice(["Montag", "Dienstag", "Mittwoch", "Freitag"]),
            "amount_eu": lambda: (f"{r.randint(1, 30)}.{r.randint(0, 9)}00 €" if r.random() < 0.5
                                  else f"{r.randint(50, 999)} €"),
            "amount_in": lambda: f"₹{r.randint(1, 99)},{r.randint(0, 999):03d}",
        }
        out = template
        while "{" in out:
            start = out.index("{")
            end = out.index("}", start)
            key = out[start + 1:end]
            out = out[:start] + values[key]() + out[end + 1:]
        return out

    # ------------------------------------------------------------ contact

    def _phone_number(self) -> phonenumbers.PhoneNumber:
        """A valid number of a random region: the region's example with its tail randomised."""
        r = self.rng
        region = r.choice(PHONE_REGIONS)
        kind = r.choice([phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE])
        example = phonenumbers.example_number_for_type(region, kind)
        national = str(example.national_number)
        for _ in range(20):
            keep = max(2, len(national) - r.randint(4, 6))
            candidate = national[:keep] + "".join(r.choice(string.digits) for _ in range(len(national) - keep))
            number = phonenumbers.PhoneNumber(country_code=example.country_code, national_number=int(candidate))
            if phonenumbers.is_valid_number(number):
                return number
        return example

    def _phone(self) -> str:
        r = self.rng
        number = self._phone_number()
        fmt = r.choice([phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL,
                        phonenumbers.PhoneNumberFormat.E164])
        text = phonenumbers.format_number(number, fmt)
        digits = [c for c in text if c.isdigit()]
        disguise = r.randrange(10)
        if disguise == 0:  # a space between every digit
            return " ".join(digits)
        if disguise == 1:  # spelled out
            return " ".join(DIGIT_WORDS[int(d)] for d in digits[-10:])
        if disguise == 2:  # digits and words mixed
            return "".join(DIGIT_WORDS[int(d)] if r.random() < 0.4 else d for d in digits[-10:])
        if disguise == 3:  # dots or dashes between groups
            return r.choice([".", "-", " - ", "/"]).join(text.replace("+", "").split())
        if disguise == 4:  # full-width digits
            return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
        if disguise == 5:  # letter O for zero, l for one
            return text.replace("0", "O").replace("1", "l")
        return text

    def _email(self) -> str:
        r = self.rng
        first, last = r.choice(FIRST), r.choice(LAST)
        local = r.choice([f"{first}.{last}", f"{first}{last}{r.randint(1, 99)}", f"{first[0]}{last}",
                          f"{first}_{last}_{r.choice(['design', 'dev', 'art', 'pro'])}",
                          f"{last}.{first}{r.randint(70, 99)}"])
        own = f"{last}{r.choice(['studio', 'labs', 'media'])}.{r.choice(TLDS)}"
        host = r.choice(MAILHOSTS) if r.random() < 0.8 else own
        name, _, tld = host.partition(".")
        disguise = r.randrange(8)
        if disguise == 0:
            return f"{local} [at] {name} [dot] {tld}"
        if disguise == 1:
            return f"{local} at {name} dot {tld}"
        if disguise == 2:
            return f"{local}(at){host}"
        if disguise == 3:
            return f"{local} @ {name} . {tld}"
        return f"{local}@{host}"

    def _handle(self) -> str:
        r = self.rng
        first, last = r.choice(FIRST), r.choice(LAST)
        base = r.choice([f"{first}_{last}", f"{first}{last}{r.randint(1, 999)}",
                         f"{last}.{r.choice(['art', 'dev', 'ux'])}", f"the{first}{r.choice(['design', 'codes'])}"])
        return r.choice([f"@{base}", base, f"live:{base}", f"{base}#{r.randint(1000, 9999)}", f"@ {base}"])

    def _link(self) -> str:
        r = self.rng
        first, last = r.choice(FIRST), r.choice(LAST)
        e164 = phonenumbers.format_number(self._phone_number(), phonenumbers.PhoneNumberFormat.E164)
        return r.choice([f"calendly.com/{first}-{last}/{r.choice([15, 30, 45])}min",
                         f"linkedin.com/in/{first}{last}{r.randint(1, 99)}", f"https://wa.me/{e164[1:]}",
                         f"t.me/{first}_{last}",
                         f"www.{last}{r.choice(['studio', 'design', 'works'])}.{r.choice(TLDS)}/contact",
                         f"{first}{last} dot {r.choice(['com', 'net', 'io'])}"])

    def _address(self) -> str:
        r = self.rng
        num = r.randint(1, 4999)
        street = f"{r.choice(STREETS)} {r.choice(STREET_TYPES)}"
        extra = r.choice(["", f", Apt {r.randint(1, 30)}{r.choice('ABCD')}", f", Suite {r.randint(100, 999)}",
                          f", Unit {r.randint(1, 40)}"])
        uk = f"{r.choice(['SW1A', 'E2', 'N16', 'SE15'])} {r.randint(1, 9)}{r.choice('ABDEFG')}{r.choice('HJLNPQ')}"
        ca = f"M{r.randint(1, 9)}{r.choice('ABCE')} {r.randint(1, 9)}{r.choice('ABCE')}{r.randint(1, 9)}"
        tail = r.choice([f", Brooklyn NY {r.randint(10001, 11697)}", f", Austin, TX {r.randint(73301, 78799)}",
                         f", London {uk}", f", Toronto ON {ca}", f", Springfield IL {r.randint(62701, 62799)}", ""])
        return f"{num} {street}{extra}{tail}"

    def contact_sentence(self) -> str:
        r = self.rng
        kind = r.choices(["phone", "email", "handle", "link", "address"], weights=[35, 30, 15, 12, 8])[0]
        template = r.choice({"phone": CONTACT_PHONE, "email": CONTACT_EMAIL, "handle": CONTACT_HANDLE,
                             "link": CONTACT_LINK, "address": CONTACT_ADDRESS}[kind])
        value = {"phone": self._phone, "email": self._email, "handle": self._handle, "link": self._link,
                 "address": self._address}[kind]()
        sentence = self._fill(template.replace("{c}", "\0")).replace("\0", value)
        return sentence[0].upper() + sentence[1:] if r.random() < 0.5 else sentence

    # ------------------------------------------------------------ messages

    def _target_length(self) -> int:
        r = self.rng
        band = r.choices([(20, 60), (60, 180), (180, 500)], weights=[40, 40, 20])[0]
        return r.randint(*band)

    def _clean_sentence(self) -> str:
        r = self.rng
        return self._fill(r.choice(CLEAN_EN) if r.random() < 0.8 else r.choice(CLEAN_OTHER))

    def message(self, contact: bool, bare_end: float = 0.5) -> str:
        """One new text of 20 to 500 characters; `bare_end` is the chance its final punctuation is dropped."""
        r = self.rng
        for _ in range(100):
            target = self._target_length()
            if target < 60 and r.random() < 0.8:
                parts = [self._fill(r.choice(SHORT))]  # a short reply stays short
            else:
                parts = [self._clean_sentence()]
                while sum(len(p) + 1 for p in parts) < target:
                    parts.append(self._clean_sentence())
            if len(parts) > 1 and sum(len(p) + 1 for p in parts) > target + 80:
                parts.pop()
            if contact:
                sentence = self.contact_sentence() + r.choice(["", "", ".", "!", " -"])
                if target < 60 and r.random() < 0.5:
                    parts = []
                while parts and sum(len(p) + 1 for p in parts) + len(sentence) > 440:
                    parts.pop()  # the contact sentence stays whole; clean ones make room
                parts.insert(r.randrange(len(parts) + 1), sentence)
            text = self._fill(r.choice(OPENERS)) + " ".join(parts)
            if r.random() < 0.15:
                text = text.lower()
            if r.random() < bare_end:
                text = text.rstrip(".!?;:) ").rstrip()
            else:
                text += self._fill(r.choice(CLOSERS))
            if len(text) > 500:
                text = text[:500].rsplit(" ", 1)[0]
            if 20 <= len(text) <= 500 and text not in self.seen:
                self.seen.add(text)
                return text
        raise RuntimeError("could not draw a new text")

    def messages(self, n: int, contact_share: float = 0.15) -> tuple[list[str], list[bool]]:
        """`n` new texts and whether each carries contact information."""
        labels = [self.rng.random() < contact_share for _ in range(n)]
        return [self.message(label) for label in labels], labels

    def conversations(self, count: int, length: int, contact_share: float = 0.15,
                      bare_end: float = 0.6) -> list[list[str]]:
        """`count` conversations of `length` new messages; most messages end without punctuation."""
        return [[self.message(self.rng.random() < contact_share, bare_end) for _ in range(length)]
                for _ in range(count)]

    def long_text(self, size: int) -> str:
        """About `size` characters of new messages joined by line breaks, cut to exactly `size`."""
        parts: list[str] = []
        total = 0
        while total < size:
            parts.append(self.message(self.rng.random() < 0.15))
            total += len(parts[-1]) + 1
        return "\n".join(parts)[:size]
