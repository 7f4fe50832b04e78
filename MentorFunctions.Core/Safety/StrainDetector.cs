using System.Text.RegularExpressions;

namespace MentorFunctions.Core.Safety;

/// <summary>
/// Lower-grade negative feeling — stress, overwhelm, frustration, worry, tears — in the five languages. It is not
/// distress (that is <see cref="DistressDetector"/>'s, and takes the model out); it makes the reply come sooner
/// (<see cref="Timing.UrgencyScorer"/>) and shows in the mentor's <c>status</c>. Content is only matched, never logged.
/// </summary>
public static partial class StrainDetector
{
    /// <summary>How many strain expressions a message holds (0 when none).</summary>
    public static int Count(string? text)
    {
        var normalized = SafetyText.Normalize(text);
        return normalized.Length == 0 ? 0 : Strain().Count(normalized);
    }

    public static bool IsStrained(string? text) => Count(text) > 0;

    [GeneratedRegex(
        // English
        @"\b(stressed( out)?|stressing( out)?|so stressed|overwhelmed|anxious|panicking|panicky|freaking out|frustrated|frustrating|desperate|hopeless|miserable|exhausted|burn(ed|t) out|burning out|falling apart|breaking down|so done|fed up|can'?t (take|handle|cope with) (it|this|much more)|cannot (take|handle|cope)|losing my mind|going crazy|crying|in tears|scared|terrified|worried sick|really worried|so worried|nervous wreck|i hate (this|my life|everything)|i give up|giving up)\b" +
        // Spanish
        @"|\b(estresad[oa]s?|agobiad[oa]s?|abrumad[oa]s?|ansios[oa]s?|angustiad[oa]s?|frustrad[oa]s?|desesperad[oa]s?|hart[oa]s?|quemad[oa]|agotad[oa]|no puedo mas|no aguanto (mas|esto)|llorando|asustad[oa]|muy preocupad[oa]|nervios[oa]|me rindo|odio (esto|todo))\b" +
        // Portuguese
        @"|\b(estressad[oa]s?|sobrecarregad[oa]s?|angustiad[oa]|frustrad[oa]|esgotad[oa]|exaust[oa]|nao aguento mais|nao aguento isso|chorando|com medo|muito preocupad[oa]|nervos[oa]|surtando|pirando|desisto|odeio (isso|tudo)|de saco cheio)\b" +
        // French
        @"|\b(stresse|stressee|tres stresse|deborde|debordee|angoisse|angoissee|anxieux|anxieuse|frustre|frustree|desespere|desesperee|epuise|epuisee|a bout|j'? ?en peux plus|je n'? ?en peux plus|en larmes|je pleure|paniquee?|tres inquiete?|j'? ?abandonne|je deteste (ca|tout)|j'? ?en ai marre|ras le bol)\b" +
        // German
        @"|\b(gestresst|ueberfordert|verzweifelt|frustriert|aengstlich|panik|erschoepft|ausgebrannt|am ende|kann nicht mehr|halte (es|das) nicht (mehr )?aus|fertig mit den nerven|weine|heule|angst|grosse sorgen|nervoes|ich gebe auf|ich hasse (das|alles)|keinen bock mehr)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Strain();
}
