using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Zulip;

namespace MentorFunctions.Core.Replies;

/// <summary>Posts a draft the mentor approved or rewrote into the mentor–student group DM, as the bot.</summary>
public sealed class ZulipDraftPoster(IZulipClient zulip) : IDraftPoster
{
    public Task<long> PostAsync(string bot, long mentorId, long studentId, string content, bool editedByMentor) =>
        zulip.SendDirectMessageAsync(bot, [mentorId, studentId], content, CancellationToken.None);
}
