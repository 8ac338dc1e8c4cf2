using CoachLoop.Engine.Access;

namespace CoachLoop.Engine.Tests.Access;

public sealed class AccessPolicyTests
{
    private static readonly Guid OtherTeamId = new("0199f2a0-0000-7000-8000-0000000000bb");
    private static readonly FlagScope Scope = new(Actors.AgentId, "Dana Agent", Actors.TeamId, Actors.ManagerId);

    private static readonly Member Manager = new(Actors.ManagerId, "Max Manager", PersonRole.Manager, Actors.TeamId);
    private static readonly Member Agent = new(Actors.AgentId, "Dana Agent", PersonRole.Agent, Actors.TeamId);
    private static readonly Member Coach = new(Guid.CreateVersion7(), "Cole Coach", PersonRole.Coach, Actors.TeamId);
    private static readonly Member OtherCoach = new(Guid.CreateVersion7(), "Cleo Coach", PersonRole.Coach, OtherTeamId);
    private static readonly Member OtherManager = new(Guid.CreateVersion7(), "Mia Manager", PersonRole.Manager, OtherTeamId);
    private static readonly Member Reviewer = new(Actors.ReviewerId, "Rae Reviewer", PersonRole.Reviewer, Actors.TeamId);
    private static readonly Member OtherReviewer = new(Guid.CreateVersion7(), "Ray Reviewer", PersonRole.Reviewer, OtherTeamId);
    private static readonly Member QaLead = new(Guid.CreateVersion7(), "Quinn Lead", PersonRole.QaLead, null);
    private static readonly Member Colleague = new(Actors.OtherAgentId, "Olu Agent", PersonRole.Agent, Actors.TeamId);

    [Fact]
    public void TheAgentsManagerAndTheTeamsCoachesActOnFlags()
    {
        Assert.Null(AccessPolicy.CanActOnFlag(Manager, Scope));
        Assert.Null(AccessPolicy.CanActOnFlag(Coach, Scope));
    }

    [Fact]
    public void OthersCannotActOnFlags()
    {
        var refusals = new[] { Agent, Colleague, OtherCoach, OtherManager, Reviewer, QaLead, null }
            .Select(m => AccessPolicy.CanActOnFlag(m, Scope)).ToList();

        Assert.All(refusals, Assert.NotNull);
        Assert.StartsWith("This flag is about your own call", refusals[0], StringComparison.Ordinal);
        Assert.Equal("Only Dana Agent's manager or a coach of their team can act on this flag.", refusals[1]);
        Assert.Equal(AccessPolicy.NotInDirectory, refusals[^1]);
    }

    [Fact]
    public void OnlyTheAgentRespondsToTheirScore()
    {
        Assert.Null(AccessPolicy.CanRespondToScore(Agent, Scope));
        Assert.Equal("Only Dana Agent can accept or dispute their own score.", AccessPolicy.CanRespondToScore(Manager, Scope));
        Assert.NotNull(AccessPolicy.CanRespondToScore(Colleague, Scope));
    }

    [Fact]
    public void ReviewersOfTheTeamTheManagerAndQaLeadsDecideDisputes()
    {
        Assert.Null(AccessPolicy.CanDecideDispute(Reviewer, Scope));
        Assert.Null(AccessPolicy.CanDecideDispute(Manager, Scope));
        Assert.Null(AccessPolicy.CanDecideDispute(QaLead, Scope));
        Assert.NotNull(AccessPolicy.CanDecideDispute(OtherReviewer, Scope));
        Assert.NotNull(AccessPolicy.CanDecideDispute(Coach, Scope));
        Assert.Equal("You cannot decide a dispute of your own score.", AccessPolicy.CanDecideDispute(Agent, Scope));
    }
}
