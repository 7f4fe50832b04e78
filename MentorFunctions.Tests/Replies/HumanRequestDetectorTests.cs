using MentorFunctions.Core.Replies;

namespace MentorFunctions.Tests.Replies;

public sealed class HumanRequestDetectorTests
{
    [Theory]
    [InlineData("can I talk to Ana herself?")]
    [InlineData("Are you a bot?")]
    [InlineData("r u a real person")]
    [InlineData("I want a real person to look at this")]
    [InlineData("human please")]
    [InlineData("Is this AI?")]
    [InlineData("is this really Ana?")]
    [InlineData("I'd like to speak to a human")]
    [InlineData("no bot please, I need Ana directly")]
    [InlineData("ARE YOU HUMAN")]
    public void Recognises_a_request_for_the_real_mentor(string text) =>
        Assert.True(HumanRequestDetector.IsHumanRequest(text, "Ana Lima"));

    [Theory]
    [InlineData("¿Eres un bot?")]
    [InlineData("quiero hablar con una persona real")]
    [InlineData("¿Puedo hablar con Ana en persona?")]
    [InlineData("Você é um robô?")]
    [InlineData("quero falar com uma pessoa de verdade")]
    [InlineData("Quero falar com a Ana pessoalmente")]
    [InlineData("Tu es un bot ?")]
    [InlineData("Je veux parler à Ana en personne")]
    [InlineData("Est-ce que je parle à un humain ?")]
    [InlineData("Bist du ein Mensch?")]
    [InlineData("Ich möchte mit Ana persönlich sprechen")]
    [InlineData("Kein Bot bitte")]
    public void Recognises_a_request_for_the_real_mentor_in_other_languages(string text) =>
        Assert.True(HumanRequestDetector.IsHumanRequest(text, "Ana Lima"), text);

    [Theory]
    [InlineData("¿Cómo uno dos tablas?")]
    [InlineData("Ana dijo que la entrega es el viernes")]
    [InlineData("Como faço um loop em Python?")]
    [InlineData("Merci pour ton aide, c'est clair")]
    [InlineData("Der Mensch hat 206 Knochen")]
    [InlineData("Wie funktioniert das?")]
    public void Leaves_ordinary_questions_alone_in_other_languages(string text) =>
        Assert.False(HumanRequestDetector.IsHumanRequest(text, "Ana Lima"), text);

    [Theory]
    [InlineData("How do I join two tables?")]
    [InlineData("The human body has 206 bones, right?")]
    [InlineData("Are you around tomorrow?")]
    [InlineData("I read about robot arms in the lab")]
    [InlineData("Ana said the deadline is Friday")]
    [InlineData("")]
    public void Leaves_ordinary_questions_alone(string text) =>
        Assert.False(HumanRequestDetector.IsHumanRequest(text, "Ana Lima"));
}
