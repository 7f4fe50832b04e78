using System.ComponentModel.DataAnnotations;

namespace MentorFunctions.Core.Safety;

/// <summary>
/// What happens when a student seems to be in distress (configuration section "Safeguarding"). The student gets one
/// short message written by people, never by the model: <see cref="StudentMessages"/> by language, overridable per
/// organisation (bot) in <see cref="Organisations"/>, where a programme puts its own helpline numbers.
/// </summary>
public sealed class SafeguardingOptions
{
    public const string Section = "Safeguarding";

    /// <summary>A Zulip user id (e.g. the programme's safeguarding lead) also alerted, for every organisation without its own.</summary>
    public long? ContactUserId { get; set; }

    /// <summary>The message to the student, by language ("en", "es", "pt", "fr", "de"); defaults below, override any key.</summary>
    public Dictionary<string, string> StudentMessages { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Thank you for telling us. This is an automatic message, not an AI reply: your mentor has been told and will get back to you personally as soon as they can. If you are in danger or might hurt yourself, please call your local emergency number now, or talk to an adult you trust.",
        ["es"] = "Gracias por contárnoslo. Este es un mensaje automático, no una respuesta de IA: tu mentor ya está avisado y te responderá personalmente en cuanto pueda. Si estás en peligro o podrías hacerte daño, llama ahora al número de emergencias de tu país o habla con un adulto de confianza.",
        ["pt"] = "Obrigado por nos contar. Esta é uma mensagem automática, não uma resposta de IA: seu mentor já foi avisado e vai falar com você pessoalmente assim que puder. Se você estiver em perigo ou puder se machucar, ligue agora para o número de emergência do seu país ou fale com um adulto de confiança.",
        ["fr"] = "Merci de nous l'avoir dit. Ceci est un message automatique, pas une réponse de l'IA : ton mentor a été prévenu et te répondra personnellement dès que possible. Si tu es en danger ou risques de te faire du mal, appelle maintenant le numéro d'urgence de ton pays ou parle à un adulte de confiance.",
        ["de"] = "Danke, dass du uns das sagst. Dies ist eine automatische Nachricht, keine KI-Antwort: Deine Mentorin oder dein Mentor ist informiert und meldet sich so bald wie möglich persönlich bei dir. Wenn du in Gefahr bist oder dir etwas antun könntest, ruf bitte jetzt die Notrufnummer deines Landes an oder sprich mit einem Erwachsenen, dem du vertraust.",
    };

    /// <summary>The language used when the student's language cannot be told from their messages.</summary>
    [Required]
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Per organisation: "Safeguarding:Organisations:0:BotEmail", ":ContactUserId", ":StudentMessages:en".</summary>
    public List<OrganisationSafeguarding> Organisations { get; set; } = [];

    /// <summary>The organisation's settings for a bot, or null.</summary>
    public OrganisationSafeguarding? For(string botEmail) =>
        Organisations.FirstOrDefault(o => string.Equals(o.BotEmail, botEmail, StringComparison.OrdinalIgnoreCase));

    /// <summary>Who besides the mentor is alerted for this bot's organisation, if anyone.</summary>
    public long? ContactFor(string botEmail) => For(botEmail)?.ContactUserId ?? ContactUserId;

    /// <summary>The student message for this organisation in this language, falling back to the default language.</summary>
    public string StudentMessageFor(string botEmail, string? language)
    {
        var own = For(botEmail)?.StudentMessages;
        foreach (var lang in new[] { language, DefaultLanguage, "en" })
        {
            if (lang is null)
                continue;
            if (own is not null && own.TryGetValue(lang, out var o) && !string.IsNullOrWhiteSpace(o))
                return o;
            if (StudentMessages.TryGetValue(lang, out var d) && !string.IsNullOrWhiteSpace(d))
                return d;
        }
        return StudentMessages.Values.First(v => !string.IsNullOrWhiteSpace(v));
    }
}

/// <summary>One organisation's safeguarding settings, matched by its bot's email.</summary>
public sealed class OrganisationSafeguarding
{
    [Required]
    public string BotEmail { get; set; } = "";

    public long? ContactUserId { get; set; }

    public Dictionary<string, string> StudentMessages { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
