using System.Globalization;

namespace CoachLoop.Bot.Api;

/// <summary>
/// The <c>limit</c> and <c>cursor</c> query parameters of a paged list, read once: a limit between 1 and
/// <see cref="MaxLimit"/> (default <see cref="DefaultLimit"/>) and the keys of a cursor this list made.
/// </summary>
internal sealed record PageRequest(int Limit, string[]? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = Data.Stores.CoachingQueries.MaxPageSize;

    public static (PageRequest? Page, IResult? Problem) Read(string? limit, string? cursor, string list, int keyCount)
    {
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            return (null, Problems.Validation("limit", $"must be a whole number from 1 to {MaxLimit} (default {DefaultLimit})"));
        }

        if (cursor is null)
        {
            return (new PageRequest(size, null), null);
        }

        return PageCursor.Decode(list, cursor, keyCount) is { } keys
            ? (new PageRequest(size, keys), null)
            : (null, BadCursor());
    }

    public static IResult BadCursor() =>
        Problems.Validation("cursor", "is not a cursor of this list: pass the 'nextCursor' (or follow the 'next' link) of the page before, unchanged");

    /// <summary>A cursor key written as ticks (a UTC instant), or null.</summary>
    public static DateTimeOffset? Instant(string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    public static string Key(DateTimeOffset instant) => instant.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
