"""Paragraph banks for proposals.py, per language. Numbers, prices, versions and doc links
are deliberate distractors; the buried contact items live in ITEMS."""

BANK = {}
ITEMS = {}
CLEAN_LINKS = {}

BANK["en"] = {
 "intro": [
  "Hi there, I read your brief for the Shopify Plus migration carefully and I'm confident I can deliver it within the 6-week window you mentioned. I've been building e-commerce back ends for 9 years, mostly for mid-size DTC brands doing between 2 and 15 million USD a year.",
  "Hello! Thanks for posting such a detailed job. Your scope for the React Native field-service app is exactly the kind of project I enjoy: offline-first sync, a clean job queue, and a dispatcher dashboard that doesn't fight the people using it.",
  "Good afternoon, I'm a data engineer with 7 years of experience in Python, dbt and Snowflake, and I'd like to help you replace the nightly CSV imports with an incremental pipeline you can actually monitor.",
 ],
 "experience": [
  "Recent work: I migrated a 48,000-SKU catalogue from Magento 2.4.3 to Shopify, kept 99.7% of organic traffic through 3,100 redirects, and cut the checkout load time from 4.2 s to 1.6 s. Another client went from 312 to 1,040 orders a week after we rebuilt the subscription flow.",
  "In the last 18 months I shipped 4 apps to both stores; the largest has 120k monthly active users and a 4.8 rating from 2,900 reviews. I use Expo SDK 50, React Native 0.73 and TypeScript 5.3, with Sentry for crash reporting (crash-free sessions at 99.6%).",
  "At my last long-term contract I moved 230 Airflow DAGs to dbt Core 1.7 models, brought the warehouse bill down by 38% (from about 14,200 to 8,800 USD per month) and set up freshness tests on the 40 most important tables.",
 ],
 "approach": [
  "My approach: week 1 is discovery and an audit of the current store (apps, theme, integrations, the 27 custom metafields). Weeks 2 to 4 are the build, with a staging store you can click through every Friday. Weeks 5 and 6 cover data migration dry runs, QA against a 150-point checklist and launch.",
  "I'd start with a two-day technical spike to confirm the sync strategy (I usually use WatermelonDB with a last-write-wins policy plus server-side conflict logs), then split the work into milestones of roughly 40 hours each so you always know what you're paying for.",
  "I would first profile the current jobs, then introduce incremental models partitioned by day, add tests for uniqueness and not-null on the keys, and document every model so your analysts can find lineage without asking me.",
 ],
 "price": [
  "Budget: I propose a fixed price of 7,800 USD in 4 milestones (20% / 30% / 30% / 20%). Extra work beyond the scope would be billed at 65 USD per hour, capped at 10 hours per week unless you approve more. I can start on 3 March and I'm available 30 to 35 hours a week, overlapping 10:00 to 14:00 EST.",
  "Estimate: 160 to 190 hours in total, at my rate of 55 USD/h that's between 8,800 and 10,450 USD. The first milestone (38 hours, 2,090 USD) delivers a working prototype with login, the job list and offline mode.",
  "Pricing: 48 USD per hour, estimated 90 hours over 5 weeks, so roughly 4,320 USD. If you prefer a fixed price I'd quote 4,600 USD including two weeks of support after go-live and a 1-hour handover session recorded on the platform's call.",
 ],
 "tech": [
  "Technical notes: I follow the official migration guide (https://help.shopify.com/en/manual/migrating-to-shopify) and the Admin API reference at https://shopify.dev/docs/api/admin-graphql, version 2024-01. For redirects I'll generate a CSV of old and new URLs and import it in batches of 500.",
  "For background location I'd rely on the documented behaviour in https://docs.expo.dev/versions/latest/sdk/location/ rather than a custom native module; the known Android 14 issue is described in https://github.com/expo/expo/issues/27000 and has a clean workaround.",
  "Everything will be in version control with CI on GitHub Actions; I'll follow the dbt style guide (https://docs.getdbt.com/best-practices) and pin dbt-snowflake 1.7.2. The cost model uses the numbers from https://docs.snowflake.com/en/user-guide/cost-understanding-overall.",
 ],
 "questions": [
  "A few questions before I finalise the plan: 1) Do you keep customer passwords or will everyone reset on first login? 2) Are the 14 B2B price lists still in use? 3) Is there a hard deadline tied to a campaign, e.g. the 15 April spring launch?",
  "Questions: how many technicians will use the app on day one (you wrote 60 to 80)? Do they share devices? And do you need the PDF job reports in English only or also in Spanish?",
 ],
 "closing": [
  "Thanks for considering my proposal. I'm happy to walk you through a similar project on a call here on the platform whenever suits you.\n\nBest regards,\nDaniel W.",
  "Looking forward to hearing from you. I can do a short interview through the platform's video call this week.\n\nKind regards,\nPriya S.",
 ],
}
ITEMS["en"] = [
 ("You can see more case studies on my studio site, northpine.studio, including the full redirect map template.", ["link"], "studio-domain"),
 ("A live demo of a similar app is at https://fieldops-demo.netlify.app, with my contact page if you want to ask anything outside the platform.", ["link"], "demo-site-with-contact-page"),
 ("My CV is in this shared document with my details: https://docs.google.com/document/d/1Qm8fRk2Lx0vTz7yPcW5sHnB4uJ9aE3dG6oKi1NrVtYs/edit", ["link"], "cv-shared-doc-with-details"),
 ("Have a look at my GitHub profile, github.com/dwhitfield-dev, with my email on it, so you can reach me directly.", ["link"], "github-profile-with-email"),
 ("Best regards,\nDaniel Whitfield\nSenior Shopify Developer\n+1 (415) 829-3764", ["phone"], "phone-in-signature"),
 ("Kind regards,\nPriya Sharma | Data Engineer\npriya.sharma.data@gmail.com", ["email"], "email-in-signature"),
 ("If it's easier, grab a slot in my calendar at calendly.com/priya-sharma-data/intro and we can go through the questions.", ["link"], "scheduler-link"),
]
CLEAN_LINKS["en"] = [
 "The job post itself is at https://www.upwork.com/jobs/~01a2b3c4d5e6f7a8b9 and I've read the attached brief twice.",
 "For reference, the design file you shared (https://www.figma.com/file/aB3dE5fG7hI9/Checkout-v2) already answers most layout questions.",
 "Background reading: https://en.wikipedia.org/wiki/Eventual_consistency and https://stackoverflow.com/questions/1646698 explain the trade-off well.",
]

BANK["es"] = {
 "intro": [
  "Hola, leí con atención tu proyecto para rediseñar la tienda online de cosmética natural y creo que encaja perfecto con mi experiencia. Llevo 8 años diseñando e implementando tiendas en WooCommerce y Shopify para marcas de España y México.",
  "Buenas tardes. Soy desarrollador backend con 6 años de experiencia en Node.js y PostgreSQL, y me interesa mucho tu propuesta de migrar el sistema de reservas de la clínica a una arquitectura más estable.",
  "¡Hola! Me dedico a la traducción y localización inglés-español desde 2015, especializada en software y videojuegos, y me encantaría encargarme de las 42.000 palabras de tu aplicación.",
 ],
 "experience": [
  "En el último año rediseñé 5 tiendas; en la más grande (unos 3.400 productos) la tasa de conversión pasó del 1,2% al 2,9% en 4 meses y el tiempo de carga móvil bajó de 5,1 s a 1,8 s. Trabajo con WooCommerce 8.5, PHP 8.2 y un tema hijo propio.",
  "He migrado 3 sistemas de citas médicas con más de 250.000 registros cada uno, sin pérdida de datos y con un tiempo de inactividad inferior a 20 minutos. Uso Node 20 LTS, Prisma 5.9 y PostgreSQL 16.",
  "He localizado más de 60 títulos, entre ellos dos juegos con más de 1 millón de descargas, y trabajo con memorias de traducción en memoQ 10 y Crowdin, con una media de 3.000 palabras revisadas al día.",
 ],
 "approach": [
  "Propongo trabajar en 3 fases: auditoría y arquitectura de la información (semana 1), diseño de 12 plantillas en Figma con 2 rondas de revisión (semanas 2 y 3) y desarrollo y pruebas (semanas 4 a 6). Cada viernes tendrás un enlace al entorno de pruebas.",
  "Primero haría un inventario de los 37 endpoints actuales y de las 14 tablas, después escribiría pruebas de integración para los flujos críticos (reservar, cancelar, reprogramar) y sólo entonces empezaría la migración por módulos.",
  "Mi proceso: glosario y guía de estilo en los primeros 3 días, traducción por lotes de 5.000 palabras, revisión por una segunda lingüista y una pasada final de QA dentro de la app con capturas de cada pantalla.",
 ],
 "price": [
  "Presupuesto: 3.900 € a precio cerrado, en 3 hitos del 30%, 40% y 30%. Las horas fuera de alcance se facturarían a 35 €/h. Puedo empezar el 10 de marzo y dedicar 30 horas semanales.",
  "Estimo entre 120 y 140 horas; a 40 USD/h serían entre 4.800 y 5.600 USD. El primer hito (32 horas) entrega el esquema nuevo y la migración de pacientes en staging.",
  "Tarifa: 0,08 USD por palabra para traducción y 0,03 USD por palabra para revisión; para 42.000 palabras son 3.360 USD más 1.260 USD, total 4.620 USD, entregando en 21 días naturales.",
 ],
 "tech": [
  "Seguiré la documentación oficial de WooCommerce (https://woocommerce.com/documentation/) y las pautas de accesibilidad WCAG 2.2 (https://www.w3.org/TR/WCAG22/). El informe de rendimiento lo haré con Lighthouse 11 y PageSpeed.",
  "Para la migración usaré transacciones por lotes de 1.000 filas, tal como recomienda https://www.postgresql.org/docs/16/populate.html, y el esquema quedará versionado con Prisma Migrate.",
 ],
 "questions": [
  "Algunas preguntas: ¿cuántas categorías tendrá el menú principal? ¿Mantenemos la pasarela de pago actual (Redsys) o pasamos a Stripe? ¿Hay fecha límite ligada a la campaña de mayo?",
  "Preguntas: ¿los textos incluyen variables tipo {player_name}? ¿Hay límite de caracteres por botón? ¿Necesitas también la versión para Latinoamérica?",
 ],
 "closing": [
  "Gracias por tu tiempo. Si quieres, hacemos una videollamada por la plataforma esta semana para resolver dudas.\n\nUn saludo,\nLucía F.",
  "Quedo atento a tu respuesta y a cualquier duda por este chat.\n\nSaludos cordiales,\nMateo R.",
 ],
}
ITEMS["es"] = [
 ("Puedes ver más proyectos en la web de mi estudio, ferrerestudio.es, donde está todo el portafolio.", ["link"], "studio-domain"),
 ("Tengo una demo funcionando en https://reservas-demo.vercel.app, con mi página de contacto por si prefieres escribirme por fuera.", ["link"], "demo-site-with-contact-page"),
 ("Mi CV está en este documento compartido con mis datos: https://drive.google.com/file/d/1kP9sT3vX7bQ2mR5wY8zA0cE4gH6jL1nO/view", ["link"], "cv-shared-doc-with-details"),
 ("Mi perfil de GitHub es github.com/mateo-rdz, con mi correo, por si quieres escribirme.", ["link"], "github-profile-with-email"),
 ("Un saludo,\nMateo Rodríguez\nDesarrollador backend\n+34 622 418 397", ["phone"], "phone-in-signature"),
 ("Saludos,\nLucía Ferrer — Diseño y UX\nlucia.ferrer.ux@gmail.com", ["email"], "email-in-signature"),
]
CLEAN_LINKS["es"] = [
 "La oferta está en https://www.upwork.com/jobs/~01f9e8d7c6b5a4f3e2 y revisé también los adjuntos.",
 "Como referencia, la guía de estilo de Microsoft para español (https://learn.microsoft.com/es-es/style-guide/welcome/) es la que suelo seguir.",
]

BANK["pt"] = {
 "intro": [
  "Olá! Li com atenção o seu projeto de aplicativo de delivery para restaurantes e tenho bastante experiência com esse tipo de produto. Trabalho com Flutter há 5 anos e já publiquei 7 apps na Play Store e na App Store.",
  "Bom dia, sou designer de UX/UI com 10 anos de mercado e gostaria de ajudar a reorganizar o painel administrativo da sua fintech, que hoje tem 23 telas e muitos fluxos duplicados.",
  "Oi, tudo bem? Sou redatora e estrategista de conteúdo, e o seu pedido de 12 artigos mensais sobre finanças pessoais é exatamente o meu nicho.",
 ],
 "experience": [
  "No último projeto, um app de pedidos com 35 mil usuários ativos, reduzi o tempo de abertura de 3,8 s para 1,1 s e a taxa de falhas para 0,3%. Uso Flutter 3.19, Dart 3.3, Riverpod e Firebase.",
  "Redesenhei o painel de um banco digital com 1,2 milhão de clientes; o tempo médio para concluir uma transferência caiu 41% e os chamados de suporte caíram de 950 para 410 por mês.",
  "Escrevo para 3 blogs de finanças com média de 180 mil visitas mensais; 27 dos meus artigos estão na primeira página do Google para termos com mais de 5 mil buscas por mês.",
 ],
 "approach": [
  "Proposta de trabalho: semana 1 para arquitetura e protótipo navegável; semanas 2 a 5 para desenvolvimento por módulos (cardápio, carrinho, pagamento, acompanhamento); semana 6 para testes e publicação nas lojas.",
  "Começo com entrevistas com 5 a 8 usuários internos, mapeio os fluxos atuais e entrego um protótipo no Figma em 10 dias úteis, com duas rodadas de ajustes.",
  "Cada artigo terá entre 1.500 e 2.200 palavras, pesquisa de palavras-chave, fontes oficiais (Banco Central, CVM) e sugestão de meta descrição com até 155 caracteres.",
 ],
 "price": [
  "Orçamento: R$ 18.500 em 4 parcelas vinculadas aos marcos. Horas extras a R$ 120/h. Posso começar dia 4 de março, com dedicação de 30 horas por semana.",
  "Valor: 2.900 USD por preço fechado, ou 45 USD/h estimando 60 a 70 horas. O primeiro marco (protótipo) custa 870 USD.",
  "Investimento: R$ 350 por artigo, R$ 4.200 por mês para os 12, com entrega em lotes de 3 a cada semana.",
 ],
 "tech": [
  "Vou seguir a documentação oficial do Flutter (https://docs.flutter.dev/) e as diretrizes de pagamento da Apple (https://developer.apple.com/app-store/review/guidelines/#payments), usando a versão 10.2 do SDK do Stripe.",
  "O sistema de design seguirá as diretrizes do Material 3 (https://m3.material.io/) com tokens de cor e tipografia documentados, em 4 breakpoints: 360, 768, 1024 e 1440 px.",
 ],
 "questions": [
  "Dúvidas: vocês já têm a API de pedidos pronta? Qual a versão mínima de Android (sugiro API 24)? Há prazo ligado a alguma campanha?",
  "Perguntas: quem aprova os textos? Existe um manual de marca? Posso usar dados do IBGE de 2022 nos artigos?",
 ],
 "closing": [
  "Obrigado pela atenção! Fico à disposição para uma chamada pela própria plataforma.\n\nAbraço,\nRafael M.",
  "Aguardo seu retorno por aqui mesmo.\n\nAtenciosamente,\nBeatriz C.",
 ],
}
ITEMS["pt"] = [
 ("Mais trabalhos no site do meu estúdio, moura.studio, que tem todos os cases.", ["link"], "studio-domain"),
 ("A demo está no ar em https://delivery-demo-rm.web.app, com a minha página de contato caso queira falar comigo direto.", ["link"], "demo-site-with-contact-page"),
 ("Meu currículo está neste documento compartilhado com meus dados: https://docs.google.com/document/d/1bX4nM7qP2rS5tU8vW1yZ3aC6dE9fG0hJ/edit", ["link"], "cv-shared-doc-with-details"),
 ("Meu perfil no GitHub, github.com/rafael-moura-dev, tem meu e-mail, pode me chamar por lá.", ["link"], "github-profile-with-email"),
 ("Abraço,\nRafael Moura\nDesenvolvedor Flutter\n(11) 97452-3861", ["phone"], "phone-in-signature"),
 ("Atenciosamente,\nBeatriz Costa\nbeatriz.costa.redacao@outlook.com", ["email"], "email-in-signature"),
]
CLEAN_LINKS["pt"] = [
 "Vi o job em https://www.upwork.com/jobs/~01c3d4e5f6a7b8c9d0 e também o perfil da empresa.",
 "O protótipo de referência que você mandou (https://www.figma.com/proto/Xy12Ab34/Painel-v3) ajuda muito.",
]

BANK["fr"] = {
 "intro": [
  "Bonjour, j'ai lu avec attention votre annonce pour la refonte du site vitrine du cabinet d'architectes et je pense pouvoir vous proposer une solution élégante et rapide. Je développe sur WordPress et Webflow depuis 2016.",
  "Bonjour, je suis consultant SEO depuis 9 ans et votre projet d'audit pour un e-commerce de 8 000 références m'intéresse beaucoup.",
  "Bonsoir, traductrice anglais-français spécialisée en juridique, je serais ravie de prendre en charge la traduction de vos 14 contrats-cadres.",
 ],
 "experience": [
  "J'ai réalisé 40 sites pour des professions libérales ; le dernier, pour un cabinet de 12 associés, a vu ses demandes de rendez-vous passer de 25 à 70 par mois. J'utilise WordPress 6.4, ACF Pro 6.2 et un thème sur mesure.",
  "Mon dernier audit, pour une boutique de 12 500 pages, a corrigé 3 200 redirections en chaîne et fait progresser le trafic organique de 62 % en 5 mois.",
  "Je traduis environ 2 500 mots par jour et j'ai travaillé pour 3 cabinets parisiens ; mes tarifs incluent une relecture complète et un glossaire.",
 ],
 "approach": [
  "Méthode : atelier de cadrage d'une heure sur l'appel de la plateforme, arborescence et maquettes des 8 gabarits (semaines 1 et 2), intégration (semaines 3 et 4), recette et mise en ligne (semaine 5).",
  "Je commence par un crawl complet (Screaming Frog 19), l'analyse des logs sur 90 jours et la Search Console, puis je livre un plan d'action priorisé en 3 niveaux.",
  "Je constitue d'abord le glossaire à partir des 3 premiers contrats, puis je traduis par lots de 10 000 mots, avec une relecture croisée sur 10 % du volume.",
 ],
 "price": [
  "Budget : 4 800 € HT au forfait, en 3 jalons (30 % / 40 % / 30 %). Les évolutions hors périmètre sont facturées 55 € HT de l'heure. Démarrage possible le 11 mars.",
  "Tarif : 650 € par jour, estimation de 6 à 8 jours, soit entre 3 900 et 5 200 € HT. Le premier livrable (rapport technique) arrive sous 10 jours ouvrés.",
  "Tarif : 0,14 € le mot, soit 5 040 € pour 36 000 mots, délai de 18 jours ouvrés.",
 ],
 "tech": [
  "Je m'appuie sur la documentation officielle (https://developer.wordpress.org/themes/) et le RGAA 4.1 (https://accessibilite.numerique.gouv.fr/) pour l'accessibilité ; l'hébergement actuel en PHP 7.4 devra passer en 8.2.",
  "Références utiles : https://developers.google.com/search/docs/crawling-indexing/canonicalization et le guide des données structurées, version de novembre.",
 ],
 "questions": [
  "Questions : les 35 projets du portfolio sont-ils déjà photographiés ? Faut-il une version anglaise ? Y a-t-il une date de salon à respecter ?",
  "Questions : avez-vous un accès à la Search Console ? Combien de langues ? La migration HTTPS de 2021 est-elle terminée ?",
 ],
 "closing": [
  "Merci pour votre attention, je reste disponible ici pour un entretien vidéo via la plateforme.\n\nBien cordialement,\nClaire D.",
  "Au plaisir d'échanger avec vous sur cette messagerie.\n\nCordialement,\nThomas L.",
 ],
}
ITEMS["fr"] = [
 ("Vous trouverez d'autres réalisations sur le site de mon studio, atelier-dubois.fr, rubrique projets.", ["link"], "studio-domain"),
 ("Une démo est en ligne sur https://archi-demo.webflow.io, avec ma page de contact si vous voulez me joindre directement.", ["link"], "demo-site-with-contact-page"),
 ("Mon CV est dans ce document partagé avec mes coordonnées : https://docs.google.com/document/d/1tH8kL2mN5pQ7rS0uV3wX6yZ9aB1cD4eF/edit", ["link"], "cv-shared-doc-with-details"),
 ("Mon profil GitHub github.com/thomas-lefevre-seo contient mon adresse mail, écrivez-moi là.", ["link"], "github-profile-with-email"),
 ("Bien cordialement,\nClaire Dubois\nWebdesigner\n06 47 82 19 35", ["phone"], "phone-in-signature"),
 ("Cordialement,\nThomas Lefèvre\nthomas.lefevre.seo@gmail.com", ["email"], "email-in-signature"),
]
CLEAN_LINKS["fr"] = [
 "J'ai bien lu l'annonce https://www.upwork.com/jobs/~01e5f6a7b8c9d0e1f2 et le cahier des charges joint.",
 "Pour le style, la référence que vous citez (https://fr.wikipedia.org/wiki/Typographie) me convient.",
]

BANK["de"] = {
 "intro": [
  "Hallo, ich habe Ihre Ausschreibung für die Überarbeitung des B2B-Shops gelesen und bringe genau die passende Erfahrung mit: 10 Jahre Shopware, davon 4 Jahre mit Shopware 6.",
  "Guten Tag, als DevOps-Engineer mit Schwerpunkt Kubernetes und Terraform unterstütze ich Sie gern bei der Migration Ihrer 14 Services von einer VM-Landschaft in AWS EKS.",
  "Hallo, ich bin technischer Redakteur und übersetze seit 2012 Handbücher vom Englischen ins Deutsche, vor allem Maschinenbau und Medizintechnik.",
 ],
 "experience": [
  "Zuletzt habe ich einen Shop mit 22.000 Artikeln und 1.800 Kundengruppen-Preisen migriert; die Bestellabwicklung wurde um 35 % schneller, die Absprungrate sank von 58 % auf 41 %.",
  "Im letzten Projekt habe ich 38 Microservices auf EKS 1.29 umgezogen, die Infrastruktur vollständig in Terraform 1.7 abgebildet und die monatlichen Kosten um 27 % gesenkt.",
  "Ich habe über 120 Betriebsanleitungen nach DIN EN ISO 20607 erstellt bzw. übersetzt und arbeite mit SDL Trados Studio 2024 und einer Terminologiedatenbank mit 9.400 Einträgen.",
 ],
 "approach": [
  "Vorgehen: Analyse und Anforderungsworkshop in Woche 1, Umsetzung in 2-Wochen-Sprints (4 Sprints), Tests und Go-live in Woche 10. Jeden Freitag gibt es ein Staging-Update.",
  "Ich beginne mit einer Bestandsaufnahme (Abhängigkeiten, Secrets, Netzwerk), baue dann eine Staging-Umgebung und migriere Service für Service mit Blue-Green-Deployments.",
  "Zuerst erstelle ich eine Terminologieliste, dann übersetze ich in Paketen von 8.000 Wörtern; ein zweiter Fachübersetzer prüft 15 % stichprobenartig.",
 ],
 "price": [
  "Kosten: 14.600 € netto als Festpreis in 4 Meilensteinen. Zusatzaufwand zu 85 €/h. Start ab dem 4. März möglich, 30 Stunden pro Woche.",
  "Aufwand: ca. 160 Stunden zu 90 €/h, also rund 14.400 € netto. Der erste Meilenstein (Staging-Cluster, 40 h) kostet 3.600 €.",
  "Preis: 0,16 € pro Wort, bei 45.000 Wörtern also 7.200 € netto, Lieferung in 4 Wochen.",
 ],
 "tech": [
  "Ich orientiere mich an der offiziellen Doku (https://developer.shopware.com/docs/) und setze auf PHP 8.2 mit MariaDB 10.11; das Plugin für Staffelpreise wird auf Version 6.5 aktualisiert.",
  "Referenzen: https://kubernetes.io/docs/concepts/workloads/ und https://registry.terraform.io/providers/hashicorp/aws/latest/docs; Provider-Version 5.40 wird gepinnt.",
 ],
 "questions": [
  "Rückfragen: Gibt es eine ERP-Anbindung (z. B. SAP Business One 10.0)? Wie viele Sprachen? Gibt es einen festen Termin, etwa die Messe im Mai?",
  "Fragen: Gibt es Compliance-Vorgaben (ISO 27001)? Wie viele Umgebungen? Soll das Monitoring in Grafana 10 bleiben?",
 ],
 "closing": [
  "Vielen Dank für Ihr Interesse, gern bespreche ich Details im Video-Call über die Plattform.\n\nBeste Grüße\nJonas B.",
  "Ich freue mich auf Ihre Rückmeldung hier im Chat.\n\nMit freundlichen Grüßen\nSabine K.",
 ],
}
ITEMS["de"] = [
 ("Weitere Referenzen finden Sie auf der Seite meines Studios, becker-digital.de, unter Projekte.", ["link"], "studio-domain"),
 ("Eine Demo läuft unter https://b2b-demo.becker-shopdev.de, mit meiner Kontaktseite, falls Sie mich direkt erreichen möchten.", ["link"], "demo-site-with-contact-page"),
 ("Mein Lebenslauf liegt in diesem geteilten Dokument mit meinen Daten: https://1drv.ms/w/s!AkXy12Zb34Cd56Ef", ["link"], "cv-shared-doc-with-details"),
 ("Mein GitHub-Profil github.com/skoch-devops, mit meiner E-Mail-Adresse drauf, zeigt auch die Terraform-Module.", ["link"], "github-profile-with-email"),
 ("Beste Grüße\nJonas Becker\nShopware-Entwickler\nTel. +49 151 4728 3960", ["phone"], "phone-in-signature"),
 ("Mit freundlichen Grüßen\nSabine Koch\nsabine.koch.devops@posteo.de", ["email"], "email-in-signature"),
]
CLEAN_LINKS["de"] = [
 "Die Ausschreibung (https://www.upwork.com/jobs/~01a9b8c7d6e5f4a3b2) und das Lastenheft habe ich vollständig gelesen.",
 "Zur Norm gibt es eine gute Übersicht unter https://de.wikipedia.org/wiki/Betriebsanleitung.",
]

BANK["hi"] = {
 "intro": [
  "Namaste, maine aapka job post dhyan se padha hai, aapko ek restaurant ke liye online ordering website chahiye jo Razorpay se payment le. Main 6 saal se Laravel aur Vue pe kaam kar raha hoon aur aise 9 projects kar chuka hoon.",
  "Hello sir, aapka Android app ka kaam dekha. Main Kotlin developer hoon, 5 saal ka experience hai, Jetpack Compose aur Room database ke saath 11 apps Play Store pe live hain.",
  "Assalam o alaikum, main graphic designer hoon Lahore se, logo aur brand identity mera main kaam hai, pichle 4 saal mein 150 se zyada logos banaye hain.",
 ],
 "experience": [
  "Pichle project mein ek cloud kitchen ke liye system banaya jo rozana 1,200 orders handle karta hai; page load 4.5 second se 1.3 second pe aaya aur cart abandonment 31% kam hua.",
  "Mera sabse bada app 2 lakh downloads pe hai, rating 4.6 hai aur crash-free users 99.4% hain. Min SDK 24 aur target SDK 34 rakhta hoon.",
  "Ek textile brand ke liye poori identity banayi thi, 3 concepts, 2 revision rounds, aur 40 page ka brand book, unki sales pehle quarter mein 18% badhi.",
 ],
 "approach": [
  "Plan yeh hai: pehle 3 din requirement samajhna aur wireframe, phir 2 hafte development (menu, cart, checkout, admin panel), aur aakhri hafta testing aur deployment.",
  "Pehle main aapke purane app ka code review karunga (lagbhag 40 screens), phir architecture MVVM mein badlunga aur har 10 din mein ek build dunga.",
  "Pehle ek short brief form bharwaunga (yahin platform pe), phir 3 logo concepts 5 din mein, aur final files AI, SVG, PNG mein.",
 ],
 "price": [
  "Budget: 65,000 rupaye fixed, 3 milestones mein (30% / 40% / 30%). Extra kaam 800 rupaye per hour. 5 March se shuru kar sakta hoon.",
  "Estimate 120 ghante, 15 USD per hour ke hisaab se 1,800 USD. Pehla milestone (login aur home screen) 450 USD ka.",
  "Logo package 180 USD, brand book ke saath 420 USD. Delivery 12 din mein.",
 ],
 "tech": [
  "Main official Laravel documentation follow karta hoon (https://laravel.com/docs/11.x) aur Razorpay ka integration guide (https://razorpay.com/docs/payments/), PHP 8.3 ke saath.",
  "Android ke liye https://developer.android.com/jetpack/compose/documentation follow karunga, Compose BOM 2024.02.00 ke saath.",
 ],
 "questions": [
  "Kuch sawaal: kitne branches hain? Delivery radius kitna hai (5 km ya 10 km)? GST invoice chahiye?",
  "Sawaal: brand ke colours fix hain ya naye chahiye? Urdu aur English dono mein logo chahiye?",
 ],
 "closing": [
  "Shukriya, platform ki video call pe baat kar sakte hain jab aap free hon.\n\nRegards,\nArjun M.",
  "Aapke jawab ka intezaar rahega, yahin message kar dijiye.\n\nShukriya,\nAyesha K.",
 ],
}
ITEMS["hi"] = [
 ("Mere studio ki site pixelkaar.in pe aur kaam dekh sakte hain, saare case studies wahan hain.", ["link"], "studio-domain"),
 ("Demo live hai https://foodorder-demo.onrender.com pe, meri contact page ke saath, wahan se direct baat kar lena.", ["link"], "demo-site-with-contact-page"),
 ("Mera CV is shared document mein hai meri details ke saath: https://docs.google.com/document/d/1aZ2xC3vB4nM5qW6eR7tY8uI9oP0lKjHg/edit", ["link"], "cv-shared-doc-with-details"),
 ("Mera GitHub profile github.com/arjun-mehta-kt dekh lo, us pe mera email hai.", ["link"], "github-profile-with-email"),
 ("Regards,\nArjun Mehta\nLaravel Developer\n+91 98201 47735", ["phone"], "phone-in-signature"),
 ("Shukriya,\nAyesha Khan\nayesha.khan.designs@gmail.com", ["email"], "email-in-signature"),
]
CLEAN_LINKS["hi"] = [
 "Aapka job post https://www.upwork.com/jobs/~01b2c3d4e5f6a7b8c9 maine poora padha hai.",
 "Reference ke liye https://stackoverflow.com/questions/43216356 mein yahi issue solve hua hai.",
]

BANK["ru"] = {
 "intro": [
  "Здравствуйте! Внимательно прочитал ваше ТЗ на разработку Telegram Mini App для сети кофеен и готов взяться. Пишу на TypeScript и Go 7 лет, последние 2 года — в основном мини-приложения и платёжные интеграции.",
  "Добрый день, я UX-исследователь и дизайнер интерфейсов с 8-летним опытом, и ваш запрос на редизайн личного кабинета страховой компании мне очень близок.",
  "Здравствуйте, я переводчик с английского на русский, специализируюсь на IT и маркетинге, с радостью возьмусь за локализацию вашего SaaS-продукта (около 30 000 слов).",
 ],
 "experience": [
  "Из последнего: мини-приложение для сети из 24 кофеен, 18 000 активных пользователей в месяц, среднее время заказа сократилось с 3 минут до 55 секунд. Стек: React 18, Go 1.22, PostgreSQL 16.",
  "Последний проект — личный кабинет банка на 600 тысяч клиентов: доля успешных заявок выросла на 23%, обращений в поддержку стало меньше на 35%.",
  "Локализовал 17 SaaS-продуктов, в том числе CRM с 40 000 строк интерфейса; работаю в Smartcat и Phrase, средняя скорость — 2 500 слов в день с вычиткой.",
 ],
 "approach": [
  "План: неделя 1 — прототип и согласование сценариев; недели 2–4 — разработка меню, корзины, оплаты и программы лояльности; неделя 5 — тестирование и запуск. Каждую пятницу — демо через звонок на платформе.",
  "Начну с 6–8 глубинных интервью с клиентами, затем карта пути пользователя, прототип в Figma за 10 рабочих дней и юзабилити-тест на 5 респондентах.",
  "Сначала глоссарий и стайлгайд, затем перевод пакетами по 5 000 слов и финальная проверка строк прямо в интерфейсе.",
 ],
 "price": [
  "Стоимость: 420 000 ₽ за весь объём, оплата в 3 этапа (30% / 40% / 30%). Дополнительные работы — 2 500 ₽/час. Могу начать с 4 марта.",
  "Оценка: 110–130 часов по 35 USD, то есть 3 850–4 550 USD. Первый этап (исследование, 30 часов) — 1 050 USD.",
  "Ставка 0,07 USD за слово, на 30 000 слов — 2 100 USD, срок — 15 рабочих дней.",
 ],
 "tech": [
  "Ориентируюсь на официальную документацию: https://core.telegram.org/bots/webapps и https://go.dev/doc/, платежи через ЮKassa по API v3.",
  "Для дизайн-системы возьму за основу гайдлайны https://m3.material.io/ и требования доступности WCAG 2.1, уровень AA.",
 ],
 "questions": [
  "Вопросы: есть ли уже backend для программы лояльности? Сколько позиций в меню (вы писали 80–120)? Нужна ли английская версия?",
  "Вопросы: есть ли у вас дизайн-система? Какая доля мобильного трафика? Нужен ли отчёт в формате PDF?",
 ],
 "closing": [
  "Спасибо за внимание! Готов обсудить детали на созвоне через платформу.\n\nС уважением,\nИван С.",
  "Буду рада ответить на вопросы здесь в чате.\n\nС уважением,\nАнна П.",
 ],
}
ITEMS["ru"] = [
 ("Больше кейсов на сайте моей студии — sokolov-lab.ru, там все проекты с цифрами.", ["link"], "studio-domain"),
 ("Демо работает на https://coffee-demo.sokolov-dev.ru, там же моя страница с контактами, если удобнее писать напрямую.", ["link"], "demo-site-with-contact-page"),
 ("Резюме — в этом общем документе с моими данными: https://disk.yandex.ru/i/Qw3Er5Ty7Ui9", ["link"], "cv-shared-doc-with-details"),
 ("Загляните в мой профиль GitHub github.com/anna-petrova-ux — там указана моя почта.", ["link"], "github-profile-with-email"),
 ("С уважением,\nИван Соколов\nFull-stack разработчик\n+7 916 482-37-15", ["phone"], "phone-in-signature"),
 ("С уважением,\nАнна Петрова\nanna.petrova.ux@yandex.ru", ["email"], "email-in-signature"),
]
CLEAN_LINKS["ru"] = [
 "Вакансию https://www.upwork.com/jobs/~01d4e5f6a7b8c9d0e1 и вложенное ТЗ я прочитал полностью.",
 "Подробно о проблеме: https://ru.wikipedia.org/wiki/Идемпотентность и обсуждение на https://stackoverflow.com/questions/1077412.",
]

BANK["ar"] = {
 "intro": [
  "مرحباً، قرأت تفاصيل مشروعك لتطوير متجر إلكتروني للعطور بعناية، ولدي خبرة 7 سنوات في Shopify وWooCommerce مع عملاء في السعودية والإمارات.",
  "السلام عليكم، أنا مهندس تطبيقات موبايل متخصص في Flutter، وأرغب في تنفيذ تطبيق حجز المواعيد للعيادات كما هو موضح في الإعلان.",
  "مرحباً، أنا مترجمة من الإنجليزية إلى العربية متخصصة في المحتوى التسويقي والتقني، ويسعدني العمل على ترجمة موقعكم المكوّن من 25 ألف كلمة.",
 ],
 "experience": [
  "في آخر مشروع رفعت معدل التحويل من 1.4% إلى 3.1% خلال 3 أشهر لمتجر يضم 2,600 منتج، وقللت زمن التحميل من 4.9 إلى 1.7 ثانية.",
  "نشرت 8 تطبيقات على المتاجر، أكبرها يستخدمه 90 ألف مستخدم شهرياً بتقييم 4.7، وأعمل بـ Flutter 3.19 وFirebase.",
  "ترجمت أكثر من 50 موقعاً وتطبيقاً، وأعمل على memoQ وSmartcat بمعدل 2,000 كلمة يومياً مع المراجعة.",
 ],
 "approach": [
  "خطة العمل: الأسبوع الأول للتحليل والتصميم المبدئي، الأسابيع 2 إلى 4 للتطوير (المنتجات، السلة، الدفع عبر مدى وApple Pay)، والأسبوع الخامس للاختبار والإطلاق.",
  "أبدأ بمراجعة المتطلبات ونماذج الشاشات، ثم أطوّر على مراحل كل مرحلة 10 أيام، وأرسل نسخة تجريبية في نهاية كل مرحلة.",
  "أبدأ بمسرد المصطلحات ودليل الأسلوب، ثم الترجمة على دفعات من 5,000 كلمة، ثم مراجعة نهائية داخل الموقع.",
 ],
 "price": [
  "التكلفة: 3,200 دولار بسعر ثابت على 3 دفعات (30% / 40% / 30%)، والساعات الإضافية بـ 30 دولاراً للساعة. يمكنني البدء في 5 مارس.",
  "التقدير: 140 ساعة بسعر 25 دولاراً للساعة، أي 3,500 دولار. المرحلة الأولى (40 ساعة) بقيمة 1,000 دولار.",
  "السعر: 0.06 دولار للكلمة، أي 1,500 دولار لـ 25,000 كلمة، والتسليم خلال 14 يوم عمل.",
 ],
 "tech": [
  "سأتبع الوثائق الرسمية (https://shopify.dev/docs/themes) وإرشادات الوصول WCAG 2.1، مع دعم كامل للغة العربية من اليمين إلى اليسار.",
  "المرجع: https://docs.flutter.dev/ui/accessibility-and-internationalization/internationalization لدعم اللغتين، ونسخة Dart 3.3.",
 ],
 "questions": [
  "أسئلة: كم عدد المنتجات تقريباً؟ هل تحتاجون ربطاً مع نظام المخزون؟ هل يوجد موعد إطلاق مرتبط برمضان؟",
  "أسئلة: هل توجد هوية بصرية جاهزة؟ كم عدد العيادات في البداية؟ هل تحتاجون لوحة تحكم للأطباء؟",
 ],
 "closing": [
  "شكراً لوقتك، يسعدني إجراء مقابلة عبر مكالمة المنصة متى ناسبك.\n\nمع التحية،\nعمر ح.",
  "بانتظار ردك هنا في المحادثة.\n\nمع خالص التحية،\nليلى س.",
 ],
}
ITEMS["ar"] = [
 ("يمكنك مشاهدة المزيد من الأعمال على موقع الاستوديو الخاص بي haddad.studio حيث توجد كل المشاريع.", ["link"], "studio-domain"),
 ("النسخة التجريبية متاحة على https://clinic-demo.haddadapps.com مع صفحة التواصل الخاصة بي إذا أردت التواصل مباشرة.", ["link"], "demo-site-with-contact-page"),
 ("سيرتي الذاتية في هذا المستند المشترك مع بياناتي: https://docs.google.com/document/d/1mN2bV3cX4zL5kJ6hG7fD8sA9pO0iUyTr/edit", ["link"], "cv-shared-doc-with-details"),
 ("ملفي على GitHub هو github.com/omar-haddad-dev وعليه بريدي الإلكتروني للتواصل.", ["link"], "github-profile-with-email"),
 ("مع التحية،\nعمر حداد\nمطور تطبيقات\n+966 55 417 2983", ["phone"], "phone-in-signature"),
 ("مع خالص التحية،\nليلى سعيد\nlayla.saeed.translate@gmail.com", ["email"], "email-in-signature"),
]
CLEAN_LINKS["ar"] = [
 "اطلعت على إعلان الوظيفة https://www.upwork.com/jobs/~01e6f7a8b9c0d1e2f3 والملفات المرفقة.",
 "للمرجع، الشرح في https://ar.wikipedia.org/wiki/تحسين_محركات_البحث مفيد للعميل.",
]

# which theme (0, 1, 2: the order of the "intro" entries) each entry of a shorter list belongs to
THEMES = {("es", "questions"): [0, 2], ("pt", "questions"): [0, 2], ("hi", "questions"): [0, 2]}
