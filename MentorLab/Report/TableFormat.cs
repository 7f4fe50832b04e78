using System.Globalization;

namespace MentorLab.Report;

/// <summary>How the verbs' console tables print numbers and names, so every table reads the same.</summary>
internal static class TableFormat
{
    /// <summary>A share as a percentage with one decimal, or "-" when there is none.</summary>
    public static string Percent(double v) => double.IsFinite(v) ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>A name cut to <paramref name="n"/> characters, with an ellipsis when cut.</summary>
    public static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
