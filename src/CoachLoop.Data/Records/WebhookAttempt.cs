namespace CoachLoop.Data.Records;

/// <summary>One attempt to deliver an event to a subscription: when, what the receiver answered (or the error), and how long it took.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public long OutboxMessageId { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}
