namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// A tenant, team or channel inside Teams channel data (<c>aadGroupId</c> only on teams).
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context">Get Teams context</see>.
/// </summary>
public sealed record TeamsEntity(string? Id, string? Name = null, string? AadGroupId = null);
