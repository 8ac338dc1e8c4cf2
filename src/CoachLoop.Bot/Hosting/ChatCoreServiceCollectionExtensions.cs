using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Outbox;

namespace CoachLoop.Bot.Hosting;

internal static class ChatCoreServiceCollectionExtensions
{
    /// <summary>Cards, the action pipeline and the outbox dispatcher: what every channel plugs into.</summary>
    public static IServiceCollection AddChatCore(this IServiceCollection services)
    {
        services.AddScoped<CardFactory>();
        services.AddScoped<CardAudience>();
        services.AddScoped<ActorResolver>();
        services.AddScoped<CardActionPipeline>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<OutboxRecords>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
