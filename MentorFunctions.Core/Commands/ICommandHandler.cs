namespace MentorFunctions.Core.Commands;

// TEMPORARY copy of the intake helper's contract so this branch compiles; the lead keeps the intake helper's version.

public sealed record CommandRequest(string BotEmail, long SenderId, string SenderEmail, string SenderFullName, string Text, bool IsDirect, long MessageId);

public interface ICommandHandler
{
    Task<string> HandleAsync(CommandRequest request, CancellationToken ct);
}
