namespace CoachLoop.Bot.Api;

/// <summary>A team (by key) and the Slack or Teams conversation its flag cards go to.</summary>
internal sealed record TeamChannelRoute(string? Team, string ConversationId, string Tenant, string? ServiceUrl);
