namespace MentorFunctions.Tests.EndToEnd;

public sealed class ScriptedProgrammeTests
{
    [Fact]
    public void The_programme_has_the_promised_shape_and_is_deterministic()
    {
        var programme = ScriptedProgramme.Generate(seed: 11);
        var again = ScriptedProgramme.Generate(seed: 11);

        Assert.Equal(3, programme.Mentors.Count);
        Assert.Equal(12, programme.Students.Count);
        Assert.InRange(programme.Messages.Count, 1700, 2300);
        Assert.True((programme.Messages[^1].At - programme.Start).TotalDays <= 31);
        Assert.Equal(programme.Messages.Select(m => (m.MessageId, m.Content)), again.Messages.Select(m => (m.MessageId, m.Content)));
        // Ids increase with time, as Zulip's do.
        Assert.True(programme.Messages.Zip(programme.Messages.Skip(1)).All(p => p.First.MessageId < p.Second.MessageId && p.First.At <= p.Second.At));
        // Some bursts are left to the AI, most are answered by the mentor.
        var unanswered = programme.Bursts.Count(b => b.MentorAnswerAt is null);
        Assert.InRange(unanswered, programme.Bursts.Count / 8, programme.Bursts.Count / 2);
    }
}
