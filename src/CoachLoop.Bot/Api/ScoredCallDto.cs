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
    List<CriterionScoreDto>? Scores);

internal sealed record RubricRefDto(string? Key, int? Version);

internal sealed record CriterionScoreDto(string? Criterion, decimal? Score, EvidenceDto? Evidence);

internal sealed record EvidenceDto(string? Quote, string? Offset, string? FailingSentence);
