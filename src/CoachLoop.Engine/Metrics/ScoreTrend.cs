namespace CoachLoop.Engine.Metrics;

/// <summary>A score trend over a window (30/60/90 days): weekly averages and a slope in points per week.</summary>
public sealed record ScoreTrend(IReadOnlyList<TrendPoint> Weeks, decimal? SlopePerWeek, decimal? Average, int Calls)
{
    /// <summary>Falling steadily: a negative slope of at least one point a week over three or more weeks.</summary>
    public bool IsDrifting => Weeks.Count >= 3 && SlopePerWeek is { } s && s <= -1m;
}
