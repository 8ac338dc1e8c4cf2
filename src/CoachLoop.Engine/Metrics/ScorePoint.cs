namespace CoachLoop.Engine.Metrics;

/// <summary>One non-overturned criterion score at a call time.</summary>
public sealed record ScorePoint(DateTimeOffset CallTime, decimal Score);
