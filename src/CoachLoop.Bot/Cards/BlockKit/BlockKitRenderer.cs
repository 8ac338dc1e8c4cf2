using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.BlockKit;

/// <summary>
/// Renders a <see cref="Card"/> as a Block Kit message (<see href="https://api.slack.com/reference/block-kit/blocks">blocks reference</see>):
/// header by tone, subtitle, facts as section fields, the quote, the trend, headed sections, status and the action bar.
/// Pure: model in, JSON out. Every limit of Block Kit is respected here, because Slack answers <c>invalid_blocks</c> otherwise.
/// </summary>
public static class BlockKitRenderer
{
    public const string UrgentMarker = ":rotating_light:";

    public static BlockKitMessage Render(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var blocks = new List<JsonObject> { Header(card) };
        if (card.Tone == CardTone.Urgent)
        {
            blocks.Add(Context("*Urgent: compliance.* Act on this today."));
        }

        if (!string.IsNullOrWhiteSpace(card.Subtitle))
        {
            blocks.Add(Context(BlockKitText.Escape(card.Subtitle)));
        }

        foreach (var chunk in card.Facts.Chunk(BlockKitText.MaxFields))
        {
            var fields = new JsonArray();
            foreach (var fact in chunk)
            {
                fields.Add(BlockKitText.Verbatim($"*{BlockKitText.Escape(fact.Label)}*\n{BlockKitText.Escape(fact.Value)}", BlockKitText.MaxFieldText));
            }

            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        }

        if (card.Quote is { } quote)
        {
            var lines = string.Join("\n", BlockKitText.Escape(quote.Text).Split('\n').Select(l => "&gt; " + l));
            var at = quote.Timestamp is null ? "" : $"\n_at {BlockKitText.Escape(quote.Timestamp)} in the call_";
            blocks.Add(Section(BlockKitText.Clip(lines, BlockKitText.MaxSectionText - at.Length) + at));
        }

        if (card.Trend is { Scores.Count: > 0 } trend)
        {
            var scores = string.Join(", ", trend.Scores.Select(s => s.ToString("0.#", CultureInfo.InvariantCulture)));
            blocks.Add(Context($"Trend {trend.Sparkline} ({scores}; threshold {trend.Threshold.ToString("0.#", CultureInfo.InvariantCulture)})"));
        }

        foreach (var section in card.Sections)
        {
            var heading = $"*{BlockKitText.Escape(section.Heading)}*\n";
            blocks.Add(Section(heading + BlockKitText.Clip(BlockKitText.Escape(section.Text), BlockKitText.MaxSectionText - heading.Length)));
        }

        var tail = new List<JsonObject>();
        if (!string.IsNullOrWhiteSpace(card.Status))
        {
            tail.Add(Context(BlockKitText.Escape(card.Status)));
        }

        if (card.History.Count > 0)
        {
            var lines = string.Join("\n", card.History.Select(h => BlockKitText.Escape(CardHistoryText.Line(h))));
            tail.Add(Context("*History*\n" + BlockKitText.Clip(lines, BlockKitText.MaxContextText - 12)));
        }

        var actions = BlockKitActions.Build(card);
        var audience = ActionsFor(card);
        var room = BlockKitText.MaxBlocksPerMessage - (actions is null ? 0 : 1) - (audience is null ? 0 : 1) - tail.Count;
        if (blocks.Count > room)
        {
            // Keep the start (header, facts) and say what was left out rather than fail the whole message.
            blocks = [.. blocks.Take(room - 1), Context("_More detail did not fit in this message._")];
        }

        // Who the buttons are for comes right above the first buttons: one shared message is seen by everyone in the channel.
        var rowBudget = room - blocks.Count;
        if (audience is not null && card.Rows.Count > 0)
        {
            blocks.Add(audience);
            audience = null;
        }

        blocks.AddRange(BlockKitRows.Build(card.Rows, rowBudget));
        blocks.AddRange(tail);
        if (audience is not null)
        {
            blocks.Add(audience);
        }

        if (actions is not null)
        {
            blocks.Add(actions);
        }

        var array = new JsonArray();
        for (var i = 0; i < blocks.Count; i++)
        {
            blocks[i]["block_id"] ??= $"{card.Kind}-{card.Version.ToString(CultureInfo.InvariantCulture)}-{i.ToString(CultureInfo.InvariantCulture)}";
            array.Add(blocks[i]);
        }

        return new BlockKitMessage(Fallback(card), array);
    }

    /// <summary>The notification text: short, escaped, loud when urgent.</summary>
    public static string Fallback(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = BlockKitText.Escape(string.IsNullOrWhiteSpace(card.FallbackText) ? card.Title : card.FallbackText);
        return BlockKitText.Clip(card.Tone == CardTone.Urgent ? "URGENT: " + text : text, BlockKitText.MaxFallbackText);
    }

    private static JsonObject Header(Card card)
    {
        var mark = card.Tone switch
        {
            CardTone.Urgent => UrgentMarker + " ",
            CardTone.Attention => ":warning: ",
            CardTone.Good => ":white_check_mark: ",
            _ => "",
        };
        return new JsonObject { ["type"] = "header", ["text"] = BlockKitText.Plain(mark + card.DisplayTitle, BlockKitText.MaxHeader) };
    }

    /// <summary>"For Morgan Lee and the team's coaches", when the card has buttons for someone in particular.</summary>
    private static JsonObject? ActionsFor(Card card) =>
        card.ActionsFor is { } who && (card.Actions.Count > 0 || card.Rows.Any(r => r.Actions.Any(a => a.Verb != CardVerbs.OpenCard)))
            ? Context($":bust_in_silhouette: {BlockKitText.Escape(who)}")
            : null;

    internal static JsonObject Section(string markup) =>
        new() { ["type"] = "section", ["text"] = BlockKitText.Verbatim(markup, BlockKitText.MaxSectionText) };

    internal static JsonObject Context(string markup) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray(BlockKitText.Verbatim(markup, BlockKitText.MaxContextText)) };
}
