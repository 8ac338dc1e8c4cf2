using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Coaching;

/// <summary>What a flag card carries: the criterion line, the evidence, the behaviour to see, the practice and the follow-up date.</summary>
public sealed record ActionPlan(
    string CallId,
    DateTimeOffset CallTime,
    string CriterionId,
    string CriterionLine,
    string? Quote,
    string? QuoteOffset,
    string ExpectedBehaviour,
    PracticeScenario? Scenario,
    string? Practice,
    DateOnly FollowUpDate,
    string History,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> OtherGaps,
    IReadOnlyList<decimal> RecentScores);
