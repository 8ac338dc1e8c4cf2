namespace CoachLoop.Engine.Metrics;

/// <summary>The average score of one week (weeks start on Monday, UTC).</summary>
public sealed record TrendPoint(DateOnly WeekStart, decimal Average, int Calls);
