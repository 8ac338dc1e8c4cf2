using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.AdaptiveCards;

/// <summary>
/// A card's buttons: <see href="https://adaptivecards.io/explorer/Action.Execute.html">Action.Execute</see> (Universal Actions,
/// one <c>adaptiveCard/action</c> invoke per click) and, for actions that need a form first,
/// <see href="https://adaptivecards.io/explorer/Action.ShowCard.html">Action.ShowCard</see> holding the inputs and the Execute.
/// </summary>
internal static class AdaptiveActions
{
    /// <summary>Teams shows at most six buttons in one action bar (host config <c>actions.maxActions</c>) and drops the rest.</summary>
    public const int MaxActions = 6;

    public const string MoreTitle = "More\u2026";

    public const string SubmitTitle = "Submit";

    /// <summary>
    /// Renders the actions, at most <see cref="MaxActions"/> in one bar: past that, the first five stay and the others move into
    /// a "More…" ShowCard (itself limited the same way). Not <c>mode: "secondary"</c>, the 1.5 overflow menu: a ShowCard works
    /// in every Teams client and in the web channel's renderer alike, and no action is ever silently lost.
    /// </summary>
    public static JsonArray Build(IReadOnlyList<CardAction> actions)
    {
        var bar = new JsonArray();
        var keep = actions.Count <= MaxActions ? actions.Count : MaxActions - 1;
        foreach (var action in actions.Take(keep))
        {
            bar.Add(Action(action));
        }

        if (actions.Count > keep)
        {
            var more = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(), ["actions"] = Build(actions.Skip(keep).ToList()) };
            bar.Add(new JsonObject { ["type"] = "Action.ShowCard", ["title"] = MoreTitle, ["card"] = more });
        }

        return bar;
    }

    /// <summary>The automatic refresh action: asks the bot for the current card of this subject at this version.</summary>
    public static JsonObject Refresh(Card card) => new()
    {
        ["type"] = "Action.Execute",
        ["verb"] = CardVerbs.Refresh,
        ["data"] = Data(Builders.CardText.Data(card.Kind, card.SubjectId, card.Version)),
    };

    private static JsonObject Action(CardAction action)
    {
        if (action.Inputs.Count == 0)
        {
            return Execute(action, action.Title);
        }

        // The form opens inline under the button; its own Execute sends the inputs of this card and of its parents ("auto").
        var submit = Execute(action, SubmitTitle);
        submit["associatedInputs"] = "auto";
        var body = new JsonArray();
        foreach (var input in action.Inputs)
        {
            body.Add(AdaptiveInputs.Build(input));
        }

        // A card inside a ShowCard carries neither version nor $schema: only the top-level card declares them.
        var form = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = body, ["actions"] = new JsonArray { submit } };
        return new JsonObject { ["type"] = "Action.ShowCard", ["title"] = action.Title, ["card"] = form };
    }

    private static JsonObject Execute(CardAction action, string title)
    {
        var execute = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action.Verb, ["title"] = title, ["data"] = Data(action.Data) };
        if (Style(action.Style) is { } style)
        {
            execute["style"] = style;
        }

        return execute;
    }

    private static JsonObject Data(IReadOnlyDictionary<string, string> values)
    {
        var data = new JsonObject();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return data;
    }

    // Teams draws every button alike; the web channel's renderer colours positive and destructive ones.
    private static string? Style(CardActionStyle style) => style switch
    {
        CardActionStyle.Primary => "positive",
        CardActionStyle.Destructive => "destructive",
        _ => null,
    };
}
