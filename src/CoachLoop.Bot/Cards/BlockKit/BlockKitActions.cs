using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.BlockKit;

/// <summary>
/// The action bar of a card: one <see href="https://api.slack.com/reference/block-kit/block-elements#button">button</see> per
/// action (its <c>action_id</c> is the verb), except an action whose only input is a choice, which becomes a
/// <see href="https://api.slack.com/reference/block-kit/block-elements#static_select">static_select</see> with
/// <c>action_id</c> "verb:inputId". Buttons of actions with inputs open a modal (see <see cref="BlockKitModal"/>); a button's
/// <c>value</c> says which kind it is (<see cref="OpensForm"/> or <see cref="RunsAtOnce"/>), so a click is routed without
/// building the card again.
/// </summary>
public static class BlockKitActions
{
    public const int MaxElements = 25;
    public const char SelectSeparator = ':';

    /// <summary>The value of a button whose action has inputs: its click opens a form.</summary>
    public const string OpensForm = "form";

    /// <summary>The value of a button whose action has no inputs: its click runs as it is. (Older cards carry the verb.)</summary>
    public const string RunsAtOnce = "run";

    public static JsonObject? Build(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Build(card.Actions, BlockKitCardRef.Of(card));
    }

    /// <summary>An actions block for <paramref name="actions"/> about the card <paramref name="cardRef"/> names (a card or one row of it).</summary>
    public static JsonObject? Build(IReadOnlyList<CardAction> actions, BlockKitCardRef cardRef)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(cardRef);
        if (actions.Count == 0)
        {
            return null;
        }

        var elements = new JsonArray();
        foreach (var action in actions.Take(MaxElements))
        {
            elements.Add(Element(action));
        }

        return new JsonObject { ["type"] = "actions", ["block_id"] = cardRef.ToString(), ["elements"] = elements };
    }

    /// <summary>One interactive element: a select for a single-choice action, a button otherwise.</summary>
    public static JsonObject Element(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return IsSelect(action) ? Select(action) : Button(action);
    }

    /// <summary>An action shown as a select menu: its one input is a choice with options that fit Block Kit's limits.</summary>
    public static bool IsSelect(CardAction action) =>
        action is { Inputs: [{ Kind: CardInputKind.Choice, Choices.Count: > 0 and <= 100 } input] }
        && input.Choices!.All(c => c.Value.Length <= BlockKitText.MaxOptionValue);

    private static JsonObject Button(CardAction action)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = action.Verb,
            ["text"] = BlockKitText.Plain(action.Title, BlockKitText.MaxButtonText),
            ["value"] = action.Inputs.Count > 0 ? OpensForm : RunsAtOnce,
        };
        var style = action.Style switch
        {
            CardActionStyle.Primary => "primary",
            CardActionStyle.Destructive => "danger",
            _ => null,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static JsonObject Select(CardAction action)
    {
        var input = action.Inputs[0];
        var select = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = action.Verb + SelectSeparator + input.Id,
            ["placeholder"] = BlockKitText.Plain(action.Title, BlockKitText.MaxPlaceholder),
            ["options"] = new JsonArray([.. input.Choices!.Select(Option)]),
        };
        if (input.Choices!.FirstOrDefault(c => c.Value == input.Value) is { } current)
        {
            select["initial_option"] = Option(current);
        }

        return select;
    }

    internal static JsonObject Option(CardChoice choice) => new()
    {
        ["text"] = BlockKitText.Plain(choice.Title, BlockKitText.MaxOptionText),
        ["value"] = choice.Value,
    };
}
