using System.Text;
using System.Text.Json;
using CoachLoop.Bot.Api;

namespace CoachLoop.Bot.Backfill;

/// <summary>Reads an NDJSON import body: one scored call (a JSON object) per line; blank lines are skipped but keep their numbers.</summary>
internal static class NdjsonLines
{
    public static async Task<List<ImportLine>> ReadAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var lines = new List<ImportLine>();
        var number = 0;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                lines.Add(new ImportLine(number, text, CallTimeOf(text)));
            }
        }

        return lines;
    }

    // Only for the order: a line whose call time cannot be read is refused by the intake's reader anyway.
    private static DateTimeOffset? CallTimeOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("callTime", out var at) && at.ValueKind == JsonValueKind.String
                && IsoDateTime.TryParse(at.GetString(), out var callTime)
                    ? callTime
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
