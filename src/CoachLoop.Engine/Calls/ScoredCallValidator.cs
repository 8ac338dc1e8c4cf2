using CoachLoop.Engine.Common;
using CoachLoop.Engine.Rubrics;
using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Engine.Calls;

/// <summary>Refuses a scored call with every reason, each naming its field.</summary>
public static class ScoredCallValidator
{
    /// <param name="call">The call as received.</param>
    /// <param name="rubric">The rubric version it names, or null when no such version exists.</param>
    /// <param name="agentKnown">Whether the agent is in the directory.</param>
    /// <param name="now">Calls dated more than a day in the future are refused.</param>
    public static IReadOnlyList<ValidationError> Validate(ScoredCall call, Rubric? rubric, bool agentKnown, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        var errors = ValidateText(call);
        var refused = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(call.Source))
        {
            errors.Add(new("source", "is required"));
        }

        if (string.IsNullOrWhiteSpace(call.CallId))
        {
            errors.Add(new("callId", "is required"));
        }

        if (string.IsNullOrWhiteSpace(call.Agent))
        {
            errors.Add(new("agent", "is required: a scored call without its agent cannot be coached"));
        }
        else if (!agentKnown && !refused.Contains("agent"))
        {
            errors.Add(new("agent", $"unknown agent '{call.Agent}': add them to the directory first"));
        }

        if (call.CallTime == default)
        {
            errors.Add(new("callTime", "is required"));
        }
        else if (call.CallTime > now.AddDays(1))
        {
            errors.Add(new("callTime", "is in the future"));
        }

        if (call.Duration is { } d && d < TimeSpan.Zero)
        {
            errors.Add(new("duration", "must not be negative"));
        }

        if (!IsScore(call.OverallScore))
        {
            errors.Add(new("overallScore", $"must be between 0 and 100, was {call.OverallScore}"));
        }

        if (rubric is null)
        {
            if (!refused.Contains("rubric.key"))
            {
                errors.Add(new("rubric", $"unknown rubric '{call.RubricKey}' version {call.RubricVersion}"));
            }

            return errors;
        }

        ValidateScores(errors, call.Scores ?? [], rubric, refused);
        TranscriptValidator.Validate(errors, call.Transcript);
        return errors;
    }

    /// <summary>
    /// The refusals of the call's text that need no database: a NUL character in any field, or a field longer than its column
    /// (<see cref="ScoredCallLimits"/>). A call refused here must not be looked up either: PostgreSQL refuses a NUL in a query too.
    /// </summary>
    public static List<ValidationError> ValidateText(ScoredCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var errors = new List<ValidationError>();
        TextLimits.Check(errors, "source", call.Source, ScoredCallLimits.Source);
        TextLimits.Check(errors, "callId", call.CallId, ScoredCallLimits.CallId);
        TextLimits.Check(errors, "agent", call.Agent, ScoredCallLimits.Agent);
        TextLimits.Check(errors, "queue", call.Queue, ScoredCallLimits.Queue);
        TextLimits.Check(errors, "recordingUrl", call.RecordingUrl, ScoredCallLimits.RecordingUrl);
        TextLimits.Check(errors, "rubric.key", call.RubricKey, ScoredCallLimits.RubricKey);
        var scores = call.Scores ?? [];
        for (var i = 0; i < scores.Count; i++)
        {
            TextLimits.Check(errors, $"scores[{i}].criterion", scores[i].CriterionId, ScoredCallLimits.CriterionId);
            if (scores[i].Evidence is { } e)
            {
                TextLimits.Check(errors, $"scores[{i}].evidence.quote", e.Quote, ScoredCallLimits.Quote);
                TextLimits.Check(errors, $"scores[{i}].evidence.failingSentence", e.FailingSentence, ScoredCallLimits.FailingSentence);
            }
        }

        TranscriptValidator.ValidateText(errors, call.Transcript);
        return errors;
    }

    private static void ValidateScores(List<ValidationError> errors, IReadOnlyList<CriterionScore> scores, Rubric rubric, HashSet<string> refused)
    {
        if (scores.Count == 0)
        {
            errors.Add(new("scores", "at least one criterion score is required"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            var path = $"scores[{i}]";
            if (string.IsNullOrWhiteSpace(s.CriterionId))
            {
                errors.Add(new($"{path}.criterion", "is required"));
            }
            else if (rubric.FindCriterion(s.CriterionId) is null && !refused.Contains($"{path}.criterion"))
            {
                errors.Add(new($"{path}.criterion", $"unknown criterion '{s.CriterionId}' in rubric '{rubric.Key}' v{rubric.Version}"));
            }
            else if (!seen.Add(s.CriterionId))
            {
                errors.Add(new($"{path}.criterion", $"criterion '{s.CriterionId}' is scored twice"));
            }

            if (!IsScore(s.Score))
            {
                errors.Add(new($"{path}.score", $"must be between 0 and 100, was {s.Score}"));
            }

            if (s.Evidence is { } e)
            {
                if (string.IsNullOrWhiteSpace(e.Quote) && !refused.Contains($"{path}.evidence.quote"))
                {
                    errors.Add(new($"{path}.evidence.quote", "is required when evidence is given"));
                }

                if (e.Offset < TimeSpan.Zero)
                {
                    errors.Add(new($"{path}.evidence.offset", "must not be negative"));
                }
            }
        }
    }

    private static bool IsScore(decimal value) => value is >= 0 and <= 100;
}
