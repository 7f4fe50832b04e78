using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;

namespace MentorFunctions.Tests.Languages;

/// <summary>The whole app (MentorApp: configuration, Azurite, loopback Zulip and model) choosing the reader's language.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LanguagesEndToEndTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Sam = new(201, "sam@mentoring.example.com", "Sam Park");
    private static readonly MentorApp.User Kim = new(202, "kim@mentoring.example.com", "Kim Ode");

    // Written for this test: how a German-speaking mentor chats with a student.
    private static readonly string[] GermanMentor =
    [
        "Hallo Sam, schön, dass du dich meldest! Ich schaue mir deinen Code heute Abend an und schreibe dir dann, was mir auffällt.",
        "Das ist schon ein guter Anfang. Bei der Schleife würde ich aber noch einmal genau schauen, wann sie aufhört, da ist ein kleiner Fehler drin.",
        "Wenn du magst, können wir am Donnerstag kurz telefonieren. Ich habe ab vier Uhr Zeit, sag mir einfach Bescheid, ob dir das passt.",
        "Keine Sorge, das geht allen am Anfang so. Nimm dir die Aufgabe noch einmal Schritt für Schritt vor und schreib mir, wo du hängen bleibst.",
        "Sehr gut gemacht! Die Tests laufen jetzt alle durch. Als Nächstes kannst du dir die zweite Übung vornehmen, die ist etwas schwerer.",
        "Ich bin diese Woche viel unterwegs, aber ich lese deine Nachrichten. Wenn es dringend ist, schreib einfach hier, dann melde ich mich.",
        "Die Fehlermeldung sagt, dass die Datei nicht gefunden wird. Prüf mal, ob der Pfad stimmt und ob du im richtigen Ordner bist.",
        "Das hast du gut erklärt, so verstehe ich genau, was du meinst. Ich würde die Funktion aber in zwei kleinere Teile aufteilen.",
        "Danke für deine Geduld! Ich habe mir alles angeschaut und dir ein paar Kommentare direkt in den Code geschrieben.",
        "Für das Projekt würde ich mit einer ganz einfachen Version anfangen und sie dann Stück für Stück besser machen. Das ist meistens leichter.",
        "Ja, das kannst du so machen. Denk nur daran, die Eingaben zu prüfen, bevor du damit rechnest, sonst stürzt das Programm ab.",
        "Super, dass du drangeblieben bist! Ich freue mich schon darauf, am Freitag dein fertiges Projekt zu sehen. Bis dann!",
    ];

    [Fact]
    public async Task A_Spanish_writing_student_gets_the_Spanish_label_and_Spanish_help()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        await app.PairAsync(Ana, Sam);

        await app.GroupMessageAsync(Sam, Ana, "Hola Ana, no entiendo el ejercicio de recursión, ¿me puedes ayudar?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));

        var post = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
        Assert.StartsWith("🤖 *Respuesta de IA al estilo de Ana Lima — Ana Lima te escribirá después.*\n\n", post.Content);
        Assert.Empty(app.Zulip.ValidationErrors);
        Assert.StartsWith("Soy un sustituto de IA para los mentores", MentorApp.ContentOf(await app.DirectMessageAsync(Sam, "ayuda")));
        // A bare `status` tells no language: Sam's messages in the conversation with Ana do.
        Assert.Equal($"No estás registrado como mentor. Tu mentor: @_**Ana Lima|{Ana.Id}**.", MentorApp.ContentOf(await app.DirectMessageAsync(Sam, "status")));

        // The mentor chooses Spanish: `status` is Spanish, the lines about pending replies and limits included.
        Assert.StartsWith("A partir de ahora te escribo en español.", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "idioma es")));
        await app.GroupMessageAsync(Sam, Ana, "Gracias, pero estoy muy estresado, nada funciona y no sé qué hacer");
        await app.Host.AdvanceAsync(TimeSpan.FromSeconds(5));
        var status = MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status"));
        Assert.StartsWith("**Modo:** `auto`\n**Pausa:** sin pausa\n**Estudiantes:** 1\n", status);
        Assert.Contains("**Idioma:** español (tu ajuste; `language auto` sigue tu forma de escribir)", status);
        Assert.Contains("**Respuestas de IA pendientes:** Sam Park (en unos ", status);
        Assert.Contains(", parece estresado). Responde tú al estudiante y me retiro.", status);
        Assert.Contains("**Límites:** 1 de 50 respuestas de IA por ti hoy (UTC)", status);
        Assert.Empty(app.Zulip.ValidationErrors);
    }

    [Fact]
    public async Task A_mentor_who_writes_German_is_asked_and_answered_in_German_until_they_choose_otherwise()
    {
        await using var app = new MentorApp(azurite, Monday10);
        await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
        await app.PairAsync(Ana, Sam);
        app.Zulip.Users[Kim.Id] = new LoopbackUser(Kim.Email, Kim.FullName, IsBot: false);
        foreach (var message in GermanMentor)
        {
            await app.GroupMessageAsync(Ana, Sam, message);
            await app.Host.AdvanceAsync(TimeSpan.FromMinutes(10));
        }
        var learned = await app.Get<IStyleProfileReader>().ReadMentorAsync(MentorApp.Bot, Ana.Id);
        Assert.Contains(StyleHabits.WritesIn("German"), learned.Habits);

        // A new student: the consent question is in German.
        await app.GroupMessageAsync(Kim, Ana, "Hi Ana, can you help me with my project?");
        var question = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id)).Content;
        Assert.StartsWith("**Kim Ode** hat dir in einer Gruppen-DM mit mir geschrieben.", question);
        Assert.Contains($"`accept {Kim.Id}`", question);
        Assert.StartsWith("Erledigt: Kim Ode ist dein Mentee.", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, $"accept {Kim.Id}")));

        // Commands too; a student asking for her in person makes a German notice.
        Assert.StartsWith("Wenn ein Mentee auf dich wartet", MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "help")));
        await app.GroupMessageAsync(Sam, Ana, "Can I talk to Ana herself, please?");
        await app.Host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.StartsWith("🙋 @_**Sam Park|201** möchte persönlich mit dir sprechen", app.Zulip.BotMessagesTo(Ana.Id)[^1].Content);

        // Her own choice wins over what was learned.
        await app.DirectMessageAsync(Ana, "language en");
        var status = MentorApp.ContentOf(await app.DirectMessageAsync(Ana, "status"));
        Assert.StartsWith("**Mode:** `auto`", status);
        Assert.Contains("**Language:** English (your setting; `language auto` follows your writing)", status);
        Assert.Empty(app.Zulip.ValidationErrors);
    }
}
