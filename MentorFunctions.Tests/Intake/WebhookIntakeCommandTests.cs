using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Intake;

namespace MentorFunctions.Tests.Intake;

/// <summary>Commands (1:1 DMs and channel mentions), ignored messages and transport details: paths that never touch storage.</summary>
public sealed class WebhookIntakeCommandTests
{
    private static Task<WebhookOutcome> Handle(WebhookIntake intake, JsonNode payload, string? contentType = "application/json") =>
        intake.HandleAsync(IntakeTestData.ToBytes(payload), contentType, CancellationToken.None);

    [Fact]
    public async Task A_channel_mention_is_a_command_with_the_mention_stripped()
    {
        var handler = new RecordingCommandHandler(_ => new CommandReply("All good."));
        var intake = IntakeTestData.CreateIntake(new UnreachableRegistry(), handler);

        var outcome = await Handle(intake, IntakeTestData.Node("channel-mention.json"));

        Assert.Equal(IntakeKind.Command, outcome.Kind);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal("""{"content":"All good."}""", outcome.ResponseJson);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(new CommandRequest(IntakeTestData.BotEmail, IntakeTestData.MentorId, "ada@zulip.example.com", "Ada Mentor",
            "status", IsDirect: false, MessageId: 4713), request);
    }

    [Fact]
    public async Task A_one_to_one_dm_is_a_direct_command_answered_by_the_help_handler()
    {
        var intake = IntakeTestData.CreateIntake(new UnreachableRegistry());

        var outcome = await Handle(intake, IntakeTestData.Node("direct-message.json"));

        Assert.Equal(IntakeKind.Command, outcome.Kind);
        Assert.Equal(4712, outcome.MessageId);
        using var body = JsonDocument.Parse(outcome.ResponseJson);
        Assert.Equal(HelpCommandHandler.HelpText, body.RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Reply_content_is_json_escaped()
    {
        const string tricky = "Quote \" backslash \\ newline\n tab\t emoji 🎓 </script> \u0001";
        var intake = IntakeTestData.CreateIntake(new UnreachableRegistry(), new RecordingCommandHandler(_ => new CommandReply(tricky)));

        var outcome = await Handle(intake, IntakeTestData.Node("direct-message.json"));

        using var body = JsonDocument.Parse(outcome.ResponseJson);
        Assert.Equal(tricky, body.RootElement.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_reply_posts_nothing(string? content)
    {
        var intake = IntakeTestData.CreateIntake(new UnreachableRegistry(), new RecordingCommandHandler(_ => new CommandReply(content)));
        var outcome = await Handle(intake, IntakeTestData.Node("direct-message.json"));
        Assert.Equal(IntakeKind.Command, outcome.Kind);
        Assert.Equal(WebhookOutcome.NoResponseJson, outcome.ResponseJson);
    }

    [Fact]
    public async Task A_failing_command_handler_still_answers_200_with_an_apology()
    {
        var intake = IntakeTestData.CreateIntake(new UnreachableRegistry(),
            new RecordingCommandHandler(_ => throw new InvalidOperationException("boom")));

        var outcome = await Handle(intake, IntakeTestData.Node("direct-message.json"));

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(IntakeKind.Command, outcome.Kind);
        using var body = JsonDocument.Parse(outcome.ResponseJson);
        Assert.StartsWith("Sorry", body.RootElement.GetProperty("content").GetString());
        Assert.DoesNotContain("boom", outcome.ResponseJson);
    }

    [Theory]
    [InlineData("@**Mentor Stand-in** pause 2h", "pause 2h")]
    [InlineData("  @**Mentor Stand-in**   pause 2h  ", "pause 2h")]
    [InlineData("@_**Mentor Stand-in** help", "help")]
    [InlineData("@**Mentor Stand-in|30** mode draft", "mode draft")]
    [InlineData("@_**mentor stand-in|30**help", "help")]
    [InlineData("@**Mentor Stand-in**", "")]
    [InlineData("@**Ada Mentor** please look", "@**Ada Mentor** please look")]
    [InlineData("hello @**Mentor Stand-in**", "hello @**Mentor Stand-in**")]
    [InlineData("@**Mentor Stand-in|abc** x", "@**Mentor Stand-in|abc** x")]
    [InlineData("@**Mentor Stand-in help", "@**Mentor Stand-in help")]
    public void The_leading_bot_mention_is_stripped_and_nothing_else(string content, string expected)
    {
        Assert.Equal(expected, CommandText.StripBotMention(content, IntakeTestData.BotName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("Application/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    [InlineData("application/json; charset=utf8; boundary=ignored")]
    public async Task Json_content_types_are_accepted_and_a_missing_one_too(string? contentType)
    {
        var intake = IntakeTestData.CreateIntake(new UnreachableRegistry());
        var outcome = await Handle(intake, IntakeTestData.Node("direct-message.json"), contentType);
        Assert.Equal(IntakeKind.Command, outcome.Kind);
    }

    [Fact]
    public async Task Unknown_extra_fields_are_ignored()
    {
        var payload = IntakeTestData.Node("direct-message.json");
        payload["future_field"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
        payload["message"]!["reactions"] = new JsonArray(new JsonObject { ["emoji_name"] = "tada", ["user"] = new JsonObject() });
        var outcome = await Handle(IntakeTestData.CreateIntake(new UnreachableRegistry()), payload);
        Assert.Equal(IntakeKind.Command, outcome.Kind);
    }

    [Fact]
    public async Task Bot_email_is_matched_without_regard_to_case()
    {
        var payload = IntakeTestData.Node("direct-message.json");
        payload["bot_email"] = IntakeTestData.BotEmail.ToUpperInvariant();
        var outcome = await Handle(IntakeTestData.CreateIntake(new UnreachableRegistry()), payload);
        Assert.Equal(IntakeKind.Command, outcome.Kind);
    }

    public static TheoryData<string, string, IgnoreReason> IgnoredCases() => new()
    {
        { "an unknown future trigger", """[["set","trigger","\"reaction\""]]""", IgnoreReason.UnknownTrigger },
        { "an unknown message type", """[["set","message.type","\"thread\""]]""", IgnoreReason.UnknownMessageType },
        { "the bot's own message", """[["set","message.sender_email","\"Mentor-Bot@zulip.example.com\""],["set","message.sender_id","30"]]""", IgnoreReason.OwnMessage },
        { "a 4-person group DM", """[["set","message.display_recipient","[{\"id\":10,\"email\":\"ada@zulip.example.com\",\"full_name\":\"Ada\"},{\"id\":20,\"email\":\"sam@zulip.example.com\",\"full_name\":\"Sam\"},{\"id\":21,\"email\":\"kim@zulip.example.com\",\"full_name\":\"Kim\"},{\"id\":30,\"email\":\"mentor-bot@zulip.example.com\",\"full_name\":\"Mentor Stand-in\"}]"]]""", IgnoreReason.TooManyParticipants },
        { "a DM without the bot", """[["set","message.display_recipient[2].email","\"someone@zulip.example.com\""]]""", IgnoreReason.BotNotParticipant },
        { "a sender outside the DM", """[["set","message.sender_id","99"]]""", IgnoreReason.SenderNotParticipant },
    };

    [Theory]
    [MemberData(nameof(IgnoredCases))]
    public async Task Messages_the_bot_has_no_business_with_are_ignored_with_a_reason(string description, string ops, IgnoreReason reason)
    {
        var payload = IntakeTestData.Node("group-dm.json");
        IntakeTestData.Apply(payload, JsonNode.Parse(ops)!.AsArray());

        var outcome = await Handle(IntakeTestData.CreateIntake(new UnreachableRegistry()), payload);

        Assert.True(outcome.Kind == IntakeKind.Ignored, description);
        Assert.Equal(reason, outcome.IgnoreReason);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(WebhookOutcome.NoResponseJson, outcome.ResponseJson);
        Assert.Equal(4711, outcome.MessageId);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_not_too_large()
    {
        var payload = IntakeTestData.Node("direct-message.json");
        payload["message"]!["rendered_content"] = "";
        var size = IntakeTestData.ToBytes(payload).Length;
        payload["message"]!["rendered_content"] = new string('y', WebhookIntake.MaxBodyBytes - size);
        var body = IntakeTestData.ToBytes(payload);
        Assert.Equal(WebhookIntake.MaxBodyBytes, body.Length);

        var outcome = await IntakeTestData.CreateIntake(new UnreachableRegistry()).HandleAsync(body, "application/json", CancellationToken.None);
        Assert.Equal(IntakeKind.Command, outcome.Kind);

        var oneMore = await IntakeTestData.CreateIntake(new UnreachableRegistry()).HandleAsync(body.Append((byte)' ').ToArray(), "application/json", CancellationToken.None);
        Assert.Equal(413, oneMore.StatusCode);
    }

    /// <summary>Zulip's worst cases for a valid 10,000-character message, escaped as Zulip escapes its JSON.</summary>
    [Theory]
    [InlineData("emoji")]
    [InlineData("non-BMP letters")]
    public async Task The_largest_bodies_Zulip_sends_for_a_valid_message_are_accepted(string kind)
    {
        const string emojiName = "smiling_face_with_open_mouth_and_tightly_closed_eyes";
        var content = string.Concat(Enumerable.Repeat(char.ConvertFromUtf32(kind == "emoji" ? 0x1F606 : 0x1D400), 10_000));
        var rendered = kind == "emoji"
            ? string.Concat(Enumerable.Repeat($"<span aria-label=\"{emojiName}\" class=\"emoji emoji-1f606\" role=\"img\" title=\"{emojiName}\">:{emojiName}:</span>", 10_000))
            : "<p>" + content + "</p>";
        var payload = IntakeTestData.Node("direct-message.json");
        payload["data"] = content;
        payload["message"]!["content"] = content;
        payload["message"]!["rendered_content"] = rendered;
        // Python's json.dumps escapes every non-ASCII character, a non-BMP one as a surrogate pair (12 bytes).
        var body = Encoding.UTF8.GetBytes(EscapeLikePython(payload.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        Assert.True(body.Length > 256 * 1024, $"the {kind} body is {body.Length} bytes");
        Assert.True(body.Length <= WebhookIntake.MaxBodyBytes, $"the {kind} body is {body.Length} bytes");

        var outcome = await IntakeTestData.CreateIntake(new UnreachableRegistry()).HandleAsync(body, "application/json", CancellationToken.None);

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(IntakeKind.Command, outcome.Kind);
    }

    private static string EscapeLikePython(string json)
    {
        var sb = new StringBuilder(json.Length * 2);
        foreach (var c in json)
            sb.Append(c < 0x80 ? c.ToString() : $"\\u{(int)c:x4}");
        return sb.ToString();
    }
}
