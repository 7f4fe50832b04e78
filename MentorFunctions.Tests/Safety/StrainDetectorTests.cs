using MentorFunctions.Core.Safety;

namespace MentorFunctions.Tests.Safety;

public sealed class StrainDetectorTests
{
    [Theory]
    [InlineData("I'm really stressed out about finals")]
    [InlineData("honestly so frustrated, nothing works")]
    [InlineData("Estoy harta y agobiada")]
    [InlineData("Tô de saco cheio, não aguento mais essa matéria")]
    [InlineData("J'en peux plus de ce projet")]
    [InlineData("Ich bin völlig überfordert")]
    public void Stress_and_frustration_are_recognised(string text) => Assert.True(StrainDetector.IsStrained(text), text);

    [Theory]
    [InlineData("Thanks, that makes sense!")]
    [InlineData("¿Puedes revisar mi código?")]
    [InlineData("Obrigado pela ajuda")]
    [InlineData("Merci beaucoup")]
    [InlineData("Danke für die Hilfe")]
    [InlineData("")]
    public void Neutral_messages_are_not_strained(string text) => Assert.False(StrainDetector.IsStrained(text), text);
}
