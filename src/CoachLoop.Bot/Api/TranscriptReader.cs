using System.Text.Json;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Reads a scored call's optional <c>transcript</c> with the same strictness as the rest of the call: each segment's speaker,
/// start (an offset like evidence offsets) and text, every error named by its path (<c>transcript.segments[3].speaker</c>).
/// </summary>
internal static class TranscriptReader
{
    public static Transcript? Read(JsonFields call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Object("transcript") is not { } transcript || transcript.Array("segments", required: true) is not { } array)
        {
            return null;
        }

        var count = array.GetArrayLength();
        if (count > ScoredCallLimits.TranscriptSegments)
        {
            // Refused before reading: the segments of an oversized transcript are not each worth an error.
            call.Errors.Add(new("transcript.segments", $"must hold at most {ScoredCallLimits.TranscriptSegments} segments, held {count}"));
            return null;
        }

        var segments = new List<TranscriptSegment>(count);
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            segments.Add(ReadSegment(item, $"transcript.segments[{i++}]", call.Errors));
        }

        return new Transcript(segments);
    }

    private static TranscriptSegment ReadSegment(JsonElement item, string path, List<Engine.Common.ValidationError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "must be a JSON object: { \"speaker\": \"agent\", \"start\": \"00:00:04\", \"text\": \"...\" }"));
            return new TranscriptSegment(Speaker.Agent, TimeSpan.Zero, "-");
        }

        var s = new JsonFields(item, path, errors);
        var speakerText = s.String("speaker", required: true);
        var speaker = Speaker.Agent;
        if (speakerText is not null && !StatusNames.TryParse(speakerText, out speaker))
        {
            errors.Add(new(s.Path("speaker"), $"must be agent or customer, was '{speakerText}'"));
        }

        var start = ScoredCallReader.ReadOffset(s, "start", required: true);
        return new TranscriptSegment(speaker, start, s.String("text", required: true) ?? "-");
    }
}
