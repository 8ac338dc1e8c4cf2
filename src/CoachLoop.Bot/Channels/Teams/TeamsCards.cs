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

    /// <summary>Data keys an "Open card" on a list's row carries in Teams, naming the list so the click can answer with it unchanged.</summary>
    public const string ListKind = "listKind";

    /// <inheritdoc cref="ListKind"/>
    public const string ListId = "listId";

    public static JsonObject Render(Card card, IReadOnlyList<string>? refreshUserIds = null) =>
        AdaptiveCardRenderer.Render(WithListReference(card), new AdaptiveRenderOptions { RefreshUserIds = refreshUserIds ?? [], FullWidth = true, Images = false });

    /// <summary>
    /// Every row's "Open card" names the list it sits in: an invoke answer replaces the card in the clicker's view, and Teams does
    /// not say which card an Action.Execute came from, so this is how the answer can be that same list.
    /// </summary>
    private static Card WithListReference(Card card) => card.Rows.Count == 0 || card.SubjectId == Guid.Empty ? card : card with
    {
        Rows = [.. card.Rows.Select(r => r with { Actions = [.. r.Actions.Select(a => a.Verb != CardVerbs.OpenCard ? a : a with
        {
            Data = new Dictionary<string, string>(a.Data, StringComparer.Ordinal) { [ListKind] = card.Kind, [ListId] = card.SubjectId.ToString() },
        })] })],
    };

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
