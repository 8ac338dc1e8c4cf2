using System.Net;
using CoachLoop.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack.Installs;

/// <summary>
/// Slack's OAuth v2 install flow (<see href="https://api.slack.com/authentication/oauth-v2">Installing with OAuth</see>):
/// <c>/slack/install</c> sends the installer to Slack's authorize page with the bot scopes and a sealed, expiring state bound to
/// their browser; <c>/slack/oauth_redirect</c> checks that state (refusing a forged, expired, foreign or replayed one before
/// anything is asked of Slack), exchanges the code with oauth.v2.access and stores the installation. Both answer a plain page
/// for a person in a browser. They are served over HTTP in Socket Mode too: the installer's browser has to reach them.
/// </summary>
internal static partial class SlackInstallEndpoints
{
    public const string InstallPath = "/slack/install";
    public const string RedirectPath = "/slack/oauth_redirect";

    public static void MapSlackInstallEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous().WithTags("Slack").ExcludeFromDescription();
        group.MapGet(InstallPath, Install);
        group.MapGet(RedirectPath, RedirectAsync);
    }

    private static IResult Install(HttpContext context, SlackInstallState states, IOptions<SlackOptions> options)
    {
        var settings = options.Value;
        var (state, nonce) = states.Create();
        context.Response.Cookies.Append(SlackInstallState.CookieName, nonce, new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/slack",
            MaxAge = settings.InstallStateLifetime, IsEssential = true,
        });
        var url = QueryHelpers.AddQueryString(settings.AuthorizeUrl.AbsoluteUri, new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId, ["scope"] = settings.InstallScopes, ["user_scope"] = "",
            ["redirect_uri"] = RedirectUri(context.Request, settings), ["state"] = state,
        });
        return TypedResults.Redirect(url);
    }

    private static async Task<IResult> RedirectAsync(HttpContext context, SlackInstallState states, CoachLoopDbContext db, SlackApiClient slack,
        SlackInstaller installer, IOptions<SlackOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        var query = context.Request.Query;
        var logger = loggers.CreateLogger(typeof(SlackInstallEndpoints));
        // The state is checked (and spent) first, also when Slack reports an error: nothing else is believed from a forged request.
        if (await states.SpendAsync(query["state"], context.Request.Cookies[SlackInstallState.CookieName], db, ct).ConfigureAwait(false) is { } refused)
        {
            LogRefused(logger, refused);
            return Page(StatusCodes.Status400BadRequest, "CoachLoop was not installed", refused + ".");
        }

        context.Response.Cookies.Delete(SlackInstallState.CookieName, new CookieOptions { Path = "/slack" });
        if (query["error"].ToString() is { Length: > 0 } error)
        {
            return Page(StatusCodes.Status400BadRequest, "CoachLoop was not installed", $"Slack said: {error}.");
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            return Page(StatusCodes.Status400BadRequest, "CoachLoop was not installed", "Slack sent no code.");
        }

        var settings = options.Value;
        var answer = await slack.ExchangeCodeAsync(settings.ClientId!, settings.ClientSecret!, code, RedirectUri(context.Request, settings), ct)
            .ConfigureAwait(false);
        var (installed, name, failure) = await installer.StoreAsync(answer, ct).ConfigureAwait(false);
        if (installed is null)
        {
            LogRefused(logger, failure!);
            return Page(StatusCodes.Status502BadGateway, "CoachLoop was not installed", failure + ".");
        }

        return Page(StatusCodes.Status200OK, "CoachLoop is installed",
            $"CoachLoop is now in {name}. Link your CoachLoop teams to their Slack channels (tenant {installed.InstallKey}); you can close this page.");
    }

    /// <summary>The configured redirect URL, else this host's own: the same in the authorize URL and in the code exchange, as Slack requires.</summary>
    private static string RedirectUri(HttpRequest request, SlackOptions settings) =>
        settings.RedirectUri?.AbsoluteUri ?? $"{request.Scheme}://{request.Host}{request.PathBase}{RedirectPath}";

    private static IResult Page(int status, string title, string text) =>
        TypedResults.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>"
            + $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></body></html>",
            "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    [LoggerMessage(LogLevel.Warning, "Refused a Slack install: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
