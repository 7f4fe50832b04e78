namespace MentorFunctions.Core.Languages.Texts;

/// <summary>The labels students see on what the stand-in sends, in the student's language.</summary>
public static class DisclosureTexts
{
    /// <summary>The default disclosure line of an AI reply (Replies:DisclosureTemplate when left as shipped).</summary>
    public static readonly LocalText AiReply = new(
        en: "🤖 *AI reply in {mentor}'s style — {mentor} will follow up.*",
        es: "🤖 *Respuesta de IA al estilo de {mentor} — {mentor} te escribirá después.*",
        pt: "🤖 *Resposta de IA no estilo de {mentor} — {mentor} vai falar com você depois.*",
        fr: "🤖 *Réponse de l'IA dans le style de {mentor} — {mentor} te répondra ensuite.*",
        de: "🤖 *KI-Antwort im Stil von {mentor} — {mentor} meldet sich noch persönlich.*");

    /// <summary>The label under an AI draft the mentor sent unchanged.</summary>
    public static readonly LocalText ApprovedDraft = new(
        en: "*🤖 AI draft, approved by {mentor}*",
        es: "*🤖 Borrador de IA, aprobado por {mentor}*",
        pt: "*🤖 Rascunho de IA, aprovado por {mentor}*",
        fr: "*🤖 Brouillon de l'IA, approuvé par {mentor}*",
        de: "*🤖 KI-Entwurf, freigegeben von {mentor}*");

    /// <summary>The label under a draft the mentor rewrote: their own words.</summary>
    public static readonly LocalText EditedDraft = new(
        en: "*✍️ from {mentor}*",
        es: "*✍️ escrito por {mentor}*",
        pt: "*✍️ escrito por {mentor}*",
        fr: "*✍️ écrit par {mentor}*",
        de: "*✍️ von {mentor}*");

    /// <summary>Names the mentor when their record is gone.</summary>
    public static readonly LocalText YourMentor = new(
        en: "your mentor",
        es: "tu mentor",
        pt: "seu mentor",
        fr: "ton mentor",
        de: "deine Mentorin oder dein Mentor");
}
