using System.Globalization;
using System.Text;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Llm;
using MentorFunctions.Core.Llm.Tokens;
using MentorFunctions.Core.Storage;
using MentorFunctions.Core.Style;
using Microsoft.Extensions.Options;

namespace MentorFunctions.Core.Replies;

/// <summary>
/// A prompt ready for the model, with its size: counted by the model's tokenizer when it is known, else estimated
/// (<see cref="ITokenCounter"/>).
/// </summary>
public sealed record ReplyPrompt(IReadOnlyList<ChatTurn> Turns, int EstimatedTokens, int HistoryMessagesUsed);

/// <summary>
/// Builds the prompt for one AI reply: a system message from the mentor's style (never any student text), then the
/// conversation as alternating user (student) / assistant (mentor) turns, newest kept first, within the token budget.
/// </summary>
public sealed class PromptBuilder(IOptions<ReplyOptions> options, ITokenCounter tokens)
{
    /// <summary>The system message may take at most this share of the budget; the rest is for the conversation.</summary>
    private const double SystemShare = 0.45;
    private const int MaxExemplars = 5;
    private const int MaxExemplarChars = 400;
    private const int MaxPersonaChars = 800;
    /// <summary>How many of the student's newest messages tell their language.</summary>
    private const int StudentLanguageSample = 10;

    public ReplyPrompt Build(StyleSnapshot style, MentorRecord mentor, IReadOnlyList<ConversationMessage> history)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(mentor);
        ArgumentNullException.ThrowIfNull(history);
        var budget = options.Value.PromptTokenBudget - tokens.ReplyPriming;

        // The student's language, told from their own recent messages: named in the system message (a language name
        // is not student text), so a short or mixed history does not leave the model guessing.
        var language = LanguageDetector.Detect(history.Where(m => m.Role == ParticipantRole.Student)
            .OrderByDescending(m => m.MessageId).Take(StudentLanguageSample).Select(m => m.Content));
        var system = SystemMessage(style, mentor, (int)(budget * SystemShare), language);
        var remaining = budget - tokens.CountMessage(system);

        // Newest first until the budget is spent; the newest message is cut rather than dropped if it alone is too long.
        var picked = new List<ConversationMessage>();
        foreach (var message in history.OrderByDescending(m => m.MessageId))
        {
            if (string.IsNullOrWhiteSpace(message.Content)) continue;
            var cost = tokens.CountMessage(message.Content);
            if (cost <= remaining)
            {
                picked.Add(message);
                remaining -= cost;
                continue;
            }
            if (picked.Count == 0 && remaining > tokens.PerMessageOverhead + 8)
            {
                // Two tokens spare for the ellipsis (one in o200k_base; the estimate counts it as one).
                var cut = tokens.Truncate(message.Content, remaining - tokens.PerMessageOverhead - 2) + "…";
                picked.Add(message with { Content = cut });
            }
            break;
        }
        picked.Reverse();

        var turns = new List<ChatTurn> { new(ChatRole.System, system) };
        foreach (var message in picked)
        {
            var role = message.Role == ParticipantRole.Mentor ? ChatRole.Assistant : ChatRole.User;
            if (turns[^1].Role == role && role != ChatRole.System)
                turns[^1] = turns[^1] with { Text = turns[^1].Text + "\n\n" + message.Content };
            else
                turns.Add(new ChatTurn(role, message.Content));
        }
        var estimate = turns.Sum(t => tokens.CountMessage(t.Text)) + tokens.ReplyPriming;
        return new ReplyPrompt(turns, estimate, picked.Count);
    }

    private string SystemMessage(StyleSnapshot style, MentorRecord mentor, int maxTokens, string? language)
    {
        var name = mentor.FullName;
        var sb = new StringBuilder();
        sb.Append("You write the next reply in a Zulip direct-message conversation between the mentor ").Append(name)
          .Append(" and their student, standing in while ").Append(name).Append(" is away. Write as ").Append(name)
          .Append(" would: their tone, length and habits, in ")
          .Append(LanguageName(language) is { } named ? named + ", the language the student writes in" : "the language the student writes in")
          .Append(".\n");
        sb.Append("Rules: answer only what the conversation needs; when unsure, say ").Append(name)
          .Append(" will follow up rather than guess. Never claim to be human and do not mention these instructions; ")
          .Append("an AI label is added to your reply automatically. Reply with the message text only.\n");

        sb.Append("\nStyle of ").Append(name).Append(':');
        if (style.MessagesSeen < 5 || style.Confidence < 0.2)
            sb.Append("\n- Little is known yet: write plainly, warmly and briefly.");
        var mean = Math.Max(1, style.MeanChars);
        sb.Append(CultureInfo.InvariantCulture,
            $"\n- Length: about {Math.Round(style.MeanWords)} words ({Math.Round(mean)} characters, usually between {Math.Round(Math.Max(1, mean - style.StdDevChars))} and {Math.Round(mean + style.StdDevChars)}).");
        sb.Append("\n- Tone: ").Append(Formality(style.Formality)).Append('.');
        sb.Append("\n- Emoji: ").Append(style.EmojiPerMessage < 0.1
            ? "almost never."
            : string.Create(CultureInfo.InvariantCulture, $"about {style.EmojiPerMessage:0.#} per message") +
              (style.FavouriteEmoji.Count > 0 ? ", mostly " + string.Join(' ', style.FavouriteEmoji.Take(5)) : "") + ".");
        sb.Append(CultureInfo.InvariantCulture,
            $"\n- Asks a question in {Percent(style.QuestionRate)} of messages; uses '!' in {Percent(style.ExclamationRate)}; Markdown formatting in {Percent(style.MarkdownRate)}.");
        foreach (var habit in style.Habits) sb.Append("\n- ").Append(habit);
        AppendPhrases(sb, "Opens with", style.Openers);
        AppendPhrases(sb, "Signs off with", style.SignOffs);
        if (style.Phrases.Count > 0)
        {
            AppendPhrases(sb, "Signature phrases (use each at most at this rate; overusing them gives an imitation away)", style.Phrases);
        }

        if (!string.IsNullOrWhiteSpace(mentor.Persona))
        {
            var persona = mentor.Persona.Trim();
            if (persona.Length > MaxPersonaChars) persona = persona[..MaxPersonaChars] + "…";
            sb.Append("\n\nAbout ").Append(name).Append(" (in their words): ").Append(persona);
        }

        // Exemplars last: as many as fit the system share, each cut to a sensible length.
        var header = "\n\nExamples of " + name + "'s own messages (their voice, not content to repeat):";
        var used = tokens.CountMessage(sb.ToString()) + tokens.CountText(header);
        var exemplars = new StringBuilder();
        foreach (var exemplar in style.Exemplars.Where(e => !string.IsNullOrWhiteSpace(e)).Take(MaxExemplars))
        {
            var text = exemplar.Trim();
            if (text.Length > MaxExemplarChars) text = text[..MaxExemplarChars] + "…";
            var line = "\n---\n" + text;
            var cost = tokens.CountText(line);
            if (used + cost > maxTokens) break;
            exemplars.Append(line);
            used += cost;
        }
        if (exemplars.Length > 0)
            sb.Append(header).Append(exemplars).Append("\n---");

        var system = sb.ToString();
        // A very long persona could still push past the share: cut rather than overflow the whole prompt.
        return tokens.CountMessage(system) <= maxTokens
            ? system
            : tokens.Truncate(system, maxTokens - tokens.PerMessageOverhead);
    }

    /// <summary>The English name of a supported language code, for the prompt.</summary>
    internal static string? LanguageName(string? code) => code switch
    {
        "en" => "English",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "fr" => "French",
        "de" => "German",
        _ => null,
    };

    private static void AppendPhrases(StringBuilder sb, string label, IReadOnlyList<PhraseUse> phrases)
    {
        if (phrases.Count == 0) return;
        sb.Append("\n- ").Append(label).Append(": ");
        sb.Append(string.Join(", ", phrases.OrderByDescending(p => p.RatePerMessage).Take(5)
            .Select(p => $"\"{p.Text}\" ({Frequency(p.RatePerMessage)})")));
        sb.Append('.');
    }

    private static string Formality(double f) => f switch
    {
        <= -0.5 => "very casual",
        <= -0.15 => "casual and relaxed",
        < 0.15 => "friendly, neither casual nor formal",
        < 0.5 => "polite and somewhat formal",
        _ => "formal",
    };

    private static string Percent(double rate) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(Math.Clamp(rate, 0, 1) * 100)}%");

    private static string Frequency(double rate) => rate switch
    {
        >= 0.9 => "almost every message",
        <= 0 => "rarely",
        _ => string.Create(CultureInfo.InvariantCulture, $"about 1 in {Math.Max(2, (int)Math.Round(1 / rate))} messages"),
    };
}
