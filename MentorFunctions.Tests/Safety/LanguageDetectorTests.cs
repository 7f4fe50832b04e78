using MentorFunctions.Core.Languages;

namespace MentorFunctions.Tests.Safety;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "I don't understand the exercise, can you help me with it?", "thanks, that makes sense")]
    [InlineData("es", "No entiendo el ejercicio, ¿me puedes ayudar?", "gracias, ya lo tengo")]
    [InlineData("pt", "Não entendi o exercício, você pode me ajudar?", "obrigada, agora entendi")]
    [InlineData("fr", "Je ne comprends pas l'exercice, tu peux m'aider ?", "merci, c'est plus clair")]
    [InlineData("de", "Ich verstehe die Aufgabe nicht, kannst du mir helfen?", "danke, jetzt ist es klar")]
    public void Tells_the_language_from_a_student_s_recent_messages(string expected, string first, string second) =>
        Assert.Equal(expected, LanguageDetector.Detect([first, second]));

    [Theory]
    [InlineData("ok")]
    [InlineData("👍")]
    [InlineData("")]
    public void Says_nothing_rather_than_guess_from_too_little(string text) => Assert.Null(LanguageDetector.Detect(text));

    [Fact]
    public void Spanish_and_Portuguese_are_told_apart()
    {
        Assert.DoesNotContain("pt", LanguageDetector.Plausible("No soy suicida, solo estoy cansado"));
        Assert.DoesNotContain("es", LanguageDetector.Plausible("Não sou suicida, só estou cansado"));
    }
}
