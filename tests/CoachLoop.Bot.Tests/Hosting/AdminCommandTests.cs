using CoachLoop.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Hosting;

/// <summary>The command line of the built host, run as a process: unknown commands are errors, and API keys are managed.</summary>
public sealed class AdminCommandTests
{
    [Theory]
    [InlineData("imprt-directory")]
    [InlineData("--Logging:LogLevel:Default=Warning", "migrat")]
    [InlineData("migrate", "now")]
    [InlineData("list-api-keys", "--admin")]
    public async Task AnUnknownCommandOrWrongArgumentsExitWithUsageAndOpenNoDatabase(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("coachloop-cli-");
        var file = Path.Combine(folder.FullName, "production.db");
        try
        {
            var run = await BotCommand.RunAsync(Sqlite($"Data Source={file}"), args);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("Usage: CoachLoop.Bot [COMMAND]", run.Error, StringComparison.Ordinal);
            Assert.Matches("^(Unknown command|Wrong arguments for)", run.Error);
            Assert.False(File.Exists(file), "the database was opened");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ApiKeysAreCreatedListedRotatedAndRevokedFromTheCommandLine()
    {
        await using var database = TestDatabase.CreateSqlite();
        var environment = Sqlite(database.ConnectionString);

        var created = await BotCommand.RunAsync(environment, "create-api-key", "ops", "--admin");
        var again = await BotCommand.RunAsync(environment, "create-api-key", "ops");
        var secret = LastLine(created.Output);
        var listed = await BotCommand.RunAsync(environment, "list-api-keys");
        var rotated = await BotCommand.RunAsync(environment, "rotate-api-key", "ops");
        var fresh = LastLine(rotated.Output);

        Assert.Equal((0, 1, 0, 0), (created.ExitCode, again.ExitCode, listed.ExitCode, rotated.ExitCode));
        Assert.Contains("'ops' exists already", again.Error, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ops\s+cl_\w{5}\s+yes\s+\d{4}-", listed.Output);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            var key = await db.ApiKeys.SingleAsync();
            Assert.Equal((ApiKeyStore.Hash(fresh), true, (DateTimeOffset?)null), (key.Hash, key.IsAdmin, key.RevokedAt));
            Assert.NotNull(key.RotatedAt);
        }

        // The rotated secret is an admin key of the API on the same database.
        await using (var app = await CoachLoopApp.StartAsync(seed: false, database: database))
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", fresh);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/api-keys")).StatusCode);
        }

        var revoked = await BotCommand.RunAsync(environment, "revoke-api-key", "ops");
        var unknown = await BotCommand.RunAsync(environment, "revoke-api-key", "nobody");

        Assert.Equal((0, 1), (revoked.ExitCode, unknown.ExitCode));
        Assert.Contains("no API key named 'nobody'", unknown.Error, StringComparison.Ordinal);
        await using var after = database.CreateContext();
        Assert.NotNull((await after.ApiKeys.SingleAsync()).RevokedAt);
    }

    private static Dictionary<string, string> Sqlite(string connectionString) => new()
    {
        ["Database__Provider"] = "Sqlite", ["Database__ConnectionString"] = connectionString,
    };

    private static string LastLine(string output) => output.Trim().Split('\n')[^1].Trim();
}
