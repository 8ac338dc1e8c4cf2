using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Common;

namespace CoachLoop.Engine.Transcripts;

/// <summary>Refuses a call's transcript field by field: <c>transcript.segments[3].speaker</c>.</summary>
public static class TranscriptValidator
{
    /// <summary>The refusals that need no database: too many segments, a segment's text too long or holding a NUL.</summary>
    public static void ValidateText(List<ValidationError> errors, Transcript? transcript)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (transcript?.Segments is not { } segments)
        {
            return;
        }

        if (segments.Count > ScoredCallLimits.TranscriptSegments)
        {
            errors.Add(new("transcript.segments", $"must hold at most {ScoredCallLimits.TranscriptSegments} segments, held {segments.Count}"));
            return;
        }

        for (var i = 0; i < segments.Count; i++)
        {
            TextLimits.Check(errors, $"transcript.segments[{i}].text", segments[i].Text, ScoredCallLimits.SegmentText);
        }
    }

    /// <summary>The rest: a speaker, a start that is not negative, some text.</summary>
    public static void Validate(List<ValidationError> errors, Transcript? transcript)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (transcript is null)
        {
            return;
        }

        var segments = transcript.Segments ?? [];
        if (segments.Count > ScoredCallLimits.TranscriptSegments)
        {
            return;
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var path = $"transcript.segments[{i}]";
            if (!Enum.IsDefined(segments[i].Speaker))
            {
                errors.Add(new($"{path}.speaker", "must be agent or customer"));
            }

            if (segments[i].Start < TimeSpan.Zero)
            {
                errors.Add(new($"{path}.start", "must not be negative"));
            }

            if (string.IsNullOrWhiteSpace(segments[i].Text))
            {
                errors.Add(new($"{path}.text", "is required"));
            }
        }
    }
}
