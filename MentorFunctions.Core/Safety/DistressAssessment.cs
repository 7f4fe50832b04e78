namespace MentorFunctions.Core.Safety;

/// <summary>
/// The distress detector's finding for one message: <see cref="Kind"/> is null when the message shows no sign of
/// distress. <see cref="Language"/> is the lexicon that recognised it ("en", "es", "pt", "fr", "de").
/// </summary>
public sealed record DistressAssessment(DistressKind? Kind, string? Language)
{
    public static DistressAssessment None { get; } = new(null, null);

    public bool IsDistress => Kind is not null;

    /// <summary>The short machine word for the audit trail, e.g. "distress-self-harm".</summary>
    public string AuditReason => Kind switch
    {
        DistressKind.Suicide => "distress-suicide",
        DistressKind.SelfHarm => "distress-self-harm",
        DistressKind.Abuse => "distress-abuse",
        DistressKind.Violence => "distress-violence",
        DistressKind.Panic => "distress-panic",
        _ => "none",
    };
}
