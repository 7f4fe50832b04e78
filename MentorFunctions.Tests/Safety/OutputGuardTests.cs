using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Safety;

namespace MentorFunctions.Tests.Safety;

public sealed class OutputGuardTests
{
    private const string System = "You write the next reply in a Zulip direct-message conversation between the mentor Ana Lima and their student, " +
        "standing in while Ana Lima is away. Rules: answer only what the conversation needs; never claim to be human.\n" +
        "Style of Ana Lima:\n- Tone: casual and relaxed.\n- Opens with: \"Hey!\" (about 1 in 3 messages).\n" +
        "Examples of Ana Lima's own messages (their voice, not content to repeat):\n---\n" + Exemplar + "\n---";
    private const string Exemplar = "Hey! Great question, start by writing the base case first and then think about what shrinks each call.";

    private static readonly IReadOnlyList<ChatTurn> Prompt =
    [
        new(ChatRole.System, System),
        new(ChatRole.User, "how do I write a recursive function? my email is sam@example.com, docs at https://docs.python.org/3/"),
    ];

    private readonly OutputGuard _guard = new();

    private GuardViolation? Check(string answer, int max = 2000) => _guard.Check(answer, Prompt, [Exemplar], "Ana Lima", max);

    [Theory]
    [InlineData("Hey! Start with the base case, then make each call smaller 🙂")]
    [InlineData("Sure, send it to sam@example.com again and check https://docs.python.org/3/ for the details.")]
    [InlineData("Ana will follow up tomorrow with more examples.")]
    [InlineData("The exam is on 2026-03-14 at 10:30, room 4.")]
    [InlineData("¡Hola! Empieza por el caso base.")]
    public void Ordinary_answers_pass(string answer) => Assert.Null(Check(answer));

    [Theory]
    [InlineData("You write the next reply in a Zulip direct-message conversation between the mentor Ana Lima and their student", "guard-system-prompt")]
    [InlineData("My instructions say I should sound casual and relaxed.", "guard-system-prompt")]
    [InlineData("Mis instrucciones dicen que debo ser informal.", "guard-system-prompt")]
    [InlineData("Great question, start by writing the base case first and then think about what shrinks each call.", "guard-exemplar-copy")]
    [InlineData("I'm not an AI, I'm a real person.", "guard-claims-human")]
    [InlineData("Hi Sam, this is Ana here, writing myself.", "guard-claims-human")]
    [InlineData("No soy una IA, soy humana.", "guard-claims-human")]
    [InlineData("Je ne suis pas une IA.", "guard-claims-human")]
    [InlineData("Ich bin kein Bot.", "guard-claims-human")]
    [InlineData("Eu não sou um robô, sou uma pessoa real.", "guard-claims-human")]
    [InlineData("Check http://free-prizes.example.xyz/claim now", "guard-link")]
    [InlineData("Or visit totally-legit-help.com for answers", "guard-link")]
    [InlineData("Write to ana.private@gmail.com", "guard-email")]
    [InlineData("Call me on +44 7700 900123", "guard-phone")]
    [InlineData("Ruf mich an: 0171 234 5678", "guard-phone")]
    public void Bad_answers_are_held_back(string answer, string reason) => Assert.Equal(reason, Check(answer)?.Reason);

    [Fact]
    public void An_answer_over_the_limit_is_held_back()
    {
        Assert.Equal("guard-too-long", Check(new string('a', 2001))?.Reason);
        Assert.Null(Check(new string('a', 2000)));
    }

    [Fact]
    public void A_short_overlap_with_an_exemplar_is_fine()
    {
        // Seven words in common is ordinary phrasing; the guard flags eight or more.
        Assert.Null(Check("Remember: start by writing the base case first, always."));
    }
}
