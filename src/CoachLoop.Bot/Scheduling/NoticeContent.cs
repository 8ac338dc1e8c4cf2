using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.Charts;

namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// What a reminder, follow-up result, escalation or weekly report says: a card without buttons, stored with the notice. Charts are
/// stored as their data and drawn when the card is built.
/// </summary>
public sealed record NoticeContent(string Title, string? Subtitle, CardTone Tone, IReadOnlyList<CardFact> Facts, IReadOnlyList<CardSection> Sections,
    CardTrend? Trend = null, IReadOnlyList<TrendChart>? Charts = null)
{
    public Card ToCard(string kind, Guid noticeId) =>
        new(kind, noticeId, 0, Title, Subtitle, Tone, Facts, null, Trend, Sections, null, [],
            $"{Title}{(Subtitle is null ? "" : " - " + Subtitle)}")
        {
            Images = Charts is null ? [] : [.. Charts.Select((c, i) => TrendChartRenderer.Render(c, $"trend-{i + 1}"))],
        };
}
