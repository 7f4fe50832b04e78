namespace MentorFunctions.Core.Commands;

/// <summary>
/// A command sent to the bot: a 1:1 DM to it (<see cref="IsDirect"/>) or a channel message that mentions it.
/// <see cref="Text"/> has the leading @-mention of the bot removed and is trimmed.
/// </summary>
public sealed record CommandRequest(
    string BotEmail,
    long SenderId,
    string SenderEmail,
    string SenderFullName,
    string Text,
    bool IsDirect,
    long MessageId);

/// <summary>What the bot answers in the same conversation, at once. Blank content posts nothing.</summary>
public sealed record CommandReply(string? Content)
{
    public static CommandReply None { get; } = new((string?)null);
}

/// <summary>Answers commands. Must answer well within Zulip's 10 s webhook timeout; slow work belongs elsewhere.</summary>
public interface ICommandHandler
{
    Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
