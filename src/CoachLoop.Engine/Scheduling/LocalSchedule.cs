namespace CoachLoop.Engine.Scheduling;

/// <summary>
/// Local-time rules for recurring work. A daily item is due once per local date, from its local time
/// on: when clocks spring forward past that time it becomes due at the first instant after the gap;
/// when they fall back it is not due twice, because the date is the key.
/// </summary>
public static class LocalSchedule
{
    /// <summary>The time zone of a person's <paramref name="id"/>, or UTC when this machine does not know it.</summary>
    public static TimeZoneInfo Zone(string? id) => TimeZoneInfo.TryFindSystemTimeZoneById(id ?? "", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly LocalDate(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>Whether the daily item for the local date of <paramref name="now"/> is due; weekends optionally skipped.</summary>
    public static bool IsDailyDue(DateTimeOffset now, TimeZoneInfo zone, TimeOnly at, bool skipWeekends, out DateOnly localDate)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        localDate = DateOnly.FromDateTime(local.DateTime);
        if (skipWeekends && localDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        return TimeOnly.FromDateTime(local.DateTime) >= at;
    }

    /// <summary>The instant a daily item at local <paramref name="at"/> falls due on <paramref name="localDate"/> (after a DST gap if it lands in one).</summary>
    public static DateTimeOffset DueInstant(DateOnly localDate, TimeOnly at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = localDate.ToDateTime(at);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(1);
        }

        // Ambiguous (fall-back) times take the first occurrence: the earlier, daylight offset.
        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }

    /// <summary>Adds working days (Monday to Friday) to a date: Friday + 2 is Tuesday.</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var day = start;
        var added = 0;
        while (added < days)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return day;
    }
}
