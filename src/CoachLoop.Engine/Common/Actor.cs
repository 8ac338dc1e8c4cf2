namespace CoachLoop.Engine.Common;

/// <summary>Who did something, in which role, through which channel. Every state change carries one.</summary>
public sealed record Actor(Guid? PersonId, string Name, ActorRole Role, string Channel)
{
    /// <summary>The system itself (scheduled jobs, the scored-call intake).</summary>
    public static Actor System(string channel = "system") => new(null, "CoachLoop", ActorRole.System, channel);
}
