using MentorFunctions.Core.Replies;

namespace MentorFunctions.Tests.Replies;

public sealed class ReplyComposerTests
{
    private static readonly string Disclosure = ReplyComposer.Disclosure(new ReplyOptions().DisclosureTemplate, "Ana Lima");

    [Fact]
    public void Puts_the_disclosure_first_and_keeps_a_short_answer_whole()
    {
        var message = ReplyComposer.Compose("  Start with chapter 1.  ", Disclosure, 10_000);
        Assert.Equal(Disclosure + "\n\nStart with chapter 1.", message);
        Assert.Contains("AI reply in Ana Lima's style", Disclosure);
        Assert.Equal("Start with chapter 1.", ReplyComposer.StripDisclosure(message, Disclosure));
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(500)]
    public void Cuts_an_over_long_answer_at_a_word_to_fit_with_the_disclosure(int max)
    {
        var answer = string.Concat(Enumerable.Repeat("word 🙂 ", 5000));
        var message = ReplyComposer.Compose(answer, Disclosure, max);
        Assert.InRange(message.Length, max - max / 5, max);
        Assert.StartsWith(Disclosure, message);
        Assert.EndsWith("…", message);
        Assert.False(char.IsHighSurrogate(message[^2]));
    }
}
