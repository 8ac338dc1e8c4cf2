using CoachLoop.Engine.Flags;

namespace CoachLoop.Data.Stores;

/// <summary>A listed flag with what a client shows beside it: the agent, the team and the criterion's name.</summary>
public sealed record FlagListRow(Flag Flag, string? AgentName, string? AgentEmail, string? TeamKey, string? TeamName, string? CriterionName);
