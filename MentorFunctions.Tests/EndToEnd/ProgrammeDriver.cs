using MentorFunctions.Testing.Conversations;
using MentorFunctions.Core.Admin;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Intake;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.EndToEnd;

/// <summary>
/// How the script's messages reach the webhook. The default is Zulip at its best: each message once, in order, at its
/// time. <see cref="MaxCopies"/> &gt; 1 re-sends bodies (Zulip retries a webhook up to 4 times in all); a
/// <see cref="ShuffleWindow"/> &gt; 1 delivers up to that many messages written within <see cref="ShuffleSpan"/> of each
/// other in a random order, once the last of them was written. <see cref="RestartEvery"/> restarts the runtime after a
/// random number (1..N) of deliveries, again and again.
/// </summary>
public sealed record DeliveryPlan(int MaxCopies = 1, int ShuffleWindow = 1, int Seed = 1, int RestartEvery = 0)
{
    public TimeSpan ShuffleSpan { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>What one AI post was: its Zulip id and time, and the burst it answered.</summary>
public sealed record AiPost(long ZulipId, DateTimeOffset At, string Content, ScriptedBurst Burst);

/// <summary>What a programme run produced, read back from the loopback Zulip and the host.</summary>
public sealed class ProgrammeResult
{
    public required ScriptedProgramme Programme { get; init; }
    public required IReadOnlyList<AiPost> AiPosts { get; init; }
    /// <summary>Zulip id of the mentor's first answer in each answered burst.</summary>
    public required IReadOnlyDictionary<int, long> MentorAnswerIds { get; init; }
    /// <summary>Bot messages that are not in a mentor–student group DM (notices, drafts): none expected.</summary>
    public required int OtherBotMessages { get; init; }
    public required int WebhookCalls { get; init; }
    public required int Restarts { get; init; }
    public required IReadOnlyDictionary<string, WorkflowActionCounts> Counts { get; init; }
    public required IReadOnlyDictionary<string, VirtualInstanceStatus> Statuses { get; init; }

    public ILookup<int, AiPost> PostsByBurst => AiPosts.ToLookup(p => p.Burst.Index);

    /// <summary>The outcome that must not change under faults: which bursts got exactly one AI reply.</summary>
    public IReadOnlySet<int> BurstsAnsweredByAi => PostsByBurst.Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();

    public int TotalActions => Counts.Values.Sum(c => c.Total);
    public int StepCalls => Counts.Values.Sum(c => c.StepCalls);
}

/// <summary>Drives a <see cref="ScriptedProgramme"/> through a <see cref="MentorApp"/>: real intake, virtual clock.</summary>
public static class ProgrammeDriver
{
    public static async Task RegisterMentorsAsync(MentorApp app, ScriptedProgramme programme)
    {
        foreach (var m in programme.Mentors)
        {
            var result = await app.Get<AdminApi>().RegisterMentorAsync(
                $$"""{"botEmail":"{{MentorApp.Bot}}","userId":{{m.Id}},"email":"{{m.Email}}","fullName":"{{m.Name}}"}""", default);
            if (result.Status != 201) throw new InvalidOperationException($"Registering mentor {m.Id} answered {result.Status}.");
        }
    }

    /// <summary>The mentors, and every student paired with their mentor, as programme staff do before term starts.</summary>
    public static async Task RegisterProgrammeAsync(MentorApp app, ScriptedProgramme programme)
    {
        await RegisterMentorsAsync(app, programme);
        foreach (var s in programme.Students)
        {
            var result = await app.Get<AdminApi>().RegisterPairAsync(
                $$"""{"botEmail":"{{MentorApp.Bot}}","mentorId":{{s.MentorId}},"studentId":{{s.Id}},"studentEmail":"{{s.Email}}","studentFullName":"{{s.Name}}"}""", default);
            if (result.Status != 201) throw new InvalidOperationException($"Registering pair {s.MentorId}/{s.Id} answered {result.Status}.");
        }
    }

    public static async Task<ProgrammeResult> RunAsync(MentorApp app, ScriptedProgramme programme, DeliveryPlan? plan = null)
    {
        plan ??= new DeliveryPlan();
        await RegisterProgrammeAsync(app, programme);
        var users = programme.Mentors.Select(m => new MentorApp.User(m.Id, m.Email, m.Name))
            .Concat(programme.Students.Select(s => new MentorApp.User(s.Id, s.Email, s.Name)))
            .ToDictionary(u => u.Id);
        var random = new Random(plan.Seed);
        var zulipIds = new Dictionary<long, long>(); // script message id -> Zulip id
        var webhookCalls = 0;
        var nextRestart = plan.RestartEvery > 0 ? 1 + random.Next(plan.RestartEvery) : int.MaxValue;

        var messages = programme.Messages;
        for (var i = 0; i < messages.Count;)
        {
            // The window: messages written close together, delivered together (shuffled, maybe repeated).
            var end = i + 1;
            while (end < messages.Count && end - i < plan.ShuffleWindow && messages[end].At - messages[i].At <= plan.ShuffleSpan)
                end++;
            var bodies = new List<byte[]>();
            for (var k = i; k < end; k++)
            {
                var m = messages[k];
                await app.Host.AdvanceToAsync(m.At);
                var sender = users[m.SenderId];
                var other = users[m.Role == ParticipantRole.Mentor ? m.Conversation.StudentId : m.Conversation.MentorId];
                var id = app.Zulip.AddMessage(sender.Id, [other.Id], m.Content, m.At);
                zulipIds[m.MessageId] = id;
                var body = MentorApp.GroupDmPayload(id, sender, [sender, other], m.Content, m.At);
                var copies = plan.MaxCopies <= 1 ? 1 : 1 + random.Next(plan.MaxCopies);
                for (var c = 0; c < copies; c++) bodies.Add(body);
            }
            if (plan.ShuffleWindow > 1) random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bodies));
            foreach (var body in bodies)
            {
                var outcome = await app.PostWebhookAsync(body);
                webhookCalls++;
                if (outcome.Kind != IntakeKind.Conversation || outcome.StatusCode != 200)
                    throw new InvalidOperationException($"Message {outcome.MessageId} was not taken as a conversation message: {outcome.StatusCode} {outcome.Kind} {outcome.Error?.Message}");
                if (--nextRestart == 0)
                {
                    await app.RestartAsync();
                    nextRestart = 1 + random.Next(plan.RestartEvery);
                }
            }
            i = end;
        }
        // Let every pending reply (night bursts wait for the morning) come due.
        await app.Host.AdvanceToAsync(messages[^1].At + TimeSpan.FromDays(1));
        return Collect(app, programme, zulipIds, webhookCalls);
    }

    private static ProgrammeResult Collect(MentorApp app, ScriptedProgramme programme, Dictionary<long, long> zulipIds, int webhookCalls)
    {
        var byConversation = programme.Bursts.GroupBy(b => (b.Conversation.MentorId, b.Conversation.StudentId))
            .ToDictionary(g => g.Key, g => g.OrderBy(b => b.FirstAt).ToArray());
        var posts = new List<AiPost>();
        var other = 0;
        foreach (var m in app.Zulip.Messages.Where(m => m.SenderId == MentorApp.BotId))
        {
            var humans = m.Participants.Where(p => p != MentorApp.BotId).ToArray();
            var key = humans.Length == 2 ? (humans.Min(), humans.Max()) : (0, 0);
            if (!byConversation.TryGetValue(key, out var bursts))
            {
                other++;
                continue;
            }
            var at = DateTimeOffset.FromUnixTimeSeconds(m.Timestamp);
            // The burst it answers: the latest that began before the post.
            var burst = bursts.LastOrDefault(b => b.FirstAt <= at)
                ?? throw new InvalidOperationException($"AI post {m.Id} at {at:O} precedes every burst of its conversation.");
            posts.Add(new AiPost(m.Id, at, m.Content, burst));
        }

        var answers = new Dictionary<int, long>();
        foreach (var m in programme.Messages.Where(m => m.Role == ParticipantRole.Mentor))
            answers.TryAdd(m.Burst, zulipIds[m.MessageId]);

        var instances = programme.Bursts.Select(b => b.Conversation.InstanceId).Distinct().ToArray();
        return new ProgrammeResult
        {
            Programme = programme,
            AiPosts = posts,
            MentorAnswerIds = answers,
            OtherBotMessages = other,
            WebhookCalls = webhookCalls,
            Restarts = app.Restarts,
            Counts = instances.ToDictionary(i => i, app.Host.GetCounts),
            Statuses = instances.ToDictionary(i => i, app.Host.GetStatus),
        };
    }
}
