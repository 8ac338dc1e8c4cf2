namespace CoachLoop.Engine.Rubrics;

/// <summary><c>Script</c>: exact required wording (a disclosure); <c>Intent</c>: the behaviour shown, not verbatim.</summary>
public enum EvaluationMode
{
    Script,
    Intent,
}
