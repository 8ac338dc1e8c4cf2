namespace CoachLoop.Data.Records;

/// <summary>An inbound event already handled (Slack event_id, Teams activity id): retries of it are acknowledged and ignored.</summary>
public sealed class InboundEvent
{
    public string Key { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
