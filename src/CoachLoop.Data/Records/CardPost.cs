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

    /// <summary>
    /// Where an update of this card queues. Once the message exists, Slack's updates of different messages need no order between
    /// them and share no per-conversation limit (Slack limits chat.update per workspace and answers 429 past it), so each message
    /// has a lane of its own and a click's update never waits behind other cards' updates in a busy channel. Before that (no
    /// message yet) and on Teams, whose limits count every send to a conversation, updates stay in the conversation's lane.
    /// </summary>
    public string UpdateLane => MessageRef is not null && Channel == Engine.People.ChatIdentity.Slack ? $"{Lane}|{Id:N}" : Lane;
}
