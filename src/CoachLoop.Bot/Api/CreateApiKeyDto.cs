namespace CoachLoop.Bot.Api;

/// <summary>A key to create: its unique name, and whether it may manage keys itself (default false).</summary>
internal sealed record CreateApiKeyDto(string? Name, bool? Admin);
