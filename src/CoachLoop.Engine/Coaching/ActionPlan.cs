using CoachLoop.Engine.Rubrics;
using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Engine.Coaching;

/// <summary>What a flag card carries: the criterion line, the evidence, the behaviour to see, the practice and the follow-up date.</summary>
/// <param name="Transcript">The script check's or keyword trigger's finding on the call's transcript, when it had one.</param>
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
    IReadOnlyList<decimal> RecentScores,
    TranscriptFinding? Transcript = null);
