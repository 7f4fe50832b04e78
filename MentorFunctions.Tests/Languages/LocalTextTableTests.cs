using System.Reflection;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;

namespace MentorFunctions.Tests.Languages;

/// <summary>Every text the bot writes itself exists in every supported language, with the same placeholders.</summary>
public sealed class LocalTextTableTests
{
    /// <summary>Every LocalText in Core, found by reflection so a new one cannot be left out of the table.</summary>
    public static TheoryData<string> AllTexts()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Texts())
            data.Add(name);
        return data;
    }

    private static IEnumerable<(string Name, LocalText Text)> Texts() =>
        typeof(LocalText).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(LocalText))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (LocalText)f.GetValue(null)!));

    private static LocalText Find(string name) => Texts().Single(t => t.Name == name).Text;

    [Fact]
    public void The_table_holds_the_texts_of_every_concept()
    {
        var owners = Texts().Select(t => t.Name.Split('.')[0]).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            nameof(ReplyNoticeTexts), nameof(DisclosureTexts), nameof(SafeguardingTexts), nameof(CommandTexts), nameof(HelpTexts),
            nameof(ConsentTexts), nameof(DraftTexts), nameof(ReplyStatusTexts), nameof(StyleTexts),
        }, owners);
        Assert.True(Texts().Count() >= 120, $"only {Texts().Count()} texts found");
    }

    [Theory]
    [MemberData(nameof(AllTexts))]
    public void Each_text_is_written_in_every_language_with_the_same_placeholders(string name)
    {
        var text = Find(name);
        var english = text.Template("en");
        var expected = LocalText.PlaceholdersOf(english);
        foreach (var language in Language.Supported)
        {
            var template = text.Template(language);
            Assert.False(string.IsNullOrWhiteSpace(template), $"{name} is empty in {language}");
            Assert.Equal(expected, LocalText.PlaceholdersOf(template));
            // The command words in backticks stay English (translated arguments aside): users type them back.
            Assert.Equal(Backticked(english), Backticked(template));
            // A text left in English by mistake shows as identical; a label or unit of a word or two may rightly be the same.
            if (language != "en" && Words(english) > 2)
                Assert.NotEqual(english, template);
        }
    }

    [Theory]
    [MemberData(nameof(AllTexts))]
    public void Filling_every_placeholder_leaves_none_behind(string name)
    {
        var text = Find(name);
        var args = LocalText.PlaceholdersOf(text.Template("en")).Select(p => (p, (object?)$"<{p}>")).ToArray();
        foreach (var language in Language.Supported)
        {
            var filled = text.Format(language, args);
            Assert.Empty(LocalText.PlaceholdersOf(filled));
            foreach (var (p, _) in args)
                Assert.Contains($"<{p}>", filled);
        }
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_left_as_written_and_numbers_are_invariant()
    {
        var filled = ReplyNoticeTexts.Draft.Format("de", ("student", "{draft}"), ("marker", "(reply 1)"), ("draftId", 1234L), ("draft", "Hallo {student}"));
        Assert.StartsWith("📝 Entwurf 1234 für {draft} (reply 1)", filled);
        Assert.EndsWith("Hallo {student}", filled);
    }

    [Fact]
    public void An_unknown_language_gets_English() =>
        Assert.Equal(ReplyNoticeTexts.YourStudent.Template("en"), ReplyNoticeTexts.YourStudent.Template("nl"));

    [Theory]
    [InlineData("es", "es")]
    [InlineData("ES", "es")]
    [InlineData("pt-BR", "pt")]
    [InlineData("pt_PT", "pt")]
    [InlineData("Deutsch", "de")]
    [InlineData("français", "fr")]
    [InlineData("francais", "fr")]
    [InlineData("english", "en")]
    [InlineData("nl", null)]
    [InlineData("klingon", null)]
    [InlineData("", null)]
    public void Language_names_and_codes_are_understood(string text, string? expected) => Assert.Equal(expected, Language.Parse(text));

    // The first word in each pair of backticks, time zone examples (which differ by language) aside.
    private static List<string> Backticked(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "`([^`\\s]*)[^`]*`").Select(m => m.Groups[1].Value)
            .Where(w => !w.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private static int Words(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\{[a-zA-Z]+\}", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));
}
