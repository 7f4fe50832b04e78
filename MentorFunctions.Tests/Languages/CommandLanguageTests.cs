using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Commands;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Languages;

/// <summary>Command answers in the sender's language, and the mentor's `language` setting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CommandLanguageTests(AzuriteFixture azurite)
{
    private const long Ann = 11, Stu = 21;

    private async Task<ControlsHarness> SetUpAsync(string hint)
    {
        var h = new ControlsHarness(azurite, hint);
        await h.AddMentorAsync(Ann, "Ann Lee");
        await h.PairAsync(Ann, Stu, "Stu Dent");
        return h;
    }

    [Fact]
    public async Task A_mentor_s_language_setting_changes_every_answer_and_shows_in_status()
    {
        var h = await SetUpAsync("langset");
        Assert.Equal("Ab jetzt schreibe ich dir auf Deutsch. Mit `language auto` entscheidet wieder deine Schreibweise.", await h.SayAsync(Ann, "language de"));
        Assert.Equal("de", (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.Language);

        var status = await h.SayAsync(Ann, "status");
        Assert.StartsWith("**Modus:** `auto`\n**Pause:** keine Pause\n**Mentees:** 1\n", status);
        Assert.Contains("**Sprache:** Deutsch (deine Einstellung; `language auto` folgt deiner Schreibweise)", status);
        // The learned style is described in German too (StyleSummaryTests holds the German words).
        Assert.Equal("de", h.Describer.Languages[^1]);
        Assert.StartsWith("Pausiert für 2 Stunden, bis 2025-03-03 11:00 UTC.", await h.SayAsync(Ann, "pause 2h"));
        Assert.StartsWith("Wenn ein Mentee auf dich wartet, antworte ich in deinem Stil", await h.SayAsync(Ann, "help"));
        // The setting wins over a localised command word.
        Assert.StartsWith("Wenn ein Mentee auf dich wartet", await h.SayAsync(Ann, "ayuda"));

        Assert.Equal("I'll write to you in the language you write in; for now that is English. `language <code>` (en, es, pt, fr, de) sets one.",
            await h.SayAsync(Ann, "language auto"));
        Assert.Null((await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.Language);
        Assert.Contains("**Language:** English (from your writing; `language <code>` sets it)", await h.SayAsync(Ann, "status"));
    }

    [Theory]
    [InlineData("language español", "es")]
    [InlineData("idioma pt", "pt")]
    [InlineData("langue français", "fr")]
    [InlineData("sprache Deutsch", "de")]
    [InlineData("language pt-BR", "pt")]
    [InlineData("language EN", "en")]
    public async Task A_language_is_named_by_code_or_name_with_a_localised_command_word(string command, string expected)
    {
        var h = await SetUpAsync("langname" + expected);
        await h.SayAsync(Ann, command);
        Assert.Equal(expected, (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.Language);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_in_the_mentor_s_language_and_changes_nothing()
    {
        var h = await SetUpAsync("langbad");
        await h.SayAsync(Ann, "language fr");
        Assert.Equal("Je n'écris pas en `klingon` ; choisissez `language en`, `language es`, `language pt`, `language fr`, `language de` ou `language auto`.",
            await h.SayAsync(Ann, "language klingon"));
        Assert.Equal("fr", (await h.Registry.GetMentorAsync(ControlsHarness.Bot, Ann))!.Language);
        // Every parser problem is answered in the mentor's language too.
        Assert.Equal("Choisissez `mode auto` (je réponds à votre place), `mode draft` (je vous envoie d'abord des brouillons) ou `mode off` (j'apprends seulement).",
            await h.SayAsync(Ann, "mode sideways"));
    }

    [Fact]
    public async Task Only_a_mentor_sets_a_language_and_a_student_is_told_so_in_the_language_of_their_command()
    {
        var h = await SetUpAsync("langstudent");
        var answer = await h.SayAsync(Stu, "sprache de");
        Assert.StartsWith("Tut mir leid, nur registrierte Mentorinnen und Mentoren können die Sprache wählen, in der ich ihnen schreibe", answer);
        Assert.Null(await h.Registry.GetMentorAsync(ControlsHarness.Bot, Stu));
    }

    [Theory]
    [InlineData("ayuda", "Soy un sustituto de IA para los mentores")]
    [InlineData("ajuda", "Sou um substituto de IA para os mentores")]
    [InlineData("aide", "Je suis un remplaçant IA des mentors")]
    [InlineData("hilfe", "Ich bin eine KI-Vertretung")]
    [InlineData("help", "I'm an AI stand-in for mentors")]
    public async Task A_localised_help_word_gets_help_in_its_language(string word, string expected)
    {
        var h = await SetUpAsync("help" + word);
        Assert.StartsWith(expected, await h.SayAsync(Stu, word));
    }

    [Fact]
    public async Task A_student_writing_a_sentence_is_answered_in_its_language()
    {
        var h = await SetUpAsync("langsentence");
        Assert.StartsWith("Ton mentor : @_**Ann Lee|11**. Écris dans ton DM de groupe", await h.SayAsync(Stu, "humain"));
        // "humano" is Spanish and Portuguese alike: it tells nothing, so the answer is in English.
        Assert.StartsWith("Your mentor: @_**Ann Lee|11**.", await h.SayAsync(Stu, "humano"));
        Assert.StartsWith("Perdona, no lo he entendido.", await h.SayAsync(Stu, "hola, no sé qué tengo que hacer aquí"));
        Assert.StartsWith("Deine Mentorin oder dein Mentor: @_**Ann Lee|11**.", await h.SayAsync(Stu, "mensch"));
    }

    [Fact]
    public async Task A_student_s_answers_follow_their_conversations_when_the_command_tells_nothing()
    {
        var h = await SetUpAsync("langconv");
        h.StudentLanguages.Language = "pt";
        Assert.Equal("Você não está registrado como mentor. Seu mentor: @_**Ann Lee|11**.", await h.SayAsync(Stu, "status"));
        // A command in another language still wins: it is what the student writes now.
        Assert.StartsWith("Ich bin eine KI-Vertretung", await h.SayAsync(Stu, "hilfe"));
        // A mentor's answers never come from a student's conversations.
        Assert.StartsWith("**Mode:** `auto`", await h.SayAsync(Ann, "status"));
    }

    [Fact]
    public async Task Draft_decisions_and_consent_answers_come_in_the_mentor_s_language()
    {
        var h = await SetUpAsync("langdraft");
        await h.SayAsync(Ann, "language pt");
        var draft = await h.Drafts.SaveAsync(ControlsHarness.Bot, Ann, Stu, "Try the second exercise first.", default);

        Assert.Equal($"Enviei o rascunho {draft.DraftId} ao aluno como rascunho de IA aprovado.", await h.SayAsync(Ann, "send"));
        Assert.Equal("Você não tem rascunhos pendentes.", await h.SayAsync(Ann, "skip"));
        Assert.Equal("Você não pode ser seu próprio aluno.", await h.SayAsync(Ann, $"accept {Ann}"));
        Assert.Equal("Entendido: não vou responder por você ao usuário 99, e não vou perguntar de novo. `accept 99` se mudar de ideia.",
            await h.SayAsync(Ann, "decline 99"));
        // The student's label stays in the draft's language: the student reads it, not the mentor.
        Assert.EndsWith("*🤖 AI draft, approved by Ann Lee*", Assert.Single(h.Poster.Posts).Content);
    }

    [Fact]
    public async Task Durations_are_written_in_the_mentor_s_language()
    {
        Assert.Equal("1 day 2 hours", MentorCommandHandler.Describe(TimeSpan.FromHours(26)));
        Assert.Equal("1 día 2 horas", MentorCommandHandler.Describe(TimeSpan.FromHours(26), "es"));
        Assert.Equal("3 Stunden 1 Minute", MentorCommandHandler.Describe(TimeSpan.FromMinutes(181), "de"));
        Assert.Equal("moins d'une minute", MentorCommandHandler.Describe(TimeSpan.FromSeconds(10), "fr"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_fallback_handler_explains_itself_in_the_question_s_language()
    {
        var handler = new HelpCommandHandler();
        var german = await handler.HandleAsync(new CommandRequest(ControlsHarness.Bot, 1, "a@example.org", "A", "hilfe", true, 1), default);
        Assert.StartsWith("Ich bin die KI-Vertretung", german.Content);
        var english = await handler.HandleAsync(new CommandRequest(ControlsHarness.Bot, 1, "a@example.org", "A", "what?", true, 2), default);
        Assert.Equal(HelpCommandHandler.HelpText, english.Content);
    }

    [Theory]
    [InlineData("ayuda", CommandKind.Help, "es")]
    [InlineData("Hilfe!", CommandKind.Help, "de")]
    [InlineData("statut", CommandKind.Status, "fr")]
    [InlineData("estado", CommandKind.Status, null)]
    [InlineData("humano", CommandKind.Human, null)]
    [InlineData("humain", CommandKind.Human, "fr")]
    [InlineData("persona Soy profesora de física", CommandKind.PersonaSet, null)]
    [InlineData("idioma", CommandKind.Language, null)]
    [InlineData("sprache en", CommandKind.Language, "de")]
    public void Localised_command_words_parse_without_taking_others(string text, CommandKind kind, string? hint)
    {
        var parsed = CommandParser.Parse(text);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(hint, parsed.LanguageHint);
    }

    [Fact]
    public void A_parser_problem_is_written_in_any_language_with_its_values()
    {
        var parsed = CommandParser.Parse("quiet 22-7 Mars/Olympus");
        Assert.Equal(CommandKind.Invalid, parsed.Kind);
        Assert.Equal("I don't know the time zone `Mars/Olympus`; use a name like `Europe/Lisbon` or `America/Sao_Paulo`.", parsed.Problem);
        Assert.Equal("Die Zeitzone `Mars/Olympus` kenne ich nicht; nimm einen Namen wie `Europe/Berlin` oder `Europe/Vienna`.", parsed.ProblemIn("de"));
    }
}
