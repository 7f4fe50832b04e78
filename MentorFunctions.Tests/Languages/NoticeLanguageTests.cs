using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Replies;
using MentorFunctions.Core.Safety;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;
using MentorFunctions.Tests.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFunctions.Tests.Languages;

/// <summary>
/// The reply step's texts in the reader's language: the AI label in the student's, the notices in the mentor's (their
/// setting, else their learned writing, else their messages in the conversation, else English).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoticeLanguageTests(AzuriteFixture azurite)
{
    private const long Mentor = ReplyHarness.Mentor, Student = ReplyHarness.Student;
    private const string SpanishDisclosure = "🤖 *Respuesta de IA al estilo de Ana Lima — Ana Lima te escribirá después.*";

    [Fact]
    public async Task A_Spanish_writing_student_gets_the_Spanish_label_and_the_earlier_label_stays_out_of_the_prompt()
    {
        await using var h = new ReplyHarness(azurite);
        h.Zulip.AddMessage(ReplyHarness.BotId, [Mentor, Student], SpanishDisclosure + "\n\nUna respuesta anterior.");
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("Prueba con un bucle for."));
        var input = h.StudentAsks("hola, no entiendo el ejercicio de la semana", "¿me puedes ayudar con la parte de los bucles?");

        Assert.Equal(DeliveryOutcome.Posted, (await h.Deliverer.DeliverAsync(input)).Outcome);

        Assert.Equal(SpanishDisclosure + "\n\nPrueba con un bucle for.", h.GroupPosts()[^1].Content);
        var prompt = Assert.Single(h.OpenAI.Requests).Messages;
        Assert.Contains(prompt, m => m.Content.Contains("Una respuesta anterior.", StringComparison.Ordinal));
        Assert.DoesNotContain(prompt, m => m.Content.Contains("Respuesta de IA", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "I don't get the exercise, can you help me with it?", "🤖 *AI reply in Ana Lima's style — Ana Lima will follow up.*")]
    [InlineData("pt", "oi, não entendi o exercício, você pode me ajudar?", "🤖 *Resposta de IA no estilo de Ana Lima — Ana Lima vai falar com você depois.*")]
    [InlineData("fr", "je ne comprends pas l'exercice, tu peux m'aider ?", "🤖 *Réponse de l'IA dans le style de Ana Lima — Ana Lima te répondra ensuite.*")]
    [InlineData("de", "ich verstehe die Aufgabe nicht, kannst du mir helfen?", "🤖 *KI-Antwort im Stil von Ana Lima — Ana Lima meldet sich noch persönlich.*")]
    public async Task The_label_follows_the_student_s_language(string language, string question, string label)
    {
        await using var h = new ReplyHarness(azurite);
        var input = h.StudentAsks(question);

        await h.Deliverer.DeliverAsync(input);

        Assert.StartsWith(label + "\n\n", Assert.Single(h.GroupPosts()).Content);
        Assert.NotNull(language);
    }

    [Fact]
    public async Task A_custom_template_is_used_as_is_unless_the_student_s_language_has_its_own()
    {
        await using (var h = new ReplyHarness(azurite, o => o.DisclosureTemplate = "[AI for {mentor}]"))
        {
            await h.Deliverer.DeliverAsync(h.StudentAsks("hola, no entiendo el ejercicio, ¿me ayudas?"));
            Assert.StartsWith("[AI for Ana Lima]\n\n", Assert.Single(h.GroupPosts()).Content);
        }
        await using (var h = new ReplyHarness(azurite, o =>
        {
            o.DisclosureTemplate = "[AI for {mentor}]";
            o.DisclosureTemplates["es"] = "[IA de {mentor}]";
        }))
        {
            await h.Deliverer.DeliverAsync(h.StudentAsks("hola, no entiendo el ejercicio, ¿me ayudas?"));
            await h.Deliverer.DeliverAsync(h.StudentAsksFrom(ReplyHarness.OtherStudent, "I don't get the exercise, can you help me?"));
            Assert.StartsWith("[IA de Ana Lima]\n\n", Assert.Single(h.GroupPosts()).Content);
            Assert.StartsWith("[AI for Ana Lima]\n\n", Assert.Single(h.GroupPosts(ReplyHarness.OtherStudent)).Content);
        }
    }

    [Fact]
    public async Task A_German_writing_mentor_is_told_in_German_and_a_mentor_s_setting_wins()
    {
        await using var h = new ReplyHarness(azurite);
        h.Zulip.AddMessage(Mentor, [Student], "Hallo Sam, ich bin heute nicht da, aber schreib mir gern, was du brauchst.");
        await h.Deliverer.DeliverAsync(h.StudentAsks("hmm", "can I talk to Ana herself?"));
        Assert.Equal("🙋 @_**Sam Park|20** möchte persönlich mit dir sprechen, deshalb habe ich nicht für dich geantwortet. Bitte antworte selbst, sobald du kannst.",
            Assert.Single(h.MentorNotices()).Content);

        var mentor = await h.Registry.GetMentorAsync(ReplyHarness.Bot, Mentor);
        await h.Registry.UpsertMentorAsync(mentor! with { Language = "pt" });
        await h.Deliverer.DeliverAsync(h.StudentAsks("can I talk to Ana herself, please?"));
        Assert.StartsWith("🙋 @_**Sam Park|20** pediu para falar com você pessoalmente", h.MentorNotices()[^1].Content);
    }

    [Fact]
    public async Task What_the_profile_learned_of_the_mentor_s_writing_decides_when_they_set_nothing()
    {
        await using var h = new ReplyHarness(azurite, o => o.MaxRepliesPerMentorPerDay = 1,
            configureServices: services => services.AddSingleton<IStyleProfileReader>(new HabitReader(StyleHabits.WritesIn("French"))));
        h.Zulip.AddMessage(Mentor, [Student], "Hallo Sam, ich bin heute nicht da, aber schreib mir gern.");

        await h.Deliverer.DeliverAsync(h.StudentAsks("first question"));
        await h.Deliverer.DeliverAsync(h.StudentAsks("second question"));

        Assert.Equal("⏸️ Les réponses de l'IA en votre nom ont atteint la limite du jour (1) ; je ne répondrai plus à votre place aujourd'hui.",
            Assert.Single(h.MentorNotices()).Content);
    }

    [Fact]
    public async Task A_mentor_with_nothing_to_tell_their_language_is_told_in_English()
    {
        await using var h = new ReplyHarness(azurite);
        await h.Deliverer.DeliverAsync(h.StudentAsks("hola, ¿puedo hablar con Ana en persona?", "quiero hablar con mi mentora"));
        Assert.StartsWith("🙋 @_**Sam Park|20** asked for you in person", Assert.Single(h.MentorNotices()).Content);
    }

    [Fact]
    public async Task A_withheld_reply_is_explained_in_the_mentor_s_language_by_its_reason()
    {
        await using var h = new ReplyHarness(azurite);
        var mentor = await h.Registry.GetMentorAsync(ReplyHarness.Bot, Mentor);
        await h.Registry.UpsertMentorAsync(mentor! with { Language = "es" });
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("Go to http://totally-free-answers.example.xyz and you're done"));

        Assert.Equal(DeliveryOutcome.Withheld, (await h.Deliverer.DeliverAsync(h.StudentAsks("how do I do the exercise?"))).Outcome);

        Assert.Equal("🛡️ No envié la respuesta de IA a @_**Sam Park|20**: contenía un enlace que no está en la conversación. Contéstale tú cuando puedas.",
            Assert.Single(h.MentorNotices()).Content);
    }

    [Fact]
    public async Task A_reply_the_model_would_not_write_is_reported_in_the_mentor_s_language()
    {
        await using var h = new ReplyHarness(azurite);
        var mentor = await h.Registry.GetMentorAsync(ReplyHarness.Bot, Mentor);
        await h.Registry.UpsertMentorAsync(mentor! with { Language = "de" });
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("   "));

        Assert.Equal(DeliveryOutcome.Refused, (await h.Deliverer.DeliverAsync(h.StudentAsks("how do I do the exercise?"))).Outcome);

        Assert.Equal("⚠️ Ich konnte keine Antwort an @_**Sam Park|20** schreiben (das Modell gab keine brauchbare Antwort). Bitte antworte selbst, sobald du kannst.",
            Assert.Single(h.MentorNotices()).Content);
        Assert.Empty(h.GroupPosts());
    }

    [Fact]
    public async Task A_draft_comes_in_the_mentor_s_language_without_the_student_s_label()
    {
        await using var h = new ReplyHarness(azurite);
        var mentor = await h.Registry.GetMentorAsync(ReplyHarness.Bot, Mentor);
        await h.Registry.UpsertMentorAsync(mentor! with { Mode = ReplyMode.Draft, Language = "de" });
        h.OpenAI.Enqueue(LoopbackOpenAIServer.Completion("Prueba con un bucle for."));
        var input = h.StudentAsks("hola, no entiendo el ejercicio, ¿me puedes ayudar?");

        Assert.Equal(DeliveryOutcome.Drafted, (await h.Deliverer.DeliverAsync(input)).Outcome);

        var draft = Assert.Single(h.MentorNotices()).Content;
        Assert.StartsWith($"📝 Entwurf 1 für @_**Sam Park|20** (reply {input.ReplyId}): antworte `send 1`, `edit 1 <dein Text>` oder `skip 1`.", draft);
        Assert.EndsWith("\n\nPrueba con un bucle for.", draft);
        Assert.DoesNotContain("Respuesta de IA", draft);
    }

    [Fact]
    public async Task A_distress_alert_reaches_the_mentor_in_their_language_and_the_contact_in_the_organisation_s()
    {
        const long lead = 77;
        await using var h = new ReplyHarness(azurite, configureServices: services => services.Configure<SafeguardingOptions>(o =>
        {
            o.ContactUserId = lead;
            o.DefaultLanguage = "pt";
        }));
        h.Zulip.AddMessage(Mentor, [Student], "Hallo Sam, ich bin heute unterwegs, aber ich lese mit.");
        var input = h.StudentAsks("ya no quiero vivir, estoy cansada de todo");

        await h.RunStepAsync(input);

        var alert = Assert.Single(h.MentorNotices()).Content;
        Assert.StartsWith("🚨 **Bitte sieh dir jetzt dein Gespräch mit @_**Sam Park|20** an.**", alert);
        Assert.Contains($"[Gespräch öffnen](", alert);
        Assert.EndsWith($"(alert {input.ReplyId})", alert);
        var contact = Assert.Single(h.Zulip.BotMessagesTo(lead)).Content;
        Assert.StartsWith("🚨 **Alerta de proteção:** uma mensagem de @_**Sam Park|20** para o mentor @_**Ana Lima|10**", contact);
        Assert.Contains("Gracias por contárnoslo", Assert.Single(h.GroupPosts()).Content);
        Assert.Empty(h.OpenAI.Requests);
    }

    /// <summary>The fixed test style with the habits a profile reports.</summary>
    private sealed class HabitReader(params string[] habits) : IStyleProfileReader
    {
        public Task<StyleSnapshot> ReadForReplyAsync(ConversationKey conversation, CancellationToken cancellationToken = default) =>
            Task.FromResult(ReplyTestData.Style(conversation.MentorId) with { Habits = habits });

        public Task<StyleSnapshot> ReadMentorAsync(string botEmail, long mentorId, CancellationToken cancellationToken = default) =>
            Task.FromResult(ReplyTestData.Style(mentorId) with { Habits = habits });
    }
}
