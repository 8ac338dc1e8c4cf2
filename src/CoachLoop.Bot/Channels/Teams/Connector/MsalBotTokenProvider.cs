using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>
/// Production tokens from Entra through MSAL: one confidential client per process, authority = the bot's tenant (single-tenant)
/// or <c>botframework.com</c> (legacy multi-tenant). MSAL keeps the app token in its cache and only calls Entra near expiry.
/// </summary>
/// <remarks>See <see href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector">Bot to Connector</see>.</remarks>
public sealed class MsalBotTokenProvider(IOptions<TeamsOptions> options) : IBotTokenProvider
{
    private readonly Lazy<IConfidentialClientApplication> _app = new(() =>
    {
        var o = options.Value;
        var authority = string.IsNullOrWhiteSpace(o.TenantId) ? "botframework.com" : o.TenantId;
        return ConfidentialClientApplicationBuilder.Create(o.AppId).WithClientSecret(o.AppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{authority}").Build();
    });

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken ct)
    {
        if (!options.Value.HasCredentials)
        {
            return null;
        }

        var result = await _app.Value.AcquireTokenForClient([options.Value.Scope]).WithForceRefresh(forceRefresh).ExecuteAsync(ct).ConfigureAwait(false);
        return result.AccessToken;
    }
}
