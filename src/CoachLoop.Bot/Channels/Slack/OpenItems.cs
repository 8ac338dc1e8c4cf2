namespace CoachLoop.Bot.Channels.Slack;

/// <summary>Lines of escaped mrkdwn, one per item.</summary>
public sealed record OpenItems(
    bool IsManager,
    IReadOnlyList<string> MyFlags,
    IReadOnlyList<string> MyDisputes,
    IReadOnlyList<string> TeamFlags,
    IReadOnlyList<string> ApprovalsWaiting,
    IReadOnlyList<string> FollowUpsDue);
