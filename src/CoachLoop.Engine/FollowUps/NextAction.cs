namespace CoachLoop.Engine.FollowUps;

/// <summary>What a follow-up scoring decides.</summary>
public enum NextAction
{
    /// <summary>The threshold is met: the loop is closed.</summary>
    Close,

    /// <summary>Not there yet: reassign a different practice.</summary>
    Continue,

    /// <summary>No movement after the allowed review cycles.</summary>
    Escalate,

    /// <summary>Too few calls scored since coaching to judge.</summary>
    NotEnoughData,
}
