using CoachLoop.Engine.Common;

namespace CoachLoop.Engine.Rubrics;

/// <summary>Either a rubric or the reasons it was refused.</summary>
public sealed record RubricResult(Rubric? Rubric, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Rubric is not null;
}
