using CoachLoop.Bot.Cards;

namespace CoachLoop.Bot.Scheduling;

/// <summary>What a reminder, follow-up result or escalation says: a card without buttons, stored with the notice.</summary>
public sealed record NoticeContent(string Title, string? Subtitle, CardTone Tone, IReadOnlyList<CardFact> Facts, IReadOnlyList<CardSection> Sections,
    CardTrend? Trend = null)
{
    public Card ToCard(string kind, Guid noticeId) =>
        new(kind, noticeId, 0, Title, Subtitle, Tone, Facts, null, Trend, Sections, null, [],
            $"{Title}{(Subtitle is null ? "" : " - " + Subtitle)}");
}
