namespace MentorFunctions.Core.Privacy;

/// <summary>
/// The conversations' orchestration histories (Durable's task hub), which keep every event and activity payload until
/// purged: ContinueAsNew does not delete older history rows in the Azure Storage backend. The Functions shell implements
/// this with Durable's client; only a function with a Durable client binding can reach it.
/// </summary>
public interface IConversationHistories
{
    /// <summary>Terminates and purges every conversation instance of this bot in which the user is mentor or student; returns how many.</summary>
    Task<int> PurgeUserAsync(string botEmail, long userId, CancellationToken cancellationToken);
}
