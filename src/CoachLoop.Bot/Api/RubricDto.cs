using CoachLoop.Engine.Rubrics;
using CoachLoop.Engine.Transcripts;

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
    List<PracticeScenario>? Scenarios,
    ScriptCheckDto? ScriptCheck = null,
    List<KeywordTriggerDto>? KeywordTriggers = null)
{
    // Missing numbers map to values the validator refuses, so the error names the field.
    public Criterion ToCriterion() => new(Id ?? "", Name ?? "", Weight ?? 0, Threshold ?? -1, Kind ?? CriterionKind.Quality,
        Mode ?? EvaluationMode.Intent, GoodLooksLike ?? "", PoorLooksLike ?? "", ExpectedBehaviour ?? "", Scenarios ?? [],
        ScriptCheck?.ToScriptCheck(), KeywordTriggers?.Select(t => t.ToTrigger()).ToList());
}

/// <summary>
/// A criterion's required wording: any one of <c>phrases</c> satisfies it, said by <c>speaker</c> (agent by default) within
/// <c>withinSeconds</c> of the call's start (anywhere when left out), at a word-level similarity of <c>minSimilarity</c> (0.8).
/// </summary>
internal sealed record ScriptCheckDto(List<string>? Phrases, SpeakerScope? Speaker, int? WithinSeconds, decimal? MinSimilarity)
{
    public ScriptCheck ToScriptCheck() => new(Phrases ?? [], Speaker ?? SpeakerScope.Agent, WithinSeconds,
        MinSimilarity ?? Engine.Transcripts.ScriptCheck.DefaultMinSimilarity);
}

/// <summary>Phrases that raise a keyword flag on this criterion: said by <c>speaker</c> (anyone by default), <c>severity</c> urgent (default) or review.</summary>
internal sealed record KeywordTriggerDto(string? Label, List<string>? Phrases, SpeakerScope? Speaker, KeywordSeverity? Severity, decimal? MinSimilarity)
{
    public KeywordTrigger ToTrigger() => new(Label ?? "", Phrases ?? [], Speaker ?? SpeakerScope.Any, Severity ?? KeywordSeverity.Urgent,
        MinSimilarity ?? ScriptCheck.DefaultMinSimilarity);
}
