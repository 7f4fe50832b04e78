using MentorFunctions.Core.Conversations;

namespace MentorFunctions.Tests.EndToEnd;

/// <summary>A mentor of the scripted programme: how they write and when and how fast they answer.</summary>
public sealed record ScriptedMentor(
    long Id, string Name, string Email, double MedianLatencySeconds, double LatencySigma,
    int ActiveFromHourUtc, int ActiveToHourUtc, bool Weekdays, string[] Openers, string[] Bodies, string[] SignOffs);

public sealed record ScriptedStudent(long Id, string Name, string Email, long MentorId);

/// <summary>One message of the script, in time order. Message ids increase with time, as Zulip's do.</summary>
public sealed record ScriptedMessage(
    DateTimeOffset At, long MessageId, long SenderId, ConversationKey Conversation, ParticipantRole Role, string Content, int Burst);

/// <summary>
/// A burst: one or more student messages, then either the mentor's answer (<see cref="MentorAnswerAt"/>, their real reply
/// latency measured from <see cref="FirstAt"/>) or silence, where the AI stand-in is expected to answer.
/// </summary>
/// <see cref="AtNight"/> bursts are written during quiet hours (22:00–05:00 UTC) and never answered by the mentor.
public sealed record ScriptedBurst(int Index, ConversationKey Conversation, DateTimeOffset FirstAt, DateTimeOffset LastStudentAt, DateTimeOffset? MentorAnswerAt, bool AtNight = false);

/// <summary>
/// A mentoring programme in miniature, generated from a seed: mentors with their own style, reply latencies (log-normal)
/// and active hours; students who write in bursts during their mentor's active hours; mentors who answer most bursts and
/// leave some unanswered. Deterministic for a seed.
/// </summary>
public sealed class ScriptedProgramme
{
    public const string BotEmail = "mentor-bot@mentoring.example.com";
    public const long BotId = 9;

    public required IReadOnlyList<ScriptedMentor> Mentors { get; init; }
    public required IReadOnlyList<ScriptedStudent> Students { get; init; }
    public required IReadOnlyList<ScriptedMessage> Messages { get; init; }
    public required IReadOnlyList<ScriptedBurst> Bursts { get; init; }
    public required DateTimeOffset Start { get; init; }

    public ScriptedMentor Mentor(long id) => Mentors.Single(m => m.Id == id);

    /// <param name="replyHorizon">How long an unanswered burst stays open (the AI's MaxDelay or more): the next burst of the
    /// conversation starts after it, so every AI reply belongs to exactly one burst.</param>
    /// <param name="nightShare">Share of bursts written at night (quiet hours), left to the AI, which must wait for morning.</param>
    public static ScriptedProgramme Generate(int seed, int targetMessages = 2000, int days = 30, double unansweredShare = 0.25,
        TimeSpan? replyHorizon = null, double nightShare = 0.04)
    {
        var horizon = replyHorizon ?? TimeSpan.FromHours(2);
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero); // a Monday
        ScriptedMentor[] mentors =
        [
            new(101, "Ana Lima", "ana@mentoring.example.com", 300, 0.6, 8, 17, true,
                ["Hey!", "Hi there!", "Oh nice,"],
                ["great question :smile: try splitting it into smaller functions first", "yeah that's a classic one, check the loop bounds", "cool, you're close! look at how the list is copied", "awesome progress. what does the error say exactly?"],
                ["you got this!", "ping me if it's still stuck", "🙂"]),
            new(102, "Bruno Costa", "bruno@mentoring.example.com", 600, 0.5, 10, 19, true,
                ["Good afternoon.", "Thank you for your message.", "Hello,"],
                ["Could you please share the full stack trace, so that we can narrow down the cause?", "I would suggest reviewing the documentation for the configuration section first.", "Please consider writing a small test that reproduces the problem before changing the implementation."],
                ["Kind regards, Bruno", "Best regards.", "Let me know how it goes."]),
            new(103, "Chen Wei", "chen@mentoring.example.com", 180, 0.7, 7, 22, false,
                ["ok", "hm", "right"],
                ["use a dict", "read the error again", "push it and I'll look", "try `git bisect`"],
                ["", "👍", "cheers"]),
        ];
        var students = new List<ScriptedStudent>();
        for (var i = 0; i < 12; i++)
        {
            var id = 201 + i;
            students.Add(new ScriptedStudent(id, $"Student {i + 1}", $"student{i + 1}@mentoring.example.com", mentors[i % 3].Id));
        }

        string[] questions =
        [
            "I'm stuck on the exercise about recursion, can you help?", "My tests fail with a NullReferenceException, any idea why?",
            "How should I structure the project folders?", "Is it ok to use LINQ here or is a loop better?",
            "I pushed my branch, could you take a look?", "What does this compiler warning mean?",
            "Should I learn async before generics?", "urgent: my demo is in an hour and the build is broken!!",
            "exam tomorrow morning, please help asap with the sorting question", "no rush, but what book would you recommend?",
        ];
        string[] followUps = ["also the second part fails", "here is the error: `IndexOutOfRange`", "nevermind the first part, I fixed it", "any hints?"];

        var events = new List<(DateTimeOffset At, long Sender, ConversationKey Conversation, ParticipantRole Role, string Content, int Burst)>();
        var bursts = new List<ScriptedBurst>();
        // Each burst averages ~1.7 student + ~1.1 mentor messages, less the bursts dropped for overlap: size the number of
        // bursts to the message target.
        var burstCount = (int)(targetMessages / 2.05);
        for (var b = 0; b < burstCount; b++)
        {
            var student = students[random.Next(students.Count)];
            var mentor = mentors.Single(m => m.Id == student.MentorId);
            var conversation = new ConversationKey(BotEmail, mentor.Id, student.Id);
            var night = random.NextDouble() < nightShare;
            var first = night ? RandomNightTime(random, start, days) : RandomActiveTime(random, start, days, mentor);
            var count = 1 + (random.NextDouble() < 0.45 ? 1 + random.Next(3) : 0);
            var at = first;
            var lastStudent = first;
            for (var k = 0; k < count; k++)
            {
                events.Add((at, student.Id, conversation, ParticipantRole.Student, k == 0 ? Pick(random, questions) : Pick(random, followUps), b));
                lastStudent = at;
                // Follow-ups come while the student is still typing (within the planner's 20 s burst settle), so a burst
                // is one unit: the stand-in never answers between a question and its follow-up.
                at += TimeSpan.FromSeconds(5 + random.Next(11));
            }
            DateTimeOffset? answer = null;
            if (!night && random.NextDouble() >= unansweredShare)
            {
                var latency = Math.Exp(Math.Log(mentor.MedianLatencySeconds) + mentor.LatencySigma * Gaussian(random));
                // Whole seconds, as Zulip's timestamps are.
                answer = first + TimeSpan.FromSeconds(Math.Round(Math.Max(latency, (lastStudent - first).TotalSeconds + 5)));
                var replies = random.NextDouble() < 0.15 ? 2 : 1;
                var t = answer.Value;
                for (var r = 0; r < replies; r++)
                {
                    var text = $"{Pick(random, mentor.Openers)} {Pick(random, mentor.Bodies)} {Pick(random, mentor.SignOffs)}".Trim();
                    events.Add((t, mentor.Id, conversation, ParticipantRole.Mentor, text, b));
                    t += TimeSpan.FromSeconds(20 + random.Next(60));
                }
            }
            bursts.Add(new ScriptedBurst(b, conversation, first, lastStudent, answer, night));
        }

        // Bursts of one conversation must not overlap: drop a burst that starts before the previous one ended.
        var keep = new HashSet<int>();
        foreach (var group in bursts.GroupBy(x => x.Conversation))
        {
            var lastEnd = DateTimeOffset.MinValue;
            foreach (var burst in group.OrderBy(x => x.FirstAt))
            {
                // A night burst's reply waits for the morning: keep the conversation clear until noon.
                var end = burst.AtNight
                    ? new DateTimeOffset(burst.FirstAt.UtcDateTime.Date, TimeSpan.Zero).AddDays(burst.FirstAt.Hour >= 12 ? 1 : 0).AddHours(12)
                    : (burst.MentorAnswerAt ?? burst.FirstAt + horizon) + TimeSpan.FromMinutes(10);
                if (burst.FirstAt <= lastEnd) continue;
                keep.Add(burst.Index);
                lastEnd = end;
            }
        }

        long nextId = 1000;
        var messages = events.Where(e => keep.Contains(e.Burst)).OrderBy(e => e.At).ThenBy(e => e.Role)
            .Select(e => new ScriptedMessage(e.At, nextId++, e.Sender, e.Conversation, e.Role, e.Content, e.Burst)).ToList();
        return new ScriptedProgramme
        {
            Mentors = mentors, Students = students, Messages = messages,
            Bursts = bursts.Where(x => keep.Contains(x.Index)).OrderBy(x => x.FirstAt).ToList(), Start = start,
        };
    }

    private static DateTimeOffset RandomActiveTime(Random random, DateTimeOffset start, int days, ScriptedMentor mentor)
    {
        while (true)
        {
            var day = start.AddDays(random.Next(days));
            if (mentor.Weekdays && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            // Leave two hours before the end of the mentor's day so answers fall in active hours.
            var span = mentor.ActiveToHourUtc - mentor.ActiveFromHourUtc - 2;
            return day.AddHours(mentor.ActiveFromHourUtc).AddSeconds(random.Next(span * 3600));
        }
    }

    /// <summary>22:00–05:00 UTC: a student writing at night, inside the default quiet hours (22–07).</summary>
    private static DateTimeOffset RandomNightTime(Random random, DateTimeOffset start, int days) =>
        start.AddDays(random.Next(days - 1)).AddHours(22).AddSeconds(random.Next(7 * 3600));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
