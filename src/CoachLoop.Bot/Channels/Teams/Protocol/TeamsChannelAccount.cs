namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// A member as <c>GET /v3/conversations/{id}/members/{userId}</c> returns it: note the Entra id is <c>objectId</c> on the wire.
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#get-single-member-details">Get single member details</see>.
/// </summary>
public sealed record TeamsChannelAccount(string? Id, string? Name, string? ObjectId, string? Email, string? UserPrincipalName, string? TenantId);
