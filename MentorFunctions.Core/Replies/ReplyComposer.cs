namespace MentorFunctions.Core.Replies;

/// <summary>Puts the disclosure on a model answer and fits the whole into Zulip's message length.</summary>
public static class ReplyComposer
{
    private const string Ellipsis = "…";

    /// <summary>The disclosure line for a mentor, from the configured template.</summary>
    public static string Disclosure(string template, string mentorName) =>
        template.Replace("{mentor}", mentorName, StringComparison.Ordinal);

    /// <summary>
    /// The message to post: the disclosure, a blank line, then the answer, cut at a word boundary (with "…") when the
    /// whole would exceed <paramref name="maxLength"/> characters. The disclosure itself is never cut.
    /// </summary>
    public static string Compose(string answer, string disclosure, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, disclosure.Length + 2 + 16);
        var prefix = disclosure + "\n\n";
        var text = answer.Trim();
        var room = maxLength - prefix.Length;
        if (text.Length > room)
        {
            var cut = room - Ellipsis.Length;
            // Do not split a surrogate pair, and prefer the last whitespace in the final fifth.
            if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
            var space = text.LastIndexOfAny([' ', '\n', '\t'], cut - 1, Math.Min(cut, Math.Max(1, room / 5)));
            if (space > 0) cut = space;
            text = text[..cut].TrimEnd() + Ellipsis;
        }
        return prefix + text;
    }

    /// <summary>A previous AI reply read back from Zulip without its disclosure, for the prompt's history.</summary>
    public static string StripDisclosure(string content, string disclosure) =>
        content.StartsWith(disclosure, StringComparison.Ordinal) ? content[disclosure.Length..].TrimStart() : content;

    /// <summary>Strips whichever of <paramref name="disclosures"/> (the lines of every language) the reply starts with.</summary>
    public static string StripDisclosure(string content, IEnumerable<string> disclosures)
    {
        foreach (var disclosure in disclosures)
        {
            if (content.StartsWith(disclosure, StringComparison.Ordinal))
                return content[disclosure.Length..].TrimStart();
        }
        return content;
    }
}
