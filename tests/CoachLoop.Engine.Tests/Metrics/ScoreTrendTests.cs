namespace CoachLoop.Engine.Tests.Metrics;

public sealed class ScoreTrendTests
{
    /// <summary>Friday 31 October 2025, noon UTC: a 30-day window starts on 1 October at noon.</summary>
    private static readonly DateTimeOffset Now = new(2025, 10, 31, 12, 0, 0, TimeSpan.Zero);

    private static ScorePoint At(int month, int day, decimal score) => new(new DateTimeOffset(2025, month, day, 10, 0, 0, TimeSpan.Zero), score);

    [Fact]
    public void TrendGivesWeeklyAveragesAndAFallingSlope()
    {
        var points = new[] { At(10, 14, 70m), At(10, 16, 72m), At(10, 21, 65m), At(10, 27, 60m), At(10, 28, 61m), At(10, 30, 59m) };

        var trend = LoopMetrics.Trend(points, Now, 30);

        Assert.Equal(
            [new TrendPoint(new DateOnly(2025, 10, 13), 71m, 2), new TrendPoint(new DateOnly(2025, 10, 20), 65m, 1), new TrendPoint(new DateOnly(2025, 10, 27), 60m, 3)],
            trend.Weeks);
        Assert.Equal((-5.5m, 64.5m, 6), (trend.SlopePerWeek, trend.Average, trend.Calls));
        Assert.True(trend.IsDrifting);
    }

    [Fact]
    public void PointsOutsideTheWindowAreLeftOut()
    {
        var points = new[] { At(9, 30, 10m), new ScorePoint(Now.AddDays(-30).AddTicks(-1), 10m), At(10, 14, 70m), new ScorePoint(Now.AddTicks(1), 10m) };

        var trend = LoopMetrics.Trend(points, Now, 30);

        Assert.Equal((70m, 1), (trend.Average, trend.Calls));
        Assert.Equal([new DateOnly(2025, 10, 13)], trend.Weeks.Select(w => w.WeekStart));
    }

    [Fact]
    public void SlopeIsPerWeekEvenAcrossAWeekWithoutCalls()
    {
        var trend = LoopMetrics.Trend([At(10, 7, 80m), At(10, 21, 70m), At(10, 28, 66m)], Now, 30);

        Assert.Equal(-4.71m, trend.SlopePerWeek);
    }

    [Fact]
    public void WeeklyAveragesAreRoundedToOneDecimal()
    {
        var trend = LoopMetrics.Trend([At(10, 14, 70m), At(10, 15, 71m), At(10, 16, 71m)], Now, 30);

        Assert.Equal(70.7m, Assert.Single(trend.Weeks).Average);
    }

    [Fact]
    public void RisingScoresAreNotDrifting()
    {
        var trend = LoopMetrics.Trend([At(10, 14, 60m), At(10, 21, 65m), At(10, 28, 70m)], Now, 30);

        Assert.Equal((5m, false), (trend.SlopePerWeek, trend.IsDrifting));
    }

    [Fact]
    public void FallingOnePointAWeekIsDriftingButHalfAPointIsNot()
    {
        var onePoint = LoopMetrics.Trend([At(10, 14, 70m), At(10, 21, 69m), At(10, 28, 68m)], Now, 30);
        var halfPoint = LoopMetrics.Trend([At(10, 14, 70m), At(10, 21, 69.5m), At(10, 28, 69m)], Now, 30);

        Assert.Equal((-1m, true), (onePoint.SlopePerWeek, onePoint.IsDrifting));
        Assert.Equal((-0.5m, false), (halfPoint.SlopePerWeek, halfPoint.IsDrifting));
    }

    [Fact]
    public void TwoWeeksAreTooFewToCallADrift()
    {
        var trend = LoopMetrics.Trend([At(10, 21, 80m), At(10, 28, 60m)], Now, 30);

        Assert.Equal((-20m, false), (trend.SlopePerWeek, trend.IsDrifting));
    }

    [Fact]
    public void OneWeekHasNoSlope()
    {
        var trend = LoopMetrics.Trend([At(10, 27, 80m), At(10, 28, 60m)], Now, 30);

        Assert.Equal((null, 70m, false), (trend.SlopePerWeek, trend.Average, trend.IsDrifting));
    }

    [Fact]
    public void NoScoresGiveAnEmptyTrend()
    {
        var trend = LoopMetrics.Trend([], Now, 90);

        Assert.Empty(trend.Weeks);
        Assert.Equal((null, null, 0), (trend.SlopePerWeek, trend.Average, trend.Calls));
    }

    [Fact]
    public void LongerWindowTakesInOlderScores()
    {
        var points = new[] { At(8, 20, 90m), At(10, 14, 70m) };

        Assert.Equal((1, 2), (LoopMetrics.Trend(points, Now, 30).Calls, LoopMetrics.Trend(points, Now, 90).Calls));
    }
}
