using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.BlockKit;

/// <summary>
/// Text objects and Block Kit's length limits. User text placed in <c>mrkdwn</c> is escaped (only &amp;, &lt; and &gt;,
/// <see href="https://api.slack.com/reference/surfaces/formatting#escaping">formatting: escaping</see>) so it can never
/// become a mention, a link or a broadcast.
/// </summary>
public static class BlockKitText
{
    public const int MaxBlocksPerMessage = 50;
    public const int MaxBlocksPerView = 100;
    public const int MaxSectionText = 3000;
    public const int MaxFieldText = 2000;
    public const int MaxContextText = 2000;
    public const int MaxFields = 10;
    public const int MaxHeader = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxOptionText = 75;
    public const int MaxOptionValue = 75;
    public const int MaxLabel = 2000;
    public const int MaxPlaceholder = 150;
    public const int MaxViewTitle = 24;
    public const int MaxPrivateMetadata = 3000;
    public const int MaxFallbackText = 3000;

    private const string Ellipsis = "\u2026";

    /// <summary>Escapes the three control characters of mrkdwn, ampersand first.</summary>
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Clip(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - Ellipsis.Length)];
        // Never leave half an escape sequence (&amp;) or half a surrogate pair at the end.
        var amp = cut.LastIndexOf('&');
        if (amp >= 0 && cut.IndexOf(';', amp) < 0 && cut.Length - amp < 6)
        {
            cut = cut[..amp];
        }

        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut + Ellipsis;
    }

    public static JsonObject Plain(string text, int max) => new() { ["type"] = "plain_text", ["text"] = Clip(NonEmpty(text), max), ["emoji"] = true };

    /// <summary>A mrkdwn object from text that is already escaped (or is our own markup).</summary>
    public static JsonObject Markdown(string markup, int max) => new() { ["type"] = "mrkdwn", ["text"] = Clip(NonEmpty(markup), max) };

    /// <summary>
    /// A mrkdwn object around user-supplied text (names, quotes, reasons) whose user parts are already escaped:
    /// <c>verbatim: true</c> tells Slack not to pre-process it, so a URL typed by someone stays text instead of becoming a
    /// link, and channel names and mentions are not parsed (<see href="https://docs.slack.dev/reference/block-kit/composition-objects/text-object">text
    /// object</see>). Our own markup (<c>*heading*</c>, <c>&lt;url|label&gt;</c>) still renders.
    /// </summary>
    public static JsonObject Verbatim(string markup, int max) =>
        new() { ["type"] = "mrkdwn", ["text"] = Clip(NonEmpty(markup), max), ["verbatim"] = true };

    /// <summary>A mrkdwn object that shows user text literally, formatting characters included.</summary>
    public static JsonObject Literal(string text, int max) => new() { ["type"] = "mrkdwn", ["text"] = Clip(NonEmpty(Escape(text)), max), ["verbatim"] = true };

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? " " : text;
}
