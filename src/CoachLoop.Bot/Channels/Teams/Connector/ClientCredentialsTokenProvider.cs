using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>
/// The OAuth 2.0 client-credentials request done by hand against a configured token endpoint (<c>Teams:TokenEndpoint</c>): what
/// the tests' loopback issuer answers, since MSAL only talks to HTTPS authorities it knows. See docs/decisions/0004.
/// </summary>
public sealed class ClientCredentialsTokenProvider(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider clock) : IBotTokenProvider, IDisposable
{
    public const string HttpClientName = "teams-token";

    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.HasCredentials)
        {
            return null;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!forceRefresh && _current is { } c && clock.GetUtcNow() < c.ExpiresAt - Margin)
            {
                return c.Token;
            }

            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId!,
                ["client_secret"] = o.AppPassword!,
                ["scope"] = o.Scope,
            });
            using var response = await http.CreateClient(HttpClientName).PostAsync(new Uri(o.TokenEndpoint!), body, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            var seconds = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600;
            _current = (token, clock.GetUtcNow().AddSeconds(seconds));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
