using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Coaching;

/// <summary>A criterion of a call with its score; <see cref="Fails"/> when below threshold.</summary>
public sealed record CriterionGap(Criterion Criterion, decimal Score, Evidence? Evidence)
{
    public bool Fails => Criterion.Fails(Score);
    public bool FailedCompliance => Fails && Criterion.IsCompliance;
    public decimal WeightedGap => Criterion.WeightedGap(Score);

    /// <summary>"Empathy (25% weight) - scored 45, threshold 60".</summary>
    public string Line => CriterionLine.Format(Criterion, Score);
}
