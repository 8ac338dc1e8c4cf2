using CoachLoop.Bot.Channels.Slack.Installs;
using CoachLoop.Bot.Channels.Slack.SocketMode;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack;

internal static partial class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack channel, when a bot token is configured with a signing secret (request URLs) or an app token in Socket Mode
    /// (or both); nothing otherwise.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<SlackRateGate>();
        services.AddSingleton<SlackAfterAck>();
        services.AddHostedService<SlackWorker>();
        services.AddSingleton<SlackInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackInbox>());
        services.AddHostedService<SlackInboxWorker>();
        services.AddScoped<SlackInboxStore>();
        services.AddHttpClient<SlackApiClient>();
        services.AddScoped<SlackInbound>();
        services.AddScoped<SlackPeople>();
        services.AddScoped<SlackOpenItems>();
        services.AddScoped<SlackHome>();
        services.AddScoped<SlackEvents>();
        services.AddScoped<SlackClicks>();
        services.AddScoped<SlackInteractions>();
        services.AddScoped<SlackCommands>();
        services.AddSingleton<SlackLookups>();
        services.AddScoped<SlackRecipients>();
        services.AddScoped<IConversationRouter>(sp => new SlackConversations(sp.GetRequiredService<CoachLoopDbContext>()));
        services.AddScoped<ICardSender, SlackCardSender>();
        services.AddSingleton<SlackTokenVault>();
        services.AddScoped<SlackInstallations>();
        services.AddSingleton<SlackInstallState>();
        services.AddScoped<SlackInstaller>();
        if (options.SocketEnabled)
        {
            services.AddSingleton<SlackEnvelopeHandler>();
            services.AddSingleton<SlackSocketMode>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackSocketMode>());
        }

        return services;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.Enabled)
        {
            LogOff(app.Logger);
            return app;
        }

        if (options.HttpEnabled)
        {
            app.MapSlackEndpoints();
            LogOn(app.Logger, options.ApiBaseUrl);
        }

        if (options.OAuthEnabled)
        {
            app.MapSlackInstallEndpoints();
            LogInstalls(app.Logger);
        }

        if (options.SocketEnabled)
        {
            LogSocketMode(app.Logger, options.SocketConnections, options.ApiBaseUrl);
        }

        return app;
    }

    [LoggerMessage(LogLevel.Information, "Slack channel is off: set Slack__BotToken (or Slack__ClientId and Slack__ClientSecret) with Slack__SigningSecret (request URLs) or with Slack__AppToken and Slack__SocketMode=true (Socket Mode) to turn it on")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Slack channel is on (Web API at {ApiBaseUrl}); request URLs under /slack")]
    private static partial void LogOn(ILogger logger, Uri apiBaseUrl);

    [LoggerMessage(LogLevel.Information, "Slack installs are on: /slack/install starts Slack's OAuth v2 flow, /slack/oauth_redirect completes it")]
    private static partial void LogInstalls(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Slack Socket Mode is on: {Connections} outbound connections (Web API at {ApiBaseUrl}); no inbound route needed")]
    private static partial void LogSocketMode(ILogger logger, int connections, Uri apiBaseUrl);
}
