using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// A Web API answer (<see href="https://api.slack.com/web#responses">Web API: evaluating responses</see>): <c>ok</c>, the
/// <c>error</c> code when not ok, and for HTTP 429 the <c>Retry-After</c> delay. <see cref="Transient"/> says whether trying
/// again later can succeed (throttling, outages) as opposed to errors that cannot (channel_not_found, invalid_auth…).
/// </summary>
public sealed record SlackApiResponse(bool Ok, string? Error, TimeSpan? RetryAfter, bool Transient, JsonObject? Body)
{
    private static readonly HashSet<string> TransientErrors =
        ["ratelimited", "rate_limited", "internal_error", "fatal_error", "request_timeout", "service_unavailable", "team_added_to_org"];

    public static SlackApiResponse Throttled(TimeSpan retryAfter) => new(false, "ratelimited", retryAfter, true, null);

    public static SlackApiResponse Failed(string error, bool transient) => new(false, error, null, transient, null);

    public static SlackApiResponse From(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var ok = body["ok"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
        var error = ok ? null : body["error"]?.GetValue<string>() ?? "unknown_error";
        return new(ok, error, null, error is not null && TransientErrors.Contains(error), body);
    }

    /// <summary>A string field of the body by dotted path, e.g. "channel.id".</summary>
    public string? Get(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? node = Body;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    /// <summary>The error with Slack's validation messages (response_metadata.messages), for dead letters and logs.</summary>
    public string Describe()
    {
        var messages = Body?["response_metadata"]?["messages"] as JsonArray;
        var detail = messages is { Count: > 0 } ? " (" + string.Join("; ", messages.Select(m => m?.ToString())) + ")" : "";
        return (Error ?? "ok") + detail;
    }
}
