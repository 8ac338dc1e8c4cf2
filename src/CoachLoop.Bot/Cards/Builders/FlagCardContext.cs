using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>Everything the flag and agent cards show, loaded once per card.</summary>
/// <param name="Criterion">The flagged criterion as locked in the flag's rubric version (its scenario catalogue).</param>
/// <param name="LastChange">The latest audited change: who did what, when.</param>
/// <param name="Recent">The agent's figures over the last cycle, prefilled into the session log.</param>
public sealed record FlagCardContext(
    Flag Flag,
    string AgentName,
    Criterion? Criterion,
    LastChange? LastChange,
    Dispute? Dispute,
    RecentFigures? Recent);

/// <summary>"approve-practice by Morgan Lee at ..."</summary>
public sealed record LastChange(string Action, string ActorName, DateTimeOffset At, string? Detail);

/// <summary>The last cycle's figures: overall average, the criterion's average, calls below the review threshold, compliance flags.</summary>
public sealed record RecentFigures(int Days, decimal? OverallAverage, decimal? CriterionAverage, int CallsBelowThreshold, int ComplianceFlags);
