using System.Text.Json;
using MentorFunctions.Core.Commands;
using MentorFunctions.Tests.Intake;

namespace MentorFunctions.Tests.Languages;

/// <summary>A command that fails is answered, not a 5xx, in the language the command is written in.</summary>
public sealed class CommandFailureLanguageTests
{
    [Theory]
    [InlineData("hilfe", "Entschuldige, das konnte ich gerade nicht erledigen. Bitte versuch es gleich noch einmal.")]
    [InlineData("¿puedo hablar con mi mentora, por favor?", "Lo siento, ahora mismo no he podido hacerlo. Inténtalo de nuevo en un momento.")]
    [InlineData("status", "Sorry, I could not handle that just now. Please try again in a moment.")]
    public async Task The_failure_notice_follows_the_command_s_language(string text, string expected)
    {
        var intake = IntakeTestData.CreateIntake(new UnreachableRegistry(),
            new RecordingCommandHandler(_ => throw new InvalidOperationException("storage down")));
        var payload = IntakeTestData.Node("direct-message.json");
        payload["data"] = text;
        payload["message"]!["content"] = text;

        var outcome = await intake.HandleAsync(IntakeTestData.ToBytes(payload), "application/json", CancellationToken.None);

        Assert.Equal(200, outcome.StatusCode);
        using var body = JsonDocument.Parse(outcome.ResponseJson);
        Assert.Equal(expected, body.RootElement.GetProperty("content").GetString());
    }
}
