namespace MentorFunctions.Core.Zulip;

/// <summary>One message of a conversation as Zulip's REST API returns it (raw Markdown when read with apply_markdown=false).</summary>
public sealed record ZulipMessage(long Id, long SenderId, string Content, long Timestamp);

/// <summary>The bot's own account (GET /users/me).</summary>
public sealed record ZulipUser(long UserId, string Email, string FullName);

/// <summary>Another user of the organisation (GET /users/{id}): enough to tell a bot from a human and to name them.</summary>
public sealed record ZulipUserInfo(long UserId, string Email, string FullName, bool IsBot);

/// <summary>Typing notification operation.</summary>
public enum TypingOperation
{
    Start = 0,
    Stop = 1,
}

/// <summary>
/// Zulip's REST API as one bot: every call names the bot by email and the client picks that bot's site and API key from
/// <see cref="ZulipOptions"/>. Errors: <see cref="ZulipApiException"/> for a final refusal (4xx with Zulip's error body);
/// <see cref="Conversations.TransientStepException"/> for 429 (with the server's Retry-After), 5xx and timeouts.
/// </summary>
public interface IZulipClient
{
    /// <summary>Posts a direct message to the users (a group DM when several) and returns its message id.</summary>
    Task<long> SendDirectMessageAsync(string botEmail, IReadOnlyList<long> userIds, string content, CancellationToken cancellationToken = default);

    /// <summary>The newest messages of exactly the DM conversation with these users (the bot added by Zulip), oldest first.</summary>
    Task<IReadOnlyList<ZulipMessage>> GetDirectMessagesAsync(string botEmail, IReadOnlyList<long> userIds, int numBefore, CancellationToken cancellationToken = default);

    /// <summary>Starts or stops the typing notice. Never throws for a refusal or a transient failure: typing is cosmetic.</summary>
    Task SetTypingAsync(string botEmail, IReadOnlyList<long> userIds, TypingOperation operation, CancellationToken cancellationToken = default);

    /// <summary>The bot's own account; cached per bot for the life of the client.</summary>
    Task<ZulipUser> GetOwnUserAsync(string botEmail, CancellationToken cancellationToken = default);

    /// <summary>
    /// A user of the organisation, or null when Zulip has no such user. Cached per bot for an hour: an account does not
    /// turn from a bot into a human, and the intake asks on every message of an unpaired conversation.
    /// </summary>
    Task<ZulipUserInfo?> GetUserAsync(string botEmail, long userId, CancellationToken cancellationToken = default);
}
