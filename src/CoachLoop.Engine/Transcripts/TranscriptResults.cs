namespace CoachLoop.Engine.Transcripts;

/// <summary>The findings of one call's transcript: per criterion with a script check, and each keyword trigger that was hit.</summary>
public sealed record TranscriptResults(IReadOnlyDictionary<string, TranscriptFinding> Scripts, IReadOnlyList<KeywordHit> Keywords)
{
    /// <summary>No transcript, or a rubric without checks: nothing found, nothing changes.</summary>
    public static TranscriptResults None { get; } = new(new Dictionary<string, TranscriptFinding>(), []);
}
