namespace CoachLoop.Engine.Coaching;

/// <summary>
/// What a manager records after a coaching session. One free-text section at most (<see cref="Notes"/>);
/// the rest is structured so the log can stand as an audit record.
/// </summary>
public sealed record CoachingSession(
    string FocusCriterionId,
    string TargetedBehaviour,
    string AgentSelfAssessment,
    string AgreedBehaviour,
    string Practice,
    DateOnly FollowUpDate,
    DateOnly HeldOn,
    string? Notes = null);
