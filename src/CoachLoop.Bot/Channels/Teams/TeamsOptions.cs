using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// The Microsoft Teams channel. Off unless an app id is configured or <see cref="DevelopmentMode"/> is on.
/// <see cref="AppId"/>, <see cref="AppPassword"/> and <see cref="TenantId"/> come from the environment
/// (<c>Teams__AppId</c>, <c>Teams__AppPassword</c>, <c>Teams__TenantId</c>) and are never logged.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Issuer of channel tokens from the Azure Government Bot Service (Teams GCC High and DoD).</summary>
    public const string GovernmentIssuer = "https://api.botframework.us";

    /// <summary>The bot's Microsoft App ID (Entra client id): the audience of inbound tokens.</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>Set for a single-tenant bot: Entra tokens of this tenant are accepted and outbound tokens come from it.</summary>
    public string? TenantId { get; set; }

    /// <summary>No credentials: unauthenticated requests from loopback only, outbound calls without a token to loopback only.</summary>
    public bool DevelopmentMode { get; set; }

    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>
    /// Issuer of the US Government clouds' channel tokens. Such a token is accepted only for an activity whose service URL is one
    /// of <see cref="GovernmentServiceUrls"/>; its keys come from <see cref="GovernmentOpenIdMetadataUrl"/>.
    /// </summary>
    [Required]
    public string GovernmentTokenIssuer { get; set; } = GovernmentIssuer;

    [Required]
    public string GovernmentOpenIdMetadataUrl { get; set; } = "https://login.botframework.azure.us/v1/.well-known/openidconfiguration";

    /// <summary>Teams service URLs of the US Government clouds (GCC High, DoD): the only ones a Government-issued token may vouch for.</summary>
    public IList<string> GovernmentServiceUrls { get; } = ["https://smba.infra.gov.teams.microsoft.us/", "https://smba.infra.dod.teams.microsoft.us/"];

    /// <summary>Metadata of Entra-issued tokens for single-tenant bots; <c>{tenantId}</c> is replaced.</summary>
    [Required]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>Fetch metadata over plain HTTP too (tests with a loopback issuer only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Token endpoint for the plain client-credentials flow; empty means MSAL against login.microsoftonline.com.</summary>
    public string? TokenEndpoint { get; set; }

    [Required]
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Service URLs the bot token may be sent to before one was seen on an authenticated activity.</summary>
    public IList<string> TrustedServiceUrls { get; } =
        ["https://smba.trafficmanager.net/", "https://smba.infra.gcc.teams.microsoft.com/", "https://smba.infra.gov.teams.microsoft.us/",
            "https://smba.infra.dod.teams.microsoft.us/"];

    /// <summary>Used for proactive 1:1 chats when no service URL of the tenant is known yet.</summary>
    [Required]
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Teams gives an invoke five seconds; the card action must be answered within this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:05")]
    public TimeSpan InvokeBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Whether the service URL belongs to a US Government cloud (prefix match on a configured base URL).</summary>
    public bool IsGovernmentServiceUrl(string? serviceUrl)
    {
        if (serviceUrl is null)
        {
            return false;
        }

        var url = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        return GovernmentServiceUrls.Any(g => url.StartsWith(g.EndsWith('/') ? g : g + "/", StringComparison.OrdinalIgnoreCase));
    }

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId) || DevelopmentMode;

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppPassword);
}
