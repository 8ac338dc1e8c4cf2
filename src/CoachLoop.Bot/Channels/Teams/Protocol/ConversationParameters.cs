namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// Body of <c>POST /v3/conversations</c>: a 1:1 chat (bot, one member, tenant) or a new thread in a channel.
/// See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#conversationparameters-object">ConversationParameters</see>.
/// </summary>
public sealed record ConversationParameters(
    bool IsGroup,
    ChannelAccount? Bot,
    IReadOnlyList<ChannelAccount>? Members,
    string? TenantId,
    TeamsChannelData? ChannelData,
    Activity? Activity = null);
