namespace CoachLoop.Engine.Rubrics;

/// <summary>Whether failing a criterion is a quality gap or a compliance breach (urgent, flagged whatever the overall score).</summary>
public enum CriterionKind
{
    Quality,
    Compliance,
}
