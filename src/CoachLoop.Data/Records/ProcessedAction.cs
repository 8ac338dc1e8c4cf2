namespace CoachLoop.Data.Records;

/// <summary>A card action already handled, by its idempotency key, with the answer given; a retry gets the same answer.</summary>
public sealed class ProcessedAction
{
    public string Key { get; set; } = "";
    public string Outcome { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
