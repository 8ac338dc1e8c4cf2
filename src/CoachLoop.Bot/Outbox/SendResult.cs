namespace CoachLoop.Bot.Outbox;

public enum SendStatus
{
    Sent,
    Retry,
    Permanent,
}

/// <summary>
/// What a channel answered: sent (with the message reference), retry (after a delay when the channel said so), or a permanent
/// failure. <see cref="OutcomeUnknown"/> marks a retry whose request may have reached the channel (a timeout, a 5xx after the
/// request was sent), so the next attempt checks before posting again.
/// </summary>
public sealed record SendResult(SendStatus Status, string? MessageRef, TimeSpan? RetryAfter, string? Error, bool OutcomeUnknown = false)
{
    public static SendResult Sent(string messageRef) => new(SendStatus.Sent, messageRef, null, null);

    public static SendResult Retry(string error, TimeSpan? retryAfter = null, bool outcomeUnknown = false) =>
        new(SendStatus.Retry, null, retryAfter, error, outcomeUnknown);

    public static SendResult Permanent(string error) => new(SendStatus.Permanent, null, null, error);
}
