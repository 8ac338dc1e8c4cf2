using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.AdaptiveCards;

/// <summary>
/// Renders a channel-neutral <see cref="Card"/> as an Adaptive Card 1.5, the version Teams supports for bot cards, also used by
/// the web channel. Pure: model in, JSON out; the caller wraps it in an attachment of content type
/// <c>application/vnd.microsoft.card.adaptive</c>.
/// </summary>
/// <remarks>
/// Elements used, as described in the schema explorer:
/// <see href="https://adaptivecards.io/explorer/AdaptiveCard.html">AdaptiveCard</see>,
/// <see href="https://adaptivecards.io/explorer/Container.html">Container</see>,
/// <see href="https://adaptivecards.io/explorer/TextBlock.html">TextBlock</see>,
/// <see href="https://adaptivecards.io/explorer/FactSet.html">FactSet</see>,
/// <see href="https://adaptivecards.io/explorer/Image.html">Image</see>,
/// <see href="https://adaptivecards.io/explorer/Action.Execute.html">Action.Execute</see>,
/// <see href="https://adaptivecards.io/explorer/Action.ShowCard.html">Action.ShowCard</see>,
/// <see href="https://adaptivecards.io/explorer/Input.Text.html">Input.Text</see>,
/// <see href="https://adaptivecards.io/explorer/Input.ChoiceSet.html">Input.ChoiceSet</see>,
/// <see href="https://adaptivecards.io/explorer/Input.Date.html">Input.Date</see>,
/// <see href="https://adaptivecards.io/explorer/Refresh.html">Refresh</see>.
/// </remarks>
public static class AdaptiveCardRenderer
{
    public const string Version = "1.5";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>
    /// Teams runs the automatic refresh for at most 60 listed users (older documentation said 5). Ids past that are dropped
    /// rather than the whole list: the people listed first still get a live card, everyone else keeps the manual
    /// "Refresh card" and sees the shared message when the bot updates it.
    /// </summary>
    public const int MaxRefreshUserIds = 60;

    public static JsonObject Render(Card card, AdaptiveRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var root = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["fallbackText"] = card.FallbackText,
        };
        if (options?.FullWidth == true)
        {
            root["msteams"] = new JsonObject { ["width"] = "Full" };
        }

        if (options?.RefreshUserIds is { } userIds)
        {
            var ids = new JsonArray();
            foreach (var id in userIds.Distinct(StringComparer.Ordinal).Take(MaxRefreshUserIds))
            {
                ids.Add(id);
            }

            root["refresh"] = new JsonObject { ["action"] = AdaptiveActions.Refresh(card), ["userIds"] = ids };
        }

        root["body"] = AdaptiveBody.Build(card, options?.Images ?? true);
        if (card.Actions.Count > 0)
        {
            root["actions"] = AdaptiveActions.Build(card.Actions);
        }

        return root;
    }
}
