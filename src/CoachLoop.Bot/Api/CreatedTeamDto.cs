namespace CoachLoop.Bot.Api;

/// <summary>A team a directory import created, with the email of its manager when the import named one.</summary>
internal sealed record CreatedTeamDto(string Key, string? Manager);
