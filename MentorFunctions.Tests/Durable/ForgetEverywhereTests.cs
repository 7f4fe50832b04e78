using Azure.Data.Tables;
using MentorFunctions.Core.Privacy;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using static MentorFunctions.Tests.Durable.DurableApp;

namespace MentorFunctions.Tests.Durable;

/// <summary>`forget` under the real Durable Task SDK: the conversation's orchestration history goes too, not only the tables.</summary>
public sealed class ForgetEverywhereTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string StudentText = "my secret worry about the exam, zebra-quartz-7";

    [Fact]
    public async Task After_forget_and_the_maintenance_run_no_instance_history_and_no_stored_row_holds_the_students_text_or_ids()
    {
        await using var app = await StartAsync(azurite, output: output);
        await app.RegisterMentorAsync(Ana, Sam);
        await app.GroupMessageAsync(Sam, Ana, StudentText);
        await WaitUntilAsync(async () => (await app.StateAsync(InstanceId(Ana, Sam))) is { Pending: not null },
            TimeSpan.FromSeconds(30), "the student's message recorded");
        // The message text sits in the instance's history (the event payload) until purged.
        var before = await app.Client.GetInstanceAsync(InstanceId(Ana, Sam), getInputsAndOutputs: true);
        Assert.NotNull(before);

        var erased = await app.Get<UserDataEraser>().EraseAsync(Bot, Sam.Id, CancellationToken.None);
        Assert.True(erased.Complete);
        var report = await app.Get<PrivacyMaintenance>().RunAsync(new global::MentorFunctions.DurableConversationHistories(app.Client), CancellationToken.None);

        Assert.Equal((1, 1, 0), (report.UsersPurged, report.InstancesPurged, report.PurgesLeft));
        Assert.Null(await app.Client.GetInstanceAsync(InstanceId(Ana, Sam), getInputsAndOutputs: true));
        Assert.Empty(await StoredRows.MentioningAsync(app.Get<TableStore>(), Sam.Id, Sam.Email, StudentText));
        // Ana's own conversations with others are untouched by Sam's forget, and a second run has nothing to do.
        var again = await app.Get<PrivacyMaintenance>().RunAsync(new global::MentorFunctions.DurableConversationHistories(app.Client), CancellationToken.None);
        Assert.Equal((0, 0), (again.UsersPurged, again.InstancesPurged));
    }

    [Fact]
    public async Task Message_text_enters_the_orchestration_sealed_under_the_pairs_key_and_is_still_learned()
    {
        await using var app = await StartAsync(azurite, output: output);
        await app.RegisterMentorAsync(Ana, Sam);
        var raised = new RecordingInstances(app.Instances);

        var id = app.Zulip.AddMessage(Ana.Id, [Sam.Id], "Hey Sam! " + StudentText);
        var outcome = await app.Get<MentorFunctions.Core.Intake.WebhookIntake>().HandleAsync(
            MentorApp.GroupDmPayload(id, Ana, [Ana, Sam], "Hey Sam! " + StudentText, DateTimeOffset.UtcNow), "application/json", CancellationToken.None);
        await app.SignalAsync(outcome.Conversation!, outcome.Message!, raised);

        var payload = Assert.Single(raised.Messages);
        Assert.StartsWith(MentorFunctions.Core.Privacy.MessageSealer.Prefix, payload.Content);
        Assert.DoesNotContain("zebra-quartz", payload.Content);
        var history = await app.Client.GetInstanceAsync(InstanceId(Ana, Sam), getInputsAndOutputs: true);
        Assert.DoesNotContain("zebra-quartz", history!.SerializedInput ?? "");
        Assert.DoesNotContain("zebra-quartz", history.SerializedCustomStatus ?? "");
        var profile = await app.Get<MentorFunctions.Core.Style.IStyleProfileReader>().ReadMentorAsync(Bot, Ana.Id);
        Assert.Equal(1, profile.MessagesSeen);

        // After forget the key is gone: a copy of the sealed text left anywhere no longer opens.
        await app.Get<UserDataEraser>().EraseAsync(Bot, Sam.Id, CancellationToken.None);
        Assert.Null(await app.Get<MentorFunctions.Core.Privacy.MessageSealer>().OpenAsync(new(Bot, Ana.Id, Sam.Id), payload, CancellationToken.None));
    }

    private sealed class RecordingInstances(MentorFunctions.Core.Conversations.IConversationInstances inner) : MentorFunctions.Core.Conversations.IConversationInstances
    {
        public List<MentorFunctions.Core.Conversations.ConversationMessage> Messages { get; } = [];
        public Task<bool> IsActiveAsync(string instanceId, CancellationToken ct) => inner.IsActiveAsync(instanceId, ct);
        public Task<bool> TryStartAsync(string instanceId, MentorFunctions.Core.Conversations.ConversationState input, CancellationToken ct) => inner.TryStartAsync(instanceId, input, ct);
        public Task RaiseMessageAsync(string instanceId, MentorFunctions.Core.Conversations.ConversationMessage message, CancellationToken ct)
        {
            lock (Messages) Messages.Add(message);
            return inner.RaiseMessageAsync(instanceId, message, ct);
        }
    }
}
