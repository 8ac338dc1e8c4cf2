using System.Net.Http.Headers;
using System.Text.Json;

namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>
/// Reads Connector error answers: <c>{"error":{"code":...}}</c>, or the blocked-bot shape whose <c>message</c> is itself JSON with a
/// <c>subCode</c>; and the Retry-After header in seconds or as an HTTP date.
/// See <see href="https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis">status codes</see>.
/// </summary>
public static class ConnectorErrors
{
    public static string? Code(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code))
            {
                return code.ValueKind == JsonValueKind.String ? code.GetString() : null;
            }

            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                using var inner = JsonDocument.Parse(message.GetString()!);
                return inner.RootElement.ValueKind == JsonValueKind.Object && inner.RootElement.TryGetProperty("subCode", out var sub)
                    && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status code alone says what happened.
        }

        return null;
    }

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }
}
