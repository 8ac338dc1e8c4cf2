namespace CoachLoop.Engine.Tests.Flags;

public sealed class FlagFollowUpTests
{
    private static readonly decimal[] Baseline = [45m];

    private readonly FlagBuilder _flags = new();

    private static FollowUpResult Scored(Flag flag, params decimal[] since) =>
        FollowUpEvaluator.Evaluate(60m, Baseline, since, flag.CyclesWithoutMovement);

    private static void Record(Flag flag, FollowUpResult result) =>
        flag.RecordFollowUp(result, DemoCriteria.Empathy, Actors.Scheduler, Moments.FollowUpMorning);

    private static Flag WithSession(Flag flag, DateOnly followUp)
    {
        flag.ApprovePractice(Actors.Manager, Moments.Now);
        flag.LogSession(new SessionBuilder().FollowUpOn(followUp).Build(), Actors.Manager, Moments.Now);
        flag.MarkFollowUpDue(followUp, Actors.Scheduler, Moments.FollowUpMorning);
        return flag;
    }

    [Fact]
    public void FollowUpMeetingTheThresholdClosesTheFlag()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);
        var result = Scored(flag, 62m, 60m, 61m, 63m, 64m);

        Record(flag, result);

        Assert.Equal((FlagStatus.Closed, false, Moments.FollowUpMorning), (flag.Status, flag.IsOpen, flag.ClosedAt));
        Assert.Same(result, flag.LastFollowUp);
        Assert.Equal(1, flag.Cycle);
    }

    [Fact]
    public void FollowUpWithMovementContinuesWithADifferentScenarioInCycleTwo()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);

        Record(flag, Scored(flag, 52m, 50m, 55m, 51m, 52m));

        Assert.Equal((FlagStatus.Continued, 2, 0), (flag.Status, flag.Cycle, flag.CyclesWithoutMovement));
        Assert.Equal("late-delivery", flag.Plan.Scenario?.Id);
        Assert.Equal("2 late-delivery role-plays on naming the customer's feeling in your own words", flag.Plan.Practice);
    }

    [Fact]
    public void ContinuedFlagIsApprovedAgainAndStartsAFreshSession()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);
        flag.CompletePractice(Actors.Agent, Moments.Now.AddDays(2));
        Record(flag, Scored(flag, 52m, 50m, 55m, 51m, 52m));

        flag.ApprovePractice(Actors.Manager, Moments.FollowUpMorning.AddHours(1));

        Assert.Equal((FlagStatus.PracticeApproved, 2), (flag.Status, flag.Cycle));
        Assert.Equal((null, null, null), (flag.Session, flag.SessionLoggedAt, flag.PracticeCompletedAt));
        Assert.Equal(Moments.FollowUpMorning.AddHours(1), flag.ApprovedAt);
    }

    [Fact]
    public void ContinuedFlagCanHaveItsScenarioSwappedInsteadOfApproved()
    {
        var flag = _flags.At(FlagStatus.Continued);

        flag.SwapScenario(DemoCriteria.Empathy, "billing-dispute", Actors.Manager, Moments.FollowUpMorning);

        Assert.Equal((FlagStatus.PracticeApproved, "billing-dispute", null), (flag.Status, flag.Plan.Scenario?.Id, flag.Session));
    }

    [Fact]
    public void NoMovementInTwoReviewCyclesEscalates()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);

        Record(flag, FlagBuilder.NoMovement(flag));
        Assert.Equal((FlagStatus.Continued, 1), (flag.Status, flag.CyclesWithoutMovement));

        FlagBuilder.ToFollowUpDue(flag);
        Record(flag, FlagBuilder.NoMovement(flag));

        Assert.Equal((FlagStatus.Escalated, 2, 2, true), (flag.Status, flag.CyclesWithoutMovement, flag.Cycle, flag.IsOpen));
    }

    [Fact]
    public void MovementInTheSecondCycleAvoidsEscalation()
    {
        var flag = _flags.At(FlagStatus.Continued);
        FlagBuilder.ToFollowUpDue(flag);

        Record(flag, Scored(flag, 52m, 50m, 55m, 51m, 52m));

        Assert.Equal((FlagStatus.Continued, 0, 3), (flag.Status, flag.CyclesWithoutMovement, flag.Cycle));
    }

    [Fact]
    public void NotEnoughDataExtendsTheFollowUpByAWeekOnce()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);
        var result = Scored(flag, 70m, 70m);

        Record(flag, result);

        Assert.Equal((FlagStatus.SessionLogged, true, 1), (flag.Status, flag.FollowUpExtended, flag.Cycle));
        Assert.Equal(new DateOnly(2025, 10, 30), flag.FollowUpDate);
        Assert.Equal(NextAction.NotEnoughData, flag.LastFollowUp?.Next);
    }

    [Fact]
    public void ExtensionNeverGoesBeyondTwentyOneDaysFromTheSession()
    {
        var flag = WithSession(_flags.Raised(), new DateOnly(2025, 11, 1));

        Record(flag, Scored(flag, 70m));

        Assert.Equal(new DateOnly(2025, 11, 6), flag.FollowUpDate);
    }

    [Fact]
    public void NotEnoughDataASecondTimeMovesOnToAnotherPractice()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);
        Record(flag, Scored(flag, 70m));
        flag.MarkFollowUpDue(flag.FollowUpDate, Actors.Scheduler, Moments.FollowUpMorning.AddDays(7));

        Record(flag, Scored(flag, 70m, 70m));

        Assert.Equal((FlagStatus.Continued, 2, "late-delivery"), (flag.Status, flag.Cycle, flag.Plan.Scenario?.Id));
    }

    [Fact]
    public void NewCycleMayBeExtendedOnceAgain()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);
        Record(flag, Scored(flag, 70m));
        flag.MarkFollowUpDue(flag.FollowUpDate, Actors.Scheduler, Moments.FollowUpMorning.AddDays(7));
        Record(flag, Scored(flag, 52m, 50m, 55m, 51m, 52m));
        FlagBuilder.ToFollowUpDue(flag);

        Record(flag, Scored(flag, 70m));

        Assert.Equal((FlagStatus.SessionLogged, true, 2), (flag.Status, flag.FollowUpExtended, flag.Cycle));
    }
}
