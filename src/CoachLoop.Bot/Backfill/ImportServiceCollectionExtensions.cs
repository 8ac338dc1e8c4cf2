namespace CoachLoop.Bot.Backfill;

internal static class ImportServiceCollectionExtensions
{
    /// <summary>Backfill imports: their store, the batch that applies lines through the intake, and the worker.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportSignal>();
        services.AddScoped<ImportJobStore>();
        services.AddScoped<ImportBatch>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
