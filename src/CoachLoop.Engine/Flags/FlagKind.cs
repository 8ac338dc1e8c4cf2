namespace CoachLoop.Engine.Flags;

/// <summary>Why a flag was raised.</summary>
public enum FlagKind
{
    /// <summary>A quality criterion or the overall score fell below threshold.</summary>
    Quality,

    /// <summary>A compliance criterion failed: urgent, posted at once, whatever the overall score.</summary>
    Compliance,

    /// <summary>The same criterion below threshold in N consecutive scored calls: a coaching escalation.</summary>
    Pattern,

    /// <summary>A rubric's keyword trigger was said on the call: a review quoting the segment (urgent unless the trigger says review).</summary>
    Keyword,
}
