namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// The Connector's answer to send, reply, update and create-conversation: the new activity or conversation id
/// (create also returns <c>activityId</c> and sometimes <c>serviceUrl</c>).
/// See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#resourceresponse-object">ResourceResponse</see>.
/// </summary>
public sealed record ResourceResponse(string? Id, string? ActivityId = null, string? ServiceUrl = null);
