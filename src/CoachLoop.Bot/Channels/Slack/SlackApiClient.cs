using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The few Slack Web API methods CoachLoop calls (<see href="https://api.slack.com/web">Web API</see>). Write methods get JSON
/// bodies; read methods (users.*, auth.test, conversations.open) get form bodies, because Slack ignores JSON arguments there.
/// Every call names the token it goes out with (the bot token of the installation it is for: <see cref="SlackInstallations"/>);
/// it travels only in the Authorization header and is never logged or put into an error text.
/// </summary>
public sealed partial class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, SlackRateGate gate, ILogger<SlackApiClient> logger)
{
    /// <summary>
    /// Posts a message carrying <see href="https://api.slack.com/metadata">message metadata</see> that names the outbox key, so a
    /// post whose answer was lost can be found again in the channel's history (<see cref="RecentMessagesAsync"/>).
    /// </summary>
    public Task<SlackApiResponse> PostMessageAsync(string token, string channel, string text, JsonArray blocks, string outboxKey, CancellationToken ct) =>
        JsonAsync(token, "chat.postMessage", new JsonObject
        {
            ["channel"] = channel, ["text"] = text, ["blocks"] = blocks,
            ["metadata"] = new JsonObject { ["event_type"] = CardEventType, ["event_payload"] = new JsonObject { [OutboxKeyField] = outboxKey } },
        }, channel, ct);

    /// <summary>A message that is not an outbox delivery (an answer to the clicker alone), so it carries no outbox key.</summary>
    public Task<SlackApiResponse> PostReplyAsync(string token, string channel, string text, JsonArray blocks, CancellationToken ct) =>
        JsonAsync(token, "chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = text, ["blocks"] = blocks }, channel, ct);

    /// <summary>The newest messages of a conversation with their metadata (conversations.history, include_all_metadata).</summary>
    public Task<SlackApiResponse> RecentMessagesAsync(string token, string channel, int limit, CancellationToken ct) =>
        FormAsync(token, "conversations.history", [new("channel", channel), new("limit", limit.ToString(CultureInfo.InvariantCulture)),
            new("include_all_metadata", "true")], ct);

    /// <summary>The metadata event type of a CoachLoop card, and the payload field holding its outbox key.</summary>
    public const string CardEventType = "coachloop_card";

    public const string OutboxKeyField = "outbox_key";

    public Task<SlackApiResponse> UpdateAsync(string token, string channel, string ts, string text, JsonArray blocks, CancellationToken ct) =>
        JsonAsync(token, "chat.update", new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks }, channel, ct);

    public Task<SlackApiResponse> PostEphemeralAsync(string token, string channel, string user, string text, CancellationToken ct) =>
        JsonAsync(token, "chat.postEphemeral", new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text }, channel, ct);

    /// <summary>A message only <paramref name="user"/> sees, with blocks: a card shown to the one person who asked for it.</summary>
    public Task<SlackApiResponse> PostEphemeralAsync(string token, string channel, string user, string text, JsonArray blocks, CancellationToken ct) =>
        JsonAsync(token, "chat.postEphemeral", new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text, ["blocks"] = blocks }, channel, ct);

    public Task<SlackApiResponse> OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken ct) =>
        JsonAsync(token, "views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, null, ct);

    public Task<SlackApiResponse> PublishViewAsync(string token, string userId, JsonObject view, CancellationToken ct) =>
        JsonAsync(token, "views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view }, null, ct);

    public Task<SlackApiResponse> OpenConversationAsync(string token, string userId, CancellationToken ct) =>
        FormAsync(token, "conversations.open", [new("users", userId)], ct);

    public Task<SlackApiResponse> LookupByEmailAsync(string token, string email, CancellationToken ct) =>
        FormAsync(token, "users.lookupByEmail", [new("email", email)], ct);

    public Task<SlackApiResponse> UserInfoAsync(string token, string userId, CancellationToken ct) =>
        FormAsync(token, "users.info", [new("user", userId)], ct);

    public Task<SlackApiResponse> AuthTestAsync(string token, CancellationToken ct) => FormAsync(token, "auth.test", [], ct);

    /// <summary>
    /// A fresh Socket Mode WebSocket URL (apps.connections.open), asked with the app-level token, not the bot token. Each URL
    /// is short-lived and serves one connection, so every (re)connect asks again.
    /// </summary>
    public Task<SlackApiResponse> OpenSocketAsync(string appToken, CancellationToken ct) =>
        CallAsync(appToken, "apps.connections.open", null, () => new FormUrlEncodedContent([]), ct);

    /// <summary>
    /// Exchanges an OAuth v2 install's <paramref name="code"/> for the installation's bot token
    /// (<see href="https://api.slack.com/methods/oauth.v2.access">oauth.v2.access</see>): a form body, the app's client id and
    /// secret as HTTP Basic credentials. <paramref name="redirectUri"/> must be the one the authorize URL named.
    /// </summary>
    public Task<SlackApiResponse> ExchangeCodeAsync(string clientId, string clientSecret, string code, string redirectUri, CancellationToken ct) =>
        CallAsync(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(clientId + ":" + clientSecret))),
            "oauth.v2.access", null, () => new FormUrlEncodedContent([new("code", code), new("redirect_uri", redirectUri)]), ct);

    private Task<SlackApiResponse> JsonAsync(string token, string method, JsonObject args, string? channel, CancellationToken ct) =>
        CallAsync(token, method, channel, () => new StringContent(args.ToJsonString(), new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }), ct);

    private Task<SlackApiResponse> FormAsync(string token, string method, KeyValuePair<string, string>[] args, CancellationToken ct) =>
        CallAsync(token, method, null, () => new FormUrlEncodedContent(args), ct);

    private Task<SlackApiResponse> CallAsync(string token, string method, string? channel, Func<HttpContent> content, CancellationToken ct) =>
        CallAsync(new AuthenticationHeaderValue("Bearer", token), method, channel, content, ct);

    private async Task<SlackApiResponse> CallAsync(AuthenticationHeaderValue credentials, string method, string? channel, Func<HttpContent> content,
        CancellationToken ct)
    {
        if (gate.Wait(method, channel) is { } wait)
        {
            return SlackApiResponse.Throttled(wait);
        }

        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(settings.ApiBaseUrl), method)) { Content = content() };
        request.Headers.Authorization = credentials;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.ApiTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var after = RetryAfter(response);
                gate.Throttled(method, channel, after);
                LogThrottled(logger, method, after);
                return SlackApiResponse.Throttled(after);
            }

            if ((int)response.StatusCode >= 500)
            {
                return SlackApiResponse.Failed($"http_{(int)response.StatusCode}", transient: true);
            }

            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            // A body that is not Slack's JSON (a proxy's HTML 403, a wrong base URL's 404) will not get better by retrying.
            var body = ParseObject(text);
            var result = body is null ? SlackApiResponse.Failed($"http_{(int)response.StatusCode}_not_json", transient: false) : SlackApiResponse.From(body);
            if (!result.Ok)
            {
                LogFailed(logger, method, result.Describe());
            }

            return result;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogUnreachable(logger, method, ex.GetType().Name);
            return SlackApiResponse.Failed($"unreachable: {ex.GetType().Name}", transient: true);
        }
    }

    // "https://slack.com/api" without its slash would resolve "chat.postMessage" to https://slack.com/chat.postMessage.
    private static Uri WithSlash(Uri baseUrl) => baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(1);
    }

    [LoggerMessage(LogLevel.Warning, "Slack {Method} is rate limited; waiting {RetryAfter}")]
    private static partial void LogThrottled(ILogger logger, string method, TimeSpan retryAfter);

    [LoggerMessage(LogLevel.Warning, "Slack {Method} answered ok:false: {Error}")]
    private static partial void LogFailed(ILogger logger, string method, string error);

    [LoggerMessage(LogLevel.Warning, "Slack {Method} could not be reached: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string method, string reason);
}
