namespace CoachLoop.Engine.Digests;

/// <summary>How well the team's loop closes: time from call to coaching, practice completion, criteria trending down.</summary>
/// <param name="ScriptDisagreements">Flags raised in the last 7 days where the QA score and CoachLoop's script check disagreed.</param>
public sealed record LoopHealth(double? AverageHoursToCoaching, decimal? PracticeCompletionRate, IReadOnlyList<CriterionDrift> TrendingDown,
    int ScriptDisagreements = 0);
