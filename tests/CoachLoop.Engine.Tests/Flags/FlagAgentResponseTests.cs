namespace CoachLoop.Engine.Tests.Flags;

public sealed class FlagAgentResponseTests
{
    private readonly FlagBuilder _flags = new();

    [Fact]
    public void AgentAcceptsTheirScoreOnce()
    {
        var flag = _flags.Raised();
        flag.ClearPendingChanges();

        flag.AcceptScore(Actors.Agent, Moments.Now);

        Assert.Equal(Moments.Now, flag.AgentAcceptedAt);
        Assert.Equal(FlagStatus.Raised, flag.Status);
        Assert.Equal("agent-accept", Assert.Single(flag.PendingChanges).Action);
        Assert.Equal("flag.already-responded", Assert.Throws<DomainException>(() => flag.AcceptScore(Actors.Agent, Moments.Now)).Code);
    }

    [Fact]
    public void SomeoneElseCannotAcceptOrDisputeTheAgentsScore()
    {
        var flag = _flags.Raised();

        Assert.Equal("flag.not-own-score", Assert.Throws<DomainException>(() => flag.AcceptScore(Actors.Manager, Moments.Now)).Code);
        Assert.Equal("flag.not-own-score", Assert.Throws<DomainException>(() => flag.OpenDispute("no", Actors.OtherAgent, Moments.Now)).Code);
        Assert.Null(flag.AgentAcceptedAt);
        Assert.Null(flag.DisputeId);
    }

    [Fact]
    public void DisputeNeedsAReasonAndCannotFollowAnAcceptance()
    {
        var flag = _flags.Raised();

        Assert.Throws<DomainException>(() => flag.OpenDispute("  ", Actors.Agent, Moments.Now));
        Assert.Null(flag.DisputeId);
        flag.AcceptScore(Actors.Agent, Moments.Now);
        Assert.Equal("flag.already-responded",
            Assert.Throws<DomainException>(() => flag.OpenDispute("I did say it at 00:00:20", Actors.Agent, Moments.Now)).Code);
    }

    [Fact]
    public void OverturnedDisputeWithdrawsTheFlag()
    {
        var flag = _flags.Raised();
        var dispute = flag.OpenDispute("The disclosure is at 00:00:20", Actors.Agent, Moments.Now);

        dispute.Overturn("Found it at 00:00:20", Actors.Reviewer, Moments.Now.AddHours(2));
        flag.ApplyDisputeDecision(dispute, Actors.Reviewer, Moments.Now.AddHours(2));

        Assert.Equal((FlagStatus.Dismissed, "score overturned on dispute: Found it at 00:00:20"), (flag.Status, flag.ClosingNote));
        Assert.Equal(dispute.Id, flag.DisputeId);
    }

    [Fact]
    public void UpheldDisputeLeavesTheFlagWhereItWas()
    {
        var flag = _flags.At(FlagStatus.PracticeApproved);
        var dispute = flag.OpenDispute("Unfair", Actors.Agent, Moments.Now);
        var revision = flag.Revision;

        dispute.Uphold("The quote stands", Actors.Reviewer, Moments.Now);
        flag.ApplyDisputeDecision(dispute, Actors.Reviewer, Moments.Now);

        Assert.Equal(FlagStatus.PracticeApproved, flag.Status);
        Assert.Equal(revision + 1, flag.Revision);
    }

    [Fact]
    public void UndecidedDisputeCannotBeApplied()
    {
        var flag = _flags.Raised();
        var dispute = flag.OpenDispute("Unfair", Actors.Agent, Moments.Now);

        Assert.Equal("dispute.open", Assert.Throws<DomainException>(() => flag.ApplyDisputeDecision(dispute, Actors.Reviewer, Moments.Now)).Code);
    }
}
