using MentorFunctions.Tests.Commands;
using MentorFunctions.Tests.Fixtures;

namespace MentorFunctions.Tests.Languages;

/// <summary>The labels a student sees on a draft their mentor sent, in the language the student reads it in.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DraftLabelLanguageTests(AzuriteFixture azurite)
{
    private const long Ann = 11, Stu = 21;
    private const string Bot = ControlsHarness.Bot;

    private async Task<ControlsHarness> SetUpAsync(string hint)
    {
        var h = new ControlsHarness(azurite, hint);
        await h.AddMentorAsync(Ann, "Ann Lee");
        await h.PairAsync(Ann, Stu, "Stu Dent");
        return h;
    }

    [Fact]
    public async Task An_approved_Spanish_draft_is_labelled_in_Spanish()
    {
        var h = await SetUpAsync("labeles");
        await h.Drafts.SaveAsync(Bot, Ann, Stu, "Prueba primero con el ejercicio 2, es más fácil.", default);

        await h.SayAsync(Ann, "send");

        Assert.Equal("Prueba primero con el ejercicio 2, es más fácil.\n\n*🤖 Borrador de IA, aprobado por Ann Lee*", Assert.Single(h.Poster.Posts).Content);
    }

    [Fact]
    public async Task An_edit_is_labelled_in_the_language_it_is_written_in_or_else_the_draft_s()
    {
        var h = await SetUpAsync("labelde");
        await h.Drafts.SaveAsync(Bot, Ann, Stu, "Versuch es mal mit der zweiten Aufgabe, die ist einfacher.", default);
        await h.Drafts.SaveAsync(Bot, Ann, Stu, "Je pense que tu peux le faire, essaie encore.", default);

        await h.SayAsync(Ann, "edit 1 Ich schaue es mir heute Abend an!");
        await h.SayAsync(Ann, "edit 2 👍 OK");

        Assert.Equal(["Ich schaue es mir heute Abend an!\n\n*✍️ von Ann Lee*", "👍 OK\n\n*✍️ écrit par Ann Lee*"], h.Poster.Posts.Select(p => p.Content));
    }
}
