using CoachLoop.Data.Diagnostics;
using CoachLoop.Data.Migrations;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Stores;
using CoachLoop.Data.Webhooks;
using CoachLoop.Engine.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachLoop.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database (SQLite by default, PostgreSQL or SQL Server by configuration), the migrator and the stores.</summary>
    public static IServiceCollection AddCoachLoopData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>()
            .Bind(configuration.GetSection(DataOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres or SqlServer.")
            .ValidateOnStart();
        services.AddSingleton<SqlCounters>();
        services.AddSingleton<DurableCommits>();
        services.AddSingleton(sp => new SqlCountingInterceptor(sp.GetRequiredService<SqlCounters>()));
        // Pooled: a click, a delivery or a request takes a ready context instead of building one (its services, its options) each time.
        services.AddDbContextPool<CoachLoopDbContext>((sp, builder) => builder
            .UseCoachLoopDatabase(sp.GetRequiredService<IOptions<DataOptions>>().Value)
            .AddInterceptors(sp.GetRequiredService<SqlCountingInterceptor>(), sp.GetRequiredService<WebhookEventStager>()));
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations()
            .Validate(o => WebhookSecrets.IsValidKey(o.SecretKey), "Webhooks:SecretKey must be 32 bytes, base64-encoded.").ValidateOnStart();
        services.AddSingleton<WebhookSubscriptionCache>();
        services.AddSingleton<WebhookEventStager>();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<SchemaMigrator>();
        services.AddSingleton<RubricCache>();
        // The intake's own outbox writer remembers routes for the request: a batch routes each team and person once.
        services.AddScoped<ICallIntakeStore>(sp => new EfCallIntakeStore(sp.GetRequiredService<CoachLoopDbContext>(),
            new OutboxWriter(sp.GetRequiredService<CoachLoopDbContext>(), sp.GetServices<IConversationRouter>().Select(r => new RememberedConversations(r)),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<OutboxSignal>(), sp.GetRequiredService<IOptions<DeliveryOptions>>().Value),
            sp.GetRequiredService<RubricCache>(), sp.GetRequiredService<OutboxSignal>())
        {
            PeerExamples = sp.GetRequiredService<IOptions<PeerExampleOptions>>().Value.ToRule(),
        });
        services.AddOptions<PeerExampleOptions>().Bind(configuration.GetSection(PeerExampleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped(sp => new OutboxWriter(sp.GetRequiredService<CoachLoopDbContext>(), sp.GetServices<IConversationRouter>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<OutboxSignal>(), sp.GetRequiredService<IOptions<DeliveryOptions>>().Value));
        services.AddScoped<DirectoryStore>();
        services.AddScoped<RubricStore>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddScoped(sp => new ApiKeyStore(sp.GetRequiredService<CoachLoopDbContext>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ApiKeyCache>(), sp.GetRequiredService<ApiKeyUsage>()));
        services.AddScoped<CoachingQueries>();
        return services;
    }
}
