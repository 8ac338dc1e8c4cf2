using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// How CoachLoop cards look in Teams: Adaptive Card 1.5, full width, with a Universal Actions refresh. The card posted to a
/// conversation lists in <c>refresh.userIds</c> the people who may act on it (their clients fetch their own view at once); everyone
/// else can still use "Refresh card". An empty list keeps the manual refresh only.
/// </summary>
public static class TeamsCards
{
    /// <summary>Longest notification preview we send; Teams cuts previews short anyway.</summary>
    public const int MaxSummaryLength = 200;

    public static JsonObject Render(Card card, IReadOnlyList<string>? refreshUserIds = null) =>
        AdaptiveCardRenderer.Render(card, new AdaptiveRenderOptions { RefreshUserIds = refreshUserIds ?? [], FullWidth = true });

    /// <summary>A card refused or not taken: the current card with the reason as its status line, so the clicker sees why nothing changed.</summary>
    public static JsonObject Render(Card card, string note) => Render(WithNote(card, note));

    /// <summary>
    /// The reason goes in front of the card's status, once: a reason that already ends with the status ("This card was out of date.
    /// Practice approved by ...") replaces it instead of repeating it.
    /// </summary>
    public static Card WithNote(Card card, string note)
    {
        ArgumentNullException.ThrowIfNull(card);
        var status = card.Status?.Trim();
        var text = string.IsNullOrWhiteSpace(status) || (note ?? "").Contains(status, StringComparison.Ordinal) ? note : $"{note} {status}";
        return card with { Status = text };
    }

    public static Activity Message(Card card, bool alert, string? id = null, IReadOnlyList<string>? refreshUserIds = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new()
        {
            Type = ActivityTypes.Message,
            Id = id,
            Summary = Summary(card),
            Attachments = [new Attachment(ActivityTypes.AdaptiveCardContentType, Render(card, refreshUserIds))],
            ChannelData = alert ? new TeamsChannelData { Notification = new TeamsNotification(true) } : null,
        };
    }

    /// <summary>What the notification says instead of "sent a card": the card's title and who or what it is about.</summary>
    public static string Summary(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = string.IsNullOrWhiteSpace(card.Subtitle) ? card.DisplayTitle : $"{card.DisplayTitle} · {card.Subtitle}";
        return text.Length <= MaxSummaryLength ? text : string.Concat(text.AsSpan(0, MaxSummaryLength - 1), "…");
    }

    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" };
}
