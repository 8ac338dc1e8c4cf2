using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Outbox;
using CoachLoop.Bot.Webhooks;

namespace CoachLoop.Bot.Hosting;

internal static class ChatCoreServiceCollectionExtensions
{
    /// <summary>Cards, the action pipeline and the outbox dispatcher: what every channel plugs into.</summary>
    public static IServiceCollection AddChatCore(this IServiceCollection services)
    {
        services.AddOptions<CardOptions>().BindConfiguration(CardOptions.Section).ValidateOnStart();
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
        // Webhooks are the outbox's other kind of delivery: a stored event to a subscriber's URL instead of a card to a chat.
        services.AddScoped<WebhookRequests>();
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName);
        services.AddHostedService<WebhookSubscriptionRefresher>();
        return services;
    }
}
