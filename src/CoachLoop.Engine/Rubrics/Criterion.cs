using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Engine.Rubrics;

/// <summary>One scored criterion of a rubric version. Immutable: a change makes a new rubric version.</summary>
/// <param name="ScriptCheck">For a compliance criterion in script mode: the wording CoachLoop checks on the transcript itself.</param>
/// <param name="KeywordTriggers">Phrases that, said on a call, raise a keyword flag coached on this criterion.</param>
public sealed record Criterion(
    string Id,
    string Name,
    decimal Weight,
    decimal Threshold,
    CriterionKind Kind,
    EvaluationMode Mode,
    string GoodLooksLike,
    string PoorLooksLike,
    string ExpectedBehaviour,
    IReadOnlyList<PracticeScenario> Scenarios,
    ScriptCheck? ScriptCheck = null,
    IReadOnlyList<KeywordTrigger>? KeywordTriggers = null)
{
    public bool IsCompliance => Kind == CriterionKind.Compliance;

    /// <summary>A score strictly below the threshold fails; exactly at the threshold passes.</summary>
    public bool Fails(decimal score) => score < Threshold;

    /// <summary>Weight x (threshold - score): how much coaching this gap is worth. Negative when passing.</summary>
    public decimal WeightedGap(decimal score) => Weight * (Threshold - score);

    public PracticeScenario? FindScenario(string scenarioId) =>
        Scenarios.FirstOrDefault(s => string.Equals(s.Id, scenarioId, StringComparison.Ordinal));
}
