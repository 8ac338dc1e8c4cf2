namespace CoachLoop.Engine.Tests.Flags;

public sealed class FlagIllegalMoveTests
{
    private readonly FlagBuilder _flags = new();

    /// <summary>Runs an illegal move and checks that it threw and changed nothing, the audit trail included.</summary>
    private static DomainException Refused(Flag flag, Action<Flag> move)
    {
        var (status, revision, changes, plan) = (flag.Status, flag.Revision, flag.PendingChanges.Count, flag.Plan);

        var error = Assert.Throws<DomainException>(() => move(flag));

        Assert.Equal((status, revision, changes), (flag.Status, flag.Revision, flag.PendingChanges.Count));
        Assert.Same(plan, flag.Plan);
        return error;
    }

    private static void Session(Flag flag) => flag.LogSession(new SessionBuilder().Build(), Actors.Manager, Moments.Now);

    [Theory]
    [InlineData(FlagStatus.Raised)]
    [InlineData(FlagStatus.Continued)]
    public void LoggingASessionBeforeApprovalIsIllegal(FlagStatus status)
    {
        var error = Refused(_flags.At(status), Session);

        Assert.Equal("flag.illegal-transition", error.Code);
        Assert.StartsWith("Cannot log a session on a flag that is", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovingTwiceIsIllegal()
    {
        var error = Refused(_flags.At(FlagStatus.PracticeApproved), f => f.ApprovePractice(Actors.Manager, Moments.Now));

        Assert.Equal("Cannot approve the practice of a flag that is past practice approval.", error.Message);
    }

    [Theory]
    [InlineData(FlagStatus.SessionLogged)]
    [InlineData(FlagStatus.FollowUpDue)]
    [InlineData(FlagStatus.Escalated)]
    [InlineData(FlagStatus.Closed)]
    [InlineData(FlagStatus.Dismissed)]
    public void PracticeCannotBeApprovedOrSwappedOnceTheSessionIsLogged(FlagStatus status)
    {
        var flag = _flags.At(status);

        Assert.Equal("flag.illegal-transition", Refused(flag, f => f.ApprovePractice(Actors.Manager, Moments.Now)).Code);
        Assert.Equal("flag.illegal-transition",
            Refused(flag, f => f.SwapScenario(DemoCriteria.Empathy, "late-delivery", Actors.Manager, Moments.Now)).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void DismissingWithoutAReasonIsRefused(string reason)
    {
        var error = Refused(_flags.Raised(), f => f.Dismiss(reason, Actors.Manager, Moments.Now));

        Assert.Equal("flag.reason-required", error.Code);
    }

    [Theory]
    [InlineData(FlagStatus.Closed)]
    [InlineData(FlagStatus.Dismissed)]
    [InlineData(FlagStatus.SessionLogged)]
    [InlineData(FlagStatus.FollowUpDue)]
    [InlineData(FlagStatus.Escalated)]
    public void DismissingAClosedOrCoachedFlagIsIllegal(FlagStatus status)
    {
        var error = Refused(_flags.At(status), f => f.Dismiss("not worth it", Actors.Manager, Moments.Now));

        Assert.Equal("flag.illegal-transition", error.Code);
    }

    [Theory]
    [InlineData(FlagStatus.Closed)]
    [InlineData(FlagStatus.Dismissed)]
    public void ClosedFlagCannotBeResolvedOrWithdrawnAgain(FlagStatus status)
    {
        var flag = _flags.At(status);

        Assert.Equal("flag.illegal-transition", Refused(flag, f => f.Resolve("again", Actors.Manager, Moments.Now)).Code);
        Assert.Equal("flag.illegal-transition", Refused(flag, f => f.Withdraw("overturned", Actors.Reviewer, Moments.Now)).Code);
    }

    [Fact]
    public void SwappingToAScenarioOutsideTheCatalogueIsRefused()
    {
        var error = Refused(_flags.Raised(), f => f.SwapScenario(DemoCriteria.Empathy, "outage", Actors.Manager, Moments.Now));

        Assert.Equal("flag.unknown-scenario", error.Code);
        Assert.Contains("'outage'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SwappingFromAnotherCriterionsCatalogueIsRefused()
    {
        var error = Refused(_flags.Raised(), f => f.SwapScenario(DemoCriteria.Resolution, "outage", Actors.Manager, Moments.Now));

        Assert.Equal("flag.wrong-criterion", error.Code);
    }

    [Fact]
    public void SessionFollowUpBeyondTwentyOneDaysIsRefused()
    {
        var flag = _flags.At(FlagStatus.PracticeApproved);
        var session = new SessionBuilder().FollowUpOn(new DateOnly(2025, 11, 7)).Build();

        var error = Refused(flag, f => f.LogSession(session, Actors.Manager, Moments.Now));

        Assert.Equal("flag.follow-up-too-late", error.Code);
        Assert.Contains("2025-11-06", error.Message, StringComparison.Ordinal);
        Assert.Null(flag.Session);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(15)]
    public void SessionFollowUpOnOrBeforeTheSessionDayIsRefused(int day)
    {
        var session = new SessionBuilder().FollowUpOn(new DateOnly(2025, 10, day)).Build();

        var error = Refused(_flags.At(FlagStatus.PracticeApproved), f => f.LogSession(session, Actors.Manager, Moments.Now));

        Assert.Equal("flag.follow-up-in-past", error.Code);
    }

    [Fact]
    public void ApprovingWhenTheCatalogueOffersNoPracticeIsRefused()
    {
        var flag = new FlagBuilder().WithEmpathy(DemoCriteria.Empathy with { Scenarios = [] }).Raised();

        Assert.Equal("flag.no-practice", Refused(flag, f => f.ApprovePractice(Actors.Manager, Moments.Now)).Code);
    }

    [Fact]
    public void CompletingThePracticeTwiceIsRefused()
    {
        var flag = _flags.At(FlagStatus.SessionLogged);
        flag.CompletePractice(Actors.Agent, Moments.Now);

        Assert.Equal("flag.practice-already-completed", Refused(flag, f => f.CompletePractice(Actors.Agent, Moments.Now)).Code);
    }

    [Fact]
    public void PracticeCannotBeCompletedBeforeItIsApproved() =>
        Assert.Equal("flag.illegal-transition", Refused(_flags.Raised(), f => f.CompletePractice(Actors.Agent, Moments.Now)).Code);

    [Fact]
    public void FollowUpIsNotDueTheDayBeforeItsDate()
    {
        var error = Refused(_flags.At(FlagStatus.SessionLogged),
            f => f.MarkFollowUpDue(Moments.FollowUpDay.AddDays(-1), Actors.Scheduler, Moments.FollowUpMorning));

        Assert.Equal("flag.follow-up-not-due", error.Code);
    }

    [Fact]
    public void FollowUpCannotBeDueWithoutASession() =>
        Assert.Equal("flag.illegal-transition",
            Refused(_flags.At(FlagStatus.PracticeApproved), f => f.MarkFollowUpDue(Moments.FollowUpDay, Actors.Scheduler, Moments.Now)).Code);

    [Fact]
    public void FollowUpCannotBeRecordedBeforeItIsDue()
    {
        var flag = _flags.At(FlagStatus.SessionLogged);

        var error = Refused(flag, f => f.RecordFollowUp(FlagBuilder.NoMovement(f), DemoCriteria.Empathy, Actors.Scheduler, Moments.Now));

        Assert.Equal("flag.illegal-transition", error.Code);
        Assert.Null(flag.LastFollowUp);
    }
}
