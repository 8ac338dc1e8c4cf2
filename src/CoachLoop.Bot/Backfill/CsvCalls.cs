using System.Globalization;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Api;
using CoachLoop.Engine.Common;
using CsvHelper;

namespace CoachLoop.Bot.Backfill;

/// <summary>
/// Reads a CSV import body (RFC 4180, parsed by CsvHelper) into the same JSON a scored call is posted as, one call per row, so
/// that the intake's reader judges both formats alike. Columns: <see cref="Fields"/> (the call), and per criterion
/// <c>score.ID</c> with optionally <c>quote.ID</c>, <c>offset.ID</c> and <c>failingSentence.ID</c> (its evidence). An empty
/// cell is a field not given; a criterion with no cells in a row is not scored in that call.
/// </summary>
internal static class CsvCalls
{
    public static readonly string[] Required = ["source", "callId", "agent", "callTime", "rubricKey", "rubricVersion", "overallScore"];

    public static readonly string[] Optional = ["durationSeconds", "queue", "recordingUrl"];

    private static readonly string[] Fields = [.. Required, .. Optional];

    private static readonly string[] Numbers = ["rubricVersion", "overallScore", "durationSeconds"];

    private static readonly string[] EvidenceParts = ["quote", "offset", "failingSentence"];

    public static async Task<(List<ImportLine> Lines, List<ValidationError> Errors)> ReadAsync(Stream body, CancellationToken ct)
    {
        var options = new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Throw };
        await using var reader = CsvReader.Create(body, options, true);
        var lines = new List<ImportLine>();
        try
        {
            await reader.ReadHeaderAsync(ct).ConfigureAwait(false);
            var header = reader.Headers.ToList();
            var (criteria, headerErrors) = ReadHeader(header);
            if (headerErrors.Count > 0)
            {
                return ([], headerErrors);
            }

            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var line = (int)reader.LineNumber;
                var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
                if (cells.Count != header.Count)
                {
                    lines.Add(new ImportLine(line, null, null, "line",
                        $"has {cells.Count} fields where the header has {header.Count}; quote a value that contains a comma"));
                    continue;
                }

                var call = ToJson(header, cells, criteria);
                var at = call["callTime"] is JsonValue v && v.TryGetValue<string>(out var text) && IsoDateTime.TryParse(text, out var t) ? t : (DateTimeOffset?)null;
                lines.Add(new ImportLine(line, call.ToJsonString(), at));
            }
        }
        catch (CsvFormatException ex)
        {
            return ([], [new(ex.LineNumber > 0 ? $"line {ex.LineNumber}" : "body", "is not valid CSV: " + ex.Message)]);
        }

        return (lines, []);
    }

    /// <summary>The criteria of the score columns in their order, or every fault of the header.</summary>
    private static (List<string> Criteria, List<ValidationError> Errors) ReadHeader(List<string> header)
    {
        var errors = new List<ValidationError>();
        var criteria = header.Where(h => h.StartsWith("score.", StringComparison.Ordinal) && h.Length > 6).Select(h => h[6..]).ToList();
        var unknown = header.Where(h => !Fields.Contains(h, StringComparer.Ordinal)
            && !(h.Split('.', 2) is [var part, var id] && (part == "score" || EvidenceParts.Contains(part)) && criteria.Contains(id))).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new("header", $"unknown columns: {string.Join(", ", unknown)}; the columns are {string.Join(',', Fields)}, "
                + "and per criterion score.ID with optionally quote.ID, offset.ID, failingSentence.ID (names are case-sensitive)"));
        }

        var repeated = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            errors.Add(new("header", $"columns given more than once: {string.Join(", ", repeated)}"));
        }

        var missing = Required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0 || criteria.Count == 0)
        {
            errors.Add(new("header", $"missing columns: {string.Join(", ", missing.Append(criteria.Count == 0 ? "score.ID (one per criterion)" : null).OfType<string>())}"));
        }

        return (criteria, errors);
    }

    private static JsonObject ToJson(List<string> header, List<string> cells, List<string> criteria)
    {
        string? Cell(string column) => header.IndexOf(column) is >= 0 and var i && cells[i].Length > 0 ? cells[i] : null;
        var call = new JsonObject();
        foreach (var field in Fields.Where(f => f is not ("rubricKey" or "rubricVersion")))
        {
            if (Cell(field) is { } value)
            {
                call[field] = Numbers.Contains(field) ? Number(value) : value;
            }
        }

        var (key, version) = (Cell("rubricKey"), Cell("rubricVersion"));
        if (key is not null || version is not null)
        {
            var rubric = new JsonObject();
            if (key is not null)
            {
                rubric["key"] = key;
            }

            if (version is not null)
            {
                rubric["version"] = Number(version);
            }

            call["rubric"] = rubric;
        }

        var scores = new JsonArray();
        foreach (var id in criteria)
        {
            var (score, parts) = (Cell("score." + id), EvidenceParts.Select(p => (Part: p, Value: Cell($"{p}.{id}"))).Where(p => p.Value is not null).ToList());
            if (score is null && parts.Count == 0)
            {
                continue;
            }

            var item = new JsonObject { ["criterion"] = id };
            if (score is not null)
            {
                item["score"] = Number(score);
            }

            if (parts.Count > 0)
            {
                item["evidence"] = new JsonObject(parts.Select(p => KeyValuePair.Create(p.Part, (JsonNode?)JsonValue.Create(p.Value))));
            }

            scores.Add(item);
        }

        call["scores"] = scores;
        return call;
    }

    // A number where the API takes one; anything else stays text, which the reader refuses as it refuses "80" in JSON.
    private static JsonNode Number(string cell) =>
        decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(cell);
}
