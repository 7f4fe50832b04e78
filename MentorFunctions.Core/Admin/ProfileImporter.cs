using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Core.Admin;

/// <summary>
/// An import: the merge (once per import id, see <see cref="ProfileStore.MergeImportAsync"/>), then its consent record.
/// A retry after the record failed finds the merge done and completes the record, so every merged import has one.
/// </summary>
public sealed class ProfileImporter(ProfileStore profiles, ProfileImportRecords records) : IProfileImporter
{
    public async Task<ProfileImportOutcome> ImportAsync(ProfileImportRecord consent, StyleProfile mentor, IReadOnlyDictionary<long, StyleProfile> pairs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(consent);
        var outcome = await profiles.MergeImportAsync(consent.BotEmail, consent.MentorId, consent.ImportId, mentor, pairs, ct).ConfigureAwait(false);
        if (!outcome.Merged && await records.GetAsync(consent.BotEmail, consent.MentorId, consent.ImportId, ct).ConfigureAwait(false) is { } earlier)
            return new ProfileImportOutcome(false, earlier.ProfileMessagesBefore, earlier.ProfileMessagesAfter);
        await records.SaveAsync(consent with { ProfileMessagesBefore = outcome.MessagesBefore, ProfileMessagesAfter = outcome.MessagesAfter }, ct).ConfigureAwait(false);
        return outcome;
    }
}
