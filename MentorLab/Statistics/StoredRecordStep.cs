using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorLab.Statistics;

/// <summary>
/// One message learned as the production record step learns it: read the stored pair (and, for the mentor's own
/// message, the mentor) profile, count the message once by the pair's ledger, learn, store them again.
/// </summary>
internal static class StoredRecordStep
{
    public static void Record(ConversationMessage message, ref byte[] pairBytes, ref byte[] mentorBytes, StyleOptions style)
    {
        var (pair, ledger, _) = ProfileCodec.Deserialize(pairBytes);
        if (!ledger.TryMarkCounted(message.MessageId)) return;
        if (message.Role == ParticipantRole.Mentor)
        {
            var mentor = ProfileCodec.Deserialize(mentorBytes).Profile;
            StyleLearner.Record(message, ledger, pair, mentor, style);
            mentorBytes = ProfileCodec.Serialize(mentor);
        }
        else
        {
            StyleLearner.Record(message, ledger, pair, null, style);
        }
        pairBytes = ProfileCodec.Serialize(pair, ledger);
    }
}
