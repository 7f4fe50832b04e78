using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.EndToEnd;

/// <summary>
/// A scripted conversation through the whole app (intake, workflow on the virtual clock, steps, loopback Zulip and
/// model, Azurite): a student in distress gets the configured message at once, the mentor and the programme's
/// safeguarding contact are alerted, and the model is never called, until the mentor has written.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DistressEndToEndTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Sam = new(201, "sam@mentoring.example.com", "Sam Park");
    private const long SafeguardingLead = 301;
    private const string SupportMessage = "Ana has been told and will write to you herself. If you are in danger, call 112 now.";

    [Fact]
    public async Task A_student_in_distress_gets_the_configured_message_the_mentor_is_alerted_and_the_model_is_not_called()
    {
        await using var app = new MentorApp(azurite, Monday10, new Dictionary<string, string?>
        {
            ["Safeguarding:ContactUserId"] = SafeguardingLead.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Safeguarding:StudentMessages:en"] = SupportMessage,
        });
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        await app.PairAsync(Ana, Sam);

        // An ordinary question first: answered by the stand-in after a humanlike delay.
        await app.GroupMessageAsync(Sam, Ana, "Hi Ana, how do I start the recursion exercise?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.Single(app.OpenAI.Requests);

        // Distress: answered within seconds, by people's words, with no model call.
        var (distressId, _) = await app.GroupMessageAsync(Sam, Ana, "honestly I don't want to be alive anymore");
        await app.Host.AdvanceAsync(TimeSpan.FromSeconds(2));
        var toStudent = app.Zulip.BotMessagesTo(Ana.Id, Sam.Id);
        Assert.Equal(2, toStudent.Count);
        Assert.Equal(SupportMessage, toStudent[^1].Content);
        Assert.Single(app.OpenAI.Requests);

        var alert = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id));
        Assert.True(alert.Content.Contains("@_**Sam Park|201**", StringComparison.Ordinal), alert.Content);
        Assert.Contains($"#narrow/dm/{MentorApp.BotId},{Ana.Id},{Sam.Id}-group/near/{distressId}", alert.Content);
        Assert.DoesNotContain("alive", alert.Content);
        var lead = Assert.Single(app.Zulip.BotMessagesTo(SafeguardingLead));
        Assert.Contains("Ana Lima", lead.Content);
        Assert.DoesNotContain("alive", lead.Content);

        // Until the mentor writes, the stand-in stays out of this conversation.
        await app.GroupMessageAsync(Sam, Ana, "sorry, also what about the tests?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(2, app.Zulip.BotMessagesTo(Ana.Id, Sam.Id).Count);
        Assert.Single(app.OpenAI.Requests);

        var audit = await app.Get<AuditLog>().ListAsync(new ConversationKey(MentorApp.Bot, Ana.Id, Sam.Id));
        var escalated = Assert.Single(audit, a => a.Outcome == DeliveryOutcome.Escalated);
        Assert.Equal("distress-suicide", escalated.Reason);

        // The mentor answers in person; afterwards the stand-in may answer again.
        await app.GroupMessageAsync(Ana, Sam, "Sam, I'm here. Can we talk now?");
        await app.Host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await app.GroupMessageAsync(Sam, Ana, "thanks, we talked. one more question about loops later");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(2, app.OpenAI.Requests.Count);
        Assert.Empty(app.Zulip.ValidationErrors);
    }
}
