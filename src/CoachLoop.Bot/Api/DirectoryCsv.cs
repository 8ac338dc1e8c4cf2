using System.Globalization;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using CsvHelper;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Reads a directory CSV (RFC 4180, parsed by CsvHelper) into people, one per line, with every error named by its line.
/// Every column that sets a field of a person is required, so that a forgotten column never resets a time zone or an
/// externalId to a default; the chat identity columns only add links, so they may be left out, and digestDelivery (chat, email or
/// both) may be left out or empty to keep each person's choice.
/// </summary>
internal static class DirectoryCsv
{
    public static readonly string[] Required = ["email", "name", "role", "team", "externalId", "timeZone", "typicalCallsPerDay"];

    public static readonly string[] Optional = ["slackUserId", "teamsAadObjectId", "digestDelivery"];

    public static readonly string Roles = string.Join(", ", Enum.GetNames<PersonRole>().Select(JsonNamingPolicyName));

    public static async Task<DirectoryCsvResult> ReadAsync(Stream body, int maxRows, CancellationToken ct)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Throw,
        };
        await using var reader = CsvReader.Create(body, options, true);
        var result = new DirectoryCsvResult();
        try
        {
            await reader.ReadHeaderAsync(ct).ConfigureAwait(false);
            if (reader.Headers.Count == 0)
            {
                return result.Fail("body", $"a CSV with a header line ({string.Join(',', Required)}) and at least one row is required");
            }

            var header = reader.Headers.ToList();
            if (HeaderErrors(header) is { Count: > 0 } headerErrors)
            {
                result.Errors.AddRange(headerErrors);
                return result;
            }

            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (reader.RowNumber > maxRows)
                {
                    return result.Fail("body", $"at most {maxRows} rows per import");
                }

                var label = $"line {reader.LineNumber}";
                var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
                if (cells.Count != header.Count)
                {
                    result.Errors.Add(new(label, $"has {cells.Count} fields where the header has {header.Count}; quote a value that contains a comma"));
                    continue;
                }

                result.Add(label, ReadPerson(header, cells, label + ".", result.Errors));
            }
        }
        catch (CsvFormatException ex)
        {
            return result.Fail(ex.LineNumber > 0 ? $"line {ex.LineNumber}" : "body", "is not valid CSV: " + ex.Message);
        }

        return result.People.Count == 0 && result.Errors.Count == 0
            ? result.Fail("body", $"a CSV with a header line ({string.Join(',', Required)}) and at least one row is required")
            : result;
    }

    private static List<ValidationError> HeaderErrors(List<string> header)
    {
        var errors = new List<ValidationError>();
        var known = Required.Concat(Optional).ToList();
        var unknown = header.Where(h => !known.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new("header", $"unknown columns: {string.Join(", ", unknown)}; the columns are {string.Join(',', known)}"));
        }

        var repeated = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            errors.Add(new("header", $"columns given more than once: {string.Join(", ", repeated)}"));
        }

        var missing = Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new("header", $"missing columns: {string.Join(", ", missing)}; every import has {string.Join(',', Required)} " +
                $"({string.Join(", ", Optional)} may be left out). A cell may be empty where a value is optional"));
        }

        return errors;
    }

    private static PersonDetails ReadPerson(List<string> header, List<string> cells, string prefix, List<ValidationError> errors)
    {
        string? Cell(string column)
        {
            var index = header.FindIndex(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));
            return index >= 0 && cells[index].Length > 0 ? cells[index] : null;
        }

        var role = (PersonRole)(-1);
        var roleText = Cell("role");
        if (Enum.GetNames<PersonRole>().FirstOrDefault(n => n.Equals(roleText, StringComparison.OrdinalIgnoreCase)) is { } roleName)
        {
            role = Enum.Parse<PersonRole>(roleName);
        }
        else
        {
            errors.Add(new(prefix + "role", $"'{roleText}' is not a role; use one of: {Roles}"));
        }

        // An empty cell is a person who takes no calls (a manager, a coach): the one default, and it is written in the file.
        var calls = 0;
        if (Cell("typicalCallsPerDay") is { } callsText && !int.TryParse(callsText, NumberStyles.None, CultureInfo.InvariantCulture, out calls))
        {
            errors.Add(new(prefix + "typicalCallsPerDay", $"'{callsText}' is not a whole number (0 to 1000)"));
        }

        DigestDelivery? delivery = null;
        if (Cell("digestDelivery") is { } deliveryText)
        {
            if (Enum.GetNames<DigestDelivery>().FirstOrDefault(n => n.Equals(deliveryText, StringComparison.OrdinalIgnoreCase)) is { } deliveryName)
            {
                delivery = Enum.Parse<DigestDelivery>(deliveryName);
            }
            else
            {
                errors.Add(new(prefix + "digestDelivery", $"'{deliveryText}' is not a digest delivery; use chat, email or both (or leave it empty)"));
            }
        }

        var details = new PersonDetails(Cell("email") ?? "", Cell("name") ?? "", role, Cell("team"), Cell("externalId"),
            Cell("timeZone") ?? "", calls, Cell("slackUserId"), Cell("teamsAadObjectId"), delivery);
        errors.AddRange(details.Validate(prefix).Where(e => !errors.Any(x => x.Field == e.Field)));
        return details;
    }

    private static string JsonNamingPolicyName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
