using CoachLoop.Bot.Channels.Teams.Auth;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Handlers;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Engine.People;

namespace CoachLoop.Bot.Channels.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>The Teams channel, when configured (an app id, or development mode): endpoint services, connector, outbox sender and router.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || o.DevelopmentMode || o.HasCredentials, "Teams:AppId needs Teams:AppPassword (set both in the environment)")
            .Validate(o => !o.Enabled || o.TokenEndpoint is null || Uri.IsWellFormedUriString(o.TokenEndpoint, UriKind.Absolute), "Teams:TokenEndpoint must be an absolute URL")
            .ValidateOnStart();
        var options = configuration.GetSection(TeamsOptions.Section).Get<TeamsOptions>() ?? new TeamsOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddHttpClient(OpenIdKeyCache.HttpClientName);
        services.AddHttpClient(ClientCredentialsTokenProvider.HttpClientName);
        services.AddHttpClient<BotConnectorClient>();
        services.AddSingleton<OpenIdKeyCache>();
        services.AddSingleton<TeamsTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ConversationThrottle>();
        services.AddSingleton<DirectChatLocks>();
        services.AddSingleton<SeenServiceUrls>();
        if (string.IsNullOrWhiteSpace(options.TokenEndpoint))
        {
            services.AddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        }
        else
        {
            services.AddSingleton<IBotTokenProvider, ClientCredentialsTokenProvider>();
        }

        services.AddScoped<TeamsPeople>();
        services.AddScoped<TeamsConversations>();
        services.AddScoped<TeamsIdentities>();
        services.AddScoped<TeamsDirectChats>();
        services.AddScoped<TeamsViewers>();
        services.AddScoped<Handlers.TeamsOpenCard>();
        services.AddScoped<TeamsCommands>();
        services.AddScoped<TeamsMyFlags>();
        services.AddScoped<TeamsActionRunner>();
        services.AddScoped<TeamsWelcome>();
        services.AddScoped<ITeamsHandler, CardActionHandler>();
        services.AddScoped<ITeamsHandler, InstallationHandler>();
        services.AddScoped<ITeamsHandler, ConversationUpdateHandler>();
        services.AddScoped<ITeamsHandler, SubmitHandler>();
        services.AddScoped<ITeamsHandler, MessageCommandHandler>();
        services.AddScoped<TeamsActivityRouter>();
        services.AddScoped<IConversationRouter>(sp => new RoutedConversations(ChatIdentity.Teams, sp.GetRequiredService<CoachLoopDbContext>()));
        services.AddScoped<ICardSender, TeamsCardSender>();
        return services;
    }
}
