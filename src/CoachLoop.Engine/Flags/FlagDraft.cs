using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Engine.Flags;

/// <summary>A flag the rules decided to raise for one call, before it is drafted into a plan.</summary>
/// <param name="Focus">The criterion to coach.</param>
/// <param name="Reasons">Why, in plain words.</param>
/// <param name="OtherGaps">Other failing criteria: noted, not coached.</param>
/// <param name="RecentScores">The agent's recent scores on the focus criterion, oldest first, this call last.</param>
/// <param name="StreakLength">How many failing calls in a row, by call time, this call is part of.</param>
/// <param name="Streak">For a pattern flag: the streak it names and claims.</param>
/// <param name="Finding">What the transcript checks found on the focus criterion, or the keyword hit.</param>
public sealed record FlagDraft(
    FlagKind Kind,
    CriterionGap Focus,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CriterionGap> OtherGaps,
    IReadOnlyList<decimal> RecentScores,
    int StreakLength,
    PatternStreak? Streak = null,
    TranscriptFinding? Finding = null)
{
    public bool Urgent => Kind == FlagKind.Compliance || (Kind == FlagKind.Keyword && Finding?.Severity != KeywordSeverity.Review);
}
