using CoachLoop.Engine.Scheduling;

namespace CoachLoop.Engine.Tests.Scheduling;

public sealed class LocalScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeOnly Eight = new(8, 0);

    [Fact]
    public void DigestIsDueFromItsLocalTimeOnAWeekday()
    {
        var before = new DateTimeOffset(2026, 11, 23, 12, 59, 0, TimeSpan.Zero); // 07:59 in New York (Monday)
        var at = before.AddMinutes(1);

        Assert.False(LocalSchedule.IsDailyDue(before, NewYork, Eight, skipWeekends: true, out _));
        Assert.True(LocalSchedule.IsDailyDue(at, NewYork, Eight, skipWeekends: true, out var date));
        Assert.Equal(new DateOnly(2026, 11, 23), date);
    }

    [Fact]
    public void LocalDateNotUtcDateDecidesTheDay()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero); // 22:00 Monday in New York

        Assert.True(LocalSchedule.IsDailyDue(lateEvening, NewYork, Eight, true, out var date));
        Assert.Equal(new DateOnly(2026, 11, 23), date);
    }

    [Fact]
    public void WeekendsAreSkippedWhenConfigured()
    {
        var saturday = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

        Assert.False(LocalSchedule.IsDailyDue(saturday, London, Eight, skipWeekends: true, out _));
        Assert.True(LocalSchedule.IsDailyDue(saturday, London, Eight, skipWeekends: false, out _));
    }

    [Fact]
    public void TimeInTheSpringForwardGapFallsDueRightAfterTheGap()
    {
        // London, 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 never happens.
        var gapTime = new TimeOnly(1, 30);
        var justBefore = new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero);
        var atJump = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

        Assert.False(LocalSchedule.IsDailyDue(justBefore, London, gapTime, false, out _));
        Assert.True(LocalSchedule.IsDailyDue(atJump, London, gapTime, false, out _));
        Assert.Equal(atJump, LocalSchedule.DueInstant(new DateOnly(2026, 3, 29), gapTime, London));
    }

    [Fact]
    public void RepeatedHourWhenClocksFallBackKeepsOneLocalDate()
    {
        // London, 25 October 2026: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
        var first = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);
        var second = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero);

        Assert.True(LocalSchedule.IsDailyDue(first, London, new TimeOnly(1, 30), false, out var firstDate));
        Assert.True(LocalSchedule.IsDailyDue(second, London, new TimeOnly(1, 30), false, out var secondDate));
        Assert.Equal(firstDate, secondDate);
        Assert.Equal(first, LocalSchedule.DueInstant(new DateOnly(2026, 10, 25), new TimeOnly(1, 30), London));
    }

    [Theory]
    [InlineData("2026-11-20", 2, "2026-11-24")] // Friday + 2 working days = Tuesday
    [InlineData("2026-11-23", 2, "2026-11-25")]
    [InlineData("2026-11-21", 1, "2026-11-23")] // from Saturday, the next working day is Monday
    public void WorkingDaysSkipWeekends(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            LocalSchedule.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));
}
