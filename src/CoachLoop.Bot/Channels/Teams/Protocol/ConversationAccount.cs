namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// The conversation an activity belongs to: <c>a:</c> personal chats, <c>19:...@thread...</c> channels and group chats; a channel
/// thread is the channel id plus <c>;messageid=</c>.
/// See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#conversationaccount-object">ConversationAccount</see>.
/// </summary>
public sealed record ConversationAccount(string? Id, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null, string? Name = null);
