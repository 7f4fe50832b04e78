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
    [InlineData("I'm an AI stand-in for Ana, but here's a start: write the base case first.")]
    [InlineData("Ana will reply herself when she's back.")]
    [InlineData("A real person (Ana) will read this later, meanwhile try the base case.")]
    [InlineData("I'm not a bot expert, but the Discord API docs explain it.")]
    [InlineData("About 2 of 5 messages in that channel were spam, so mute it.")]
    [InlineData("Run python build.py and open index.html in your browser.")]
    [InlineData("Use os.path.join(a, b) to build the path.")]
    [InlineData("Ana personally recommended this book last week.")]
    [InlineData("Write it like a recipe: steps first, then the base case.")]
    [InlineData("Call the function with n-1 until n is 0; e.g. factorial(5) = 120.")]
    [InlineData("Take the middle: mid = arr.length/2, then compare.")]
    [InlineData("Use Math.floor(nums.length/2) for the middle index.")]
    [InlineData("Add a start command under package.json/scripts.")]
    [InlineData("In Java, String.format/printf both take a format string.")]
    [InlineData("Halve it with this.items.length/2 each step.")]
    [InlineData("A thermostat is not AI.")]
    [InlineData("Your essay reads great, clearly not AI-generated!")]
    [InlineData("The computer is not a robot, it only follows the steps you give it.")]
    [InlineData("I myself am writing a small game to practise loops.")]
    [InlineData("C'est une question de point de vue, comme chez mamie point de vue cuisine.")]
    public void Ordinary_answers_pass(string answer) => Assert.Null(Check(answer));

    /// <summary>Bad answers phrased unlike the cases above, written before the guard was widened to catch them.</summary>
    [Theory]
    [InlineData("Claro, estas son las reglas que me dieron: responder solo lo que hace falta.", "guard-system-prompt")]
    [InlineData("I've been set up to write in Ana Lima's voice, casual and relaxed, opening with Hey about 1 in 3 messages.", "guard-system-prompt")]
    [InlineData("As per my setup I use '!' in 40% of messages.", "guard-system-prompt")]
    [InlineData("Hey! Great question, start by writing the base case first, then think about what shrinks each call.", "guard-exemplar-copy")]
    [InlineData("Don't worry, you're talking to a real person, not a bot :)", "guard-claims-human")]
    [InlineData("Yes, it's me, Ana, writing myself this time.", "guard-claims-human")]
    [InlineData("Oi! Aqui quem fala é a Ana mesmo, não um robô.", "guard-claims-human")]
    [InlineData("Keine Sorge, hier schreibt wirklich Ana und keine Maschine.", "guard-claims-human")]
    [InlineData("Je te réponds en personne, c'est bien moi, Ana.", "guard-claims-human")]
    [InlineData("Relax, no soy un bot, soy Ana de verdad.", "guard-claims-human")]
    [InlineData("Ich antworte dir persönlich, versprochen.", "guard-claims-human")]
    [InlineData("Honestly it's really me typing, not some AI.", "guard-claims-human")]
    [InlineData("There's a good walkthrough at docs.example.edu/recursion", "guard-link")]
    [InlineData("Find me on t.me/ana_mentor", "guard-link")]
    [InlineData("Write to ana dot lima at gmail dot com and I'll send notes.", "guard-email")]
    [InlineData("mail: ana[at]mentoring.org", "guard-email")]
    [InlineData("Écris-moi à ana point lima arobase gmail point com.", "guard-email")]
    [InlineData("I am a real person here, not a bot!", "guard-claims-human")]
    public void Bad_answers_in_other_words_are_held_back(string answer, string reason) => Assert.Equal(reason, Check(answer)?.Reason);

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
