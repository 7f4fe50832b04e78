using System.ComponentModel.DataAnnotations;
using MentorFunctions.Core.Languages;
using MentorFunctions.Core.Languages.Texts;
using MentorFunctions.Core.Zulip;

namespace MentorFunctions.Core.Replies;

/// <summary>How AI replies are written, labelled and limited (configuration section "Replies").</summary>
public sealed class ReplyOptions
{
    public const string Section = "Replies";

    /// <summary>The shipped disclosure line (English); left as is, each student gets it in their own language.</summary>
    public static readonly string DefaultDisclosureTemplate = DisclosureTexts.AiReply.Template(Language.Default);

    /// <summary>
    /// The disclosure line put first in every AI reply. "{mentor}" becomes the mentor's full name. It must stay clear:
    /// students are never to mistake the stand-in for the mentor. Left at <see cref="DefaultDisclosureTemplate"/>, the
    /// line is written in the student's language (<see cref="DisclosureTexts.AiReply"/>); a custom template is used as
    /// is, for every student, unless <see cref="DisclosureTemplates"/> has one for the student's language.
    /// </summary>
    [Required]
    public string DisclosureTemplate { get; set; } = DefaultDisclosureTemplate;

    /// <summary>Per-language disclosure templates ("Replies:DisclosureTemplates:es"), which win over the others for that language.</summary>
    public Dictionary<string, string> DisclosureTemplates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The disclosure template for a student writing in <paramref name="language"/>.</summary>
    public string DisclosureTemplateFor(string? language)
    {
        if (language is not null && DisclosureTemplates.TryGetValue(language, out var own) && !string.IsNullOrWhiteSpace(own))
            return own;
        return DisclosureTemplate == DefaultDisclosureTemplate ? DisclosureTexts.AiReply.Template(language) : DisclosureTemplate;
    }

    /// <summary>Every disclosure line an earlier reply for this mentor may carry (in any language), longest first.</summary>
    public IReadOnlyList<string> DisclosuresOf(string mentorName) =>
        Language.Supported.Select(DisclosureTemplateFor).Append(DisclosureTemplate).Concat(DisclosureTemplates.Values)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => ReplyComposer.Disclosure(t, mentorName))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(d => d.Length)
            .ToList();

    /// <summary>Keep the reply text in the audit trail (off by default: the audit is about outcomes, not content).</summary>
    public bool AuditIncludeContent { get; set; }

    [Range(1, 1000)]
    public int MaxRepliesPerStudentPerHour { get; set; } = 6;

    [Range(1, 100000)]
    public int MaxRepliesPerMentorPerDay { get; set; } = 50;

    /// <summary>Tokens (prompt + completion) all AI replies of one bot (organisation) may use per UTC day.</summary>
    [Range(1, long.MaxValue)]
    public long DailyTokenBudget { get; set; } = 500_000;

    /// <summary>The most tokens a whole prompt (system message and history) may take, counted by the model's tokenizer (Llm:Tokenizer).</summary>
    [Range(200, 100_000)]
    public int PromptTokenBudget { get; set; } = 2000;

    /// <summary>How many recent messages of the conversation to read from Zulip for the prompt and the checks.</summary>
    [Range(1, ZulipLimits.MaxMessagesPerFetch)]
    public int HistoryMessages { get; set; } = 100;

    /// <summary>The longest model answer the output guard lets through, in characters (a longer one is withheld, not cut).</summary>
    [Range(50, ZulipLimits.DefaultMaxMessageLength)]
    public int MaxReplyChars { get; set; } = 2000;

    /// <summary>The organisation's <c>max_message_length</c>; a reply is cut to fit, disclosure included.</summary>
    [Range(100, ZulipLimits.DefaultMaxMessageLength)]
    public int MaxMessageLength { get; set; } = ZulipLimits.DefaultMaxMessageLength;
}
