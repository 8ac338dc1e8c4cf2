namespace CoachLoop.Engine.People;

/// <summary>
/// How one person is known in one chat: a Slack user id in a workspace, a Teams AAD object id in a
/// tenant, a web-channel identity. Unique per (provider, tenant, user id).
/// </summary>
public sealed class ChatIdentity
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Web = "web";

    private ChatIdentity() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string Provider { get; private set; } = "";

    /// <summary>Slack workspace (team) id or Teams tenant id; empty when not known yet.</summary>
    public string Tenant { get; private set; } = "";

    public string ExternalUserId { get; private set; } = "";

    /// <summary>
    /// The id the chat addresses the user by when it differs from <see cref="ExternalUserId"/>: in Teams the <c>29:</c> user
    /// id (MRI) the bot sees, which a card's per-user refresh lists. Learned from the user's activities; null until then.
    /// </summary>
    public string? ChannelUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static ChatIdentity Create(Guid personId, string provider, string tenant, string externalUserId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            Provider = provider,
            Tenant = tenant,
            ExternalUserId = externalUserId.Trim(),
            CreatedAt = now,
        };
}
