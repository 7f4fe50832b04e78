using System.Text;

namespace MentorFunctions.Tests.Style;

/// <summary>Seeded, varied chat messages: a large invented vocabulary plus common phrases, emoji, questions and Markdown.</summary>
internal sealed class MessageSynth
{
    public static IReadOnlyList<string> CommonPhrases => Common;

    private static readonly string[] Common =
    [
        "great question", "let me know", "does that make sense", "you can", "try this", "the loop", "in your code",
        "good job", "I think", "for example", "hope this helps", "nice work", "have a look", "at the docs",
    ];
    private static readonly string[] Emoji = ["👍", "😀", ":tada:", "🙂", "👨‍💻", "🇫🇷", ":thumbs_up:"];
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ten", "ru", "sa", "vel", "dor", "pi", "ne", "qua", "zi", "tor", "ab", "el"];

    private readonly Random _random;
    private readonly string[] _words;
    private readonly StringBuilder _builder = new(512);

    public MessageSynth(int seed, int vocabulary = 20_000)
    {
        _random = new Random(seed);
        _words = new string[vocabulary];
        for (var i = 0; i < vocabulary; i++)
        {
            var parts = _random.Next(1, 4);
            var w = new StringBuilder();
            for (var p = 0; p < parts; p++) w.Append(Syllables[_random.Next(Syllables.Length)]);
            w.Append(i % 97); // distinct words
            _words[i] = w.ToString();
        }
    }

    /// <summary>About <paramref name="targetChars"/> characters.</summary>
    public string Next(int targetChars = 200)
    {
        var b = _builder.Clear();
        if (_random.Next(4) == 0) b.Append(_random.Next(2) == 0 ? "Hi there, " : "hey ");
        while (b.Length < targetChars)
        {
            var roll = _random.Next(100);
            if (roll < 12) b.Append(Common[_random.Next(Common.Length)]);
            else if (roll < 15) b.Append(Emoji[_random.Next(Emoji.Length)]);
            else if (roll < 16) b.Append("`code()`");
            else
            {
                // Zipf-ish word choice: frequent words far more often than rare ones.
                var k = (int)Math.Min(_words.Length - 1, Math.Floor(Math.Pow(_words.Length, _random.NextDouble())) - 1);
                b.Append(_words[Math.Max(0, k)]);
            }
            b.Append(_random.Next(10) switch { 0 => ". ", 1 => "? ", 2 => ", ", 3 => "! ", _ => " " });
        }
        if (_random.Next(3) == 0) b.Append("Cheers!");
        return b.ToString();
    }
}
