namespace CoachLoop.Engine.Metrics;

/// <summary>How well the loop closes: time to coaching, practice completion, score trends.</summary>
public static class LoopMetrics
{
    /// <summary>Average and median hours from call to session logged, over flags that reached a session.</summary>
    public static (double? AverageHours, double? MedianHours, int Sessions) TimeToCoaching(
        IEnumerable<(DateTimeOffset CallTime, DateTimeOffset? SessionLoggedAt)> flags)
    {
        var hours = flags.Where(f => f.SessionLoggedAt is not null)
            .Select(f => (f.SessionLoggedAt!.Value - f.CallTime).TotalHours)
            .Order()
            .ToList();
        if (hours.Count == 0)
        {
            return (null, null, 0);
        }

        var mid = hours.Count / 2;
        var median = hours.Count % 2 == 1 ? hours[mid] : (hours[mid - 1] + hours[mid]) / 2;
        return (Math.Round(hours.Average(), 1), Math.Round(median, 1), hours.Count);
    }

    /// <summary>Share of practices assigned in the period that were completed; null when none was assigned.</summary>
    public static decimal? PracticeCompletionRate(IEnumerable<(DateTimeOffset AssignedAt, DateTimeOffset? CompletedAt)> practices,
        DateTimeOffset from, DateTimeOffset to)
    {
        var assigned = practices.Where(p => p.AssignedAt >= from && p.AssignedAt < to).ToList();
        if (assigned.Count == 0)
        {
            return null;
        }

        var completed = assigned.Count(p => p.CompletedAt is { } c && c < to);
        return Math.Round((decimal)completed / assigned.Count, 3);
    }

    /// <summary>Weekly averages over the <paramref name="days"/> before <paramref name="now"/>, with a least-squares slope.</summary>
    public static ScoreTrend Trend(IEnumerable<ScorePoint> points, DateTimeOffset now, int days)
    {
        var from = now.AddDays(-days);
        var inWindow = points.Where(p => p.CallTime >= from && p.CallTime <= now).ToList();
        var weeks = inWindow
            .GroupBy(p => WeekStart(p.CallTime))
            .OrderBy(g => g.Key)
            .Select(g => new TrendPoint(g.Key, Math.Round(g.Average(p => p.Score), 1), g.Count()))
            .ToList();
        decimal? average = inWindow.Count == 0 ? null : Math.Round(inWindow.Average(p => p.Score), 1);
        return new ScoreTrend(weeks, Slope(weeks), average, inWindow.Count);
    }

    public static DateOnly WeekStart(DateTimeOffset time)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        var offset = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-offset);
    }

    private static decimal? Slope(IReadOnlyList<TrendPoint> weeks)
    {
        if (weeks.Count < 2)
        {
            return null;
        }

        var origin = weeks[0].WeekStart;
        var xs = weeks.Select(w => (decimal)(w.WeekStart.DayNumber - origin.DayNumber) / 7).ToList();
        var ys = weeks.Select(w => w.Average).ToList();
        var mx = xs.Average();
        var my = ys.Average();
        var num = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum();
        var den = xs.Sum(x => (x - mx) * (x - mx));
        return den == 0 ? null : Math.Round(num / den, 2);
    }
}
