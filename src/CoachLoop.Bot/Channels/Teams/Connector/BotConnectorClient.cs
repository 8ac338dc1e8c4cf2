using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoachLoop.Bot.Channels.Teams.Protocol;

namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>
/// The Bot Connector REST calls the bot makes: send, reply, update, create conversation and get member. The bot token goes only
/// to trusted service URLs; a 401 gets one retry with a fresh token.
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference">Connector API reference</see>.</remarks>
public sealed class BotConnectorClient(HttpClient http, IBotTokenProvider tokens, TrustedServiceUrls trusted, TimeProvider clock)
{
    public Task<ConnectorResult> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, ct);

    public Task<ConnectorResult> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, ct);

    public Task<ConnectorResult> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        CallAsync(HttpMethod.Put, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, ct);

    public Task<ConnectorResult> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, ct);

    public Task<ConnectorResult> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct) =>
        CallAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(memberId)}", null, ct);

    private async Task<ConnectorResult> CallAsync(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken ct)
    {
        if (!trusted.IsTrusted(serviceUrl))
        {
            return new ConnectorResult(HttpStatusCode.Forbidden, "UntrustedServiceUrl", null, "");
        }

        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        var result = await SendOnceAsync(method, uri, body, false, ct).ConfigureAwait(false);
        return result.Status == HttpStatusCode.Unauthorized ? await SendOnceAsync(method, uri, body, true, ct).ConfigureAwait(false) : result;
    }

    private async Task<ConnectorResult> SendOnceAsync(HttpMethod method, Uri uri, object? body, bool freshToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, TeamsJson.Options);
        }

        if (await tokens.GetTokenAsync(freshToken, ct).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return new ConnectorResult(response.StatusCode, response.IsSuccessStatusCode ? null : ConnectorErrors.Code(text),
            ConnectorErrors.RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()), text);
    }
}
