namespace CoachLoop.Engine.Tests.Flags;

/// <summary>A human other than the agent decides the practice: the agent cannot approve or swap their own.</summary>
public sealed class FlagApprovalTests
{
    private static readonly Actor AgentInTeams = new(Actors.AgentId, "Dana Agent", ActorRole.Manager, "teams");

    private readonly FlagBuilder _flags = new();

    [Fact]
    public void AgentCannotApproveOwnPractice()
    {
        var flag = _flags.Raised();

        var error = Assert.Throws<DomainException>(() => flag.ApprovePractice(Actors.Agent, Moments.Now));

        Assert.Equal("flag.own-practice", error.Code);
        Assert.Equal((FlagStatus.Raised, null, 1), (flag.Status, flag.ApprovedBy, flag.PendingChanges.Count));
    }

    [Fact]
    public void AgentCannotSwapOwnScenario()
    {
        var flag = _flags.Raised();

        var error = Assert.Throws<DomainException>(() => flag.SwapScenario(DemoCriteria.Empathy, "late-delivery", Actors.Agent, Moments.Now));

        Assert.Equal("flag.own-practice", error.Code);
        Assert.Equal((FlagStatus.Raised, "billing-dispute"), (flag.Status, flag.Plan.Scenario?.Id));
    }

    [Fact]
    public void AgentCannotApproveOwnPracticeWhateverRoleTheyActIn()
    {
        var flag = _flags.At(FlagStatus.Continued);

        Assert.Equal("flag.own-practice", Assert.Throws<DomainException>(() => flag.ApprovePractice(AgentInTeams, Moments.Now)).Code);
        Assert.Equal(FlagStatus.Continued, flag.Status);
    }

    [Fact]
    public void AnotherAgentActingAsCoachMayApprove()
    {
        var peerCoach = new Actor(Actors.OtherAgentId, "Olu Agent", ActorRole.Coach, "slack");
        var flag = _flags.Raised();

        flag.ApprovePractice(peerCoach, Moments.Now);

        Assert.Equal((FlagStatus.PracticeApproved, Actors.OtherAgentId), (flag.Status, flag.ApprovedBy));
    }
}
