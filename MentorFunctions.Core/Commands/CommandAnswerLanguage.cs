using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Core.Commands;

/// <summary>
/// The language a command is answered in: the mentor's setting, then the command's own word ("ayuda", "hilfe"), then
/// the language it is written in, then what the sender's writing shows (a mentor's learned profile, a student's
/// conversations), else English. One rule for every answer, including the guard's "still working on it".
/// </summary>
public sealed class CommandAnswerLanguage(IMentorRegistry registry, MentorLanguages languages, IStudentLanguages studentLanguages)
{
    public async Task<string> ForAsync(CommandRequest request, ParsedCommand command, MentorRecord? mentor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(command);
        if (Language.Known(mentor?.Language) is { } chosen)
            return chosen;
        if (command.LanguageHint is { } hint)
            return hint;
        if (LanguageDetector.Detect(request.Text) is { } written)
            return written;
        var learned = mentor is not null
            ? await languages.LearnedAsync(mentor.BotEmail, mentor.UserId, ct).ConfigureAwait(false)
            : await studentLanguages.FromConversationsAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false);
        return learned ?? Language.Default;
    }

    /// <summary>The same, reading the sender's mentor record first.</summary>
    public async Task<string> ForAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mentor = await registry.GetMentorAsync(request.BotEmail, request.SenderId, ct).ConfigureAwait(false);
        return await ForAsync(request, CommandParser.Parse(request.Text), mentor, ct).ConfigureAwait(false);
    }
}
