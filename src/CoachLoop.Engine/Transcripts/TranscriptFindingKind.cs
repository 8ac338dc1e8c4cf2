namespace CoachLoop.Engine.Transcripts;

/// <summary>Which transcript check a finding comes from.</summary>
public enum TranscriptFindingKind
{
    /// <summary>A criterion's required wording.</summary>
    Script,

    /// <summary>A rubric's keyword trigger.</summary>
    Keyword,
}
