using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Safety;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Replies;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFunctions.Tests.Safety;

/// <summary>The deliver step's distress path against loopback Zulip and model servers and real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DistressPathTests(AzuriteFixture azurite)
{
    private const long Mentor = ReplyHarness.Mentor, Student = ReplyHarness.Student;
    private const string Words = "I can't do this anymore, I want to end my life tonight";

    [Fact]
    public async Task A_burst_in_distress_gets_no_model_call_an_alert_to_the_mentor_and_the_configured_message()
    {
        await using var h = new ReplyHarness(azurite);
        var input = h.StudentAsks("hi", Words);

        var result = await h.RunStepAsync(input);

        Assert.Equal(DeliveryOutcome.Escalated, result.Outcome);
        Assert.Empty(h.OpenAI.Requests);
        var support = Assert.Single(h.GroupPosts());
        var expected = h.Services.GetRequiredService<IOptions<SafeguardingOptions>>().Value.StudentMessages["en"];
        Assert.Equal(expected, support.Content);
        Assert.DoesNotContain("AI reply in", support.Content);

        var alert = Assert.Single(h.MentorNotices());
        Assert.Contains("@_**Sam Park|20**", alert.Content);
        Assert.Contains($"/#narrow/dm/{Mentor},{Student},{ReplyHarness.BotId}-group/near/{input.LatestMessageId}", alert.Content);
        // No quoting, no guessing: the student's words and the kind of distress stay out of the notice.
        Assert.DoesNotContain("end my life", alert.Content);
        Assert.DoesNotContain("suicid", alert.Content, StringComparison.OrdinalIgnoreCase);

        var audit = Assert.Single(await h.Audit.ListAsync(input.Conversation));
        Assert.Equal(DeliveryOutcome.Escalated, audit.Outcome);
        Assert.Equal("distress-suicide", audit.Reason);
        Assert.Null(audit.Content);
    }

    [Fact]
    public async Task A_retried_step_alerts_and_messages_once()
    {
        await using var h = new ReplyHarness(azurite);
        var input = h.StudentAsks(Words) with { Distress = true };

        await h.Deliverer.DeliverAsync(input);
        var again = await h.Deliverer.DeliverAsync(input);

        Assert.Equal(DeliveryOutcome.Escalated, again.Outcome);
        Assert.Single(h.GroupPosts());
        Assert.Single(h.MentorNotices());
        Assert.Empty(h.OpenAI.Requests);
    }

    [Fact]
    public async Task A_paused_stand_in_still_tells_the_mentor()
    {
        await using var h = new ReplyHarness(azurite);
        var mentor = await h.Registry.GetMentorAsync(ReplyHarness.Bot, Mentor);
        await h.Registry.UpsertMentorAsync(mentor! with { Mode = ReplyMode.Off });
        var input = h.StudentAsks(Words) with { Distress = true };

        var result = await h.RunStepAsync(input);

        Assert.Equal(DeliveryOutcome.Escalated, result.Outcome);
        Assert.Single(h.MentorNotices());
        Assert.Single(h.GroupPosts());
    }

    [Fact]
    public async Task The_student_message_follows_their_language_and_the_organisation_and_a_contact_is_alerted()
    {
        const long lead = 77;
        await using var h = new ReplyHarness(azurite, configureServices: services => services.Configure<SafeguardingOptions>(o =>
        {
            o.ContactUserId = 55;
            o.Organisations.Add(new OrganisationSafeguarding
            {
                BotEmail = ReplyHarness.Bot,
                ContactUserId = lead,
                StudentMessages = { ["es"] = "Tu mentora ya lo sabe. Si estás en peligro, llama al 112." },
            });
        }));
        h.StudentAsks("hola, tengo una pregunta sobre el proyecto de la semana");
        var input = h.StudentAsks("ya no quiero vivir, estoy cansada de todo");

        await h.RunStepAsync(input);

        Assert.Equal("Tu mentora ya lo sabe. Si estás en peligro, llama al 112.", Assert.Single(h.GroupPosts()).Content);
        var contact = Assert.Single(h.Zulip.BotMessagesTo(lead));
        Assert.Contains("@_**Sam Park|20**", contact.Content);
        Assert.Contains("@_**Ana Lima|10**", contact.Content);
        Assert.DoesNotContain("vivir", contact.Content);
        Assert.Empty(h.Zulip.BotMessagesTo(55));
        Assert.Empty(h.OpenAI.Requests);
    }

    [Theory]
    [InlineData("pt", "Não quero mais viver, ninguém sentiria minha falta", "mensagem automática")]
    [InlineData("fr", "je veux mourir, je n'en peux plus de cette vie", "message automatique")]
    [InlineData("de", "ich will nicht mehr leben, das hat alles keinen Sinn", "automatische Nachricht")]
    public async Task The_default_messages_come_in_the_student_s_language(string language, string words, string expected)
    {
        await using var h = new ReplyHarness(azurite);
        var input = h.StudentAsks(words);

        await h.RunStepAsync(input);

        Assert.Contains(expected, Assert.Single(h.GroupPosts()).Content);
        Assert.Empty(h.OpenAI.Requests);
        Assert.NotEmpty(language);
    }
}
