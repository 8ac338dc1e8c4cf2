using CoachLoop.Bot.Cards;

namespace CoachLoop.Bot.Actions;

public enum ActionOutcome
{
    /// <summary>The action took effect; <see cref="CardActionResult.Card"/> is the new card.</summary>
    Done,

    /// <summary>The clicker may not do this; nothing changed.</summary>
    Refused,

    /// <summary>The card was out of date; nothing changed; the current card is returned.</summary>
    Stale,

    /// <summary>An input is missing or wrong; nothing changed; <see cref="CardActionResult.Errors"/> names the inputs.</summary>
    Invalid,

    /// <summary>The card's subject does not exist.</summary>
    NotFound,
}

/// <summary>The answer to a click: what happened, a sentence for the clicker, and the card to show now.</summary>
public sealed record CardActionResult(
    ActionOutcome Outcome,
    string Message,
    Card? Card,
    IReadOnlyDictionary<string, string>? Errors = null);
