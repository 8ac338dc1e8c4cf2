namespace CoachLoop.Engine.Access;

/// <summary>What permissions need to know about a flag: whose it is, and who manages that agent's team.</summary>
public sealed record FlagScope(Guid AgentId, string AgentName, Guid? TeamId, Guid? TeamManagerId);
