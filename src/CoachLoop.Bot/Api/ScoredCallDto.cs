using System.Globalization;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Api;

/// <summary>A scored call as a QA system posts it. Every field is nullable so that a missing one is reported by name.</summary>
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
    List<CriterionScoreDto>? Scores)
{
    private static readonly string[] OffsetFormats = [@"hh\:mm\:ss", @"h\:mm\:ss", @"mm\:ss", @"m\:ss"];

    /// <summary>Maps to the Engine's input; reports what cannot be mapped (missing numbers, bad offsets).</summary>
    public (ScoredCall? Call, List<ValidationError> Errors) ToScoredCall()
    {
        var errors = new List<ValidationError>();
        if (Rubric?.Key is null || Rubric.Version is null)
        {
            errors.Add(new("rubric", "is required: { \"key\": \"support\", \"version\": 1 }"));
        }

        if (OverallScore is null)
        {
            errors.Add(new("overallScore", "is required"));
        }

        if (Scores is null)
        {
            errors.Add(new("scores", "is required"));
        }

        var scores = new List<CriterionScore>();
        for (var i = 0; i < (Scores?.Count ?? 0); i++)
        {
            var s = Scores![i];
            if (s is null)
            {
                errors.Add(new($"scores[{i}]", "is required"));
                continue;
            }

            if (s.Score is null)
            {
                errors.Add(new($"scores[{i}].score", "is required"));
            }

            Evidence? evidence = null;
            if (s.Evidence is { } e)
            {
                var offset = TimeSpan.Zero;
                if (e.Offset is not null && !TimeSpan.TryParseExact(e.Offset, OffsetFormats, CultureInfo.InvariantCulture, out offset))
                {
                    errors.Add(new($"scores[{i}].evidence.offset", $"'{e.Offset}' is not an offset like 00:12:04"));
                }
                else if (e.Offset is null)
                {
                    errors.Add(new($"scores[{i}].evidence.offset", "is required with a quote: where in the call it was said, like 00:12:04"));
                }

                evidence = new Evidence(e.Quote ?? "", offset, e.FailingSentence);
            }

            scores.Add(new CriterionScore(s.Criterion ?? "", s.Score ?? 0, evidence));
        }

        if (errors.Count > 0)
        {
            // The Engine's validator reports the rest once the call can be built; say now what else is missing.
            AddIfMissing(errors, "source", Source);
            AddIfMissing(errors, "callId", CallId);
            AddIfMissing(errors, "agent", Agent);
            AddIfMissing(errors, "callTime", CallTime?.ToString("O", CultureInfo.InvariantCulture));
            return (null, errors);
        }

        var call = new ScoredCall(Source ?? "", CallId ?? "", Agent ?? "", CallTime ?? default,
            DurationSeconds is { } d ? TimeSpan.FromSeconds(d) : null, Queue, Rubric!.Key!, Rubric.Version!.Value,
            OverallScore!.Value, scores, RecordingUrl);
        return (call, errors);
    }

    private static void AddIfMissing(List<ValidationError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Insert(0, new(field, "is required"));
        }
    }
}

internal sealed record RubricRefDto(string? Key, int? Version);

internal sealed record CriterionScoreDto(string? Criterion, decimal? Score, EvidenceDto? Evidence);

internal sealed record EvidenceDto(string? Quote, string? Offset, string? FailingSentence);
