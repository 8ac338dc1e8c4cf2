using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachLoop.Bot.Channels.Teams.Auth;

/// <summary>
/// Checks the bearer token on <c>POST /api/messages</c> the way the Bot Framework specifies: Bot Framework channel tokens
/// (issuer <c>https://api.botframework.com</c>, or the US Government clouds' <c>https://api.botframework.us</c> for their own service
/// URLs only; keys endorsed for the channel) and, for a single-tenant bot, Entra tokens of its
/// tenant; signature with RS256/384/512, audience = the app id, lifetime with clock skew, and the <c>serviceurl</c> claim equal
/// to the activity's service URL.
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication">Authenticate requests from the Bot Connector service</see>.</remarks>
public sealed class TeamsTokenValidator(OpenIdKeyCache keys, IOptions<TeamsOptions> options, TimeProvider clock)
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<TokenCheck> ValidateAsync(string? authorization, string? serviceUrl, string? channelId, CancellationToken ct)
    {
        var settings = options.Value;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return TokenCheck.Unauthorized("no bearer token");
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(authorization["Bearer ".Length..].Trim());
        }
        catch (ArgumentException)
        {
            return TokenCheck.Unauthorized("not a JWT");
        }

        var tenant = settings.TenantId;
        var entraIssuers = string.IsNullOrWhiteSpace(tenant) ? [] : new[] { $"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0" };
        string metadataUrl;
        string[] channelIssuers = [TeamsOptions.BotFrameworkIssuer];
        if (token.Issuer == TeamsOptions.BotFrameworkIssuer)
        {
            metadataUrl = settings.OpenIdMetadataUrl;
        }
        else if (token.Issuer == settings.GovernmentTokenIssuer)
        {
            // The Government clouds sign with their own issuer and keys; they speak only for their own service URLs.
            if (!settings.IsGovernmentServiceUrl(serviceUrl))
            {
                return TokenCheck.Unauthorized("Government cloud token for a service URL outside the Government clouds");
            }

            metadataUrl = settings.GovernmentOpenIdMetadataUrl;
            channelIssuers = [settings.GovernmentTokenIssuer];
        }
        else if (entraIssuers.Contains(token.Issuer, StringComparer.Ordinal))
        {
            metadataUrl = settings.EntraOpenIdMetadataUrl.Replace("{tenantId}", tenant, StringComparison.Ordinal);
        }
        else
        {
            return TokenCheck.Unauthorized("issuer not allowed");
        }

        SigningKeys signing;
        try
        {
            signing = await keys.GetAsync(metadataUrl, token.Kid, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or SecurityTokenException or ArgumentException or TaskCanceledException)
        {
            return TokenCheck.Unauthorized($"signing keys unavailable: {ex.GetType().Name}");
        }

        var appId = settings.AppId!;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = [.. channelIssuers, .. entraIssuers],
            ValidAudiences = [appId, $"api://{appId}", $"api://botid-{appId}"],
            IssuerSigningKeys = signing.Keys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = settings.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, p) => WithinLifetime(notBefore, expires, p.ClockSkew),
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return TokenCheck.Unauthorized(result.Exception?.GetType().Name ?? "invalid token");
        }

        var channelToken = channelIssuers.Contains(token.Issuer, StringComparer.Ordinal);
        if (!channelToken)
        {
            // Entra tokens: the tenant in the token must be the bot's own.
            return token.TryGetPayloadValue<string>("tid", out var tid) && tid == tenant
                ? CheckServiceUrl(token, serviceUrl, false) : TokenCheck.Unauthorized("tid does not match the bot's tenant");
        }

        // Endorsements belong to the key that actually verified the signature, not to whatever the header names.
        var signedBy = (result.SecurityToken as JsonWebToken)?.SigningKey?.KeyId ?? token.Kid;
        if (signedBy is null || !signing.Endorsements.TryGetValue(signedBy, out var channels) || channelId is null
            || !channels.Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return TokenCheck.Forbidden("signing key not endorsed for the channel");
        }

        return CheckServiceUrl(token, serviceUrl, true);
    }

    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }

    private static TokenCheck CheckServiceUrl(JsonWebToken token, string? serviceUrl, bool channelToken)
    {
        if (!token.TryGetPayloadValue<string>("serviceurl", out var claim))
        {
            // Entra-issued tokens do not carry it (both official stacks skip the check then); Bot Framework tokens must.
            return channelToken ? TokenCheck.Unauthorized("serviceurl claim missing") : TokenCheck.Ok(null);
        }

        return string.Equals(claim, serviceUrl, StringComparison.OrdinalIgnoreCase)
            ? TokenCheck.Ok(claim) : TokenCheck.Unauthorized("serviceurl claim does not match the activity");
    }
}
