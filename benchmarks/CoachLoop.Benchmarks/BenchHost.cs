using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Benchmarks;

/// <summary>The real host on real Kestrel (loopback, a free port) over a temp SQLite file, logging only warnings.</summary>
/// <remarks><paramref name="services"/> adds to the host's services. SQL is counted by the host's own SqlCounters (read from <c>Services</c>).</remarks>
internal sealed class BenchHost(string connectionString, Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(BotFolder());
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("WebChannel:Enabled", "true");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // No benchmark imports; the import worker's polls would be SQL in the counts.
        builder.UseSetting("Intake:Backfill:WorkerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:CoachLoop.Bot.Actions", "Warning");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    // The benchmark runs from anywhere: find src/CoachLoop.Bot above the build output.
    private static string BotFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CoachLoop.Bot");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/CoachLoop.Bot not found above " + AppContext.BaseDirectory);
    }
}
