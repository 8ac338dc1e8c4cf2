using System.Net;
using System.Text.Json;
using CoachLoop.Bot.Channels.Teams.Auth;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Handlers;
using CoachLoop.Bot.Channels.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: authenticate, parse, dispatch. Nothing is processed before the token is accepted; in development
/// mode (no app id) only unauthenticated loopback requests are accepted.
/// </summary>
public static partial class TeamsEndpoint
{
    public const string Path = "/api/messages";

    public static WebApplication MapTeams(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        if (!options.HasCredentials)
        {
            LogDevelopmentMode(app.Logger);
        }

        app.MapPost(Path, HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Teams activities are small; 256 KB leaves room for the largest card payloads.</summary>
    public const long MaxActivityBytes = 256 * 1024;

    private static async Task<IResult> HandleAsync(HttpContext context, TeamsTokenValidator validator, TrustedServiceUrls trusted,
        TeamsActivityRouter router, IOptions<TeamsOptions> options, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(TeamsEndpoint));

        // The activity is read before the token is checked (its serviceUrl is part of the check): keep what an
        // unauthenticated caller can make us parse small.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxActivityBytes;
        }

        if (context.Request.ContentLength > MaxActivityBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = await context.Request.ReadFromJsonAsync<Activity>(TeamsJson.Options, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            activity = null;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (options.Value.HasCredentials || !string.IsNullOrEmpty(options.Value.AppId))
        {
            var check = await validator.ValidateAsync(authorization.Length == 0 ? null : authorization, activity?.ServiceUrl, activity?.ChannelId, ct)
                .ConfigureAwait(false);
            if (!check.Accepted)
            {
                LogRejected(logger, check.Status, check.Reason);
                return TypedResults.StatusCode(check.Status);
            }

            // Only a Bot Framework token vouches for the service URL (its serviceurl claim matched the activity). A tenant
            // token carries no such claim, so its activity may only name a service URL that is already trusted: otherwise
            // any app of the tenant could have the bot send its own token to an address of its choosing.
            if (check.ServiceUrlClaim is { } vouched)
            {
                trusted.Remember(vouched);
            }
            else if (activity?.ServiceUrl is { } claimed && !trusted.IsTrusted(claimed))
            {
                LogRejected(logger, StatusCodes.Status401Unauthorized, "token without a serviceurl claim for an untrusted service URL");
                return TypedResults.StatusCode(StatusCodes.Status401Unauthorized);
            }
        }
        else if (authorization.Length > 0 || context.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip))
        {
            LogRejected(logger, 401, "development mode accepts only unauthenticated loopback requests");
            return TypedResults.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (activity?.Type is null)
        {
            return TypedResults.BadRequest();
        }

        return await router.RouteAsync(activity, ct).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Warning, "Teams request rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);

    [LoggerMessage(LogLevel.Critical, "TEAMS DEVELOPMENT MODE: no app id/password configured. /api/messages accepts UNAUTHENTICATED requests from loopback only and calls only loopback service URLs without a token. Never run this way in production: set Teams__AppId and Teams__AppPassword.")]
    private static partial void LogDevelopmentMode(ILogger logger);
}
