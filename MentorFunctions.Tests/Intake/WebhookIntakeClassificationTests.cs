using System.Text.Json.Nodes;
using MentorFunctions.Core.Consent;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using Microsoft.Extensions.Time.Testing;

namespace MentorFunctions.Tests.Intake;

/// <summary>Group DMs classified against a real registry on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookIntakeClassificationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Bot = IntakeTestData.BotEmail;
    private const long Ada = IntakeTestData.MentorId, Sam = IntakeTestData.StudentId;
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // The registry and the consent table share one store, as in the app.
    private readonly TableStore _tables = azurite.CreateStore("intake");
    private TableMentorRegistry Registry => field ??= new(_tables);
    private readonly LoopbackZulipServer _zulip = NewZulip();
    private readonly FakeTimeProvider _clock = new(Now);
    private ConsentStore ConsentTable => new(_tables);
    private Core.Consent.PairConsent? _consent;

    private static LoopbackZulipServer NewZulip()
    {
        var zulip = new LoopbackZulipServer(Bot, "bot-api-key", IntakeTestData.BotId, IntakeTestData.BotName);
        zulip.Users[Sam] = new LoopbackUser("sam@zulip.example.com", "Sam Student", IsBot: false);
        return zulip;
    }

    private Task<WebhookOutcome> Handle(JsonNode payload, bool autoEnrol = true) =>
        IntakeTestData.CreateIntake(Registry, autoEnrol: autoEnrol, time: _clock,
                consent: _consent ??= IntakeTestData.Consent(Registry, _tables, _zulip, _clock))
            .HandleAsync(IntakeTestData.ToBytes(payload), "application/json", CancellationToken.None);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var errors = _zulip.ValidationErrors.ToArray();
        await _zulip.DisposeAsync();
        Assert.Empty(errors);
    }

    private Task RegisterMentor(long id, string name) =>
        Registry.UpsertMentorAsync(new MentorRecord(Bot, id, $"{name.ToLowerInvariant()}@zulip.example.com", name, Now.AddDays(-7)));

    private Task Enrol(long mentor, long student) =>
        Registry.EnrolAsync(new PairRecord(Bot, mentor, student, "x@zulip.example.com", "X", Now.AddDays(-1), EnrolmentSource.Admin));

    [Fact]
    public async Task A_student_message_to_an_enrolled_pair_is_a_conversation_message()
    {
        await RegisterMentor(Ada, "Ada");
        await Enrol(Ada, Sam);

        var outcome = await Handle(IntakeTestData.Node("group-dm.json"));

        Assert.Equal(IntakeKind.Conversation, outcome.Kind);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(WebhookOutcome.NoResponseJson, outcome.ResponseJson);
        Assert.Equal(new ConversationKey(Bot, Ada, Sam), outcome.Conversation);
        var message = outcome.Message!;
        Assert.Equal(4711, message.MessageId);
        Assert.Equal(Sam, message.SenderId);
        Assert.Equal(ParticipantRole.Student, message.Role);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1740823200), message.SentAt);
        Assert.Equal(IntakeTestData.Node("group-dm.json")["message"]!["content"]!.GetValue<string>(), message.Content);
    }

    [Fact]
    public async Task The_mentors_own_message_has_the_mentor_role()
    {
        await RegisterMentor(Ada, "Ada");
        await Enrol(Ada, Sam);
        var payload = IntakeTestData.Node("group-dm.json");
        payload["message"]!["sender_id"] = Ada;
        payload["message"]!["sender_email"] = "ada@zulip.example.com";

        var outcome = await Handle(payload);

        Assert.Equal(IntakeKind.Conversation, outcome.Kind);
        Assert.Equal(new ConversationKey(Bot, Ada, Sam), outcome.Conversation);
        Assert.Equal(ParticipantRole.Mentor, outcome.Message!.Role);
    }

    [Fact]
    public async Task A_student_writing_before_the_mentor_consented_gets_nothing_and_the_mentor_is_asked_once()
    {
        await RegisterMentor(Ada, "Ada");

        var first = await Handle(IntakeTestData.Node("group-dm.json"));
        var second = await Handle(IntakeTestData.Node("group-dm.json"));

        Assert.Equal((IntakeKind.Ignored, IgnoreReason.PairNotEnrolled), (first.Kind, first.IgnoreReason));
        Assert.Equal((IntakeKind.Ignored, IgnoreReason.PairNotEnrolled), (second.Kind, second.IgnoreReason));
        Assert.Null(first.Message);
        Assert.Null(await Registry.GetPairAsync(Bot, Ada, Sam));
        var question = Assert.Single(_zulip.BotMessagesTo(Ada));
        Assert.Contains("**Sam Student**", question.Content);
        Assert.Contains("`accept 20`", question.Content);
        Assert.Contains("`decline 20`", question.Content);
    }

    [Fact]
    public async Task The_mentors_own_message_in_the_group_DM_is_consent_and_enrols_the_student_as_Zulip_names_them()
    {
        await RegisterMentor(Ada, "Ada");

        var outcome = await Handle(FromAda(IntakeTestData.Node("group-dm.json")));

        Assert.Equal(IntakeKind.Conversation, outcome.Kind);
        Assert.Equal(ParticipantRole.Mentor, outcome.Message!.Role);
        var pair = await Registry.GetPairAsync(Bot, Ada, Sam);
        Assert.NotNull(pair);
        Assert.Equal(EnrolmentSource.MentorWrote, pair.Source);
        Assert.Equal(("sam@zulip.example.com", "Sam Student", Now), (pair.StudentEmail, pair.StudentFullName, pair.EnrolledAt));
        Assert.Empty(_zulip.BotMessagesTo(Ada));
        // From now on the student's messages are conversation messages.
        Assert.Equal(IntakeKind.Conversation, (await Handle(IntakeTestData.Node("group-dm.json"))).Kind);
    }

    [Fact]
    public async Task With_auto_enrolment_off_even_the_mentors_message_only_asks()
    {
        await RegisterMentor(Ada, "Ada");

        var outcome = await Handle(FromAda(IntakeTestData.Node("group-dm.json")), autoEnrol: false);

        Assert.Equal(IgnoreReason.PairNotEnrolled, outcome.IgnoreReason);
        Assert.Null(await Registry.GetPairAsync(Bot, Ada, Sam));
        Assert.Contains("`accept 20`", Assert.Single(_zulip.BotMessagesTo(Ada)).Content);
    }

    [Fact]
    public async Task Another_bot_in_the_group_DM_is_never_enrolled_nor_asked_about()
    {
        await RegisterMentor(Ada, "Ada");
        _zulip.Users[Sam] = new LoopbackUser("helper-bot@zulip.example.com", "Helper Bot", IsBot: true);

        var fromBot = await Handle(IntakeTestData.Node("group-dm.json"));
        var fromAda = await Handle(FromAda(IntakeTestData.Node("group-dm.json")));

        Assert.Equal((IgnoreReason.NotAHuman, IgnoreReason.NotAHuman), (fromBot.IgnoreReason, fromAda.IgnoreReason));
        Assert.Null(await Registry.GetPairAsync(Bot, Ada, Sam));
        Assert.Empty(_zulip.BotMessagesTo(Ada));
        // Zulip was asked once: the answer is cached.
        Assert.Equal(1, _zulip.Count("get-user"));
    }

    [Fact]
    public async Task After_the_mentor_declined_nobody_is_enrolled_and_nobody_is_asked()
    {
        await RegisterMentor(Ada, "Ada");
        await ConsentTable.SetAsync(new ConsentRecord(Bot, Ada, Sam, ConsentState.Declined, Now.AddDays(-1)), CancellationToken.None);

        var fromSam = await Handle(IntakeTestData.Node("group-dm.json"));
        var fromAda = await Handle(FromAda(IntakeTestData.Node("group-dm.json")));

        Assert.Equal((IgnoreReason.MentorDeclined, IgnoreReason.MentorDeclined), (fromSam.IgnoreReason, fromAda.IgnoreReason));
        Assert.Null(await Registry.GetPairAsync(Bot, Ada, Sam));
        Assert.Empty(_zulip.BotMessagesTo(Ada));
    }

    [Fact]
    public async Task A_pair_an_earlier_version_auto_enrolled_is_not_consent_until_the_mentor_writes()
    {
        await RegisterMentor(Ada, "Ada");
        await Enrol(Ada, Sam);
        // Rewrite the row as the version before consent stored it.
        var pairs = _tables.Service.GetTableClient(_tables.TableName(TableMentorRegistry.PairsTable));
        await foreach (var row in pairs.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            row["Source"] = "AutoEnrolled";
            await pairs.UpdateEntityAsync(row, Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Replace);
        }

        var fromSam = await Handle(IntakeTestData.Node("group-dm.json"));
        Assert.Equal(IgnoreReason.PairNotEnrolled, fromSam.IgnoreReason);
        Assert.Single(_zulip.BotMessagesTo(Ada));

        var fromAda = await Handle(FromAda(IntakeTestData.Node("group-dm.json")));
        Assert.Equal(IntakeKind.Conversation, fromAda.Kind);
        Assert.Equal(EnrolmentSource.MentorWrote, (await Registry.GetPairAsync(Bot, Ada, Sam))!.Source);
    }

    private static JsonObject FromAda(JsonObject payload)
    {
        payload["message"]!["sender_id"] = Ada;
        payload["message"]!["sender_email"] = "ada@zulip.example.com";
        payload["message"]!["sender_full_name"] = "Ada Mentor";
        return payload;
    }

    [Fact]
    public async Task A_group_dm_without_a_registered_mentor_is_ignored()
    {
        var outcome = await Handle(IntakeTestData.Node("group-dm.json"));
        Assert.Equal(IgnoreReason.NoMentor, outcome.IgnoreReason);
        Assert.Empty(await Registry.ListStudentsAsync(Bot, Ada));
    }

    [Fact]
    public async Task Two_mentors_use_the_pair_that_exists_in_either_direction()
    {
        await RegisterMentor(Ada, "Ada");
        await RegisterMentor(Sam, "Sam");

        var unpaired = await Handle(IntakeTestData.Node("group-dm.json"));
        Assert.Equal(IgnoreReason.BothMentorsUnpaired, unpaired.IgnoreReason);

        // Sam mentors Ada: the pair only exists as (mentor Sam, student Ada).
        await Enrol(Sam, Ada);
        var outcome = await Handle(IntakeTestData.Node("group-dm.json"));

        Assert.Equal(IntakeKind.Conversation, outcome.Kind);
        Assert.Equal(new ConversationKey(Bot, Sam, Ada), outcome.Conversation);
        Assert.Equal(ParticipantRole.Mentor, outcome.Message!.Role); // Sam sent it
    }

    [Fact]
    public async Task A_legacy_private_message_trigger_is_classified_like_a_direct_message()
    {
        await RegisterMentor(Ada, "Ada");
        await Enrol(Ada, Sam);

        var outcome = await Handle(IntakeTestData.Node("legacy-private-message.json"));

        Assert.Equal(IntakeKind.Conversation, outcome.Kind);
        Assert.Equal(1203, outcome.Message!.MessageId);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), outcome.Message.SentAt);
    }

    [Fact]
    public async Task A_four_person_group_dm_is_ignored_even_with_registered_mentors()
    {
        await RegisterMentor(Ada, "Ada");
        await Enrol(Ada, Sam);
        var payload = IntakeTestData.Node("group-dm.json");
        payload["message"]!["display_recipient"]!.AsArray().Add(new JsonObject
        {
            ["id"] = 21, ["email"] = "kim@zulip.example.com", ["full_name"] = "Kim", ["is_mirror_dummy"] = false,
        });

        var outcome = await Handle(payload);

        Assert.Equal(IgnoreReason.TooManyParticipants, outcome.IgnoreReason);
    }

    [Fact]
    public async Task The_bots_own_message_is_ignored_in_a_mentor_conversation()
    {
        await RegisterMentor(Ada, "Ada");
        await Enrol(Ada, Sam);
        var payload = IntakeTestData.Node("group-dm.json");
        payload["message"]!["sender_id"] = IntakeTestData.BotId;
        payload["message"]!["sender_email"] = Bot;

        var outcome = await Handle(payload);

        Assert.Equal(IgnoreReason.OwnMessage, outcome.IgnoreReason);
    }
}
