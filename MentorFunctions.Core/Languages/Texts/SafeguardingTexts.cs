namespace MentorFunctions.Core.Languages.Texts;

/// <summary>
/// The distress alerts to the mentor and the safeguarding contact, in the reader's language. They name the student and
/// link the conversation; they never quote the student or guess what is wrong. The student's own support message is
/// configuration (Safeguarding:StudentMessages), not here: programmes put their helpline numbers in it.
/// </summary>
public static class SafeguardingTexts
{
    /// <summary><c>{marker}</c> is the language-neutral "(alert N)" a retried step looks for.</summary>
    public static readonly LocalText MentorAlert = new(
        en: "🚨 **Please look at your conversation with {student} now.** A message there may need you personally. I did not answer it with AI and I will not answer in that conversation until you write there yourself; {student} was sent the programme's support message. [Open the conversation]({link}) {marker}",
        es: "🚨 **Por favor, mira ahora tu conversación con {student}.** Puede que un mensaje allí te necesite personalmente. No lo respondí con IA y no responderé en esa conversación hasta que escribas tú; {student} recibió el mensaje de apoyo del programa. [Abrir la conversación]({link}) {marker}",
        pt: "🚨 **Por favor, veja agora sua conversa com {student}.** Uma mensagem ali pode precisar de você pessoalmente. Não respondi com IA e não vou responder nessa conversa até você escrever lá; {student} recebeu a mensagem de apoio do programa. [Abrir a conversa]({link}) {marker}",
        fr: "🚨 **Merci de regarder dès maintenant votre conversation avec {student}.** Un message y demande peut-être votre attention personnelle. Je n'y ai pas répondu avec l'IA et je ne répondrai plus dans cette conversation tant que vous n'y aurez pas écrit ; {student} a reçu le message de soutien du programme. [Ouvrir la conversation]({link}) {marker}",
        de: "🚨 **Bitte sieh dir jetzt dein Gespräch mit {student} an.** Eine Nachricht dort braucht vielleicht dich persönlich. Ich habe nicht mit KI darauf geantwortet und antworte in diesem Gespräch erst wieder, wenn du dort selbst geschrieben hast; {student} hat die Unterstützungsnachricht des Programms bekommen. [Gespräch öffnen]({link}) {marker}");

    public static readonly LocalText ContactAlert = new(
        en: "🚨 **Safeguarding alert:** a message from {student} to their mentor {mentor} may need a person's attention now. The mentor has been alerted and no AI reply was sent. Please check in with {mentor}.",
        es: "🚨 **Alerta de protección:** un mensaje de {student} a su mentor {mentor} puede necesitar ahora la atención de una persona. Se avisó al mentor y no se envió ninguna respuesta de IA. Por favor, habla con {mentor}.",
        pt: "🚨 **Alerta de proteção:** uma mensagem de {student} para o mentor {mentor} pode precisar agora da atenção de uma pessoa. O mentor foi avisado e nenhuma resposta de IA foi enviada. Por favor, fale com {mentor}.",
        fr: "🚨 **Alerte de protection :** un message de {student} à son mentor {mentor} demande peut-être dès maintenant l'attention d'une personne. Le mentor a été prévenu et aucune réponse de l'IA n'a été envoyée. Merci de prendre contact avec {mentor}.",
        de: "🚨 **Safeguarding-Hinweis:** Eine Nachricht von {student} an die Mentorin oder den Mentor {mentor} braucht vielleicht jetzt die Aufmerksamkeit eines Menschen. {mentor} ist informiert, und es wurde keine KI-Antwort gesendet. Bitte melde dich bei {mentor}.");

    public static readonly LocalText UnnamedStudent = new(
        en: "student {id}",
        es: "estudiante {id}",
        pt: "aluno {id}",
        fr: "élève {id}",
        de: "Mentee {id}");

    public static readonly LocalText UnregisteredMentor = new(
        en: "(unregistered mentor)",
        es: "(mentor no registrado)",
        pt: "(mentor não registrado)",
        fr: "(mentor non enregistré)",
        de: "(nicht registriert)");

    public static readonly LocalText NoLink = new(
        en: "(conversation link unavailable)",
        es: "(enlace a la conversación no disponible)",
        pt: "(link da conversa indisponível)",
        fr: "(lien vers la conversation indisponible)",
        de: "(Link zum Gespräch nicht verfügbar)");
}
