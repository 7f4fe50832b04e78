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
    [InlineData("How do I join two tables?")]
    [InlineData("The human body has 206 bones, right?")]
    [InlineData("Are you around tomorrow?")]
    [InlineData("I read about robot arms in the lab")]
    [InlineData("Ana said the deadline is Friday")]
    [InlineData("")]
    public void Leaves_ordinary_questions_alone(string text) =>
        Assert.False(HumanRequestDetector.IsHumanRequest(text, "Ana Lima"));
}
