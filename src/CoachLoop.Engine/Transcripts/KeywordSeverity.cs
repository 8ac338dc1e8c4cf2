namespace CoachLoop.Engine.Transcripts;

/// <summary>How a keyword hit is flagged: <c>Urgent</c> is posted at once like a compliance flag; <c>Review</c> waits with quality flags.</summary>
public enum KeywordSeverity
{
    Urgent,
    Review,
}
