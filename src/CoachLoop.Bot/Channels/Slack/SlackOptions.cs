using System.ComponentModel.DataAnnotations;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// The Slack channel. It is on when <see cref="BotToken"/> (one workspace) or <see cref="ClientId"/> with <see cref="ClientSecret"/>
/// (installs into many workspaces through OAuth v2) is set with a way for Slack to reach CoachLoop: a
/// <see cref="SigningSecret"/> (request URLs over HTTP) or <see cref="SocketMode"/> with an <see cref="AppToken"/> (an outbound
/// WebSocket, no inbound route). Secrets (and <see cref="PreviousSigningSecret"/> during a rotation) come from the environment
/// (<c>Slack__SigningSecret</c>, <c>Slack__BotToken</c>, <c>Slack__AppToken</c>) or user secrets, never from appsettings.json,
/// and are never logged.
/// </summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>Signing secret of the app (Basic Information page) that requests are verified with.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The secret being rotated out: requests signed with it are accepted until it is removed.</summary>
    public string? PreviousSigningSecret { get; set; }

    /// <summary>The bot token, xoxb-….</summary>
    public string? BotToken { get; set; }

    /// <summary>Slack Web API base; tests point it at a loopback fake.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How far a request timestamp may be from now (Slack: five minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:10:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest request body read; Slack's payloads are far smaller.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Time allowed for one Web API call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The slash command this app answers.</summary>
    [Required]
    public string Command { get; set; } = "/coach";

    /// <summary>
    /// Stored clicks run at the same time (each on a different card); clicks on one card run in the order they came. Unset:
    /// <see cref="SqliteClickParallelism"/> on SQLite, <see cref="ServerClickParallelism"/> on a database server.
    /// </summary>
    [Range(1, 64)]
    public int? ClickParallelism { get; set; }

    /// <summary>
    /// SQLite lets one writer in at a time, and more clicks at once there cost more CPU per click than they gain (issue 10: on
    /// 2 cores a backlog of stored clicks drained 1.4-2.4 times as fast with 2 as with 8; decision 0008).
    /// </summary>
    public const int SqliteClickParallelism = 2;

    /// <summary>A database server serves writers side by side, and each round trip waits on the network.</summary>
    public const int ServerClickParallelism = 8;

    /// <summary>How many stored clicks run at once on <paramref name="provider"/>.</summary>
    public int ClickParallelismFor(Data.DatabaseProvider provider) =>
        ClickParallelism ?? (provider == Data.DatabaseProvider.Sqlite ? SqliteClickParallelism : ServerClickParallelism);

    /// <summary>
    /// A claimed click is another host's to run once this runs out (its host died); a host restarted under the same
    /// <c>Outbox:HostName</c> takes its own claims back at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClickLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the click workers look for stored clicks when nothing woke them (another host stored them).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ClickPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs of a click that failed with an error before it is given up (recorded with its failure).</summary>
    [Range(1, 100)]
    public int ClickMaxAttempts { get; set; } = 5;

    /// <summary>How long a handled click stays stored (a Slack retry of it within this time is recognised).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan ClickRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The app-level token (xapp-…, scope <c>connections:write</c>) that opens Socket Mode connections.</summary>
    public string? AppToken { get; set; }

    /// <summary>Receive events, clicks and commands over Socket Mode instead of (or beside, with a signing secret) request URLs.</summary>
    public bool SocketMode { get; set; }

    /// <summary>
    /// Socket Mode connections kept open at once. Slack sends each envelope to one of them, so with two a connection being
    /// refreshed or dropped leaves another one receiving.
    /// </summary>
    [Range(1, 10)]
    public int SocketConnections { get; set; } = 2;

    /// <summary>The longest wait between reconnect attempts (they back off from one second, with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SocketMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The app's client id (Basic Information page): with <see cref="ClientSecret"/>, CoachLoop installs into many workspaces (OAuth v2).</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's client secret, from the environment (<c>Slack__ClientSecret</c>) like the other secrets.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where Slack sends the installer back (must be listed in the manifest's redirect_urls); unset, this host's own /slack/oauth_redirect.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The bot scopes asked for on install: the manifest's.</summary>
    [Required]
    public string InstallScopes { get; set; } = DefaultScopes;

    public const string DefaultScopes = "channels:history,chat:write,commands,groups:history,im:history,im:write,users:read,users:read.email";

    /// <summary>Slack's authorize page; tests point it at a loopback fake.</summary>
    [Required]
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>How long an install link's state stays good (Slack's own install provider: ten minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan InstallStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Installs through OAuth v2 are on: /slack/install and /slack/oauth_redirect are served.</summary>
    public bool OAuthEnabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>Some bot token can be had: the configured one, or those of OAuth installations.</summary>
    private bool HasTokens => !string.IsNullOrWhiteSpace(BotToken) || OAuthEnabled;

    /// <summary>Request URLs are served (and verified with the signing secret).</summary>
    public bool HttpEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && HasTokens;

    /// <summary>Socket Mode connections are opened.</summary>
    public bool SocketEnabled => SocketMode && !string.IsNullOrWhiteSpace(AppToken) && HasTokens;

    public bool Enabled => HttpEnabled || SocketEnabled;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SocketMode && string.IsNullOrWhiteSpace(AppToken))
        {
            yield return new ValidationResult("Slack:SocketMode needs Slack:AppToken, an app-level token (xapp-…) with connections:write.",
                [nameof(AppToken)]);
        }
        else if (SocketMode && !AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Slack:AppToken must be an app-level token (it starts with xapp-), not a bot or user token.",
                [nameof(AppToken)]);
        }

        if (SocketMode && !HasTokens)
        {
            yield return new ValidationResult("Slack:SocketMode needs Slack:BotToken (one workspace) or Slack:ClientId and Slack:ClientSecret (installs): the Web API calls use their tokens.",
                [nameof(BotToken)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId) != string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult("Slack:ClientId and Slack:ClientSecret go together: set both to install into several workspaces, or neither.",
                [nameof(ClientId), nameof(ClientSecret)]);
        }

        if (RedirectUri is not null && (!RedirectUri.IsAbsoluteUri || (RedirectUri.Scheme != Uri.UriSchemeHttps && !RedirectUri.IsLoopback)))
        {
            yield return new ValidationResult("Slack:RedirectUri must be an absolute https URL (http only on loopback).", [nameof(RedirectUri)]);
        }
    }

    public IReadOnlyList<string> SigningSecrets =>
        new[] { SigningSecret, PreviousSigningSecret }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
}
