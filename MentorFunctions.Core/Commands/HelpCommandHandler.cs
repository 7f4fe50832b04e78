namespace MentorFunctions.Core.Commands;

/// <summary>The fallback handler: whatever is asked, it explains what the bot is. Replaced by the real command set.</summary>
public sealed class HelpCommandHandler : ICommandHandler
{
    public const string HelpText =
        "I am the mentors' AI stand-in. When a student writes in a group DM with their mentor and me, and the mentor " +
        "has not answered for a while, I answer in the mentor's style, labelled as AI, and step back as soon as the " +
        "mentor replies.\n\nTo take part, start a group DM with your mentor (or student) and me.";

    private static readonly CommandReply Reply = new(HelpText);

    public Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Reply);
    }
}
