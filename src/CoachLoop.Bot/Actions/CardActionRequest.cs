namespace CoachLoop.Bot.Actions;

/// <summary>
/// A click on a card, channel-neutral: who (as the channel knows them), which verb, the card's data and
/// the values of its inputs, and a key that makes retries and double clicks one action.
/// </summary>
/// <param name="Channel">web, slack or teams.</param>
/// <param name="Tenant">Slack workspace or Teams tenant; empty for the web channel.</param>
/// <param name="ExternalUserId">The clicker's id in that channel.</param>
/// <param name="Data">The action's data (kind, subjectId, v) merged with input values.</param>
/// <param name="IdempotencyKey">Unique per click in the channel (a client id, Slack's trigger, Teams' activity id).</param>
public sealed record CardActionRequest(
    string Channel,
    string Tenant,
    string ExternalUserId,
    string Verb,
    IReadOnlyDictionary<string, string> Data,
    string IdempotencyKey);
