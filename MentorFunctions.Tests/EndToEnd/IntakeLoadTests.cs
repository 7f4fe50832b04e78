using MentorFunctions.Core.Storage;
using System.Collections.Concurrent;
using System.Diagnostics;
using MentorFunctions.Core.Intake;
using MentorFunctions.Tests.Fixtures;
using Xunit.Abstractions;

namespace MentorFunctions.Tests.EndToEnd;

/// <summary>
/// The intake under load: 10,000 webhook bodies from 32 concurrent callers, the mentor registry on Azurite read on
/// every call (cache TTL 0) and students auto-enrolled as they first write. Accepted conversation messages go to an
/// in-memory collector instead of the workflow, which is what is measured: the intake path, not the conversation.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IntakeLoadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Bodies = 10_000;
    private const int Callers = 32;

    [Fact]
    public async Task Ten_thousand_webhooks_from_32_callers_lose_nothing_and_count_each_message_once()
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await using var app = new MentorApp(azurite, start);
        var programme = ScriptedProgramme.Generate(1, targetMessages: 20);
        await ProgrammeDriver.RegisterMentorsAsync(app, programme);
        var mentors = programme.Mentors.Select(m => new MentorApp.User(m.Id, m.Email, m.Name)).ToArray();
        // 300 students: the first 150 paired by staff beforehand; the others become students when their mentor writes
        // in the group DM (consent), so enrolment races between callers writing for the same new pair.
        var students = Enumerable.Range(0, 300).Select(i => new MentorApp.User(1000 + i, $"s{i}@mentoring.example.com", $"Student {i}")).ToArray();
        foreach (var m in mentors)
            foreach (var s in students.Take(150))
                await app.Registry.EnrolAsync(new PairRecord(MentorApp.Bot, m.Id, s.Id, s.Email, s.FullName, start, EnrolmentSource.Admin));
        var stranger = new MentorApp.User(5000, "stranger@mentoring.example.com", "Stranger");

        var random = new Random(42);
        var work = new (byte[] Body, IntakeKind Expected, long Id)[Bodies];
        var pairs = new HashSet<(long Mentor, long Student)>();
        for (var i = 0; i < Bodies; i++)
        {
            var id = 100_000L + i;
            var mentor = mentors[random.Next(mentors.Length)];
            var student = students[random.Next(students.Length)];
            var roll = random.NextDouble();
            var at = start.AddSeconds(i);
            if (roll < 0.90) pairs.Add((mentor.Id, student.Id));
            work[i] = roll switch
            {
                // A student or their mentor in the group DM: a conversation message.
                < 0.90 => random.NextDouble() < 0.7 && student.Id < 1150
                    ? (MentorApp.GroupDmPayload(id, student, [student, mentor], $"question {i} about loops", at), IntakeKind.Conversation, id)
                    : (MentorApp.GroupDmPayload(id, mentor, [mentor, student], $"answer {i}: try a smaller case", at), IntakeKind.Conversation, id),
                // A mentor asking the bot for help in a 1:1 DM: a command, answered at once.
                < 0.95 => (MentorApp.GroupDmPayload(id, mentor, [mentor], "help", at), IntakeKind.Command, id),
                // Two people, neither a mentor: ignored.
                _ => (MentorApp.GroupDmPayload(id, student, [student, stranger], "hi", at), IntakeKind.Ignored, id),
            };
        }

        var collector = new ConcurrentDictionary<long, int>();
        var latencies = new double[Bodies];
        var outcomes = new IntakeKind[Bodies];
        var statuses = new int[Bodies];
        var next = -1;
        var intake = app.Intake;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Bodies)
            {
                var started = Stopwatch.GetTimestamp();
                var outcome = await intake.HandleAsync(work[i].Body, "application/json", CancellationToken.None);
                if (outcome is { Kind: IntakeKind.Conversation, Message: { } message })
                    collector.AddOrUpdate(message.MessageId, 1, (_, n) => n + 1);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                outcomes[i] = outcome.Kind;
                statuses[i] = outcome.StatusCode;
            }
        })));
        wall.Stop();

        Assert.All(statuses, s => Assert.Equal(200, s));
        for (var i = 0; i < Bodies; i++)
            Assert.Equal(work[i].Expected, outcomes[i]);
        var expectedConversation = work.Where(w => w.Expected == IntakeKind.Conversation).Select(w => w.Id).ToHashSet();
        Assert.Equal(expectedConversation.Count, collector.Count);
        Assert.True(expectedConversation.SetEquals(collector.Keys), "A conversation message was lost or invented.");
        Assert.All(collector.Values, n => Assert.Equal(1, n));
        // Every pair that wrote was enrolled, exactly once, despite callers racing to enrol the same new pair.
        foreach (var mentor in mentors)
        {
            var enrolled = (await app.Registry.ListStudentsAsync(MentorApp.Bot, mentor.Id)).Select(p => p.StudentId).ToArray();
            Assert.Equal(enrolled.Length, enrolled.Distinct().Count());
            Assert.Equal(pairs.Where(p => p.Mentor == mentor.Id).Select(p => p.Student).Order(), enrolled.Order());
        }

        var sorted = latencies.Order().ToArray();
        output.WriteLine($"Intake load: {Bodies} bodies, {Callers} callers, {wall.Elapsed.TotalSeconds:F2} s: {Bodies / wall.Elapsed.TotalSeconds:F0} req/s; " +
                         $"latency p50 {Percentile(sorted, 0.50):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F1} ms; " +
                         $"{collector.Count} conversation messages collected exactly once, " +
                         $"{outcomes.Count(o => o == IntakeKind.Command)} commands, {outcomes.Count(o => o == IntakeKind.Ignored)} ignored " +
                         "(registry on Azurite, cache TTL 0)");
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
