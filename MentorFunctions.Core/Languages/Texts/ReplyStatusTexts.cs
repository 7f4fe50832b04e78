namespace MentorFunctions.Core.Languages.Texts;

/// <summary>The `status` lines about pending AI replies and today's limits, in the mentor's language.</summary>
public static class ReplyStatusTexts
{
    public static readonly LocalText Pending = new(
        en: "**Pending AI replies:** {items}. Answer the student yourself and I stand down.",
        es: "**Respuestas de IA pendientes:** {items}. Responde tú al estudiante y me retiro.",
        pt: "**Respostas de IA pendentes:** {items}. Responda você mesmo ao aluno e eu saio de cena.",
        fr: "**Réponses de l'IA en attente :** {items}. Répondez vous-même à l'élève et je me retire.",
        de: "**Wartende KI-Antworten:** {items}. Antworte dem Mentee selbst, dann halte ich mich zurück.");

    public static readonly LocalText PendingItem = new(
        en: "{name} (in about {minutes} min)",
        es: "{name} (en unos {minutes} min)",
        pt: "{name} (em cerca de {minutes} min)",
        fr: "{name} (dans environ {minutes} min)",
        de: "{name} (in etwa {minutes} Min.)");

    public static readonly LocalText PendingItemStressed = new(
        en: "{name} (in about {minutes} min, sounds stressed)",
        es: "{name} (en unos {minutes} min, parece estresado)",
        pt: "{name} (em cerca de {minutes} min, parece estressado)",
        fr: "{name} (dans environ {minutes} min, semble stressé)",
        de: "{name} (in etwa {minutes} Min., klingt gestresst)");

    public static readonly LocalText Limits = new(
        en: "**Limits:** {replies} of {perDay} AI replies for you today (UTC); the organisation has used {share}% of today's AI budget",
        es: "**Límites:** {replies} de {perDay} respuestas de IA por ti hoy (UTC); la organización ha usado el {share} % del presupuesto de IA de hoy",
        pt: "**Limites:** {replies} de {perDay} respostas de IA por você hoje (UTC); a organização já usou {share}% do orçamento de IA de hoje",
        fr: "**Limites :** {replies} sur {perDay} réponses de l'IA en votre nom aujourd'hui (UTC) ; l'organisation a utilisé {share} % du budget d'IA du jour",
        de: "**Limits:** {replies} von {perDay} KI-Antworten für dich heute (UTC); die Organisation hat {share} % des heutigen KI-Budgets verbraucht");
}
