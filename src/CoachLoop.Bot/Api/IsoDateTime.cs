using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachLoop.Bot.Api;

/// <summary>
/// The one date-time format of the API, in bodies and in queries: ISO 8601 with a date, a time and an explicit offset. A value
/// without an offset is refused rather than read in the server's time zone.
/// </summary>
internal static partial class IsoDateTime
{
    public const string Expected = "an ISO 8601 date-time with offset, e.g. 2026-11-20T07:00:00Z or 2026-11-20T08:00:00+01:00";

    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        return value is not null && Shape().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out result);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Shape();
}
