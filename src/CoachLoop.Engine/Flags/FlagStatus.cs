namespace CoachLoop.Engine.Flags;

/// <summary>Where a flag is in the coaching loop.</summary>
public enum FlagStatus
{
    Raised,
    PracticeApproved,
    SessionLogged,
    FollowUpDue,
    Continued,
    Closed,
    Escalated,
    Dismissed,
}
