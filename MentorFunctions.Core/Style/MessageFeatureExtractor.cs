using System.Buffers;
using System.Text;

namespace MentorFunctions.Core.Style;

/// <summary>
/// Takes the style features of one message in a single pass over its characters: no regular expressions and no
/// strings made, so it runs at hundreds of thousands of messages a second. Tokens worth counting go to the sink.
/// </summary>
public static class MessageFeatureExtractor
{
    /// <summary>Features only (no tokens).</summary>
    public static MessageFeatures Extract(ReadOnlySpan<char> content, StyleLexicon? lexicon = null)
    {
        var none = new NoTokens();
        return Extract(content, ref none, lexicon);
    }

    public static MessageFeatures Extract<TSink>(ReadOnlySpan<char> content, ref TSink sink, StyleLexicon? lexicon = null)
        where TSink : IMessageTokenSink
    {
        var scanner = new Scanner<TSink>(content, ref sink, lexicon ?? StyleLexicon.English);
        scanner.Run();
        return scanner.Features;
    }

    private struct NoTokens : IMessageTokenSink
    {
        public void Phrase(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) { }
        public void Opener(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) { }
        public void Closer(ulong hash, ReadOnlySpan<char> source, ReadOnlySpan<WordRef> words) { }
        public void Emoji(ulong hash, ReadOnlySpan<char> emoji) { }
        public void Word(ulong hash, ReadOnlySpan<char> word) { }
    }

    private ref struct Scanner<TSink> where TSink : IMessageTokenSink
    {
        private const int MaxGram = 4;
        private const int MaxCasualFromEmoji = 3;
        private const int MaxCasualFromContractions = 3;

        private readonly ReadOnlySpan<char> _text;
        private readonly ref TSink _sink;
        private readonly StyleLexicon _lexicon;
        public MessageFeatures Features;

        // The current clause (phrase window): n-grams never cross punctuation, code, links or emoji.
        private WordRef _c0, _c1, _c2, _c3;
        private ulong _h0, _h1, _h2, _h3;
        private int _clauseWords;
        // The first clause, for the opener; the last words, for the closer.
        private WordRef _o0, _o1, _o2;
        private int _openerWords;
        private bool _firstClauseDone;
        private WordRef _l0, _l1, _l2, _l3;
        private int _sentenceWords;
        private int _lastSentenceWords;
        private int _emojiCasual;

        public Scanner(ReadOnlySpan<char> text, ref TSink sink, StyleLexicon lexicon)
        {
            _text = text;
            _sink = ref sink;
            _lexicon = lexicon;
        }

        public void Run()
        {
            var text = _text;
            var trimmed = text.Trim();
            var chars = trimmed.Length;
            foreach (var c in trimmed)
                if (char.IsLowSurrogate(c)) chars--;
            Features.Chars = chars;
            Features.Marks[(int)Mark.LineBreak] = trimmed.Count('\n');

            var inFence = false;
            var previousLineQuoted = false;
            var pos = 0;
            while (pos < text.Length)
            {
                var rest = text[pos..];
                var eol = rest.IndexOf('\n');
                var lineLength = eol < 0 ? rest.Length : eol;
                var line = rest[..lineLength];
                var lineStart = pos;
                pos += lineLength + 1;

                var indent = 0;
                while (indent < line.Length && (line[indent] == ' ' || line[indent] == '\t')) indent++;
                var body = line[indent..].TrimEnd('\r');
                lineStart += indent;

                if (body.StartsWith("```") || body.StartsWith("~~~"))
                {
                    EndSentence();
                    if (!inFence)
                    {
                        inFence = true;
                        var info = body[3..].Trim();
                        if (info.Equals("quote", StringComparison.OrdinalIgnoreCase) || info.Equals("spoiler", StringComparison.OrdinalIgnoreCase))
                            Features.Quotes++;
                        else
                            Features.CodeBlocks++;
                    }
                    else
                    {
                        inFence = false;
                    }
                    previousLineQuoted = false;
                    continue;
                }
                if (inFence) continue; // code or someone else's words

                if (body.Length > 0 && body[0] == '>')
                {
                    if (!previousLineQuoted) Features.Quotes++;
                    previousLineQuoted = true;
                    EndSentence();
                    continue;
                }
                previousLineQuoted = false;

                var marker = ListMarkerLength(body);
                if (marker > 0)
                {
                    Features.ListItems++;
                    body = body[marker..];
                    lineStart += marker;
                }
                ScanTypography(body);
                ScanInline(body, lineStart);
                EndSentence(); // a line break ends a sentence (list items, short chat lines)
            }
            EndSentence();
            Finish();
        }

        private static int ListMarkerLength(ReadOnlySpan<char> line)
        {
            if (line.Length >= 2 && (line[0] is '-' or '*' or '+' or '\u2022') && line[1] == ' ') return 2;
            var d = 0;
            while (d < line.Length && d < 3 && char.IsAsciiDigit(line[d])) d++;
            if (d > 0 && d + 1 < line.Length && (line[d] is '.' or ')') && line[d + 1] == ' ') return d + 2;
            return 0;
        }

        private void ScanInline(ReadOnlySpan<char> line, int offset)
        {
            var i = 0;
            while (i < line.Length)
            {
                var c = line[i];
                if (char.IsLetterOrDigit(c))
                {
                    var j = i + 1;
                    var apostrophe = false;
                    while (j < line.Length)
                    {
                        var d = line[j];
                        if (char.IsLetterOrDigit(d)) { j++; continue; }
                        if ((d is '.' or ',') && char.IsAsciiDigit(line[j - 1]) && j + 1 < line.Length && char.IsAsciiDigit(line[j + 1]))
                        {
                            j++; // "3.5", "1,000"
                            continue;
                        }
                        if ((d is '\'' or '\u2019' or '-') && j + 1 < line.Length && char.IsLetter(line[j + 1]))
                        {
                            if (d != '-') apostrophe = true;
                            j++;
                            continue;
                        }
                        break;
                    }
                    var word = line[i..j];
                    if (j + 2 < line.Length && line[j] == ':' && line[j + 1] == '/' && line[j + 2] == '/'
                        && (word.Equals("http", StringComparison.OrdinalIgnoreCase) || word.Equals("https", StringComparison.OrdinalIgnoreCase)))
                    {
                        Features.Links++;
                        BreakClause();
                        while (j < line.Length && !char.IsWhiteSpace(line[j])) j++;
                        i = j;
                        continue;
                    }
                    if (j - i == 1 && char.IsAsciiDigit(c) && j < line.Length && line[j] is '\uFE0F' or '\u20E3')
                    {
                        i = UnicodeSymbol(line, i); // keycap digit
                        continue;
                    }
                    if (apostrophe) Features.Contractions++;
                    OnWord(offset + i, j - i);
                    i = j;
                    continue;
                }
                if (c is ' ' or '\t') { i++; continue; }
                switch (c)
                {
                    case '`':
                        i = CodeSpan(line, i);
                        continue;
                    case ':':
                        if (TryEmojiCode(line, i, out var end)) { i = end; continue; }
                        BreakClause();
                        i++;
                        continue;
                    case ']':
                        if (i + 1 < line.Length && line[i + 1] == '(')
                        {
                            var close = line[(i + 2)..].IndexOf(')');
                            if (close >= 0)
                            {
                                Features.Links++;
                                BreakClause();
                                i += close + 3;
                                continue;
                            }
                        }
                        BreakClause();
                        i++;
                        continue;
                    case '?' or '!':
                    {
                        var j = i;
                        int q = 0, e = 0;
                        while (j < line.Length && line[j] is '?' or '!')
                        {
                            if (line[j] == '?') q++; else e++;
                            j++;
                        }
                        if (q > 0) Features.Questions++;
                        if (e > 0) Features.Exclamations++;
                        if (e >= 2 || (e > 0 && q > 0)) Features.CasualMarkers++; // "!!", "?!"
                        EndSentence();
                        i = j;
                        continue;
                    }
                    case '.' or '\u2026':
                        // "3.5" and "e.g" continue; a full stop before a space or the end of the line ends a sentence.
                        if (c == '.' && i + 1 < line.Length && char.IsLetterOrDigit(line[i + 1])) BreakClause();
                        else EndSentence();
                        i++;
                        continue;
                }
                if (c < 0x80 && c != '#' && c != '*')
                {
                    BreakClause();
                    i++;
                    continue;
                }
                i = UnicodeSymbol(line, i);
            }
        }

        private int CodeSpan(ReadOnlySpan<char> line, int i)
        {
            var run = 1;
            while (i + run < line.Length && line[i + run] == '`') run++;
            var from = i + run;
            while (from < line.Length)
            {
                var next = line[from..].IndexOf('`');
                if (next < 0) break;
                var at = from + next;
                var closeRun = 1;
                while (at + closeRun < line.Length && line[at + closeRun] == '`') closeRun++;
                if (closeRun == run)
                {
                    Features.CodeSpans++;
                    BreakClause();
                    return at + closeRun;
                }
                from = at + closeRun;
            }
            BreakClause();
            return i + run; // an unmatched backtick is just a character
        }

        private bool TryEmojiCode(ReadOnlySpan<char> line, int i, out int end)
        {
            var length = EmojiCodeLength(line, i);
            end = i + length;
            if (length == 0) return false;
            var code = line[i..end];
            Features.Emoji++;
            Features.EmojiCodes++;
            if (_emojiCasual < MaxCasualFromEmoji) { _emojiCasual++; Features.CasualMarkers++; }
            BreakClause();
            _sink.Emoji(TextHash.Raw(code), code);
            return true;
        }

        private int UnicodeSymbol(ReadOnlySpan<char> line, int i)
        {
            if (Rune.DecodeFromUtf16(line[i..], out var rune, out var used) != OperationStatus.Done)
            {
                BreakClause();
                return i + 1;
            }
            var j = i + used;
            var isEmoji = IsEmojiBase(rune.Value) || (j < line.Length && line[j] == '\uFE0F' && rune.Value >= 0xA9);
            if (rune.Value is '#' or '*' || char.IsAsciiDigit((char)Math.Min(rune.Value, 0xFFFF)))
            {
                // keycap: [0-9#*] FE0F? 20E3
                var k = j;
                if (k < line.Length && line[k] == '\uFE0F') k++;
                isEmoji = k < line.Length && line[k] == '\u20E3';
            }
            if (!isEmoji)
            {
                BreakClause();
                return j;
            }
            var regionalIndicator = rune.Value is >= 0x1F1E6 and <= 0x1F1FF;
            while (j < line.Length)
            {
                if (Rune.DecodeFromUtf16(line[j..], out var next, out var n) != OperationStatus.Done) break;
                var v = next.Value;
                if (v is 0xFE0F or 0xFE0E or 0x20E3 || v is >= 0x1F3FB and <= 0x1F3FF || v is >= 0xE0020 and <= 0xE007F)
                {
                    j += n;
                    continue;
                }
                if (regionalIndicator && v is >= 0x1F1E6 and <= 0x1F1FF)
                {
                    j += n; // the second half of a flag
                    regionalIndicator = false;
                    continue;
                }
                if (v == 0x200D && j + n < line.Length
                    && Rune.DecodeFromUtf16(line[(j + n)..], out var joined, out var m) == OperationStatus.Done
                    && (IsEmojiBase(joined.Value) || joined.Value is 0x2640 or 0x2642 or 0x2695 or 0x2696 or 0x2708 or 0x2764))
                {
                    j += n + m;
                    continue;
                }
                break;
            }
            var emoji = line[i..j];
            Features.Emoji++;
            if (_emojiCasual < MaxCasualFromEmoji) { _emojiCasual++; Features.CasualMarkers++; }
            BreakClause();
            _sink.Emoji(TextHash.Raw(emoji), emoji);
            return j;
        }

        private static bool IsEmojiBase(int v) =>
            v is >= 0x1F000 and <= 0x1FAFF
            || v is >= 0x2600 and <= 0x27BF
            || v is >= 0x2300 and <= 0x23FF and not (>= 0x2308 and <= 0x230B)
            || v is 0x2B50 or 0x2B55 or 0x2B1B or 0x2B1C or 0x2B05 or 0x2B06 or 0x2B07 or 0x3030 or 0x303D or 0x3297 or 0x3299;

        private void OnWord(int start, int length)
        {
            var word = _text.Slice(start, length);
            var ordinal = ++Features.Words;
            var refWord = new WordRef(start, length);
            if (ordinal == 1) Features.StartsLowerCase = char.IsLower(word[0]);
            CountWordHabits(word);

            var hash = TextHash.Word(word);
            _sink.Word(hash, word);
            Register(TextHash.Sequence([hash]));
            // Shift the clause window and emit the n-grams that end at this word.
            if (_clauseWords >= MaxGram)
            {
                _c0 = _c1; _c1 = _c2; _c2 = _c3;
                _h0 = _h1; _h1 = _h2; _h2 = _h3;
                _c3 = refWord; _h3 = hash;
            }
            else
            {
                switch (_clauseWords)
                {
                    case 0: _c0 = refWord; _h0 = hash; break;
                    case 1: _c1 = refWord; _h1 = hash; break;
                    case 2: _c2 = refWord; _h2 = hash; break;
                    default: _c3 = refWord; _h3 = hash; break;
                }
            }
            _clauseWords++;
            var inWindow = Math.Min(_clauseWords, MaxGram);
            if (inWindow >= 2)
            {
                Span<WordRef> refs = [_c0, _c1, _c2, _c3];
                Span<ulong> hashes = [_h0, _h1, _h2, _h3];
                for (var n = 2; n <= inWindow; n++)
                {
                    var from = inWindow - n;
                    var gram = TextHash.Sequence(hashes.Slice(from, n));
                    if (n == 2) Register(gram); // "thank you", "no worries"
                    _sink.Phrase(gram, _text, refs.Slice(from, n));
                }
            }

            if (!_firstClauseDone && _openerWords < 4)
            {
                switch (_openerWords)
                {
                    case 0: _o0 = refWord; break;
                    case 1: _o1 = refWord; break;
                    case 2: _o2 = refWord; break;
                }
                _openerWords++;
            }
            _l0 = _l1; _l1 = _l2; _l2 = _l3; _l3 = refWord;
            _sentenceWords++;
        }

        private void CountWordHabits(ReadOnlySpan<char> word)
        {
            ref var marks = ref Features.Marks;
            Features.WordLengths[LengthBins.Bin(LengthBins.WordLower, word.Length)]++;
            var first = word[0];
            if (_sentenceWords == 0 && char.IsLetter(first))
            {
                marks[(int)Mark.SentenceStart]++;
                if (char.IsLower(first)) marks[(int)Mark.LowerSentenceStart]++;
            }
            // The pronoun: "i", "I", and its contractions ("i'm", "I’ll").
            if ((first is 'i' or 'I') && (word.Length == 1 || word[1] is '\'' or '\u2019'))
                marks[first == 'i' ? (int)Mark.LowerI : (int)Mark.UpperI]++;
            if (word.Length >= 2)
            {
                var letters = 0;
                foreach (var c in word)
                {
                    if (!char.IsLetter(c)) continue;
                    if (!char.IsUpper(c)) return;
                    letters++;
                }
                if (letters >= 2) marks[(int)Mark.AllCapsWord]++;
            }
        }

        /// <summary>Punctuation and typography of one line of the author's own text; code spans, links and emoji codes are skipped.</summary>
        private void ScanTypography(ReadOnlySpan<char> line)
        {
            ref var marks = ref Features.Marks;
            var i = 0;
            while (i < line.Length)
            {
                var c = line[i];
                if (c == '`')
                {
                    var close = line[(i + 1)..].IndexOf('`');
                    i = close < 0 ? i + 1 : i + close + 2;
                    continue;
                }
                if (c is 'h' or 'H' && line[i..].StartsWith("http", StringComparison.OrdinalIgnoreCase) && line[i..Math.Min(line.Length, i + 8)].Contains("://", StringComparison.Ordinal))
                {
                    while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
                    continue;
                }
                var smiley = c is ':' or ';' or '=' or '^' or '<' or 'x' or 'X' ? SmileyLength(line, i) : 0;
                if (smiley > 0)
                {
                    marks[(int)Mark.AsciiSmiley]++;
                    Features.TextChars += smiley;
                    i += smiley;
                    continue;
                }
                if (!char.IsLowSurrogate(c)) Features.TextChars++;
                switch (c)
                {
                    case ',': marks[(int)Mark.Comma]++; break;
                    case ';': marks[(int)Mark.Semicolon]++; break;
                    case ':':
                        if (EmojiCodeLength(line, i) is > 0 and var code)
                        {
                            Features.TextChars += code - 1;
                            i += code;
                            continue;
                        }
                        if (i + 1 == line.Length || char.IsWhiteSpace(line[i + 1])) marks[(int)Mark.Colon]++;
                        break;
                    case '\u2014' or '\u2013': marks[(int)Mark.Dash]++; break;
                    case '-':
                        if (i + 1 < line.Length && line[i + 1] == '-')
                        {
                            marks[(int)Mark.Dash]++;
                            while (i + 1 < line.Length && line[i + 1] == '-') { i++; Features.TextChars++; }
                        }
                        else if (i > 0 && line[i - 1] == ' ' && (i + 1 == line.Length || line[i + 1] == ' '))
                        {
                            marks[(int)Mark.Dash]++;
                        }
                        break;
                    case '(': marks[(int)Mark.Parenthesis]++; break;
                    case '\u2026': marks[(int)Mark.Ellipsis]++; break;
                    case '.':
                    {
                        var run = 1;
                        while (i + run < line.Length && line[i + run] == '.') run++;
                        if (run >= 3) marks[(int)Mark.Ellipsis]++;
                        Features.TextChars += run - 1;
                        i += run;
                        continue;
                    }
                    case '!': marks[(int)Mark.ExclamationMark]++; break;
                    case '?': marks[(int)Mark.QuestionMark]++; break;
                    case '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB': marks[(int)Mark.QuoteMark]++; break;
                    case '\u263A' or '\u2639': marks[(int)Mark.FaceEmoji]++; break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < line.Length && IsFace(char.ConvertToUtf32(c, line[i + 1])))
                            marks[(int)Mark.FaceEmoji]++;
                        break;
                }
                i++;
            }
        }

        private static bool IsFace(int v) => v is >= 0x1F600 and <= 0x1F64F or >= 0x1F910 and <= 0x1F92F or >= 0x1F970 and <= 0x1F97A or 0x1F9D0;

        /// <summary>The length of an ASCII smiley starting at <paramref name="i"/>, or 0.</summary>
        internal static int SmileyLength(ReadOnlySpan<char> line, int i)
        {
            var rest = line[i..];
            int n;
            if (rest.StartsWith("^^") || rest.StartsWith("^_^") || rest.StartsWith("^.^")) n = rest[1] == '^' ? 2 : 3;
            else if (rest.StartsWith("<3")) n = 2;
            else if ((rest.StartsWith("xD") || rest.StartsWith("XD")) && (i == 0 || !char.IsLetterOrDigit(line[i - 1]))) n = 2;
            else if (rest.Length >= 2 && rest[0] is ':' or ';' or '=')
            {
                var m = 1;
                if (rest.Length >= 3 && rest[1] is '-' or '\'' or '^' or 'o' && IsMouth(rest[2])) m = 2;
                if (!IsMouth(rest[m])) return 0;
                n = m + 1;
                // ":D" but not ":Default"; ":3" but not "10:30"; ":/" but not "http://".
                if (rest[m] is 'D' or 'P' or 'p' or 'O' or 'S' or '3' && n < rest.Length && char.IsLetterOrDigit(rest[n])) return 0;
                if (rest[m] == '/' && n < rest.Length && rest[n] == '/') return 0;
                if (rest[0] == '=' && i > 0 && line[i - 1] != ' ') return 0; // "a=(b)"
            }
            else return 0;
            // A run of mouths (":)))") is one smiley.
            while (n < rest.Length && rest[n] == rest[n - 1] && rest[n] is ')' or '(' or 'D') n++;
            return n;
        }

        private static bool IsMouth(char c) => c is ')' or '(' or 'D' or 'P' or 'p' or 'O' or '3' or '/' or '\\' or '|' or ']' or '[' or '*' or 'S';

        private static int EmojiCodeLength(ReadOnlySpan<char> line, int i)
        {
            if (i > 0 && char.IsLetterOrDigit(line[i - 1])) return 0;
            var j = i + 1;
            var letter = false;
            while (j < line.Length && j - i <= 50)
            {
                var c = line[j];
                if (c is >= 'a' and <= 'z') { letter = true; j++; continue; }
                if (char.IsAsciiDigit(c) || c is '_' or '+' or '-') { j++; continue; }
                break;
            }
            return letter && j < line.Length && line[j] == ':' ? j + 1 - i : 0;
        }

        private void Register(ulong sequenceHash)
        {
            var register = _lexicon.Register(sequenceHash);
            if (register > 0) Features.FormalMarkers++;
            else if (register < 0) Features.CasualMarkers++;
        }

        private void BreakClause()
        {
            _clauseWords = 0;
            if (Features.Words > 0) _firstClauseDone = true;
        }

        private void EndSentence()
        {
            if (_sentenceWords > 0)
            {
                Features.SentenceLengths[LengthBins.Bin(LengthBins.SentenceLower, _sentenceWords)]++;
                Features.Sentences++;
                _lastSentenceWords = _sentenceWords;
                _sentenceWords = 0;
            }
            BreakClause();
        }

        private void Finish()
        {
            ref var f = ref Features;
            if (f.StartsLowerCase) f.CasualMarkers++;
            f.CasualMarkers += Math.Min(f.Contractions, MaxCasualFromContractions);
            if (f.Words == 0) return;

            Span<WordRef> opener = [_o0, _o1, _o2];
            var openerLength = _openerWords <= 3 ? _openerWords : 1; // a short first clause ("Hi Sam,"), else the first word
            opener = opener[..openerLength];
            Span<WordRef> firstTwo = [_o0, _o1];
            f.HasGreeting = _lexicon.IsGreeting(SequenceHash(firstTwo[..1]))
                            || (_openerWords >= 2 && _lexicon.IsGreeting(SequenceHash(firstTwo)));
            _sink.Opener(SequenceHash(opener), _text, opener);

            if (f.Sentences >= 2 && _lastSentenceWords is >= 1 and <= 4)
            {
                Span<WordRef> last = [_l0, _l1, _l2, _l3];
                var closer = last[(4 - _lastSentenceWords)..];
                var closerHash = SequenceHash(closer);
                f.HasSignOff = _lexicon.IsSignOff(SequenceHash(closer[..1]))
                               || (closer.Length >= 2 && _lexicon.IsSignOff(SequenceHash(closer[..2])))
                               || _lexicon.IsSignOff(closerHash);
                _sink.Closer(closerHash, _text, closer);
            }
        }

        private readonly ulong SequenceHash(ReadOnlySpan<WordRef> words)
        {
            Span<ulong> hashes = stackalloc ulong[4];
            for (var i = 0; i < words.Length; i++)
                hashes[i] = TextHash.Word(_text.Slice(words[i].Start, words[i].Length));
            return TextHash.Sequence(hashes[..words.Length]);
        }
    }
}
