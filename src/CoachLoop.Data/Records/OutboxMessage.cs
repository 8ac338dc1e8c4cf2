namespace CoachLoop.Data.Records;

/// <summary>
/// A message the bot must send, written in the same transaction as the change that caused it. The
/// card is built from current state when it is sent, so a late update never shows stale content.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid CardPostId { get; set; }
    public OutboxOperation Operation { get; set; }

    /// <summary>Ordering key: channel, conversation and urgency (see <see cref="CardPost.Lane"/>), and the message for a Slack update (<see cref="CardPost.UpdateLane"/>).</summary>
    public string Lane { get; set; } = "";

    public bool Urgent { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// The last attempt may have reached the channel without its answer being recorded (the host died holding the lease, or
    /// the call timed out): the sender checks the channel for the message before posting it again.
    /// </summary>
    public bool OutcomeUnknown { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
