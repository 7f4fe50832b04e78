using System.Text.RegularExpressions;

namespace MentorFunctions.Core.Replies;

/// <summary>
/// Recognises a student asking for the real mentor or whether they talk to a bot ("can I talk to Ana herself",
/// "are you a bot", "real person", "human please"). Then the stand-in must not answer in the mentor's style.
/// Errs on the side of stepping back: a false alarm only means the mentor answers this one themself.
/// </summary>
public static partial class HumanRequestDetector
{
    public static bool IsHumanRequest(string text, string? mentorFullName = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var normalized = text.Replace('’', '\'').Replace('‘', '\'').ToLowerInvariant();
        if (GenericRequest().IsMatch(normalized))
            return true;
        var firstName = mentorFullName?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(firstName))
            return false;
        var name = Regex.Escape(firstName.ToLowerInvariant());
        // "Ana herself", "talk to Ana directly", "is this really Ana", "is that actually you, Ana?"
        return Regex.IsMatch(normalized,
            $@"\b{name}\s+(herself|himself|themselves|themself|directly|in person|personally)\b" +
            $@"|\b(really|actually|truly)\s+{name}\b" +
            $@"|\b(talk|speak|chat)\s+(to|with)\s+(the\s+real\s+)?{name}\s*(please|pls|instead|now)\b" +
            $@"|\b(want|need|prefer)\s+(to\s+(talk|speak|chat)\s+(to|with)\s+)?(the\s+real\s+){name}\b",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex(
        @"\b(are|r)\s+(you|u)\s+(a|an)?\s*(bot|robot|ai|a\.i\.|machine|chat\s?bot|human|real|actual\s+person|person)\b" +
        @"|\b(is\s+(this|that|it))\s+(a|an)?\s*(bot|robot|ai|automated|automatic|machine|chat\s?bot|gpt|chatgpt)\b" +
        @"|\breal\s+(person|human|mentor|people)\b" +
        @"|\bhuman\s*(please|pls|plz|!)" +
        @"|\b(talk|speak|chat)\s+(to|with)\s+(a|an|the)?\s*(human|person|real\s+one)\b" +
        @"|\b(want|need|prefer)\s+(a|an|the)\s+(human|person)\b" +
        @"|\b(stop|no|without)\s+(the\s+)?(bot|ai)\b" +
        @"|\bnot\s+(a|an|the)\s+(bot|ai)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex GenericRequest();
}
