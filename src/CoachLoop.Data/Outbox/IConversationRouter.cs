namespace CoachLoop.Data.Outbox;

/// <summary>
/// Where one channel posts: the conversations of a team's manager channel, and a person's direct
/// conversation. Each enabled channel (web, Slack, Teams) registers one.
/// </summary>
public interface IConversationRouter
{
    string Channel { get; }

    Task<IReadOnlyList<string>> ManagerConversationsAsync(Guid teamId, CancellationToken ct);

    /// <summary>The person's direct conversation, or null when the channel cannot reach them yet.</summary>
    Task<string?> DirectConversationAsync(Guid personId, CancellationToken ct);
}
