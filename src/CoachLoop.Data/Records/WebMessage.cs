namespace CoachLoop.Data.Records;

/// <summary>A card as the local web channel shows it in a feed: the rendered Adaptive Card, replaced in place on update.</summary>
public sealed class WebMessage
{
    public Guid Id { get; set; }
    public string ConversationId { get; set; } = "";
    public string CardKind { get; set; } = "";
    public Guid SubjectId { get; set; }
    public string CardJson { get; set; } = "";
    public int Revision { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
