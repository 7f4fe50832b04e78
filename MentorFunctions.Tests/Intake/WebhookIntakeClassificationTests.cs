using System.Text.Json.Nodes;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Intake;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace MentorFunctions.Tests.Intake;

/// <summary>Group DMs classified against a real registry on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookIntakeClassificationTests(AzuriteFixture azurite)
{
    private const string Bot = IntakeTestData.BotEmail;
    private const long Ada = IntakeTestData.MentorId, Sam = IntakeTestData.StudentId;
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TableMentorRegistry _registry = new(azurite.CreateStore("intake"));

    private Task<WebhookOutcome> Handle(JsonNode payload, bool autoEnrol = true) =>
        IntakeTestData.CreateIntake(_registry, autoEnrol: autoEnrol, time: new FakeTimeProvider(Now))
            .HandleAsync(IntakeTestData.ToBytes(payload), "application/json", CancellationToken.None);

    private Task RegisterMentor(long id, string name) =>
        _registry.UpsertMentorAsync(new MentorRecord(Bot, id, $"{name.ToLowerInvariant()}@zulip.example.com", name, Now.AddDays(-7)));

    private Task Enrol(long mentor, long student) =>
        _registry.EnrolAsync(new PairRecord(Bot, mentor, student, "x@zulip.example.com", "X", Now.AddDays(-1), EnrolmentSource.Admin));

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
    public async Task An_unenrolled_student_is_auto_enrolled_when_the_bot_allows_it()
    {
        await RegisterMentor(Ada, "Ada");

        var outcome = await Handle(IntakeTestData.Node("group-dm.json"));

        Assert.Equal(IntakeKind.Conversation, outcome.Kind);
        var pair = await _registry.GetPairAsync(Bot, Ada, Sam);
        Assert.NotNull(pair);
        Assert.Equal(EnrolmentSource.AutoEnrolled, pair.Source);
        Assert.Equal("sam@zulip.example.com", pair.StudentEmail);
        Assert.Equal("Sam Student", pair.StudentFullName);
        Assert.Equal(Now, pair.EnrolledAt);
        Assert.Single(await _registry.ListMentorsOfStudentAsync(Bot, Sam));
    }

    [Fact]
    public async Task An_unenrolled_student_is_ignored_when_auto_enrolment_is_off()
    {
        await RegisterMentor(Ada, "Ada");

        var outcome = await Handle(IntakeTestData.Node("group-dm.json"), autoEnrol: false);

        Assert.Equal(IntakeKind.Ignored, outcome.Kind);
        Assert.Equal(IgnoreReason.PairNotEnrolled, outcome.IgnoreReason);
        Assert.Null(await _registry.GetPairAsync(Bot, Ada, Sam));
    }

    [Fact]
    public async Task A_group_dm_without_a_registered_mentor_is_ignored()
    {
        var outcome = await Handle(IntakeTestData.Node("group-dm.json"));
        Assert.Equal(IgnoreReason.NoMentor, outcome.IgnoreReason);
        Assert.Empty(await _registry.ListStudentsAsync(Bot, Ada));
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
