namespace CoachLoop.Bot.Api;

/// <summary>The agent a flag is about, as a list row shows them.</summary>
internal sealed record FlagAgentView(Guid Id, string Name, string Email);
