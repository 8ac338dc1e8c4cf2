using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Bot.Api;

/// <summary>A rubric as posted. Posting a key that exists makes its next version.</summary>
internal sealed record RubricDto(string? Key, string? Name, string? CallType, decimal? OverallThreshold, List<CriterionDto>? Criteria)
{
    public RubricDefinition ToDefinition() => new(Key ?? "", Name ?? "", CallType ?? "", OverallThreshold,
        Criteria?.Select(c => c.ToCriterion()).ToList());
}

internal sealed record CriterionDto(
    string? Id,
    string? Name,
    decimal? Weight,
    decimal? Threshold,
    CriterionKind? Kind,
    EvaluationMode? Mode,
    string? GoodLooksLike,
    string? PoorLooksLike,
    string? ExpectedBehaviour,
    List<PracticeScenario>? Scenarios)
{
    // Missing numbers map to values the validator refuses, so the error names the field.
    public Criterion ToCriterion() => new(Id ?? "", Name ?? "", Weight ?? 0, Threshold ?? -1, Kind ?? CriterionKind.Quality,
        Mode ?? EvaluationMode.Intent, GoodLooksLike ?? "", PoorLooksLike ?? "", ExpectedBehaviour ?? "", Scenarios ?? []);
}
