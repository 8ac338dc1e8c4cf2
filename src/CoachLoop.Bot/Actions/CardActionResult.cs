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
/// <param name="Card">
/// The card when it was built to decide the outcome (refusals, stale clicks, "Open card", refresh). After a change took effect it is
/// left unbuilt, since the outbox builds every copy at send time anyway: a channel that answers the clicker with the new card
/// (a Teams invoke, the web page) asks <see cref="CardAsync"/>, which builds it then.
/// </param>
public sealed record CardActionResult(
    ActionOutcome Outcome,
    string Message,
    Card? Card,
    IReadOnlyDictionary<string, string>? Errors = null)
{
    /// <summary>Builds the current card on demand, within the request's scope; null when <see cref="Card"/> is already the answer.</summary>
    internal Func<CancellationToken, Task<Card?>>? Later { get; init; }

    /// <summary>The card to show now: <see cref="Card"/>, or the current card built on first ask.</summary>
    public async Task<Card?> CardAsync(CancellationToken ct) => Card ?? (Later is null ? null : await Later(ct).ConfigureAwait(false));
}
