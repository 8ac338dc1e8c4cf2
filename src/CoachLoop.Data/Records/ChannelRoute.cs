namespace CoachLoop.Data.Records;

/// <summary>
/// Where a chat channel reaches a CoachLoop team (its manager channel) or a person (their direct
/// conversation): the conversation id in that chat, its tenant or workspace, and for Teams the service
/// URL and the stored conversation reference needed for proactive posts.
/// </summary>
public sealed class ChannelRoute
{
    public const string TeamRoute = "team";
    public const string PersonRoute = "person";

    public Guid Id { get; set; }
    public string Channel { get; set; } = "";

    /// <summary><see cref="TeamRoute"/> or <see cref="PersonRoute"/>.</summary>
    public string RouteKind { get; set; } = "";

    /// <summary>The CoachLoop team or person id.</summary>
    public Guid SubjectId { get; set; }

    public string Tenant { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? ServiceUrl { get; set; }

    /// <summary>Channel-specific reference as JSON (e.g. a Teams conversation reference); opaque outside the channel folder.</summary>
    public string? ReferenceJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
