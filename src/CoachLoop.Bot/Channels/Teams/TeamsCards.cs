using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>How CoachLoop cards look in Teams: Adaptive Card 1.5, full width, with a manual "Refresh card" (Universal Actions refresh, no automatic users).</summary>
public static class TeamsCards
{
    private static readonly AdaptiveRenderOptions Options = new() { RefreshUserIds = [], FullWidth = true };

    public static JsonObject Render(Card card) => AdaptiveCardRenderer.Render(card, Options);

    /// <summary>A card refused or not taken: the current card with the reason as its status line, so the clicker sees why nothing changed.</summary>
    public static JsonObject Render(Card card, string note) =>
        Render(card with { Status = string.IsNullOrWhiteSpace(card.Status) ? note : $"{note} {card.Status}" });

    public static Activity Message(Card card, bool alert, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Attachments = [new Attachment(ActivityTypes.AdaptiveCardContentType, Render(card))],
        ChannelData = alert ? new TeamsChannelData { Notification = new TeamsNotification(true) } : null,
    };

    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" };
}
