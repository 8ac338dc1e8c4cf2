namespace CoachLoop.Engine.Tests.Builders;

/// <summary>The people who act in tests, with fixed ids.</summary>
public static class Actors
{
    public static readonly Guid AgentId = new("0199f2a0-0000-7000-8000-000000000001");
    public static readonly Guid ManagerId = new("0199f2a0-0000-7000-8000-000000000002");
    public static readonly Guid ReviewerId = new("0199f2a0-0000-7000-8000-000000000003");
    public static readonly Guid OtherAgentId = new("0199f2a0-0000-7000-8000-000000000004");
    public static readonly Guid TeamId = new("0199f2a0-0000-7000-8000-0000000000aa");

    public static Actor Agent { get; } = new(AgentId, "Dana Agent", ActorRole.Agent, "slack");
    public static Actor Manager { get; } = new(ManagerId, "Max Manager", ActorRole.Manager, "teams");
    public static Actor Reviewer { get; } = new(ReviewerId, "Rae Reviewer", ActorRole.Reviewer, "web");
    public static Actor OtherAgent { get; } = new(OtherAgentId, "Olu Agent", ActorRole.Agent, "slack");
    public static Actor Scheduler { get; } = Actor.System("scheduler");
}
