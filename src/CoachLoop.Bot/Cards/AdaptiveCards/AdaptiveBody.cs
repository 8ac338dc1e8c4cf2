using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.AdaptiveCards;

/// <summary>
/// The body of a card: a header <see href="https://adaptivecards.io/explorer/Container.html">Container</see>, a
/// <see href="https://adaptivecards.io/explorer/FactSet.html">FactSet</see>, the quote, the trend, the sections and the status,
/// all as <see href="https://adaptivecards.io/explorer/TextBlock.html">TextBlock</see>s. Text from data is neutralised
/// (<see cref="AdaptiveMarkdown"/>); only the markup this class writes itself is Markdown.
/// </summary>
internal static class AdaptiveBody
{
    /// <summary>Urgent must read as urgent without colour: for colour-blind readers, high-contrast themes and notifications.</summary>
    public const string UrgentMarker = "URGENT \u00b7 ";

    public static JsonArray Build(Card card, bool images)
    {
        var body = new JsonArray { Header(card) };
        if (card.Facts.Count > 0)
        {
            body.Add(Facts(card.Facts));
        }

        foreach (var image in images ? card.Images : [])
        {
            body.Add(new JsonObject
            {
                ["type"] = "Image",
                ["url"] = "data:image/png;base64," + Convert.ToBase64String(image.Png),
                ["altText"] = image.AltText,
                ["width"] = $"{image.Width}px",
            });
        }

        if (card.Quote is { } quote)
        {
            body.Add(Quote(quote));
        }

        if (card.Trend is { } trend)
        {
            body.Add(Text(TrendLine(trend)));
        }

        foreach (var section in card.Sections)
        {
            body.Add(Heading(section.Heading));
            body.Add(Text(AdaptiveMarkdown.Neutralise(section.Text), spacing: "small"));
        }

        AdaptiveRows.Add(body, card.Rows);
        if (card.Status is { } status)
        {
            var block = Text(AdaptiveMarkdown.Neutralise(status));
            block["isSubtle"] = true;
            block["separator"] = true;
            body.Add(block);
        }

        AddHistory(body, card.History);
        return body;
    }

    /// <summary>Who did what and when, oldest first, in small subtle lines under the status.</summary>
    private static void AddHistory(JsonArray body, IReadOnlyList<CardHistoryEntry> history)
    {
        if (history.Count == 0)
        {
            return;
        }

        var heading = Heading("History");
        heading["size"] = "small";
        body.Add(heading);
        foreach (var entry in history)
        {
            var line = Text(AdaptiveMarkdown.Neutralise(CardHistoryText.Line(entry)), spacing: "none");
            line["isSubtle"] = true;
            line["size"] = "small";
            body.Add(line);
        }
    }

    public static string TrendLine(CardTrend trend)
    {
        var threshold = $"(threshold {Number(trend.Threshold)})";
        return trend.Scores.Count == 0
            ? $"No recent scores {threshold}"
            : $"{trend.Sparkline}  {string.Join(", ", trend.Scores.Select(Number))} {threshold}";
    }

    private static JsonObject Header(Card card)
    {
        var marker = card.Tone == CardTone.Urgent ? UrgentMarker : "";
        var title = Text(marker + AdaptiveMarkdown.Neutralise(card.DisplayTitle));
        title["weight"] = "bolder";
        title["size"] = "medium";
        var items = new JsonArray { title };
        if (card.Subtitle is { } subtitle)
        {
            var block = Text(AdaptiveMarkdown.Neutralise(subtitle), spacing: "none");
            block["isSubtle"] = true;
            items.Add(block);
        }

        var header = new JsonObject { ["type"] = "Container", ["items"] = items };
        if (ContainerStyle(card.Tone) is { } style)
        {
            header["style"] = style;
        }

        return header;
    }

    private static string? ContainerStyle(CardTone tone) => tone switch
    {
        CardTone.Urgent => "attention",
        CardTone.Attention => "warning",
        CardTone.Good => "good",
        _ => null,
    };

    private static JsonObject Facts(IReadOnlyList<CardFact> facts)
    {
        var items = new JsonArray();
        foreach (var fact in facts)
        {
            items.Add(new JsonObject
            {
                ["title"] = AdaptiveMarkdown.Neutralise(fact.Label),
                ["value"] = AdaptiveMarkdown.Neutralise(fact.Value),
            });
        }

        return new JsonObject { ["type"] = "FactSet", ["facts"] = items };
    }

    private static JsonObject Quote(CardQuote quote)
    {
        // Emphasis cannot span a blank line, and a quote is one utterance: fold line breaks so the italics hold.
        var oneLine = string.Join(' ', quote.Text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var items = new JsonArray { Text($"_\u201c{AdaptiveMarkdown.Neutralise(oneLine)}\u201d_") };
        if (quote.Timestamp is { } timestamp)
        {
            var at = Text($"at {AdaptiveMarkdown.Neutralise(timestamp)}", spacing: "none");
            at["isSubtle"] = true;
            items.Add(at);
        }

        return new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = items };
    }

    internal static JsonObject Heading(string heading)
    {
        var block = Text(AdaptiveMarkdown.Neutralise(heading), spacing: "medium");
        block["weight"] = "bolder";
        return block;
    }

    internal static JsonObject Text(string text, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
