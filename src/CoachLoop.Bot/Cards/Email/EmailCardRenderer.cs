using System.Globalization;
using System.Net;
using System.Text;

namespace CoachLoop.Bot.Cards.Email;

/// <summary>
/// Renders a channel-neutral <see cref="Card"/> as an email, beside the Adaptive Card and Block Kit renderers: the same parts in the
/// same order (header, facts, charts, quote, trend, sections, rows by group, status, history), so a part any builder adds to a card shows up
/// in the email with no email-specific code. Buttons cannot run from a mailbox: each becomes a link to where it can be pressed
/// (<paramref name="link"/> decides where; an action without one is named as text). Pure: card in, HTML and text out; every
/// value from data is HTML-encoded.
/// </summary>
public static class EmailCardRenderer
{
    public static EmailContent Render(Card card, Func<CardAction, Uri?> link)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(link);
        var urgent = card.Tone == CardTone.Urgent ? "URGENT \u00b7 " : "";
        var html = new EmailHtml();
        var text = new StringBuilder();
        html.Header(urgent + card.DisplayTitle, card.Subtitle, card.Tone);
        text.Append(urgent).AppendLine(card.DisplayTitle);
        if (card.Subtitle is { } subtitle)
        {
            text.AppendLine(subtitle);
        }

        text.AppendLine();
        if (card.Facts.Count > 0)
        {
            html.Facts(card.Facts);
            foreach (var fact in card.Facts)
            {
                text.Append(fact.Label).Append(": ").AppendLine(fact.Value);
            }

            text.AppendLine();
        }

        // The charts inline in the HTML; the text part already has their figures in the facts (the sparklines).
        var images = card.Images.Select(i => new EmailImage($"{i.Name}@coachloop", i)).ToList();
        foreach (var image in images)
        {
            html.Image(image.ContentId, image.Image);
        }

        if (card.Quote is { } quote)
        {
            var said = quote.Timestamp is { } at ? $"\u201c{quote.Text}\u201d ({at})" : $"\u201c{quote.Text}\u201d";
            html.Paragraph(said, "font-style:italic");
            text.AppendLine(said).AppendLine();
        }

        if (card.Trend is { } trend)
        {
            var line = TrendLine(trend);
            html.Paragraph(line, null);
            text.AppendLine(line).AppendLine();
        }

        foreach (var section in card.Sections)
        {
            html.Heading(section.Heading);
            html.Paragraph(section.Text, null);
            text.AppendLine(section.Heading).AppendLine(section.Text).AppendLine();
        }

        foreach (var group in card.Rows.GroupBy(r => r.Group, StringComparer.Ordinal))
        {
            html.Heading(group.Key);
            text.AppendLine(group.Key);
            foreach (var row in group)
            {
                var links = row.Actions.Select(a => (a.Title, Url: link(a))).ToList();
                html.Row(row, links);
                text.Append("- ").Append(row.Urgent ? "URGENT " : "").Append(row.Label).Append(" \u00b7 ").AppendLine(row.Text);
                foreach (var (title, url) in links)
                {
                    text.Append("    ").Append(title).Append(": ").AppendLine(url?.AbsoluteUri ?? "in chat");
                }
            }

            text.AppendLine();
        }

        if (card.Actions.Count > 0)
        {
            var links = card.Actions.Select(a => (a.Title, Url: link(a))).ToList();
            html.Actions(links);
            foreach (var (title, url) in links)
            {
                text.Append(title).Append(": ").AppendLine(url?.AbsoluteUri ?? "in chat");
            }

            text.AppendLine();
        }

        if (card.Status is { } status)
        {
            html.Paragraph(status, "color:#555");
            text.AppendLine(status).AppendLine();
        }

        if (card.History.Count > 0)
        {
            html.Heading("History");
            text.AppendLine("History");
            foreach (var entry in card.History)
            {
                var line = CardHistoryText.Line(entry);
                html.Paragraph(line, "color:#555;font-size:small;margin:0");
                text.AppendLine(line);
            }
        }

        return new EmailContent(urgent + card.DisplayTitle, html.Finish(urgent + card.DisplayTitle), text.ToString().TrimEnd() + Environment.NewLine)
        {
            Images = images,
        };
    }

    private static string TrendLine(CardTrend trend)
    {
        var threshold = $"(threshold {trend.Threshold.ToString("0.#", CultureInfo.InvariantCulture)})";
        return trend.Scores.Count == 0
            ? $"No recent scores {threshold}"
            : $"{trend.Sparkline}  {string.Join(", ", trend.Scores.Select(s => s.ToString("0.#", CultureInfo.InvariantCulture)))} {threshold}";
    }

    internal static string Encode(string value) => WebUtility.HtmlEncode(value);
}
