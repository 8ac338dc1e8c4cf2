using CoachLoop.Engine.Calls;

namespace CoachLoop.Bot.Hosting;

internal static class EngineServiceCollectionExtensions
{
    /// <summary>The Engine's use cases and the clock they read.</summary>
    public static IServiceCollection AddCoachLoopEngine(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ScoredCallIntake>();
        services.AddHostedService<DatabaseStartup>();
        return services;
    }
}
