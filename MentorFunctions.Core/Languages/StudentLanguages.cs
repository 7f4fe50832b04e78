using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Zulip;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Core.Languages;

/// <summary>The language a student writes in, for answers to their commands.</summary>
public interface IStudentLanguages
{
    /// <summary>The language of the student's recent messages in their conversation with a mentor, or null when nothing tells.</summary>
    Task<string?> FromConversationsAsync(string botEmail, long studentId, CancellationToken ct);
}

/// <summary>
/// Reads the student's newest messages in the group DM with their (first) mentor and tells their language with the
/// stopword detector, as the prompt does. Best effort: a Zulip that cannot be read leaves the answer in English.
/// </summary>
public sealed class StudentLanguages(IMentorRegistry registry, IZulipClient zulip, ILogger<StudentLanguages> log) : IStudentLanguages
{
    private const int HistoryMessages = 30;
    private const int Sample = 10;

    public async Task<string?> FromConversationsAsync(string botEmail, long studentId, CancellationToken ct)
    {
        var pairs = await registry.ListMentorsOfStudentAsync(botEmail, studentId, ct).ConfigureAwait(false);
        if (pairs.Count == 0)
            return null;
        try
        {
            var history = await zulip.GetDirectMessagesAsync(botEmail, [pairs[0].MentorId, studentId], HistoryMessages, ct).ConfigureAwait(false);
            return LanguageDetector.Detect(history.Where(m => m.SenderId == studentId).TakeLast(Sample).Select(m => m.Content));
        }
        catch (Exception e) when (e is ZulipApiException or Conversations.TransientStepException)
        {
            log.LogWarning("Reading student {StudentId}'s conversation for their language failed ({Error})", studentId, e.GetType().Name);
            return null;
        }
    }
}
