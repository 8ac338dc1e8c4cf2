namespace CoachLoop.Engine.Rubrics;

/// <summary>What a caller asks for; <see cref="Rubric.Create"/> validates it.</summary>
public sealed record RubricDefinition(
    string Key,
    string Name,
    string CallType,
    decimal? OverallThreshold,
    IReadOnlyList<Criterion>? Criteria);
