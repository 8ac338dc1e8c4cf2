namespace CoachLoop.Bot.Api;

/// <summary>A scored call as a QA system posts it: the documented shape (OpenAPI); <see cref="ScoredCallReader"/> reads it.</summary>
internal sealed record ScoredCallDto(
    string? Source,
    string? CallId,
    string? Agent,
    DateTimeOffset? CallTime,
    int? DurationSeconds,
    string? Queue,
    RubricRefDto? Rubric,
    decimal? OverallScore,
    string? RecordingUrl,
    List<CriterionScoreDto>? Scores,
    TranscriptDto? Transcript = null);

internal sealed record RubricRefDto(string? Key, int? Version);

internal sealed record CriterionScoreDto(string? Criterion, decimal? Score, EvidenceDto? Evidence);

internal sealed record EvidenceDto(string? Quote, string? Offset, string? FailingSentence);

/// <summary>What was said on the call, for the rubric's script checks and keyword triggers: checked on intake, not stored.</summary>
internal sealed record TranscriptDto(List<TranscriptSegmentDto>? Segments);

/// <summary>One segment: <c>speaker</c> agent or customer, <c>start</c> an offset like evidence offsets (00:00:04), its text.</summary>
internal sealed record TranscriptSegmentDto(Engine.Transcripts.Speaker? Speaker, string? Start, string? Text);
