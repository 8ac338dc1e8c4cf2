using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>
/// A loopback OpenID issuer with its own RSA keys: serves metadata and a JWKS whose keys carry Bot Framework endorsements, mints
/// channel tokens, and answers the client-credentials token request the bot makes for outbound calls.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "test-secret";
    public const string TenantId = "b28fdbfd-2b78-4f93-b0f8-8881793f0f8f";

    private readonly WebApplication _app;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _published = [];

    private TestIssuer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => $"{BaseUrl}/v1/.well-known/openidconfiguration";
    public string EntraMetadataUrl => $"{BaseUrl}/{{tenantId}}/v2.0/.well-known/openid-configuration";
    public string TokenEndpoint => $"{BaseUrl}/oauth2/v2.0/token";
    private int _tokenRequests;

    public int TokenRequests => _tokenRequests;
    public RsaSecurityKey CurrentKey { get; private set; } = null!;

    public static async Task<TestIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var issuer = new TestIssuer(builder.Build());
        issuer.Publish(NewKey(), "msteams");
        var app = issuer._app;
        app.MapGet("/v1/.well-known/openidconfiguration", () => Metadata(issuer.BaseUrl + "/v1/.well-known/keys", TeamsAuthority));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Metadata(issuer.BaseUrl + "/v1/.well-known/keys", $"https://login.microsoftonline.com/{tenant}/v2.0"));
        app.MapGet("/v1/.well-known/keys", () => Results.Text(issuer.Jwks().ToJsonString(), "application/json"));
        app.MapPost("/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var n = Interlocked.Increment(ref issuer._tokenRequests);
            return form["client_id"] == AppId && form["client_secret"] == AppPassword && form["grant_type"] == "client_credentials"
                ? Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"bot-token-{n}" })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
        await app.StartAsync();
        issuer.BaseUrl = app.Urls.First();
        return issuer;
    }

    private const string TeamsAuthority = "https://api.botframework.com";

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Adds a key to the JWKS (key rollover) and signs new tokens with it.</summary>
    public void Publish(RsaSecurityKey key, params string[] endorsements)
    {
        lock (_published)
        {
            _published.Add((key, endorsements));
        }

        CurrentKey = key;
    }

    /// <summary>A Bot Framework channel token; every part can be spoiled for the rejection tests.</summary>
    public static string Mint(DateTimeOffset now, string serviceUrl, RsaSecurityKey key, string issuer = TeamsAuthority, string audience = AppId,
        TimeSpan? lifetime = null, TimeSpan? age = null, IDictionary<string, object>? extra = null, bool withServiceUrlClaim = true)
    {
        var issuedAt = now - (age ?? TimeSpan.Zero);
        var claims = withServiceUrlClaim ? new Dictionary<string, object> { ["serviceurl"] = serviceUrl } : new Dictionary<string, object>();
        foreach (var (k, v) in extra ?? new Dictionary<string, object>())
        {
            claims[k] = v;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private JsonObject Jwks()
    {
        var keys = new JsonArray();
        lock (_published)
        {
            foreach (var (key, endorsements) in _published)
            {
                var p = key.Rsa.ExportParameters(false);
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray()),
                });
            }
        }

        return new JsonObject { ["keys"] = keys };
    }

    private static IResult Metadata(string jwksUri, string issuer) => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://invalid.example/authorize",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_published)
        {
            foreach (var (key, _) in _published)
            {
                key.Rsa.Dispose();
            }
        }
    }

}
