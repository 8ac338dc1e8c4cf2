using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// The fake's installations: each bot token belongs to one installation, and a call whose channel or user lives in a workspace
/// that installation does not cover is refused as Slack refuses it (channel_not_found, user_not_found); an unknown token is
/// invalid_auth, a revoked one token_revoked. oauth.v2.access checks the client id and secret (HTTP Basic or form) and a code
/// this fake issued (once), and answers as Slack does, with a fresh token for the installation.
/// </summary>
public sealed partial class FakeSlackApi
{
    public const string ClientId = "1111.2222-fake-client";
    public const string ClientSecret = "fake-client-secret-not-a-secret";

    /// <summary>Bot tokens and the installation each belongs to; the configured token of the tests is the default workspace's.</summary>
    public ConcurrentDictionary<string, FakeSlackInstall> Tokens { get; } = new(StringComparer.Ordinal)
    {
        [SlackSigner.BotToken] = FakeSlackInstall.Workspace(Team),
    };

    public ConcurrentDictionary<string, byte> RevokedTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>The workspace each channel (and DM, once opened) is in; a channel not listed is in any.</summary>
    public ConcurrentDictionary<string, string> ChannelTeams { get; } = new(StringComparer.Ordinal);

    /// <summary>The Enterprise Grid org a workspace belongs to.</summary>
    public ConcurrentDictionary<string, string> TeamEnterprises { get; } = new(StringComparer.Ordinal);

    /// <summary>Users by email per workspace; a workspace not listed has the users of <see cref="Users"/>.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, string>> TeamUsers { get; } = new(StringComparer.Ordinal);

    /// <summary>Who the person at Slack's authorize page installs into.</summary>
    public FakeSlackInstall? Authorizing { get; set; }

    private readonly ConcurrentDictionary<string, FakeSlackInstall> _codes = new(StringComparer.Ordinal);
    private int _installs;

    /// <summary>Slack's authorize page: records the query and sends the browser back with a code and the state.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Authorizations { get; } = new();

    public Uri AuthorizeUrl => new(BaseUrl, "/oauth/v2/authorize");

    public string IssueCode(FakeSlackInstall install)
    {
        var code = "code-" + Guid.NewGuid().ToString("N");
        _codes[code] = install;
        return code;
    }

    /// <summary>The users of the workspace, adding them if it had none of its own.</summary>
    public ConcurrentDictionary<string, string> UsersOf(string team) => TeamUsers.GetOrAdd(team, _ => new(StringComparer.OrdinalIgnoreCase));

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        Authorizations.Enqueue(query);
        var back = QueryHelpers.AddQueryString(query.GetValueOrDefault("redirect_uri") ?? "/", Authorizing is { } install
            ? new Dictionary<string, string?> { ["code"] = IssueCode(install), ["state"] = query.GetValueOrDefault("state") }
            : new Dictionary<string, string?> { ["error"] = "access_denied", ["state"] = query.GetValueOrDefault("state") });
        return Results.Redirect(back);
    }

    /// <summary>Null when the call may go on; else Slack's refusal.</summary>
    private JsonObject? Refusal(string method, IReadOnlyDictionary<string, string> headers, JsonObject args, out FakeSlackInstall? install)
    {
        install = null;
        if (method is "apps.connections.open" or "oauth.v2.access")
        {
            return null;
        }

        var token = headers.GetValueOrDefault("Authorization", "").Replace("Bearer ", "", StringComparison.Ordinal);
        if (RevokedTokens.ContainsKey(token))
        {
            return Error("token_revoked");
        }

        if (!Tokens.TryGetValue(token, out install))
        {
            return Error("invalid_auth");
        }

        var channel = args["channel"] is JsonValue c && c.TryGetValue<string>(out var id) ? id : null;
        return channel is not null && ChannelTeams.TryGetValue(channel, out var team) && !Covers(install, team) ? Error("channel_not_found") : null;
    }

    private bool Covers(FakeSlackInstall install, string team) =>
        install.Team == team || (install.OrgWide && TeamEnterprises.GetValueOrDefault(team) == install.Enterprise);

    /// <summary>The directory the token's installation sees.</summary>
    private ConcurrentDictionary<string, string> Directory(FakeSlackInstall? install)
    {
        foreach (var (team, users) in TeamUsers)
        {
            if (install is not null && Covers(install, team))
            {
                return users;
            }
        }

        return Users;
    }

    private JsonObject Exchange(IReadOnlyDictionary<string, string> headers, JsonObject args)
    {
        var basic = headers.GetValueOrDefault("Authorization", "");
        var credentials = basic.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..]))
            : $"{args["client_id"]?.GetValue<string>()}:{args["client_secret"]?.GetValue<string>()}";
        if (credentials != ClientId + ":" + ClientSecret)
        {
            return Error("invalid_client_id");
        }

        if (!_codes.TryRemove(args["code"]?.GetValue<string>() ?? "", out var install))
        {
            return Error("invalid_code");
        }

        var n = Interlocked.Increment(ref _installs);
        var token = $"xoxb-fake-{install.Key}-{n}-{Guid.NewGuid():N}";
        Tokens[token] = install;
        return new JsonObject
        {
            ["ok"] = true, ["access_token"] = token, ["token_type"] = "bot", ["scope"] = "channels:history,chat:write,commands,groups:history,im:history,im:write,users:read,users:read.email",
            ["bot_user_id"] = "UBOT" + install.Key, ["app_id"] = "A0FAKEAPP",
            ["team"] = install.Team is null ? null : new JsonObject { ["id"] = install.Team, ["name"] = install.Name },
            ["enterprise"] = install.Enterprise is null ? null : new JsonObject { ["id"] = install.Enterprise, ["name"] = "Org " + install.Enterprise },
            ["is_enterprise_install"] = install.OrgWide,
            ["authed_user"] = new JsonObject { ["id"] = "UINSTALLER" + n },
        };
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}
