using System.Text;

namespace CoachLoop.Bot.Cards.AdaptiveCards;

/// <summary>
/// Makes text read literally where Adaptive Cards parse a Markdown subset (TextBlock and FactSet text: bold, italic, bullet
/// and numbered lists, links; see https://learn.microsoft.com/adaptive-cards/authoring-cards/text-features). Quotes from calls,
/// reasons typed by people and names are data, not markup: "*the* fee", "[link](x)" or a line starting "1. " must show as typed.
/// </summary>
/// <remarks>
/// Uses CommonMark backslash escapes, which the Adaptive Cards renderers (shared model, JS, Teams) read. Some older mobile
/// clients showed the backslash itself; a visible backslash is the lesser harm than text silently turned into a link or list.
/// Only characters that can start markup are escaped, so ordinary text ("Ana's call, 2 min.") comes out unchanged.
/// </remarks>
internal static class AdaptiveMarkdown
{
    // Open markup anywhere in a line: emphasis, links, code, strikethrough; headings too in hosts with a fuller Markdown engine.
    private const string Anywhere = "*_[]`~#";

    // Mean something only at the start of a line: bullets, block quotes, setext heading underlines.
    private const string AtLineStart = "-+>=";

    // A backslash escapes exactly these (CommonMark); before anything else it is already literal.
    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                lineStart = true;
                result.Append(c);
                continue;
            }

            if (lineStart && c is ' ' or '\t')
            {
                result.Append(c);
                continue;
            }

            if (lineStart && char.IsAsciiDigit(c))
            {
                i = AppendLeadingNumber(text, i, result);
                lineStart = false;
                continue;
            }

            var escape = Anywhere.Contains(c, StringComparison.Ordinal)
                || (lineStart && AtLineStart.Contains(c, StringComparison.Ordinal))
                || (c == '\\' && i + 1 < text.Length && AsciiPunctuation.Contains(text[i + 1], StringComparison.Ordinal));
            if (escape)
            {
                result.Append('\\');
            }

            result.Append(c);
            lineStart = false;
        }

        return result.ToString();
    }

    /// <summary>Copies the digits at <paramref name="start"/>; "12. " or "3) " would start a numbered list, so its dot is escaped.</summary>
    private static int AppendLeadingNumber(string text, int start, StringBuilder result)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        result.Append(text, start, end - start);
        var marker = end < text.Length && text[end] is '.' or ')';
        var followedBySpace = end + 1 >= text.Length || text[end + 1] is ' ' or '\t' or '\n' or '\r';
        if (!marker || !followedBySpace)
        {
            return end - 1;
        }

        result.Append('\\').Append(text[end]);
        return end;
    }
}
