using MentorFunctions.Core.Commands;

namespace MentorFunctions.Core.Style;

/// <summary>The `status` command's words: the mentor-wide profile, summarised.</summary>
public sealed class StyleDescriber(IStyleProfileReader profiles) : IStyleDescriber
{
    public async Task<string> DescribeMentorAsync(string botEmail, long mentorId, string language, CancellationToken ct) =>
        StyleSummary.Describe(await profiles.ReadMentorAsync(botEmail, mentorId, ct).ConfigureAwait(false), language);
}
