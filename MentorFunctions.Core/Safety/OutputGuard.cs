using System.Text.RegularExpressions;
using MentorFunctions.Core.Llm;

namespace MentorFunctions.Core.Safety;

/// <summary>Why the output guard held a reply back (a short machine word for the audit, and words for the mentor).</summary>
public sealed record GuardViolation(string Reason, string Description);

/// <summary>
/// Checks a model answer before anything is posted or drafted. It holds back an answer that
/// <list type="bullet">
/// <item>repeats the system message or its style instructions (an 8-word run in common, or talk of "my instructions");</item>
/// <item>reproduces one of the mentor's exemplar messages beyond a short overlap (an 8-word run);</item>
/// <item>claims to be human, or to be the mentor in person;</item>
/// <item>contains a link, email address or phone number that is not in the conversation;</item>
/// <item>is longer than the limit.</item>
/// </list>
/// Student text can try to steer the model ("ignore your instructions and..."); the guard judges only what came out.
/// </summary>
public sealed partial class OutputGuard
{
    /// <summary>Words in a run that count as copying: long enough that ordinary phrasing does not collide.</summary>
    public const int ShingleWords = 8;

    /// <param name="answer">The model's answer, before the AI label is added.</param>
    /// <param name="prompt">The turns the model was given: the system message first, then the conversation.</param>
    /// <param name="exemplars">The mentor's exemplar messages the system message carried.</param>
    /// <param name="mentorFullName">The mentor's name, to recognise "this is Ana" claims.</param>
    /// <param name="maxChars">The longest answer allowed.</param>
    public GuardViolation? Check(string answer, IReadOnlyList<ChatTurn> prompt, IReadOnlyList<string> exemplars, string mentorFullName, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(prompt);
        if (answer.Length > maxChars)
            return new("guard-too-long", "was longer than the length limit");

        var conversation = string.Join("\n", prompt.Where(t => t.Role != ChatRole.System).Select(t => t.Text));
        var conversationShingles = Shingles(conversation);
        var answerShingles = Shingles(answer);

        var system = prompt.FirstOrDefault(t => t.Role == ChatRole.System)?.Text ?? "";
        // The exemplars sit inside the system message; they are judged on their own below, the rest as instructions.
        var instructions = exemplars.Aggregate(system, (s, e) => string.IsNullOrWhiteSpace(e) ? s : s.Replace(e.Trim(), " ", StringComparison.Ordinal));
        var normalized = SafetyText.Normalize(answer);
        if (answerShingles.Overlaps(Shingles(instructions).Except(conversationShingles)) || InstructionTalk().IsMatch(normalized)
            || StyleStatistics().IsMatch(normalized) || ImitationTalk(normalized, mentorFullName))
            return new("guard-system-prompt", "repeated its instructions");

        foreach (var exemplar in exemplars)
        {
            if (answerShingles.Overlaps(Shingles(exemplar).Except(conversationShingles)))
                return new("guard-exemplar-copy", "copied one of your own messages word for word");
        }

        if (ClaimsHuman(answer, mentorFullName))
            return new("guard-claims-human", "claimed to be a person, or to be you in person");

        if (ForeignContact(answer, conversation) is { } kind)
            return new("guard-" + kind, kind == "link" ? "contained a link that is not in the conversation" : "contained contact details that are not in the conversation");
        return null;
    }

    /// <summary>Talk of writing in the mentor's voice or style: the instructions told in other words.</summary>
    private static bool ImitationTalk(string normalized, string mentorFullName)
    {
        var first = FirstName(mentorFullName);
        if (first is null)
            return false;
        var name = Regex.Escape(first);
        return Regex.IsMatch(normalized,
            $@"\b(write|writing|sound|sounding|talk|talking|reply|replying|answer|answering) (in|like) {name}('?s)?( \w+)? (voice|style|tone|way)\b|\b(imitat\w*|mimic\w*|impersonat\w*|copy(ing)?) {name}\b|\b(as|like) {name} would\b" +
            $@"|\b(escribir|escribo|sonar|hablar|responder) como {name}\b|\b(imit\w*) (a )?{name}\b|\b(escrever|escrevo|falar|responder) como (a |o )?{name}\b|\b(ecrire|j ecris|parler|repondre) comme {name}\b|\bwie {name} (zu )?(schreiben|klingen|antworten|reden)\b",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string? FirstName(string mentorFullName) =>
        SafetyText.Normalize(mentorFullName).Replace('\'', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    private static bool ClaimsHuman(string answer, string mentorFullName)
    {
        var text = SafetyText.Normalize(answer);
        if (HumanClaim().IsMatch(text) || MachineDenial().IsMatch(text) || InPerson().IsMatch(text))
            return true;
        var first = SafetyText.Normalize(mentorFullName).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(first))
            return false;
        var name = Regex.Escape(first);
        return Regex.IsMatch(text,
            $@"\b(this is|it is|it's|its|c'est|aqui|aqui e|aqui es|hier ist|soy|sou|je suis|ich bin) {name}( here| speaking| writing| in person| herself| himself| myself| personalmente| pessoalmente| en personne| persoenlich)?\b(?! (will|would|is|has|may|might|va|vai|wird))" +
            $@"|\b{name} (here|speaking|writing)\b|\bi am {name}\b|\bi'm {name}\b|\bim {name}\b|\b(really|actually|truly) me,? {name}\b|\bit's (really|actually) me\b|\bit is (really|actually) me\b" +
            // "it's me, Ana", "c'est bien moi, Ana", "soy yo, Ana", "aqui quem fala é a Ana", "hier schreibt wirklich Ana"
            $@"|\b(it's|it is|its) (really |actually |just )?me,? {name}\b|\bc'?\s?est (bien |vraiment )?moi,? {name}\b|\bsoy yo,? {name}\b|\bsou eu,? (a |o )?{name}\b|\bich bin'?s,? {name}\b|\bich bin es,? {name}\b" +
            $@"|\b(aqui|aca) (quien )?(habla|escribe|te escribe) {name}\b|\baqui (quem )?(fala|escreve) (e )?(a |o )?{name}\b|\bici c'?\s?est {name}\b|\bhier (schreibt|spricht|ist) (wirklich |echt |tatsaechlich )?{name}\b",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>"link", "email" or "phone" for the first such detail of the answer not found in the conversation.</summary>
    private static string? ForeignContact(string answer, string conversation)
    {
        var seen = conversation.ToLowerInvariant();
        foreach (Match m in Email().Matches(answer))
        {
            if (!seen.Contains(m.Value.ToLowerInvariant(), StringComparison.Ordinal))
                return "email";
        }
        // An address spelled out to slip past a filter: "ana dot lima at gmail dot com", "ana(at)example.org".
        foreach (Match m in SpelledEmail().Matches(answer))
        {
            if (!seen.Contains(m.Value.ToLowerInvariant(), StringComparison.Ordinal))
                return "email";
        }
        // An email's domain is not a link of its own.
        foreach (Match m in Url().Matches(Email().Replace(answer, " ")))
        {
            var url = m.Value.TrimEnd('.', ',', ')', ']', '!', '?', ';', ':', '>', '*').ToLowerInvariant();
            if (!seen.Contains(url, StringComparison.Ordinal))
                return "link";
        }
        var seenDigits = DigitRuns(conversation);
        foreach (Match m in Phone().Matches(answer))
        {
            if (DateLike().IsMatch(m.Value))
                continue;
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is >= 8 and <= 15 && !seenDigits.Contains(digits))
                return "phone";
        }
        return null;
    }

    private static HashSet<string> DigitRuns(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Phone().Matches(text))
            set.Add(new string(m.Value.Where(char.IsAsciiDigit).ToArray()));
        return set;
    }

    /// <summary>Every run of <see cref="ShingleWords"/> consecutive words (accent- and case-folded, punctuation dropped).</summary>
    internal static HashSet<string> Shingles(string text)
    {
        var words = Word().Matches(SafetyText.Normalize(text)).Select(m => m.Value).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + ShingleWords <= words.Length; i++)
            set.Add(string.Join(' ', words, i, ShingleWords));
        return set;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(system (prompt|message)|my (instructions|prompt|rules|guidelines)|i (was|have been|am) (told|instructed|programmed|set up|configured|designed|prompted) to|i've been (told|instructed|programmed|set up|configured|designed|prompted) to|(the )?rules (that )?(i was given|i've been given|i have been given|they gave me|i got)|las (reglas|instrucciones) que me (dieron|pusieron|han dado|pasaron)|me (configuraron|programaron) para|as (regras|instrucoes) que me (deram|passaram)|fui (configurad[oa]|programad[oa]) para|les (regles|consignes) qu'? ?on m'? ?a (donnees|fixees|imposees)|on m'? ?a (configure|programme) pour|die (regeln|anweisungen),? die (ich bekommen habe|man mir gegeben hat)|ich wurde (so )?(programmiert|eingestellt|konfiguriert)|(the|these|my) instructions (say|tell|are)|style instructions|signature phrases|prompt del sistema|mis instrucciones|me (indicaron|instruyeron)|minhas instrucoes|prompt do sistema|fui instruid[oa]|mes instructions|consignes (systeme|que j ai recues)|on m a demande de|meine anweisungen|systemprompt|systemnachricht|mir wurde gesagt)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InstructionTalk();

    [GeneratedRegex(@"\b(i am|i'm|im) not (an? )?(ai|bot|robot|chat ?bot|machine|language model|program)\b(?!\s+\p{L})|\b(i am|i'm|im) ((a )?(real |actual )?(human|person|human being)|human)\b|\bnot an ai\b(?!\s+\p{L})|\b(real|actual) (human|person) here\b|\bno (soy|es) (un[ao]? )?(ia|bot|robot|maquina|inteligencia artificial)\b|\bsoy (un[ao]? )?(humano|humana|persona real|ser humano)\b|\bnao sou (um[a]? )?(ia|bot|robo|maquina|inteligencia artificial)\b|\bsou (um[a]? )?(humano|humana|pessoa de verdade|pessoa real|ser humano)\b|\bje ne suis pas (un[e]? )?(ia|bot|robot|machine|intelligence artificielle)\b|\bje suis (un[e]? )?(humain|humaine|vraie personne|etre humain|personne reelle)\b|\bich bin (kein|keine) (ki|bot|roboter|maschine)\b|\bich bin (ein )?(mensch|echter mensch|echte person)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HumanClaim();

    /// <summary>The style block's figures told back: "about 1 in 3 messages", "in 40% of my messages".</summary>
    // The prompt's own forms ("about 1 in 3 messages", "in 40% of messages"), so "2 of 5 messages were spam" passes.
    [GeneratedRegex(@"\b(about|around|roughly|approximately|aproximadamente|cerca de|unos|mais ou menos|uns|environ|a peu pres|etwa|ungefaehr|ca) 1 (in|of|de cada|em cada|sur|von) \d+ (of (my|her|his|their) )?(messages|replies|mensajes|mensagens|nachrichten)\b|\b(in|en el|em|dans|in) \d+ ?% (of |de |das |des |der )?(my |her |his |their |mis |sus |meus |seus |minhas |suas |mes |ses |meiner |ihrer |seiner )?(messages|replies|mensajes|mensagens|nachrichten)\b|\b(signature phrases|frases (de firma|caracteristicas)|phrases (signature|fetiches)|signature ?phrasen)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StyleStatistics();

    /// <summary>Saying it is not a machine, in any phrasing: "a real person, not a bot", "não um robô", "keine Maschine".</summary>
    // In English the denial needs a first person or "this is / you're" before it, so "a thermostat is not AI" passes.
    // The machine word ends the phrase ("not a bot :)", "keine Maschine, versprochen"), so "not a bot expert" passes.
    [GeneratedRegex(@"(\b(i|i'm|im|i am|me|myself|this is|you're|youre|you are)\b[^.!?;\n]{0,40}?\b(not|isn't|is not|am not|aren't|are not) (an? |some )?(ai|bot|robot|chat ?bot|machine|language model)|\bno (soy|es|eres|un|una) (un[ao]? )?(ia|bot|robot|maquina|inteligencia artificial)|\bnao (sou|e|um|uma) (um[a]? )?(ia|bot|robo|maquina|inteligencia artificial)|\b(pas|non|ni) (un[e]? )(ia|bot|robot|machine|intelligence artificielle)|\b(kein|keine|keinen) (ki|bot|roboter|maschine|chatbot))\b(?=\s*($|[^\w\s-]|(and|but|or|y|o|e|ou|et|und|oder|pero|mas|mais|aber|sondern|i|yo|eu|je|ich|soy|sou|just|only|promise|versprochen|prometo|promis)\b))" +
        @"|\b(talking|chatting|speaking|writing) (to|with) (a )?(real|actual) (person|human|human being)\b|\b(hablando|hablas|escribiendo|escribes) con (una )?persona (real|de verdad)\b|\b(falando|fala|conversando|conversa) com (uma )?pessoa (real|de verdade)\b|\b(parles|parlez|ecris|ecrivez) (a|avec) (une )?(vraie personne|personne reelle|humain|etre humain)\b|\b(schreibst|redest|sprichst|chattest) mit (einem |einer )?(echten |richtigen )?(menschen|person)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MachineDenial();

    /// <summary>Saying the mentor writes in person: "I'm writing to you myself", "je te réponds en personne".</summary>
    [GeneratedRegex(@"\b(i am|i'm|im) (writing|replying|answering|texting)( to you| back)? (myself|personally|in person)\b|\b(i|me) personally (am )?(writing|replying|answering)\b|\b(i|me) myself (am )?(writing|replying|answering) (to you|back)\b|\bje (te |vous )?(reponds|ecris) (moi meme|en personne|personnellement)\b|\b(te )?(escribo|respondo) (yo mism[oa]|en persona|personalmente)\b|\b(te )?(escrevo|respondo) (eu mesm[oa]|pessoalmente|em pessoa)\b|\bich (schreibe|antworte) (dir )?(selbst|persoenlich)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InPerson();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>()""']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|me|co|info|biz|xyz|app|dev|ly|gg|ru|cn|tk|top|site|online|link|click|edu|gov|uk|de|fr|es|br|eu|ch|nl|ca|us|mx|ar|pt|tv|ai|page|blog|shop|store|live|news|club)(?:/[^\s<>()""']*)?\b" +
        // Any other host with a path ("docs.example.int/recursion") needs a subdomain, a path that starts with a letter
        // and a last label that is no code member, so "arr.length/2" or "package.json/scripts" is not a link.
        @"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\.(?!(?:length|size|count|json|js|ts|py|cs|java|txt|md|html|css|xml|ya?ml|csv|format|value|name|prototype)/)[a-z]{2,24}/[a-z][^\s<>()""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\w.-]+\s*(?:\(at\)|\[at\]|\{at\}|\(arroba\)|\[arroba\])\s*[\w-]+(?:\s*(?:\.|\(dot\)|\[dot\]| dot )\s*[\w-]+)+" +
        @"|\b[\w.-]+(?: (?:dot|punto|ponto|point|punkt) [\w-]+)* (?:at|arroba|arobase) [\w-]+(?: (?:dot|punto|ponto|point|punkt) [\w-]+)* (?:dot|punto|ponto|point|punkt) (?:com|org|net|edu|io|me|co|de|fr|es|pt|br|uk|info)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledEmail();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w.])\+?\(?\d[\d\s().-]{6,}\d(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$|^\d{1,2}:\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
