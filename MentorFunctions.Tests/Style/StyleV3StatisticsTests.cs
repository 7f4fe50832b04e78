using System.Text.RegularExpressions;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;

namespace MentorFunctions.Tests.Style;

/// <summary>
/// Every version-3 statistic, learned one message at a time, against a batch recomputation written independently of
/// the extractor (regular expressions over the whole set), and through the stored form.
/// </summary>
public sealed partial class StyleV3StatisticsTests
{
    private static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // Plain chat lines (no code, quotes or links), so the batch side can treat the whole text as the author's own.
    private static readonly string[] Corpus =
    [
        "i think the loop is fine, but the test fails; can you check?",
        "Yes! That is exactly it :) I would merge it now.",
        "Hmm... not sure - maybe the path is wrong (again).",
        "Das ist gut, aber ich habe noch eine Frage: wie geht das?",
        "Eu acho que você tem razão, obrigado!",
        "Je pense que c'est bien — merci beaucoup.",
        "El código está bien, pero falta una prueba.",
        "OK so THIS is the problem: the config is \"empty\".\nTry again ;-)",
        "lol yeah i'm on it 😀",
        "Great work!!! You're getting there, keep going.",
    ];

    private static StyleProfile Learn(IEnumerable<string> messages)
    {
        var p = new StyleProfile();
        foreach (var m in messages) StyleLearner.Learn(m, Monday9, p);
        return p;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’-]\p{L}+)*")]
    private static partial Regex Words();

    [Fact]
    public void Function_word_counts_and_word_totals_match_a_batch_count()
    {
        var messages = Enumerable.Range(0, 300).Select(i => Corpus[i % Corpus.Length]).ToArray();
        var p = Learn(messages);
        var words = messages.SelectMany(m => Words().Matches(m).Select(x => x.Value.ToLowerInvariant().Replace('’', '\''))).ToList();
        Assert.Equal(words.Count, p.TotalWords);
        var expected = new long[FunctionWords.Count];
        var table = FunctionWords.Words.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i);
        foreach (var w in words)
            if (table.TryGetValue(w, out var i)) expected[i]++;
        Assert.Equal(expected, p.FunctionWordCounts);
        Assert.True(p.FunctionWordCounts[FunctionWords.IndexOf("ich")] > 0);
        Assert.True(p.FunctionWordCounts[FunctionWords.IndexOf("você")] > 0);
        Assert.True(p.FunctionWordCounts[FunctionWords.IndexOf("c'est")] > 0);
    }

    [Fact]
    public void Typography_counts_match_a_batch_count()
    {
        var messages = Enumerable.Range(0, 200).Select(i => Corpus[i % Corpus.Length]).ToArray();
        var p = Learn(messages);
        long Count(string pattern) => messages.Sum(m => (long)Regex.Matches(m, pattern).Count);
        Assert.Equal(Count(","), p.Marks[(int)Mark.Comma]);
        Assert.Equal(Count(";(?!-\\))"), p.Marks[(int)Mark.Semicolon]); // the ";-)" is a smiley
        Assert.Equal(Count(":(?=\\s|$)"), p.Marks[(int)Mark.Colon]);
        Assert.Equal(Count("—|–| - "), p.Marks[(int)Mark.Dash]);
        Assert.Equal(Count("\\("), p.Marks[(int)Mark.Parenthesis]);
        Assert.Equal(Count("\\.{3,}|…"), p.Marks[(int)Mark.Ellipsis]);
        Assert.Equal(Count("!"), p.Marks[(int)Mark.ExclamationMark]);
        Assert.Equal(Count("\\?"), p.Marks[(int)Mark.QuestionMark]);
        Assert.Equal(Count("[\"“”„«»]"), p.Marks[(int)Mark.QuoteMark]);
        Assert.Equal(Count(":\\)|;-\\)"), p.Marks[(int)Mark.AsciiSmiley]);
        Assert.Equal(Count("😀"), p.Marks[(int)Mark.FaceEmoji]);
        Assert.Equal(Count("\\bi\\b(?!['’]\\p{L}{2,})|\\bi['’](?=m\\b|ll\\b|ve\\b|d\\b)"), p.Marks[(int)Mark.LowerI]);
        Assert.Equal(Count("\\bI\\b"), p.Marks[(int)Mark.UpperI]);
        Assert.Equal(Count("\\b\\p{Lu}{2,}\\b"), p.Marks[(int)Mark.AllCapsWord]);
        Assert.Equal(Count("\n"), p.Marks[(int)Mark.LineBreak]);
        Assert.Equal(messages.Sum(m => (long)m.Trim().Replace("\n", "").EnumerateRunes().Count()), p.TextChars); // line breaks are counted as marks
    }

    [Fact]
    public void Length_histograms_match_a_batch_recomputation()
    {
        var messages = Enumerable.Range(0, 200).Select(i => Corpus[i % Corpus.Length]).ToArray();
        var p = Learn(messages);
        var wordLengths = new long[LengthBins.WordBins];
        var sentenceLengths = new long[LengthBins.SentenceBins];
        var messageLengths = new long[LengthBins.MessageBins];
        foreach (var m in messages)
        {
            var words = Words().Matches(m).ToList();
            foreach (var w in words) wordLengths[LengthBins.Bin(LengthBins.WordLower, w.Length)]++;
            messageLengths[LengthBins.Bin(LengthBins.MessageLower, words.Count)]++;
            // Sentences end at . ! ? … or a line break (":" ";" "," do not end them).
            foreach (var sentence in Regex.Split(m, "(?<!\\d)[.!?…]+(?=\\s|$)|\\n|[.!?]+$"))
            {
                var n = Words().Matches(sentence).Count;
                if (n > 0) sentenceLengths[LengthBins.Bin(LengthBins.SentenceLower, n)]++;
            }
        }
        Assert.Equal(wordLengths, p.WordLengths);
        Assert.Equal(messageLengths, p.MessageLengths);
        Assert.Equal(sentenceLengths, p.SentenceLengths);
        Assert.Equal(p.Sentences.Mean * p.Messages, p.SentenceLengths.Sum(), 6);
    }

    [Fact]
    public void The_exemplar_centroid_is_the_batch_mean_and_spread_of_every_message()
    {
        var random = new Random(4);
        var messages = Enumerable.Range(0, 500).Select(_ => Corpus[random.Next(Corpus.Length)]).ToArray();
        var p = Learn(messages);
        var vectors = messages.Select(m =>
        {
            var v = new float[ExemplarSelection.Axes];
            ExemplarSelection.Vector(MessageFeatureExtractor.Extract(m), v);
            return v;
        }).ToArray();
        for (var a = 0; a < ExemplarSelection.Axes; a++)
        {
            var mean = vectors.Average(v => (double)v[a]);
            var variance = vectors.Average(v => (v[a] - mean) * (v[a] - mean));
            Assert.Equal(messages.Length, p.ExemplarAxes[a].Count);
            Assert.Equal(mean, p.ExemplarAxes[a].Mean, 9);
            Assert.Equal(variance, p.ExemplarAxes[a].Variance, 9);
        }
    }

    [Fact]
    public void Exemplars_are_typical_and_unlike_each_other()
    {
        var p = new StyleProfile();
        var random = new Random(9);
        string[] typical =
        [
            "sure, that looks right to me now", "yes the loop is fine as it is", "try the second version, it is cleaner",
            "good, now run the tests again", "hmm ok, what does the error say?", "nice, push it and ping me",
            "yeah that works, merge it", "ok so the path was wrong, fixed", "can you paste the whole trace?", "cool, thanks for checking",
        ];
        const string outlier = "DEAR STUDENT!!! PLEASE READ THE ENTIRE MANUAL!!! THIS IS VERY IMPORTANT!!! YOU MUST!!!";
        for (var i = 0; i < 600; i++)
            StyleLearner.Learn(i % 50 == 25 ? outlier : typical[random.Next(typical.Length)] + (random.Next(3) == 0 ? " :)" : ""), Monday9, p);
        Assert.Equal(StyleProfile.MaxExemplars, p.Exemplars.Count);
        Assert.DoesNotContain(p.Exemplars, e => e.Text == outlier);
        Assert.Equal(p.Exemplars.Count, p.Exemplars.Select(e => e.Text).Distinct().Count());
        var centroid = p.Exemplars.Average(e => ExemplarSelection.DistanceToCentroid(e.Axes, p.ExemplarAxes));
        Assert.InRange(centroid, 0, ExemplarSelection.MaxTypicalDistance);
    }

    [Fact]
    public void Every_v3_statistic_survives_the_stored_form()
    {
        var p = Learn(Enumerable.Range(0, 400).Select(i => Corpus[i % Corpus.Length]));
        var bytes = ProfileCodec.Serialize(p);
        var (q, _, version) = ProfileCodec.Deserialize(bytes);
        Assert.Equal(ProfileFormat.CurrentVersion, version);
        Assert.Equal(p.TotalWords, q.TotalWords);
        Assert.Equal(p.TextChars, q.TextChars);
        Assert.Equal(p.FunctionWordCounts, q.FunctionWordCounts);
        Assert.Equal(p.Marks, q.Marks);
        Assert.Equal(p.WordLengths, q.WordLengths);
        Assert.Equal(p.SentenceLengths, q.SentenceLengths);
        Assert.Equal(p.MessageLengths, q.MessageLengths);
        Assert.Equal(p.ExemplarAxes, q.ExemplarAxes);
        Assert.Equal(p.Exemplars.Select(e => (e.Text, string.Join(",", e.Axes))), q.Exemplars.Select(e => (e.Text, string.Join(",", e.Axes))));
        Assert.Equal(StyleVector.From(p), StyleVector.From(q));
        Assert.Equal(bytes, ProfileCodec.Serialize(q));
    }

    [Theory]
    [InlineData("nice :) ok", 1)]
    [InlineData("great :-) and :D, also ;) <3 ^^ xD", 6)]
    [InlineData("at 10:30 see http://example.org/a:b", 0)]
    [InlineData(":Default and :smile: codes", 0)]
    [InlineData("yay :)))", 1)]
    public void Ascii_smileys_are_counted_once_each(string text, int expected)
    {
        Assert.Equal(expected, MessageFeatureExtractor.Extract(text).Marks[(int)Mark.AsciiSmiley]);
    }

    [Fact]
    public void Quoted_text_and_code_add_no_typography()
    {
        var f = MessageFeatureExtractor.Extract("> quoted, text; here!\n```\ncode(a, b);\n```\nmine, `x(y)` only");
        Assert.Equal(1, f.Marks[(int)Mark.Comma]);
        Assert.Equal(0, f.Marks[(int)Mark.Semicolon]);
        Assert.Equal(0, f.Marks[(int)Mark.Parenthesis]);
        Assert.Equal(0, f.Marks[(int)Mark.ExclamationMark]);
    }
}
