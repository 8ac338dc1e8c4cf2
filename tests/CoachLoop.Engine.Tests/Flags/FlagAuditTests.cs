namespace CoachLoop.Engine.Tests.Flags;

public sealed class FlagAuditTests
{
    private readonly FlagBuilder _flags = new();

    private static StateChange Last(Flag flag) => flag.PendingChanges[^1];

    private static void AssertRecorded(Flag flag, string action, FlagStatus before, FlagStatus after, Actor actor, DateTimeOffset at)
    {
        var change = Last(flag);
        Assert.Equal(("flag", flag.Id), (change.EntityType, change.EntityId));
        Assert.Equal((action, before.ToString(), after.ToString()), (change.Action, change.Before, change.After));
        Assert.Equal((actor, at), (change.Actor, change.At));
    }

    [Fact]
    public void RaisingIsRecordedAsTheSystemWithTheReasons()
    {
        var change = Assert.Single(_flags.Raised().PendingChanges);

        Assert.Equal(("raised", null, "Raised"), (change.Action, change.Before, change.After));
        Assert.Equal((ActorRole.System, "api", Moments.Now), (change.Actor.Role, change.Actor.Channel, change.At));
        Assert.Equal("Empathy below threshold (45 < 60)", change.Detail);
    }

    [Fact]
    public void ApprovalIsRecordedWithThePracticeAndTheManager()
    {
        var flag = _flags.Raised();

        flag.ApprovePractice(Actors.Manager, Moments.Now);

        AssertRecorded(flag, "approve-practice", FlagStatus.Raised, FlagStatus.PracticeApproved, Actors.Manager, Moments.Now);
        Assert.Equal("3 billing-dispute role-plays on acknowledging frustration before offering a resolution", Last(flag).Detail);
    }

    [Fact]
    public void SwapIsRecordedWithTheNewPractice()
    {
        var flag = _flags.At(FlagStatus.PracticeApproved);

        flag.SwapScenario(DemoCriteria.Empathy, "late-delivery", Actors.Manager, Moments.Now);

        AssertRecorded(flag, "swap-scenario", FlagStatus.PracticeApproved, FlagStatus.PracticeApproved, Actors.Manager, Moments.Now);
        Assert.Equal("2 late-delivery role-plays on naming the customer's feeling in your own words", Last(flag).Detail);
    }

    [Fact]
    public void SessionIsRecordedWithItsFollowUpDate()
    {
        var flag = _flags.At(FlagStatus.PracticeApproved);

        flag.LogSession(new SessionBuilder().Build(), Actors.Manager, Moments.Now.AddHours(1));

        AssertRecorded(flag, "log-session", FlagStatus.PracticeApproved, FlagStatus.SessionLogged, Actors.Manager, Moments.Now.AddHours(1));
        Assert.Equal("follow-up 2025-10-23", Last(flag).Detail);
    }

    [Fact]
    public void CompletedPracticeIsRecordedAgainstTheAgent()
    {
        var flag = _flags.At(FlagStatus.SessionLogged);

        flag.CompletePractice(Actors.Agent, Moments.Now.AddDays(2));

        AssertRecorded(flag, "complete-practice", FlagStatus.SessionLogged, FlagStatus.SessionLogged, Actors.Agent, Moments.Now.AddDays(2));
    }

    [Fact]
    public void DueFollowUpIsRecordedAgainstTheScheduler()
    {
        var flag = _flags.At(FlagStatus.SessionLogged);

        flag.MarkFollowUpDue(Moments.FollowUpDay, Actors.Scheduler, Moments.FollowUpMorning);

        AssertRecorded(flag, "follow-up-due", FlagStatus.SessionLogged, FlagStatus.FollowUpDue, Actors.Scheduler, Moments.FollowUpMorning);
    }

    [Fact]
    public void FollowUpIsRecordedWithBeforeAfterDeltaAndDecision()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);
        var result = FollowUpEvaluator.Evaluate(60m, [45m], [62m, 60m, 61m, 63m, 64m], 0);

        flag.RecordFollowUp(result, DemoCriteria.Empathy, Actors.Scheduler, Moments.FollowUpMorning);

        AssertRecorded(flag, "follow-up", FlagStatus.FollowUpDue, FlagStatus.Closed, Actors.Scheduler, Moments.FollowUpMorning);
        Assert.Equal("baseline 45, after 62, delta 17, 5 calls: Close", Last(flag).Detail);
    }

    [Fact]
    public void ExtendedFollowUpIsRecordedWithTheNextScoringDate()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);
        var result = FollowUpEvaluator.Evaluate(60m, [45m], [70m], 0);

        flag.RecordFollowUp(result, DemoCriteria.Empathy, Actors.Scheduler, Moments.FollowUpMorning);

        AssertRecorded(flag, "follow-up-extended", FlagStatus.FollowUpDue, FlagStatus.SessionLogged, Actors.Scheduler, Moments.FollowUpMorning);
        Assert.Equal("baseline 45, after n/a, delta n/a, 1 calls: NotEnoughData; next scoring 2025-10-30", Last(flag).Detail);
    }

    [Fact]
    public void ResolveDismissAndWithdrawAreRecordedWithTheirNotes()
    {
        var resolved = _flags.At(FlagStatus.SessionLogged);
        var dismissed = _flags.Raised();
        var withdrawn = _flags.At(FlagStatus.Escalated);

        resolved.Resolve("done", Actors.Manager, Moments.Now);
        dismissed.Dismiss("duplicate of call 4470", Actors.Manager, Moments.Now);
        withdrawn.Withdraw("score overturned", Actors.Reviewer, Moments.Now);

        AssertRecorded(resolved, "resolve", FlagStatus.SessionLogged, FlagStatus.Closed, Actors.Manager, Moments.Now);
        AssertRecorded(dismissed, "dismiss", FlagStatus.Raised, FlagStatus.Dismissed, Actors.Manager, Moments.Now);
        AssertRecorded(withdrawn, "withdraw", FlagStatus.Escalated, FlagStatus.Dismissed, Actors.Reviewer, Moments.Now);
        Assert.Equal(["done", "duplicate of call 4470", "score overturned"], new[] { resolved, dismissed, withdrawn }.Select(f => Last(f).Detail));
    }

    [Fact]
    public void WholeLoopLeavesAnOrderedTrailAndCountsEveryRevision()
    {
        var flag = _flags.At(FlagStatus.FollowUpDue);
        flag.RecordFollowUp(FlagBuilder.NoMovement(flag), DemoCriteria.Empathy, Actors.Scheduler, Moments.FollowUpMorning);

        Assert.Equal(["raised", "approve-practice", "log-session", "follow-up-due", "follow-up"], flag.PendingChanges.Select(c => c.Action));
        Assert.Equal([null, "Raised", "PracticeApproved", "SessionLogged", "FollowUpDue"], flag.PendingChanges.Select(c => c.Before));
        Assert.Equal(4, flag.Revision);
    }

    [Fact]
    public void ClearingPendingChangesEmptiesTheTrailButKeepsTheState()
    {
        var flag = _flags.At(FlagStatus.PracticeApproved);

        flag.ClearPendingChanges();

        Assert.Empty(flag.PendingChanges);
        Assert.Equal((FlagStatus.PracticeApproved, 1), (flag.Status, flag.Revision));
    }
}
