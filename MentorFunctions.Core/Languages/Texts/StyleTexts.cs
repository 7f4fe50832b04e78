namespace MentorFunctions.Core.Languages.Texts;

/// <summary>The learned style in words (Style/StyleSummary), for the mentor's `status`, in the mentor's language.</summary>
public static class StyleTexts
{
    public static readonly LocalText AnswersIn = new(
        en: "usually answers in about {duration}",
        es: "suele responder en unos {duration}",
        pt: "costuma responder em cerca de {duration}",
        fr: "répond en général en {duration} environ",
        de: "antwortet meist in etwa {duration}");

    public static readonly LocalText ReplyTimeNotLearned = new(
        en: "reply time not learned yet (assuming about {duration})",
        es: "aún no ha aprendido el tiempo de respuesta (supone unos {duration})",
        pt: "tempo de resposta ainda não aprendido (supõe cerca de {duration})",
        fr: "délai de réponse pas encore appris ({duration} environ supposé)",
        de: "Antwortzeit noch nicht gelernt (angenommen etwa {duration})");

    public static readonly LocalText VeryCasual = new(en: "very casual", es: "muy informal", pt: "muito informal", fr: "très décontracté", de: "sehr locker");
    public static readonly LocalText Casual = new(en: "casual", es: "informal", pt: "informal", fr: "décontracté", de: "locker");
    public static readonly LocalText Neutral = new(en: "neutral", es: "neutro", pt: "neutro", fr: "neutre", de: "neutral");
    public static readonly LocalText Formal = new(en: "formal", es: "formal", pt: "formal", fr: "soutenu", de: "förmlich");
    public static readonly LocalText VeryFormal = new(en: "very formal", es: "muy formal", pt: "muito formal", fr: "très soutenu", de: "sehr förmlich");

    public static readonly LocalText AboutChars = new(
        en: "about {chars} characters",
        es: "unos {chars} caracteres",
        pt: "cerca de {chars} caracteres",
        fr: "environ {chars} caractères",
        de: "etwa {chars} Zeichen");

    public static readonly LocalText OftenSays = new(
        en: "often says {phrases}",
        es: "dice a menudo {phrases}",
        pt: "diz muitas vezes {phrases}",
        fr: "dit souvent {phrases}",
        de: "sagt oft {phrases}");

    public static readonly LocalText UsesEmoji = new(
        en: "uses emoji ({emoji})",
        es: "usa emojis ({emoji})",
        pt: "usa emojis ({emoji})",
        fr: "utilise des emojis ({emoji})",
        de: "nutzt Emojis ({emoji})");

    public static readonly LocalText Active = new(en: "active {window}", es: "activo {window}", pt: "ativo {window}", fr: "actif {window}", de: "aktiv {window}");

    public static readonly LocalText NothingLearned = new(
        en: "no messages learned yet, using defaults: {summary}",
        es: "aún no ha aprendido de ningún mensaje, usa valores por defecto: {summary}",
        pt: "nenhuma mensagem aprendida ainda, usando o padrão: {summary}",
        fr: "aucun message appris pour l'instant, valeurs par défaut : {summary}",
        de: "noch keine Nachrichten gelernt, Standardwerte: {summary}");

    public static readonly LocalText FromMessages = new(
        en: "{summary} (from {count} messages)",
        es: "{summary} (a partir de {count} mensajes)",
        pt: "{summary} (a partir de {count} mensagens)",
        fr: "{summary} (d'après {count} messages)",
        de: "{summary} (aus {count} Nachrichten)");

    /// <summary>Monday to Sunday, short, separated by spaces.</summary>
    public static readonly LocalText Weekdays = new(
        en: "Mon Tue Wed Thu Fri Sat Sun",
        es: "lun mar mié jue vie sáb dom",
        pt: "seg ter qua qui sex sáb dom",
        fr: "lun mar mer jeu ven sam dim",
        de: "Mo Di Mi Do Fr Sa So");

    public static readonly LocalText EveryDay = new(en: "every day", es: "todos los días", pt: "todos os dias", fr: "tous les jours", de: "jeden Tag");
    public static readonly LocalText AroundTheClock = new(en: "around the clock", es: "a todas horas", pt: "o dia todo", fr: "à toute heure", de: "rund um die Uhr");
    public static readonly LocalText Days = new(en: "days", es: "días", pt: "dias", fr: "jours", de: "Tage");
}
