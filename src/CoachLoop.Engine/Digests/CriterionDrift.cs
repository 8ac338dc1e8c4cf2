namespace CoachLoop.Engine.Digests;

/// <summary>A criterion whose team average is falling: weekly averages, oldest first, and the slope in points per week.</summary>
public sealed record CriterionDrift(string CriterionId, IReadOnlyList<decimal> WeeklyAverages, decimal SlopePerWeek);
