using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>Everything the flag and agent cards show, loaded once per card.</summary>
/// <param name="Criterion">The flagged criterion as locked in the flag's rubric version (its scenario catalogue).</param>
/// <param name="History">Every audited change of the flag, oldest first: who did what, when.</param>
/// <param name="Recent">The agent's figures over the last cycle, prefilled into the session log.</param>
public sealed record FlagCardContext(
    Flag Flag,
    string AgentName,
    Criterion? Criterion,
    IReadOnlyList<LastChange> History,
    Dispute? Dispute,
    RecentFigures? Recent)
{
    /// <summary>The name of the agent's team manager, for "who the buttons are for"; null when the team has none.</summary>
    public string? ManagerName { get; init; }

    /// <summary>The flag's peer example ("what good sounds like"), when it has one that still counts.</summary>
    public PeerExampleView? Peer { get; init; }

    /// <summary>How the peer example names the peer (setting <c>Cards:PeerExamples</c>).</summary>
    public PeerExampleMode PeerMode { get; init; } = PeerExampleMode.Anonymous;

    /// <summary>The latest audited change.</summary>
    public LastChange? LastChange => History.Count > 0 ? History[^1] : null;

    /// <summary>The latest change by one of <paramref name="actions"/> (audit action names), or null.</summary>
    public LastChange? Last(params string[] actions) => History.LastOrDefault(h => actions.Contains(h.Action, StringComparer.Ordinal));
}

/// <summary>"approve-practice by Morgan Lee at ..."</summary>
public sealed record LastChange(string Action, string ActorName, DateTimeOffset At, string? Detail);

/// <summary>The last cycle's figures: overall average, the criterion's average, calls below the review threshold, compliance flags.</summary>
public sealed record RecentFigures(int Days, decimal? OverallAverage, decimal? CriterionAverage, int CallsBelowThreshold, int ComplianceFlags);
