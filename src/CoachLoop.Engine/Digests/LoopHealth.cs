namespace CoachLoop.Engine.Digests;

/// <summary>How well the team's loop closes: time from call to coaching, practice completion, criteria trending down.</summary>
public sealed record LoopHealth(double? AverageHoursToCoaching, decimal? PracticeCompletionRate, IReadOnlyList<CriterionDrift> TrendingDown);
