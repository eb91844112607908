"""rule_talk.jsonl: talking about the rule, refusing, deferring until the contract is active,
naming the marketplace and its URLs, word traps that look like spoken links; a few
positives that propose to move off the platform now."""
from common import R, check_phone, write

check_phone("+14158293764")
check_phone("+5511974523861")

recs = []
A = recs.append

# ---------------------------------------------------------------- en
A(R("en", "Just a reminder: we can't exchange phone numbers or emails before a contract, it's the platform's rule.", [], "stating-rule"))
A(R("en", "I can't give you my number before a contract, but I'm quick to reply here.", [], "refusal"))
A(R("en", "Once the contract is active I'll share my WhatsApp so we can do quick voice notes.", [], "deferral-after-contract"))
A(R("en", "I keep every conversation on Upwork, that way we're both protected.", [], "keep-on-platform"))
A(R("en", "Here's the job link again: https://www.upwork.com/jobs/~01a2b3c4d5e6f7a8b9 and my profile: https://www.upwork.com/freelancers/~0123456789abcdef01", [], "marketplace-urls"))
A(R("en", "Upwork doesn't allow it before the offer is accepted, see https://support.upwork.com/hc/en-us/articles/211067768", [], "marketplace-help-url"))
A(R("en", "I also sell this as a fixed package in the catalogue: https://www.upwork.com/services/product/development-it-shopify-speed-audit-1712345678901234567", [], "marketplace-catalogue-url"))
A(R("en", "I finished the logo.Design tokens are next, then the icons.", [], "missing-space-after-stop-tld"))
A(R("en", "The colours don't match.here is the corrected palette and the updated mockup.", [], "missing-space-match-here"))
A(R("en", "The report is ready.Page 3 has the funnel numbers and page 7 the churn table.", [], "missing-space-page-tld"))
A(R("en", "One more point: net 30 payment terms are fine for me, milestones as proposed.", [], "word-trap-point-net"))
A(R("en", "Upwork takes its fee anyway, so just send me your personal email now and we'll invoice directly.", ["email"], "move-now-request-email"))
A(R("en", "Let's skip the platform and talk on Telegram right away, @dwhitfield_dev.", ["social"], "move-now-telegram"))

# ---------------------------------------------------------------- es
A(R("es", "Recuerda que antes del contrato no podemos compartir teléfonos ni correos.", [], "stating-rule"))
A(R("es", "No puedo pasarte mi número hasta que haya contrato, lo siento.", [], "refusal"))
A(R("es", "Cuando el contrato esté activo te paso mi WhatsApp sin problema.", [], "deferral-after-contract"))
A(R("es", "Yo mantengo todas las conversaciones en Upwork, es más seguro para los dos.", [], "keep-on-platform"))
A(R("es", "Te dejo la oferta: https://www.upwork.com/nx/wm/offer/123456789 — acéptala cuando puedas.", [], "marketplace-offer-url"))
A(R("es", "Upwork no lo permite antes de aceptar la oferta, está en su centro de ayuda.", [], "naming-marketplace"))
A(R("es", "Terminé el logo.Online mañana tendrás la versión animada.", [], "missing-space-after-stop-tld"))
A(R("es", "Trabajé en startups después de la burbuja de las puntocom, en 2003.", [], "word-trap-dotcom-bubble"))
A(R("es", "Tercer punto: info legal en el pie de página, lo pide el abogado del cliente.", [], "word-trap-punto-info"))
A(R("es", "Olvídate de la comisión de Upwork, pásame tu número y te llamo hoy para arreglarlo por fuera.", ["phone"], "move-now-request-number"))
A(R("es", "Mi perfil aquí: https://www.upwork.com/freelancers/~01fedcba9876543210, ahí están las reseñas.", [], "marketplace-profile-url"))
A(R("es", "Pásame tu correo ya y seguimos por ahí, que aquí tardan los mensajes.", ["email"], "move-now-request-email"))

# ---------------------------------------------------------------- pt
A(R("pt", "Só lembrando: antes do contrato a gente não pode trocar contato.", [], "stating-rule"))
A(R("pt", "Não posso passar meu número antes do contrato, regra da plataforma.", [], "refusal"))
A(R("pt", "Assim que o contrato estiver ativo eu te passo meu zap.", [], "deferral-after-contract"))
A(R("pt", "Eu mantenho todas as conversas aqui no Upwork, fica registrado.", [], "keep-on-platform"))
A(R("pt", "Segue o link do job: https://www.upwork.com/jobs/~01c3d4e5f6a7b8c9d0", [], "marketplace-job-url"))
A(R("pt", "O Upwork não deixa, eles bloqueiam se a gente trocar telefone.", [], "naming-marketplace"))
A(R("pt", "Terminei o layout.Site novo sobe na sexta.", [], "missing-space-after-stop-tld"))
A(R("pt", "O ponto com mais peso no orçamento é a integração com o ERP.", [], "word-trap-ponto-com"))
A(R("pt", "Vamos sair do Upwork agora? Me chama no zap (11) 97452-3861 que eu faço mais barato.", ["phone", "social"], "move-now-whatsapp"))
A(R("pt", "Veja o pacote no catálogo: https://www.upwork.com/services/product/design-logo-minimalista-1798765432109876543", [], "marketplace-catalogue-url"))
A(R("pt", "Quando fecharmos o contrato, aí sim usamos o Slack do time.", [], "deferral-team-chat"))
A(R("pt", "Me passa seu WhatsApp agora que eu te explico melhor.", ["social"], "move-now-request-whatsapp", alt=["phone"]))

# ---------------------------------------------------------------- fr
A(R("fr", "Petit rappel : pas d'échange de coordonnées avant le contrat, c'est la règle.", [], "stating-rule"))
A(R("fr", "Je ne peux pas vous donner mon numéro avant le contrat, désolée.", [], "refusal"))
A(R("fr", "Dès que le contrat sera actif, je vous donnerai mon WhatsApp.", [], "deferral-after-contract"))
A(R("fr", "Je garde tous les échanges sur Upwork, c'est plus sûr.", [], "keep-on-platform"))
A(R("fr", "Voici mon profil : https://www.upwork.com/freelancers/~01aa22bb33cc44dd55 et l'annonce https://www.upwork.com/jobs/~01e5f6a7b8c9d0e1f2", [], "marketplace-urls"))
A(R("fr", "On fait le point demain. Net, le budget tient.", [], "word-trap-point-net"))
A(R("fr", "Premier point : org chart à revoir avant la refonte.", [], "word-trap-point-org"))
A(R("fr", "J'ai fini la maquette.Shop en ligne la semaine prochaine.", [], "missing-space-after-stop-tld"))
A(R("fr", "Upwork l'interdit avant l'acceptation de l'offre, voir https://support.upwork.com/hc/fr/articles/211067768", [], "marketplace-help-url"))
A(R("fr", "Passons tout de suite sur WhatsApp, ce sera plus simple que cette messagerie.", ["social"], "move-now-whatsapp"))
A(R("fr", "Donnez-moi votre mail maintenant, on contournera les frais.", ["email"], "move-now-request-email"))
A(R("fr", "Bon point : net progrès sur le taux de conversion, +12 % depuis la refonte.", [], "word-trap-point-net"))

# ---------------------------------------------------------------- de
A(R("de", "Zur Erinnerung: vor dem Vertrag keine Telefonnummern oder Mails austauschen.", [], "stating-rule"))
A(R("de", "Meine Nummer gebe ich vor dem Vertrag nicht raus, sorry.", [], "refusal"))
A(R("de", "Sobald der Vertrag aktiv ist, schicke ich dir meine Signal-Nummer.", [], "deferral-after-contract"))
A(R("de", "Ich führe alle Gespräche auf Upwork, das schützt uns beide.", [], "keep-on-platform"))
A(R("de", "Hier das Angebot: https://www.upwork.com/nx/wm/offer/987654321, bitte annehmen.", [], "marketplace-offer-url"))
A(R("de", "Punkt zwei: de facto brauchen wir mehr Zeit für die Tests.", [], "word-trap-punkt-de"))
A(R("de", "Der wichtigste Punkt: info an alle Stakeholder bis Freitag.", [], "word-trap-punkt-info"))
A(R("de", "Ich habe das Logo fertig.Design-System folgt nächste Woche.", [], "missing-space-after-stop-tld"))
A(R("de", "Upwork erlaubt das nicht, bevor das Angebot angenommen ist.", [], "naming-marketplace"))
A(R("de", "Lass uns gleich auf Signal wechseln, dann sparen wir uns die Gebühren.", ["social"], "move-now-signal"))
A(R("de", "Schick mir jetzt deine private Mail, dann machen wir das direkt.", ["email"], "move-now-request-email"))
A(R("de", "Nach Vertragsstart laden wir dich in unseren Slack ein, vorher bleiben wir hier.", [], "deferral-team-chat"))

# ---------------------------------------------------------------- hi
A(R("hi", "Yaad rahe, contract se pehle number ya email share nahi kar sakte.", [], "stating-rule"))
A(R("hi", "Contract se pehle main apna number nahi de sakta bhai.", [], "refusal"))
A(R("hi", "Contract active hote hi WhatsApp number de dunga.", [], "deferral-after-contract"))
A(R("hi", "Main saari baat Upwork pe hi rakhta hoon, dono ke liye safe hai.", [], "keep-on-platform"))
A(R("hi", "Mera profile: https://www.upwork.com/freelancers/~01b2c3d4e5f6a7b8c9, reviews dekh lo.", [], "marketplace-profile-url"))
A(R("hi", "Main point net profit ka hai, revenue ka nahi.", [], "word-trap-point-net"))
A(R("hi", "Logo ho gaya.App ke icons kal tak.", [], "missing-space-after-stop-tld"))
A(R("hi", "Upwork allow nahi karta, account ban ho sakta hai.", [], "naming-marketplace"))
A(R("hi", "Upwork chhodo, abhi WhatsApp pe aao, fees bachegi.", ["social"], "move-now-whatsapp"))
A(R("hi", "Apna email abhi bhejo, bahar deal kar lete hain.", ["email"], "move-now-request-email"))
A(R("hi", "Job link: https://www.upwork.com/jobs/~01b2c3d4e5f6a7b8c9 — wahi project hai.", [], "marketplace-job-url"))
A(R("hi", "Contract ke baad hi Slack pe add karenge, tab tak yahin.", [], "deferral-team-chat"))

# ---------------------------------------------------------------- ru
A(R("ru", "Напоминаю: до контракта обмениваться контактами нельзя.", [], "stating-rule"))
A(R("ru", "Номер до заключения контракта дать не могу, извините.", [], "refusal"))
A(R("ru", "Как только контракт станет активным, скину телеграм.", [], "deferral-after-contract"))
A(R("ru", "Я веду всю переписку на Upwork, так надёжнее.", [], "keep-on-platform"))
A(R("ru", "Ссылка на оффер: https://www.upwork.com/nx/wm/offer/555666777", [], "marketplace-offer-url"))
A(R("ru", "Наша точка роста — ru-сегмент, там дешевле трафик.", [], "word-trap-tochka-ru"))
A(R("ru", "С моей точки зрения, component-подход тут лучше.", [], "word-trap-tochka-com"))
A(R("ru", "Макет готов.Shop-версию сделаю завтра.", [], "missing-space-after-stop-tld"))
A(R("ru", "Upwork это запрещает до принятия оффера.", [], "naming-marketplace"))
A(R("ru", "Давайте прямо сейчас в телегу, без комиссии площадки.", ["social"], "move-now-telegram"))
A(R("ru", "Скиньте почту сейчас, договоримся напрямую.", ["email"], "move-now-request-email"))
A(R("ru", "Мой профиль https://www.upwork.com/freelancers/~01d4e5f6a7b8c9d0e1 и каталог https://www.upwork.com/services/product/landing-page-1811223344556677889", [], "marketplace-urls"))

# ---------------------------------------------------------------- ar
A(R("ar", "تذكير: ما نقدر نتبادل أرقام أو إيميلات قبل العقد.", [], "stating-rule"))
A(R("ar", "ما أقدر أعطيك رقمي قبل العقد، آسف.", [], "refusal"))
A(R("ar", "أول ما يصير العقد فعّال أرسل لك الواتساب.", [], "deferral-after-contract"))
A(R("ar", "أنا أخلي كل المحادثات على Upwork، أأمن للطرفين.", [], "keep-on-platform"))
A(R("ar", "رابط الوظيفة: https://www.upwork.com/jobs/~01e6f7a8b9c0d1e2f3 وملفي https://www.upwork.com/freelancers/~01abcdefabcdefabcd", [], "marketplace-urls"))
A(R("ar", "بدأت العمل بعد فقاعة الدوت كوم بسنتين.", [], "word-trap-dotcom-bubble"))
A(R("ar", "أنا مطور دوت نت، وأشتغل حالياً على ASP.NET Core 8 مع React.", [], "word-trap-dot-net"))
A(R("ar", "خلصت التصميم.Store الجديد يكون جاهز الأحد.", [], "missing-space-after-stop-tld"))
A(R("ar", "Upwork ما يسمح بهذا قبل قبول العرض.", [], "naming-marketplace"))
A(R("ar", "خلنا نطلع من المنصة الحين ونكمل على الواتس.", ["social"], "move-now-whatsapp"))
A(R("ar", "أرسل لي إيميلك الآن ونتفق برا المنصة.", ["email"], "move-now-request-email"))
A(R("ar", "بعد بدء العقد نضيفك على قناة Slack الخاصة بالفريق.", [], "deferral-team-chat"))

write("rule_talk", recs)
