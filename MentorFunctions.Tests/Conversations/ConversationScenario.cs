using MentorFunctions.Testing.Conversations;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Timing;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Tests.Conversations;

/// <summary>One conversation on a virtual host with in-memory steps: the pieces most tests share.</summary>
internal sealed class ConversationScenario
{
    public static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    public static readonly ConversationKey Key = new("mentor-bot@zulip.example.com", MentorId: 11, StudentId: 22);

    /// <summary>A mentor whose median answer takes 2 minutes (so replies land well inside the 30-minute limit).</summary>
    public static TimingSnapshot QuickMentor { get; } = new(Math.Log(120), 0.5, 200, [], 60);

    public ConversationScenario(TimingOptions? options = null, TimingSnapshot? timing = null, DateTimeOffset? start = null, StepRetryPolicy? retry = null)
    {
        Options = options ?? new TimingOptions();
        Planner = new DelayPlanner(Microsoft.Extensions.Options.Options.Create(Options));
        Steps = new InMemoryConversationSteps(Planner, timing ?? QuickMentor);
        Retry = retry;
        Host = new VirtualWorkflowHost(start ?? Monday10, retry).AddConversationWorkflow(Steps);
        Steps.Clock = () => Host.UtcNow;
    }

    public TimingOptions Options { get; }
    public DelayPlanner Planner { get; }
    public InMemoryConversationSteps Steps { get; }
    public StepRetryPolicy? Retry { get; }
    public VirtualWorkflowHost Host { get; private set; }
    public string InstanceId => Key.InstanceId;
    public ConversationState State => Host.GetState<ConversationState>(InstanceId);

    private long _nextId = 1000;

    public ConversationMessage Student(string content = "How do I start the project?", long? id = null) =>
        new(id ?? _nextId++, Key.StudentId, ParticipantRole.Student, Host.UtcNow, content);

    public ConversationMessage Mentor(string content = "Start with the README.", long? id = null) =>
        new(id ?? _nextId++, Key.MentorId, ParticipantRole.Mentor, Host.UtcNow, content);

    public Task SendAsync(ConversationMessage message) => Host.SendMessageAsync(Key, message);

    /// <summary>Drops the host and every workflow object; a new host resumes from the exported history alone.</summary>
    public void Restart()
    {
        var snapshot = Host.Export();
        Host = VirtualWorkflowHost.Import(snapshot, h => h.AddConversationWorkflow(Steps), Retry);
        Steps.Clock = () => Host.UtcNow;
    }
}
