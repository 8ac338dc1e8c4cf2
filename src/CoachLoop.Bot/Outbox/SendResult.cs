namespace CoachLoop.Bot.Outbox;

public enum SendStatus
{
    Sent,
    Retry,
    Permanent,
}

/// <summary>What a channel answered: sent (with the message reference), retry (after a delay when the channel said so), or a permanent failure.</summary>
public sealed record SendResult(SendStatus Status, string? MessageRef, TimeSpan? RetryAfter, string? Error)
{
    public static SendResult Sent(string messageRef) => new(SendStatus.Sent, messageRef, null, null);

    public static SendResult Retry(string error, TimeSpan? retryAfter = null) => new(SendStatus.Retry, null, retryAfter, error);

    public static SendResult Permanent(string error) => new(SendStatus.Permanent, null, null, error);
}
