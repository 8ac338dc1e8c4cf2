using CoachLoop.Data;
using CoachLoop.Data.Migrations;
using CoachLoop.Data.Stores;

namespace CoachLoop.Bot.Hosting;

/// <summary>
/// Commands run instead of the server: <c>create-api-key NAME</c> prints a new bearer key (shown once,
/// stored hashed); <c>migrate</c> applies pending schema migrations and exits.
/// </summary>
internal static class AdminCommands
{
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("create-api-key" or "migrate"))
        {
            return null;
        }

        // Only --key=value settings go to configuration; positional words are the command's own.
        var builder = Host.CreateApplicationBuilder(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCoachLoopData(builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync().ConfigureAwait(false);
        if (args[0] == "migrate")
        {
            await Console.Out.WriteLineAsync("Database is up to date.").ConfigureAwait(false);
            return 0;
        }

        var name = args.Length > 1 && !args[1].StartsWith('-') ? args[1] : "default";
        var (key, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(name).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"API key '{key.Name}' created. It is shown once; store it now:").ConfigureAwait(false);
        await Console.Out.WriteLineAsync(secret).ConfigureAwait(false);
        return 0;
    }
}
