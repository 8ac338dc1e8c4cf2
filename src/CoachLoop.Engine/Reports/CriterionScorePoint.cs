namespace CoachLoop.Engine.Reports;

/// <summary>One counted (not overturned) score of an agent on a criterion.</summary>
public sealed record CriterionScorePoint(Guid AgentId, string CriterionId, DateTimeOffset CallTime, decimal Score);
