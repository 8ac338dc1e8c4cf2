using CoachLoop.Bot.Outbox;
using CoachLoop.Data.Outbox;

namespace CoachLoop.Bot.Channels.Web;

internal static partial class WebChannelServiceCollectionExtensions
{
    public static IServiceCollection AddWebChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebChannelOptions.Section).Get<WebChannelOptions>() ?? new WebChannelOptions();
        services.AddOptions<WebChannelOptions>().Bind(configuration.GetSection(WebChannelOptions.Section));
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<IConversationRouter, WebConversations>();
        services.AddScoped<ICardSender, WebCardSender>();
        services.AddSingleton<WebDemoKey>();
        services.AddScoped<WebCardViews>();
        services.AddScoped<WebOpenFlags>();
        services.AddScoped<WebDigestNow>();
        return services;
    }

    public static WebApplication UseWebChannel(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebChannelOptions>>().Value.Enabled)
        {
            return app;
        }

        LogEnabled(app.Logger);
        app.UseStaticFiles();
        app.MapWebChannel();
        return app;
    }

    [LoggerMessage(LogLevel.Warning, "The local web channel is ON at /web. Whoever opens it picks who they are: it answers loopback requests only and is meant for development. Set WebChannel:Enabled=false to turn it off.")]
    private static partial void LogEnabled(ILogger logger);
}
