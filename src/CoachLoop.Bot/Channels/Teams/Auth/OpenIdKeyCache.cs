using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoachLoop.Bot.Channels.Teams.Auth;

/// <summary>
/// OpenID metadata and signing keys per metadata URL, kept for a day and fetched again at once when a token names a key we do not
/// know (keys roll at any time). A forced refresh happens at most once per 30 seconds per URL, so junk tokens cannot hammer the issuer.
/// </summary>
public sealed class OpenIdKeyCache(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "teams-openid";

    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinForcedInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SigningKeys> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _forced = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<SigningKeys> GetAsync(string metadataUrl, string? kid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(metadataUrl, out var cached) && now - cached.FetchedAt < MaxAge
            && (cached.Has(kid) || !CanForce(metadataUrl, now)))
        {
            return cached;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_cache.TryGetValue(metadataUrl, out cached) && cached.FetchedAt > now)
            {
                return cached;
            }

            if (cached is not null)
            {
                _forced[metadataUrl] = now;
            }

            var fresh = await FetchAsync(metadataUrl, ct).ConfigureAwait(false);
            _cache[metadataUrl] = fresh;
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool CanForce(string url, DateTimeOffset now) => !_forced.TryGetValue(url, out var last) || now - last >= MinForcedInterval;

    private async Task<SigningKeys> FetchAsync(string metadataUrl, CancellationToken ct)
    {
        var client = http.CreateClient(HttpClientName);
        Require(metadataUrl);
        var metadata = OpenIdConnectConfiguration.Create(await client.GetStringAsync(new Uri(metadataUrl), ct).ConfigureAwait(false));
        Require(metadata.JwksUri);
        var set = new JsonWebKeySet(await client.GetStringAsync(new Uri(metadata.JwksUri), ct).ConfigureAwait(false));
        // Stamped a tick later than the forced-refresh time, so callers that waited on the gate reuse this fetch.
        return SigningKeys.From(set, clock.GetUtcNow().AddTicks(1));
    }

    private void Require(string? url)
    {
        if (url is null || (options.Value.RequireHttpsMetadata && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SecurityTokenException($"OpenID metadata must be fetched over HTTPS: {url}");
        }
    }

    public void Dispose() => _gate.Dispose();
}
