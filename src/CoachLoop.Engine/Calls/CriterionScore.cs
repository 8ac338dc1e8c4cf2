namespace CoachLoop.Engine.Calls;

/// <summary>A score 0-100 for one criterion of the call's rubric, with its evidence.</summary>
public sealed record CriterionScore(string CriterionId, decimal Score, Evidence? Evidence);
