namespace CoachLoop.Engine.Coaching;

/// <summary>What the manager records after a workshop; each flag gets a session with these words and its own follow-up date.</summary>
public sealed record WorkshopLog(
    string TargetedBehaviour,
    string SelfAssessment,
    string AgreedBehaviour,
    string Practice,
    DateOnly HeldOn,
    string? Notes = null);
