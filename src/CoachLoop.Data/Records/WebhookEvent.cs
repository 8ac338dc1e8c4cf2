namespace CoachLoop.Data.Records;

/// <summary>
/// An event as delivered: its JSON payload (the body every subscription receives, unchanged on retries), stored in the same
/// transaction as the state change it reports. Each subscription's delivery is a <see cref="CardPost"/> of kind "webhook"
/// about the event, addressed to the subscription, with its outbox message.
/// </summary>
public sealed class WebhookEvent
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string Payload { get; set; } = "";
}
