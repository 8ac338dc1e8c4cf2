namespace CoachLoop.Engine.Tests.FollowUps;

public sealed class FollowUpScheduleTests
{
    [Theory]
    [InlineData(20, 7)]
    [InlineData(200, 7)]
    [InlineData(19, 14)]
    [InlineData(10, 14)]
    [InlineData(5, 14)]
    [InlineData(0, 14)]
    public void WindowIsSevenDaysFromTwentyCallsADayAndFourteenBelow(int callsPerDay, int expectedDays) =>
        Assert.Equal(expectedDays, FollowUpSchedule.DaysFor(callsPerDay));

    [Theory]
    [InlineData(5)]
    [InlineData(25)]
    public void PolicyOfThirtyDaysIsCappedAtTwentyOne(int callsPerDay)
    {
        var policy = new FollowUpPolicy { HighVolumeDays = 30, LowVolumeDays = 30 };

        Assert.Equal(21, FollowUpSchedule.DaysFor(callsPerDay, policy));
    }

    [Fact]
    public void PolicyOfZeroDaysStillWaitsOneDay() =>
        Assert.Equal(1, FollowUpSchedule.DaysFor(25, new FollowUpPolicy { HighVolumeDays = 0 }));

    [Fact]
    public void TeamPolicyCanMoveTheHighVolumeBar()
    {
        var policy = new FollowUpPolicy { HighVolumeCallsPerDay = 40, HighVolumeDays = 5, LowVolumeDays = 10 };

        Assert.Equal((10, 5), (FollowUpSchedule.DaysFor(39, policy), FollowUpSchedule.DaysFor(40, policy)));
    }

    [Fact]
    public void DateIsCountedFromTheDayOfCoaching()
    {
        Assert.Equal(new DateOnly(2025, 10, 23), FollowUpSchedule.DateFor(Moments.Today, 20));
        Assert.Equal(new DateOnly(2025, 10, 30), FollowUpSchedule.DateFor(Moments.Today, 8));
    }

    [Fact]
    public void LatestAllowedDateIsTwentyOneDaysAfterCoaching() =>
        Assert.Equal(new DateOnly(2025, 11, 6), FollowUpSchedule.Latest(Moments.Today));

    [Fact]
    public void ExtensionWithinTheCapAddsItsDays() =>
        Assert.Equal(new DateOnly(2025, 10, 30), FollowUpSchedule.Extend(Moments.Today, new DateOnly(2025, 10, 23), 7));

    [Fact]
    public void ExtensionStopsAtTheTwentyOneDayCap() =>
        Assert.Equal(new DateOnly(2025, 11, 6), FollowUpSchedule.Extend(Moments.Today, new DateOnly(2025, 11, 1), 7));

    [Fact]
    public void RulebookDefaultsAreThePolicyDefaults()
    {
        var policy = FollowUpPolicy.Default;

        Assert.Equal((20, 7, 14, 5, 5m, 2), (policy.HighVolumeCallsPerDay, policy.HighVolumeDays, policy.LowVolumeDays,
            policy.MinCallsToJudge, policy.MinMeaningfulDelta, policy.CyclesBeforeEscalation));
        Assert.Equal(21, FollowUpPolicy.AbsoluteMaxDays);
    }
}
