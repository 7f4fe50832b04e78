namespace MentorFunctions.Core.Safety;

/// <summary>What a message in distress seems to be about. Kept for the audit trail; never guessed at in notices.</summary>
public enum DistressKind
{
    Suicide = 1,
    SelfHarm = 2,
    Abuse = 3,
    Violence = 4,
    Panic = 5,
}
