using CoachLoop.Bot.Cards.Builders;

namespace CoachLoop.Bot.Cards;

/// <summary>One history line as both renderers write it: "Practice approved by Morgan Lee, 30 Nov 2026, 04:38 UTC: 3 role-plays".</summary>
public static class CardHistoryText
{
    public static string Line(CardHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var who = string.IsNullOrWhiteSpace(entry.Who) ? "" : $" by {entry.Who}";
        var detail = string.IsNullOrWhiteSpace(entry.Detail) ? "" : $": {entry.Detail}";
        return $"{entry.What}{who}, {CardText.Time(entry.At)}{detail}";
    }
}
