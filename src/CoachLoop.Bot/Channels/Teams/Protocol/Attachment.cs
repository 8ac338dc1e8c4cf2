using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// A card or file on a message. An Adaptive Card travels as <c>application/vnd.microsoft.card.adaptive</c> with the card object as content.
/// See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#attachment-object">Attachment</see>.
/// </summary>
public sealed record Attachment(string? ContentType, JsonNode? Content = null, string? ContentUrl = null, string? Name = null);
