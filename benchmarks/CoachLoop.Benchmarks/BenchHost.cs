using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachLoop.Benchmarks;

/// <summary>The real host on real Kestrel (loopback, a free port) over a temp SQLite file, logging only warnings.</summary>
internal sealed class BenchHost(string connectionString) : WebApplicationFactory<Program>
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
        builder.UseSetting("Logging:LogLevel:CoachLoop.Bot.Actions", "Warning");
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
