using MentorFunctions.Core.Storage;

namespace MentorFunctions.Tests;

internal static class RegistrySeeding
{
    /// <summary>
    /// Stores this whole record, whatever is there: test set-up only. The app itself changes a mentor with
    /// <see cref="IMentorRegistry.UpdateMentorAsync"/>, a change of the stored record.
    /// </summary>
    public static Task UpsertMentorAsync(this IMentorRegistry registry, MentorRecord mentor, CancellationToken ct = default) =>
        registry.UpdateMentorAsync(mentor.BotEmail, mentor.UserId, _ => mentor, ct);
}
