using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Engine.Calls;

/// <summary>The input event: a call scored by a QA system against a rubric version.</summary>
/// <param name="Source">The QA system that scored it; (Source, CallId) is the idempotency key.</param>
/// <param name="CallId">The source system's call id.</param>
/// <param name="Agent">The agent's external id or email, as known in the directory.</param>
/// <param name="Transcript">Optional: what was said, for the rubric's script checks and keyword triggers.</param>
public sealed record ScoredCall(
    string Source,
    string CallId,
    string Agent,
    DateTimeOffset CallTime,
    TimeSpan? Duration,
    string? Queue,
    string RubricKey,
    int RubricVersion,
    decimal OverallScore,
    IReadOnlyList<CriterionScore> Scores,
    string? RecordingUrl = null,
    Transcript? Transcript = null);
