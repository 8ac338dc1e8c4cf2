namespace CoachLoop.Data.Records;

/// <summary>
/// Where one card about a subject (flag or dispute) was posted: channel, conversation and, once the
/// post went out, the channel's message reference. Updating "every copy" means one outbox row per post.
/// </summary>
public sealed class CardPost
{
    public Guid Id { get; set; }
    public string CardKind { get; set; } = "";
    public Guid SubjectId { get; set; }
    public string Channel { get; set; } = "";
    public string ConversationId { get; set; } = "";

    /// <summary>The channel's id of the posted message (Slack ts, Teams activity id, web message id); null until posted.</summary>
    public string? MessageRef { get; set; }

    public bool Urgent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Messages to one conversation go out in order, urgent ones in their own lane so they never wait behind the rest.</summary>
    public string Lane => $"{Channel}|{ConversationId}|{(Urgent ? "urgent" : "normal")}";
}
