namespace CoachLoop.Data.Records;

/// <summary>A scored call as stored. (Source, CallId) is unique: the idempotency key of the intake.</summary>
public sealed class ScoredCallRecord
{
    public Guid Id { get; set; }
    public string Source { get; set; } = "";
    public string CallId { get; set; } = "";
    public Guid AgentId { get; set; }
    public DateTimeOffset CallTime { get; set; }
    public int? DurationSeconds { get; set; }
    public string? Queue { get; set; }
    public Guid RubricId { get; set; }
    public decimal OverallScore { get; set; }
    public string? RecordingUrl { get; set; }
    public string ContentHash { get; set; } = "";

    /// <summary>The receipt answered the first time, replayed for duplicates.</summary>
    public string ReceiptJson { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}
