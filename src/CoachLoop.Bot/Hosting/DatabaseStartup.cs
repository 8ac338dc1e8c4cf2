using CoachLoop.Bot.Demo;
using CoachLoop.Data;
using CoachLoop.Data.Migrations;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Hosting;

/// <summary>Brings the database to the current schema before the host serves, then seeds the demo data when asked.</summary>
internal sealed class DatabaseStartup(IServiceProvider services, IOptions<DataOptions> data, IOptions<DemoOptions> demo) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (data.Value.MigrateOnStart)
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: cancellationToken).ConfigureAwait(false);
        }

        if (demo.Value.Seed)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
