namespace CoachLoop.Data.Records;

/// <summary>
/// A chat click stored before its request was acknowledged, so an acknowledged click survives a crash: workers claim it with
/// a lease, run it through the card action pipeline (idempotent on <see cref="Key"/>), and mark it done. Done rows are pruned
/// after a retention.
/// </summary>
public sealed class InboundClick
{
    public long Id { get; set; }

    /// <summary>Unique per click (the channel's id of that click), so a retry of the request is stored once.</summary>
    public string Key { get; set; } = "";

    public string Channel { get; set; } = "";
    public string Tenant { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Verb { get; set; } = "";

    /// <summary>Card data and input values, as a JSON object of strings.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>Where the card was, to answer the clicker there; null for clicks in App Home.</summary>
    public string? ConversationId { get; set; }

    public bool FromHome { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>Why the click was given up after its last attempt; null when it ran.</summary>
    public string? Failure { get; set; }
}
