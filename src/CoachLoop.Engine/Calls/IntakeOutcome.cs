namespace CoachLoop.Engine.Calls;

/// <summary>How a scored call was taken in.</summary>
public enum IntakeOutcome
{
    /// <summary>Stored now; flags raised where the rules demand.</summary>
    Accepted,

    /// <summary>The same call with the same content was already stored: the first result is returned.</summary>
    Duplicate,

    /// <summary>The same (source, call id) was stored with different content.</summary>
    Conflict,

    /// <summary>Refused: see the errors. Nothing was stored.</summary>
    Invalid,
}
