using System.Net;
using System.Text;

namespace MentorLab.Export;

/// <summary>
/// Rendered Zulip message HTML back to Markdown-like text, for exports taken without <c>apply_markdown=false</c>:
/// paragraphs and line breaks become new lines, code stays in backticks, quotes get "&gt; ", entities are decoded.
/// Good enough for style statistics; it is not a full HTML parser.
/// </summary>
public static class ZulipHtml
{
    /// <summary>Zulip's renderer wraps every message in a block element.</summary>
    public static bool LooksRendered(string content) =>
        content.StartsWith("<p>", StringComparison.Ordinal) || content.StartsWith("<div", StringComparison.Ordinal)
        || content.StartsWith("<blockquote", StringComparison.Ordinal) || content.StartsWith("<ul>", StringComparison.Ordinal)
        || content.StartsWith("<ol>", StringComparison.Ordinal) || content.StartsWith("<h", StringComparison.Ordinal)
        || content.StartsWith("<pre", StringComparison.Ordinal);

    public static string ToText(string html)
    {
        var b = new StringBuilder(html.Length);
        var quoteDepth = 0;
        var inPre = false;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                var next = html.IndexOf('<', i);
                if (next < 0) next = html.Length;
                var text = WebUtility.HtmlDecode(html[i..next]);
                // The renderer's new lines between block tags are layout, not text (inside <pre> they are code).
                if (inPre || !string.IsNullOrWhiteSpace(text)) Append(b, text, quoteDepth);
                i = next;
                continue;
            }
            var end = html.IndexOf('>', i);
            if (end < 0) { Append(b, WebUtility.HtmlDecode(html[i..]), quoteDepth); break; }
            var tag = html.AsSpan(i + 1, end - i - 1);
            var closing = tag.StartsWith("/");
            if (closing) tag = tag[1..];
            var nameEnd = tag.IndexOfAny(' ', '/', '\t');
            var name = (nameEnd < 0 ? tag : tag[..nameEnd]).ToString().ToLowerInvariant();
            switch (name)
            {
                case "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "tr":
                    if (closing) NewLine(b);
                    else if (name == "li") Append(b, "- ", quoteDepth);
                    break;
                case "br":
                    NewLine(b);
                    break;
                case "blockquote":
                    quoteDepth = Math.Max(0, quoteDepth + (closing ? -1 : 1));
                    NewLine(b);
                    break;
                case "pre":
                    inPre = !closing;
                    if (!closing) NewLine(b);
                    Append(b, closing ? "\n```\n" : "```\n", quoteDepth);
                    break;
                case "code" when !inPre:
                    Append(b, "`", quoteDepth);
                    break;
                case "math" when !closing:
                    // KaTeX renders formulas twice: skip the MathML copy, the HTML copy gives the visible text once.
                    i = SkipElement(html, end + 1, name);
                    continue;
            }
            i = end + 1;
        }
        return b.ToString().Trim();
    }

    private static void NewLine(StringBuilder b)
    {
        if (b.Length > 0 && b[^1] != '\n') b.Append('\n');
    }

    /// <summary>Text at the start of a line inside a quote gets the quote marker ("&gt; " per level).</summary>
    private static void Append(StringBuilder b, string text, int quoteDepth)
    {
        if (text.Length == 0) return;
        if (quoteDepth > 0 && (b.Length == 0 || b[^1] == '\n'))
            for (var q = 0; q < quoteDepth; q++) b.Append("> ");
        b.Append(text);
    }

    private static int SkipElement(string html, int from, string name)
    {
        var close = html.IndexOf("</" + name + ">", from, StringComparison.OrdinalIgnoreCase);
        return close < 0 ? html.Length : close + name.Length + 3;
    }
}
