namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// A user or bot in a conversation: <c>29:</c> user ids, <c>28:&lt;appId&gt;</c> for the bot, and the user's Entra object id.
/// See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#channelaccount-object">ChannelAccount</see>.
/// </summary>
public sealed record ChannelAccount(string? Id, string? Name = null, string? AadObjectId = null);
