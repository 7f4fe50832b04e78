using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

public sealed class StyleSummaryTests
{
    [Fact]
    public void Describes_a_learned_mentor_in_words()
    {
        var profile = new StyleProfile();
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        string[] messages =
        [
            "hey, great question! yeah you can just loop over it, that's the neat part 🙂",
            "great question, try printing the list first and you'll see what's going on",
            "cool, that's it! great question btw, the docs cover it too",
        ];
        for (var i = 0; i < 300; i++)
        {
            // Mon–Fri, between 09:00 and 17:59 UTC.
            var at = monday.AddDays(i % 5).AddHours(9 + i % 9).AddMinutes(i % 60);
            StyleLearner.Learn(messages[i % 3], at, profile);
            profile.AddLatency(TimeSpan.FromMinutes(12), at, TimeSpan.FromDays(60));
        }
        var text = StyleSummary.Describe(StyleBlend.Read(7, profile, null));
        Assert.StartsWith("usually answers in about 12 min; ", text);
        Assert.Contains("; very casual; ", text);
        Assert.Contains("about 70 characters", text);
        Assert.Contains("often says 'great question'", text);
        Assert.Contains("active Mon–Fri 09–18 UTC", text);
        Assert.EndsWith("(from 300 messages)", text);

        // The mentor's `status` reads it in their language; the learned phrase stays as they wrote it.
        var german = StyleSummary.Describe(StyleBlend.Read(7, profile, null), "de");
        Assert.StartsWith("antwortet meist in etwa 12 min; sehr locker; etwa 70 Zeichen; sagt oft 'great question'", german);
        Assert.Contains("aktiv Mo–Fr 09–18 UTC", german);
        Assert.EndsWith("(aus 300 Nachrichten)", german);
        var spanish = StyleSummary.Describe(StyleBlend.Read(7, profile, null), "es");
        Assert.StartsWith("suele responder en unos 12 min; muy informal; unos 70 caracteres; ", spanish);
        Assert.Contains("activo lun–vie 09–18 UTC", spanish);
    }

    [Fact]
    public void Says_when_nothing_is_learned_yet()
    {
        var text = StyleSummary.Describe(StyleBlend.Read(7, null, null));
        Assert.Equal("no messages learned yet, using defaults: reply time not learned yet (assuming about 15 min); neutral; about 150 characters", text);
    }

    [Theory]
    [InlineData(30, "30 s")]
    [InlineData(600, "10 min")]
    [InlineData(3 * 3600, "3 h")]
    [InlineData(3 * 86400, "3 days")]
    public void Rounds_durations_to_a_readable_unit(double seconds, string expected) =>
        Assert.Equal(expected, StyleSummary.Duration(seconds));

    [Fact]
    public void Names_separate_days_and_a_window_across_midnight()
    {
        var week = new double[168];
        // Saturday and Sunday, 22:00–01:59.
        foreach (var day in new[] { 5, 6 })
            foreach (var hour in new[] { 22, 23, 0, 1 })
                week[day * 24 + hour] = 1;
        var total = week.Sum();
        Assert.Equal("Sat, Sun 22–02 UTC", StyleSummary.ActiveWindow(week.Select(w => w / total).ToArray()));
        Assert.Null(StyleSummary.ActiveWindow([]));
    }
}
