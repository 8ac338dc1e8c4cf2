using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Teams.Protocol;

/// <summary>
/// Body of the HTTP 200 answer to an <c>adaptiveCard/action</c> invoke: a card that replaces the clicker's view, a message, or an error.
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards">Universal Actions</see>.
/// </summary>
public sealed record InvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public static InvokeResponse Card(JsonObject card) => new(200, ActivityTypes.AdaptiveCardContentType, card);

    public static InvokeResponse Message(string text) => new(200, ActivityTypes.MessageContentType, JsonValue.Create(text));

    public static InvokeResponse Error(int status, string code, string message) =>
        new(status, ActivityTypes.ErrorContentType, new JsonObject { ["code"] = code, ["message"] = message });
}
