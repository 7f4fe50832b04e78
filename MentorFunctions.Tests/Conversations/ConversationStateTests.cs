using System.Text.Json;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Testing.Conversations;
using Microsoft.Extensions.Logging;

namespace MentorFunctions.Tests.Conversations;

public sealed class ConversationStateTests
{
    private static readonly ConversationKey Key = new("bot@example.com", 3, 4);

    [Fact]
    public void State_round_trips_through_the_generated_json_context()
    {
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var state = ConversationState.Start(Key) with
        {
            Pending = new PendingReply(10, at, 12, at.AddSeconds(30), 3, 0.4, at.AddMinutes(5), at.AddMinutes(30), 300),
            RecentMessageIds = [10, 11, 12],
            LastMentorMessageId = 9,
            RepliesPosted = 2,
        };

        var json = JsonSerializer.Serialize(state, ConversationJsonContext.Default.ConversationState);
        var back = JsonSerializer.Deserialize(json, ConversationJsonContext.Default.ConversationState)!;

        Assert.Equal(state.Pending, back.Pending);
        Assert.Equal(state.RecentMessageIds, back.RecentMessageIds);
        Assert.Equal(state with { RecentMessageIds = back.RecentMessageIds }, back);
        Assert.True(json.Length < 600, $"{json.Length} chars");
    }

    [Fact]
    public void A_minimal_older_state_is_readable()
    {
        const string json = """{"conversation":{"botEmail":"bot@example.com","mentorId":3,"studentId":4}}""";
        var state = JsonSerializer.Deserialize(json, ConversationJsonContext.Default.ConversationState)!;
        Assert.Equal(Key, state.Conversation);
        Assert.Null(state.Pending);
        Assert.False(state.HasSeen(1));
    }

    [Fact]
    public void The_recent_id_window_keeps_the_newest_ids_sorted()
    {
        var state = ConversationState.Start(Key);
        foreach (var id in Enumerable.Range(1, 100).Select(i => (long)(i * 7 % 101)))
            state = state with { RecentMessageIds = state.WithSeen(id) };

        Assert.Equal(ConversationState.RecentIdsKept, state.RecentMessageIds!.Length);
        Assert.Equal(state.RecentMessageIds.Order(), state.RecentMessageIds);
        Assert.True(state.HasSeen(100));
        Assert.False(state.HasSeen(1));
    }

    [Fact]
    public async Task Replays_do_not_repeat_log_lines()
    {
        var logger = new ListLogger();
        var s = new ConversationScenario();
        s.Host.RegisterWorkflow<ConversationState>(ConversationWorkflow.Name, (rt, st) => ConversationWorkflow.RunAsync(rt, st, logger));

        await s.SendAsync(s.Student());
        await s.Host.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.True(s.Host.GetCounts(s.InstanceId).Episodes > 5); // plenty of replays happened
        Assert.Single(logger.Lines, l => l.Contains("due in"));
        Assert.Single(logger.Lines, l => l.Contains("ended Posted"));
        Assert.DoesNotContain(logger.Lines, l => l.Contains("How do I start")); // never message text
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
