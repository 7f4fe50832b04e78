using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;

namespace MentorFunctions.Core.Commands;

/// <summary>
/// The fallback handler: whatever is asked, it explains what the bot is, in the language the question is written in
/// (English when it cannot tell). Replaced by the real command set.
/// </summary>
public sealed class HelpCommandHandler : ICommandHandler
{
    /// <summary>The English answer.</summary>
    public static readonly string HelpText = HelpTexts.About.Template(Language.Default);

    public Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = CommandParser.Parse(request.Text).LanguageHint ?? LanguageDetector.Detect(request.Text) ?? Language.Default;
        return Task.FromResult(new CommandReply(HelpTexts.About.Template(language)));
    }
}
