namespace CoachLoop.Engine.Calls;

/// <summary>How the store's one write of an accepted call went.</summary>
public enum SaveOutcome
{
    /// <summary>Written: the call, its scores, flags, streak changes and audit entries, all at once.</summary>
    Saved,

    /// <summary>Another writer stored the same (source, call id) first; nothing of this call was written.</summary>
    AlreadyStored,

    /// <summary>
    /// Another writer changed what the rules read (the agent's streak on a criterion, or a flag this call
    /// changes) since it was read; nothing was written and the call must be evaluated again.
    /// </summary>
    Conflict,
}
