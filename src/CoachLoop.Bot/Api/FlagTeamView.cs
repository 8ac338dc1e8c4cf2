namespace CoachLoop.Bot.Api;

/// <summary>The team a flag belongs to, by id, key and name.</summary>
internal sealed record FlagTeamView(Guid Id, string Key, string Name);
