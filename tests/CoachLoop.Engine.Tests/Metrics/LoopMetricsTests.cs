namespace CoachLoop.Engine.Tests.Metrics;

public sealed class LoopMetricsTests
{
    private static readonly DateTimeOffset PeriodStart = new(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnd = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static (DateTimeOffset, DateTimeOffset?) SessionAfter(double hours) => (Moments.CallTime, Moments.CallTime.AddHours(hours));

    private static (DateTimeOffset, DateTimeOffset?) Practice(int assignedDay, int? completedDay) =>
        (new DateTimeOffset(2025, 10, assignedDay, 9, 0, 0, TimeSpan.Zero),
            completedDay is { } d ? new DateTimeOffset(2025, 10, d, 17, 0, 0, TimeSpan.Zero) : null);

    [Fact]
    public void TimeToCoachingAveragesAndMediansFlagsThatReachedASession()
    {
        var result = LoopMetrics.TimeToCoaching([SessionAfter(30), (Moments.CallTime, null), SessionAfter(4), SessionAfter(20)]);

        Assert.Equal((18.0, 20.0, 3), (result.AverageHours, result.MedianHours, result.Sessions));
    }

    [Fact]
    public void MedianOfAnEvenCountIsTheMeanOfTheMiddleTwo()
    {
        var result = LoopMetrics.TimeToCoaching([SessionAfter(50), SessionAfter(4), SessionAfter(30), SessionAfter(20)]);

        Assert.Equal((26.0, 25.0, 4), (result.AverageHours, result.MedianHours, result.Sessions));
    }

    [Fact]
    public void TimeToCoachingIsRoundedToATenthOfAnHour()
    {
        var result = LoopMetrics.TimeToCoaching([SessionAfter(4.0 / 3), SessionAfter(2)]);

        Assert.Equal((1.7, 1.7), (result.AverageHours, result.MedianHours));
    }

    [Fact]
    public void NoSessionsMeansNoTimeToCoaching() =>
        Assert.Equal((null, null, 0), LoopMetrics.TimeToCoaching([(Moments.CallTime, null)]));

    [Fact]
    public void PracticeCompletionRateIsTheShareCompletedOfThoseAssignedInThePeriod()
    {
        var rate = LoopMetrics.PracticeCompletionRate([Practice(2, 5), Practice(10, null), Practice(20, 25)], PeriodStart, PeriodEnd);

        Assert.Equal(0.667m, rate);
    }

    [Fact]
    public void PracticesAssignedOutsideThePeriodDoNotCount()
    {
        var practices = new[]
        {
            (PeriodStart, (DateTimeOffset?)PeriodStart.AddDays(1)),
            (PeriodStart.AddTicks(-1), PeriodStart.AddDays(1)),
            (PeriodEnd, PeriodEnd.AddDays(1)),
            Practice(15, null),
        };

        Assert.Equal(0.5m, LoopMetrics.PracticeCompletionRate(practices, PeriodStart, PeriodEnd));
    }

    [Fact]
    public void PracticeCompletedAfterThePeriodIsNotCompletedInIt()
    {
        var lateFinish = (new DateTimeOffset(2025, 10, 30, 9, 0, 0, TimeSpan.Zero), (DateTimeOffset?)PeriodEnd.AddDays(1));

        Assert.Equal(0.5m, LoopMetrics.PracticeCompletionRate([lateFinish, Practice(3, 4)], PeriodStart, PeriodEnd));
    }

    [Fact]
    public void NoPracticeAssignedMeansNoRate() =>
        Assert.Null(LoopMetrics.PracticeCompletionRate([Practice(3, 4)], PeriodEnd, PeriodEnd.AddDays(7)));

    [Theory]
    [InlineData(2025, 10, 19, "2025-10-13")]
    [InlineData(2025, 10, 20, "2025-10-20")]
    [InlineData(2025, 10, 26, "2025-10-20")]
    public void WeeksStartOnMonday(int year, int month, int day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            LoopMetrics.WeekStart(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void WeekIsTakenFromTheUtcDate()
    {
        var mondayMorningInNairobi = new DateTimeOffset(2025, 10, 20, 1, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal(new DateOnly(2025, 10, 13), LoopMetrics.WeekStart(mondayMorningInNairobi));
    }
}
