namespace MentorFunctions.Core.Languages.Texts;

/// <summary>What the reply step tells a mentor privately when it does not answer for them, in the mentor's language.</summary>
public static class ReplyNoticeTexts
{
    public static readonly LocalText HumanRequested = new(
        en: "🙋 {student} asked for you in person, so I did not answer for you. Please reply yourself when you can.",
        es: "🙋 {student} pidió hablar contigo en persona, así que no respondí por ti. Contéstale tú cuando puedas.",
        pt: "🙋 {student} pediu para falar com você pessoalmente, então não respondi por você. Responda você mesmo quando puder.",
        fr: "🙋 {student} a demandé à vous parler en personne, je n'ai donc pas répondu à votre place. Merci de répondre vous-même dès que possible.",
        de: "🙋 {student} möchte persönlich mit dir sprechen, deshalb habe ich nicht für dich geantwortet. Bitte antworte selbst, sobald du kannst.");

    public static readonly LocalText Refused = new(
        en: "⚠️ I could not write a reply to {student} ({reason}). Please answer yourself when you can.",
        es: "⚠️ No pude escribir una respuesta para {student} ({reason}). Contéstale tú cuando puedas.",
        pt: "⚠️ Não consegui escrever uma resposta para {student} ({reason}). Responda você mesmo quando puder.",
        fr: "⚠️ Je n'ai pas pu écrire de réponse à {student} ({reason}). Merci de répondre vous-même dès que possible.",
        de: "⚠️ Ich konnte keine Antwort an {student} schreiben ({reason}). Bitte antworte selbst, sobald du kannst.");

    public static readonly LocalText RefusedNoAnswer = new(
        en: "the model gave no usable answer",
        es: "el modelo no dio una respuesta utilizable",
        pt: "o modelo não deu uma resposta utilizável",
        fr: "le modèle n'a pas donné de réponse exploitable",
        de: "das Modell gab keine brauchbare Antwort");

    public static readonly LocalText RefusedByService = new(
        en: "the AI service refused the request",
        es: "el servicio de IA rechazó la solicitud",
        pt: "o serviço de IA recusou o pedido",
        fr: "le service d'IA a refusé la demande",
        de: "der KI-Dienst hat die Anfrage abgelehnt");

    public static readonly LocalText Withheld = new(
        en: "🛡️ I did not send the AI reply to {student}: {why}. Please answer yourself when you can.",
        es: "🛡️ No envié la respuesta de IA a {student}: {why}. Contéstale tú cuando puedas.",
        pt: "🛡️ Não enviei a resposta de IA para {student}: {why}. Responda você mesmo quando puder.",
        fr: "🛡️ Je n'ai pas envoyé la réponse de l'IA à {student} : {why}. Merci de répondre vous-même dès que possible.",
        de: "🛡️ Ich habe die KI-Antwort an {student} nicht gesendet: {why}. Bitte antworte selbst, sobald du kannst.");

    // Why the output guard withheld a reply, by its audit reason (OutputGuard): what it did, never what it said.
    public static readonly LocalText GuardTooLong = new(
        en: "it was longer than the length limit",
        es: "era más larga de lo permitido",
        pt: "era mais longa do que o permitido",
        fr: "elle dépassait la longueur autorisée",
        de: "sie war länger als erlaubt");

    public static readonly LocalText GuardInstructions = new(
        en: "it repeated its instructions",
        es: "repetía sus instrucciones",
        pt: "repetia as próprias instruções",
        fr: "elle reprenait ses instructions",
        de: "sie wiederholte ihre Anweisungen");

    public static readonly LocalText GuardExemplarCopy = new(
        en: "it copied one of your own messages word for word",
        es: "copiaba palabra por palabra uno de tus mensajes",
        pt: "copiava palavra por palavra uma das suas mensagens",
        fr: "elle recopiait mot pour mot l'un de vos messages",
        de: "sie kopierte eine deiner Nachrichten Wort für Wort");

    public static readonly LocalText GuardClaimsHuman = new(
        en: "it claimed to be a person, or to be you in person",
        es: "decía ser una persona, o ser tú en persona",
        pt: "dizia ser uma pessoa, ou ser você em pessoa",
        fr: "elle prétendait être une personne, ou être vous en personne",
        de: "sie gab sich als Mensch oder als du persönlich aus");

    public static readonly LocalText GuardLink = new(
        en: "it contained a link that is not in the conversation",
        es: "contenía un enlace que no está en la conversación",
        pt: "continha um link que não está na conversa",
        fr: "elle contenait un lien absent de la conversation",
        de: "sie enthielt einen Link, der nicht im Gespräch vorkommt");

    public static readonly LocalText GuardContact = new(
        en: "it contained contact details that are not in the conversation",
        es: "contenía datos de contacto que no están en la conversación",
        pt: "continha dados de contato que não estão na conversa",
        fr: "elle contenait des coordonnées absentes de la conversation",
        de: "sie enthielt Kontaktdaten, die nicht im Gespräch vorkommen");

    public static readonly LocalText GuardOther = new(
        en: "it did not pass the safety check",
        es: "no pasó el control de seguridad",
        pt: "não passou na verificação de segurança",
        fr: "elle n'a pas passé le contrôle de sécurité",
        de: "sie hat die Sicherheitsprüfung nicht bestanden");

    public static readonly LocalText LimitStudentHour = new(
        en: "⏸️ AI replies to one of your students reached the limit of {allowed} this hour; I will not answer for you until the next hour.",
        es: "⏸️ Las respuestas de IA a uno de tus estudiantes llegaron al límite de {allowed} en esta hora; no responderé por ti hasta la hora siguiente.",
        pt: "⏸️ As respostas de IA para um dos seus alunos chegaram ao limite de {allowed} nesta hora; não vou responder por você até a próxima hora.",
        fr: "⏸️ Les réponses de l'IA à l'un de vos élèves ont atteint la limite de {allowed} pour cette heure ; je ne répondrai plus à votre place avant l'heure suivante.",
        de: "⏸️ Die KI-Antworten an einen deiner Mentees haben das Limit von {allowed} pro Stunde erreicht; bis zur nächsten Stunde antworte ich nicht für dich.");

    public static readonly LocalText LimitMentorDay = new(
        en: "⏸️ AI replies for you reached today's limit of {allowed}; I will not answer for you again today.",
        es: "⏸️ Las respuestas de IA en tu nombre llegaron al límite de hoy ({allowed}); hoy ya no responderé por ti.",
        pt: "⏸️ As respostas de IA em seu nome chegaram ao limite de hoje ({allowed}); hoje não vou mais responder por você.",
        fr: "⏸️ Les réponses de l'IA en votre nom ont atteint la limite du jour ({allowed}) ; je ne répondrai plus à votre place aujourd'hui.",
        de: "⏸️ Die KI-Antworten für dich haben das heutige Limit von {allowed} erreicht; heute antworte ich nicht mehr für dich.");

    public static readonly LocalText LimitBudget = new(
        en: "⏸️ The organisation's AI budget for today is used up; I will not answer for you again today.",
        es: "⏸️ El presupuesto de IA de la organización para hoy se ha agotado; hoy ya no responderé por ti.",
        pt: "⏸️ O orçamento de IA da organização para hoje acabou; hoje não vou mais responder por você.",
        fr: "⏸️ Le budget d'IA de l'organisation pour aujourd'hui est épuisé ; je ne répondrai plus à votre place aujourd'hui.",
        de: "⏸️ Das KI-Budget der Organisation für heute ist aufgebraucht; heute antworte ich nicht mehr für dich.");

    /// <summary>A draft for the mentor. <c>{marker}</c> is the language-neutral "(reply N)" a retried step looks for.</summary>
    public static readonly LocalText Draft = new(
        en: "📝 Draft {draftId} for {student} {marker}: answer `send {draftId}`, `edit {draftId} <your text>` or `skip {draftId}`.\n\n{draft}",
        es: "📝 Borrador {draftId} para {student} {marker}: responde `send {draftId}`, `edit {draftId} <tu texto>` o `skip {draftId}`.\n\n{draft}",
        pt: "📝 Rascunho {draftId} para {student} {marker}: responda `send {draftId}`, `edit {draftId} <seu texto>` ou `skip {draftId}`.\n\n{draft}",
        fr: "📝 Brouillon {draftId} pour {student} {marker} : répondez `send {draftId}`, `edit {draftId} <votre texte>` ou `skip {draftId}`.\n\n{draft}",
        de: "📝 Entwurf {draftId} für {student} {marker}: antworte `send {draftId}`, `edit {draftId} <dein Text>` oder `skip {draftId}`.\n\n{draft}");

    /// <summary>Names the student when the pair record is gone.</summary>
    public static readonly LocalText YourStudent = new(
        en: "your student",
        es: "tu estudiante",
        pt: "seu aluno",
        fr: "votre élève",
        de: "dein Mentee");
}
