using System.Globalization;
using System.Text.Json;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Reads a scored call from its JSON (the shape of <see cref="ScoredCallDto"/>) with strict types, reporting every missing,
/// mistyped or misformatted field at once. What cannot be read is replaced by a value the Engine's validator accepts, so
/// that it can still report the rest of the call (a score of 140, an unknown criterion) in the same answer.
/// </summary>
internal static class ScoredCallReader
{
    private static readonly string[] OffsetFormats = [@"hh\:mm\:ss", @"h\:mm\:ss", @"mm\:ss", @"m\:ss"];

    public static (ScoredCall Call, List<ValidationError> Errors) Read(JsonElement element)
    {
        var errors = new List<ValidationError>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("body", "must be a JSON object: a scored call"));
            return (new ScoredCall("", "", "", default, null, null, "", 0, 0, []), errors);
        }

        var f = new JsonFields(element, "", errors);
        var source = f.String("source", required: true);
        var callId = f.String("callId", required: true);
        var agent = f.String("agent", required: true);
        var callTime = f.DateTime("callTime", required: true);
        var duration = f.Int("durationSeconds");
        if (duration < 0)
        {
            errors.Add(new("durationSeconds", "must not be negative"));
        }

        var queue = f.String("queue");
        var recordingUrl = f.String("recordingUrl");
        var rubric = f.Object("rubric", required: true, requiredHint: "is required: { \"key\": \"support\", \"version\": 1 }");
        var rubricKey = rubric?.String("key", required: true);
        var rubricVersion = rubric?.Int("version", required: true);
        var overall = f.Decimal("overallScore", required: true);
        var scores = new List<CriterionScore>();
        if (f.Array("scores", required: true) is { } array)
        {
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                scores.Add(ReadScore(item, $"scores[{i++}]", errors));
            }
        }

        var call = new ScoredCall(source ?? "", callId ?? "", agent ?? "", callTime ?? default,
            duration >= 0 ? TimeSpan.FromSeconds(duration.Value) : null, queue, rubricKey ?? "", rubricVersion ?? 0, overall ?? 0,
            scores, recordingUrl, TranscriptReader.Read(f));
        return (call, errors);
    }

    private static CriterionScore ReadScore(JsonElement item, string path, List<ValidationError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "must be a JSON object: { \"criterion\": \"empathy\", \"score\": 45 }"));
            return new CriterionScore("", 0, null);
        }

        var s = new JsonFields(item, path, errors);
        var criterion = s.String("criterion", required: true);
        var score = s.Decimal("score", required: true);
        Evidence? evidence = null;
        if (s.Object("evidence") is { } e)
        {
            var quote = e.String("quote", required: true);
            var offsetText = e.String("offset", required: true);
            evidence = new Evidence(quote ?? "", ReadOffset(e, "offset", required: true), e.String("failingSentence"));
        }

        return new CriterionScore(criterion ?? "", score ?? 0, evidence);
    }

    /// <summary>An offset in the call, written as evidence offsets are (00:12:04, 12:04); zero when missing or unreadable.</summary>
    public static TimeSpan ReadOffset(JsonFields fields, string name, bool required)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = fields.String(name, required);
        var offset = TimeSpan.Zero;
        if (text is not null && !TimeSpan.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, out offset))
        {
            fields.Errors.Add(new(fields.Path(name), $"'{text}' is not an offset like 00:12:04"));
        }

        return offset;
    }
}
