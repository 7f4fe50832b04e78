namespace MentorFunctions.Core.Intake;

/// <summary>Turns a message addressed to the bot into command text.</summary>
internal static class CommandText
{
    /// <summary>
    /// Removes a leading mention of the bot — <c>@**Name**</c>, the silent <c>@_**Name**</c>, either with Zulip's
    /// disambiguating <c>|id</c> — and trims. A leading mention of anyone else stays.
    /// </summary>
    public static string StripBotMention(string content, string? botFullName)
    {
        var text = content.AsSpan().TrimStart();
        if (!string.IsNullOrEmpty(botFullName))
        {
            var nameStart = text.StartsWith("@**") ? 3 : text.StartsWith("@_**") ? 4 : -1;
            if (nameStart > 0)
            {
                var rest = text[nameStart..];
                var nameEnd = rest.IndexOf("**");
                if (nameEnd >= 0)
                {
                    var name = rest[..nameEnd];
                    var bar = name.LastIndexOf('|');
                    if (bar >= 0 && bar < name.Length - 1 && name[(bar + 1)..].ContainsAnyExceptInRange('0', '9') is false)
                        name = name[..bar];
                    if (name.Trim().Equals(botFullName.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
                        text = rest[(nameEnd + 2)..];
                }
            }
        }
        return text.Trim().ToString();
    }
}
