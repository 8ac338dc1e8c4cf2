namespace CoachLoop.Engine.Tests.Flags;

public sealed class FlagLifecycleTests
{
    private readonly FlagBuilder _flags = new();

    [Fact]
    public void RaisedFlagCarriesTheCallTheCriterionAndThePlan()
    {
        var flag = _flags.Raised();

        Assert.Equal((FlagStatus.Raised, FlagKind.Quality, false, true), (flag.Status, flag.Kind, flag.Urgent, flag.IsOpen));
        Assert.Equal((Actors.AgentId, Actors.TeamId, FlagBuilder.ScoredCallId), (flag.AgentId, flag.TeamId, flag.ScoredCallId));
        Assert.Equal(("4471", Moments.CallTime, 1), (flag.CallId, flag.CallTime, flag.RubricVersion));
        Assert.Equal(("empathy", 25m, 60m, 45m), (flag.CriterionId, flag.Weight, flag.Threshold, flag.Score));
        Assert.Equal(Moments.FollowUpDay, flag.FollowUpDate);
        Assert.Equal(flag.Plan.FollowUpDate, flag.FollowUpDate);
        Assert.Equal((1, 0, Moments.Now), (flag.Cycle, flag.Revision, flag.RaisedAt));
    }

    [Fact]
    public void ManagerApprovesTheSuggestedPractice()
    {
        var flag = _flags.Raised();

        flag.ApprovePractice(Actors.Manager, Moments.Now.AddMinutes(5));

        Assert.Equal(FlagStatus.PracticeApproved, flag.Status);
        Assert.Equal((Actors.ManagerId, Moments.Now.AddMinutes(5), 1), (flag.ApprovedBy, flag.ApprovedAt, flag.Revision));
        Assert.Equal("billing-dispute", flag.Plan.Scenario?.Id);
    }

    [Fact]
    public void ManagerSwapsInAnotherScenarioFromTheCatalogue()
    {
        var flag = _flags.Raised();

        flag.SwapScenario(DemoCriteria.Empathy, "late-delivery", Actors.Manager, Moments.Now);

        Assert.Equal((FlagStatus.PracticeApproved, Actors.ManagerId), (flag.Status, flag.ApprovedBy));
        Assert.Equal("late-delivery", flag.Plan.Scenario?.Id);
        Assert.Equal("2 late-delivery role-plays on naming the customer's feeling in your own words", flag.Plan.Practice);
    }

    [Fact]
    public void ScenarioCanStillBeSwappedAfterApproval()
    {
        var flag = _flags.At(FlagStatus.PracticeApproved);

        flag.SwapScenario(DemoCriteria.Empathy, "late-delivery", Actors.Manager, Moments.Now);

        Assert.Equal((FlagStatus.PracticeApproved, "late-delivery", 2), (flag.Status, flag.Plan.Scenario?.Id, flag.Revision));
    }

    [Fact]
    public void LoggingASessionTakesTheFollowUpDateFromTheSession()
    {
        var flag = _flags.At(FlagStatus.PracticeApproved);
        var session = new SessionBuilder().FollowUpOn(new DateOnly(2025, 10, 30)).Build();

        flag.LogSession(session, Actors.Manager, Moments.Now.AddHours(2));

        Assert.Equal(FlagStatus.SessionLogged, flag.Status);
        Assert.Equal(new DateOnly(2025, 10, 30), flag.FollowUpDate);
        Assert.Same(session, flag.Session);
        Assert.Equal(Moments.Now.AddHours(2), flag.SessionLoggedAt);
    }

    [Fact]
    public void SessionFollowUpExactlyTwentyOneDaysLaterIsAccepted()
    {
        var flag = _flags.At(FlagStatus.PracticeApproved);

        flag.LogSession(new SessionBuilder().FollowUpOn(new DateOnly(2025, 11, 6)).Build(), Actors.Manager, Moments.Now);

        Assert.Equal(new DateOnly(2025, 11, 6), flag.FollowUpDate);
    }

    [Theory]
    [InlineData(FlagStatus.PracticeApproved)]
    [InlineData(FlagStatus.SessionLogged)]
    [InlineData(FlagStatus.FollowUpDue)]
    public void AgentCompletesThePracticeWithoutMovingTheFlag(FlagStatus status)
    {
        var flag = _flags.At(status);
        var revision = flag.Revision;

        flag.CompletePractice(Actors.Agent, Moments.Now.AddDays(2));

        Assert.Equal((status, Moments.Now.AddDays(2), revision + 1), (flag.Status, flag.PracticeCompletedAt, flag.Revision));
    }

    [Fact]
    public void FollowUpBecomesDueOnItsDate()
    {
        var flag = _flags.At(FlagStatus.SessionLogged);

        flag.MarkFollowUpDue(Moments.FollowUpDay, Actors.Scheduler, Moments.FollowUpMorning);

        Assert.Equal(FlagStatus.FollowUpDue, flag.Status);
    }

    [Fact]
    public void FollowUpMissedByTheSchedulerIsStillDueLater()
    {
        var flag = _flags.At(FlagStatus.SessionLogged);

        flag.MarkFollowUpDue(Moments.FollowUpDay.AddDays(3), Actors.Scheduler, Moments.FollowUpMorning.AddDays(3));

        Assert.Equal(FlagStatus.FollowUpDue, flag.Status);
    }

    [Theory]
    [InlineData(FlagStatus.Raised)]
    [InlineData(FlagStatus.PracticeApproved)]
    [InlineData(FlagStatus.SessionLogged)]
    [InlineData(FlagStatus.FollowUpDue)]
    [InlineData(FlagStatus.Continued)]
    [InlineData(FlagStatus.Escalated)]
    public void ManagerResolvesAnyOpenFlagWithATrimmedNote(FlagStatus status)
    {
        var flag = _flags.At(status);

        flag.Resolve("  coached in the huddle ", Actors.Manager, Moments.Now.AddDays(1));

        Assert.Equal((FlagStatus.Closed, false), (flag.Status, flag.IsOpen));
        Assert.Equal(("coached in the huddle", Moments.Now.AddDays(1)), (flag.ClosingNote, flag.ClosedAt));
    }

    [Fact]
    public void ResolvingWithoutANoteLeavesNoNote()
    {
        var flag = _flags.Raised();

        flag.Resolve("  ", Actors.Manager, Moments.Now);

        Assert.Equal((FlagStatus.Closed, null), (flag.Status, flag.ClosingNote));
    }

    [Theory]
    [InlineData(FlagStatus.Raised)]
    [InlineData(FlagStatus.PracticeApproved)]
    [InlineData(FlagStatus.Continued)]
    public void ManagerDismissesAFlagBeforeItsSessionWithAReason(FlagStatus status)
    {
        var flag = _flags.At(status);

        flag.Dismiss(" scorer misheard the call ", Actors.Manager, Moments.Now);

        Assert.Equal((FlagStatus.Dismissed, "scorer misheard the call", false), (flag.Status, flag.ClosingNote, flag.IsOpen));
    }

    [Theory]
    [InlineData(FlagStatus.Raised)]
    [InlineData(FlagStatus.SessionLogged)]
    [InlineData(FlagStatus.Escalated)]
    public void OverturnedScoreWithdrawsAnyOpenFlag(FlagStatus status)
    {
        var flag = _flags.At(status);

        flag.Withdraw("score overturned on dispute", Actors.Reviewer, Moments.Now.AddDays(1));

        Assert.Equal((FlagStatus.Dismissed, "score overturned on dispute"), (flag.Status, flag.ClosingNote));
        Assert.Equal(Moments.Now.AddDays(1), flag.ClosedAt);
    }
}
