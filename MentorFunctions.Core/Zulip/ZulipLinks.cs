using System.Globalization;

namespace MentorFunctions.Core.Zulip;

/// <summary>Links into the Zulip web app ("narrow" URLs), so a notice can point at a conversation without quoting it.</summary>
public static class ZulipLinks
{
    /// <summary>
    /// The group DM of these users, scrolled to one message:
    /// <c>{site}/#narrow/dm/{ids}-group/near/{messageId}</c> (ids ascending, comma-separated).
    /// </summary>
    public static string GroupDirectMessage(Uri site, IEnumerable<long> userIds, long nearMessageId)
    {
        ArgumentNullException.ThrowIfNull(site);
        var ids = string.Join(',', userIds.Distinct().Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var root = site.GetLeftPart(UriPartial.Authority) + site.AbsolutePath.TrimEnd('/');
        return string.Create(CultureInfo.InvariantCulture, $"{root}/#narrow/dm/{ids}-group/near/{nearMessageId}");
    }
}
