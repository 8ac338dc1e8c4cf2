using System.Text.Json;
using CoachLoop.Data.Records;
using CoachLoop.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoachLoop.Bot.Tests.Backfill;

/// <summary>
/// An import of a few thousand calls comes to the same flags (call, kind, agent, criterion, status) as posting them one by one,
/// with its progress visible while it runs; and the real host killed (kill -9) mid-import and started again resumes it to the
/// end with no call lost or stored twice, while the <c>import-calls</c> command waits through the outage and ends with the summary.
/// </summary>
public sealed class ImportEquivalenceTests(OneByOneFlags oneByOne, ITestOutputHelper output) : IClassFixture<OneByOneFlags>
{
    [Fact]
    public async Task AnImportComesToTheSameFlagsAsPostingTheCallsOneByOneWithItsProgressVisibleWhileItRuns()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var api = await app.CreateApiClientAsync();

        using var response = await Support.Backfill.SubmitAsync(api, Support.Backfill.Ndjson(oneByOne.Calls));
        var seen = new List<JsonElement>();
        var job = await Support.Backfill.CompletedAsync(api, response.Headers.Location!.ToString(), seen);

        Assert.Equal((OneByOneFlags.Count, 0, 0), (job.GetProperty("accepted").GetInt32(), job.GetProperty("duplicates").GetInt32(), job.GetProperty("invalid").GetInt32()));
        var midway = seen.Where(j => j.GetProperty("status").GetString() == "running"
            && j.GetProperty("linesRead").GetInt32() is > 0 and < OneByOneFlags.Count).ToList();
        Assert.NotEmpty(midway);
        Assert.Contains(midway, j => j.GetProperty("callsPerSecond").GetDouble() > 0 && j.GetProperty("secondsLeft").GetDouble() > 0);
        Assert.True(seen.Select(j => j.GetProperty("linesRead").GetInt32()).SequenceEqual(seen.Select(j => j.GetProperty("linesRead").GetInt32()).Order()),
            "lines read never go back");
        output.WriteLine($"{midway.Count} of {seen.Count} looks saw the import midway; {job.GetProperty("callsPerSecond")} calls/s; "
            + $"{oneByOne.Flags.Count} flags");
        Assert.Equal(oneByOne.Flags, await app.WithDbAsync(Support.Backfill.FlagsAsync));
    }

    [Fact]
    public async Task AnImportSurvivesAKillOfTheHostAndResumesWithNoCallLostOrStoredTwice()
    {
        await using var database = TestDatabase.CreateSqlite();
        string key;
        await using (var seeded = await CoachLoopApp.StartAsync(database: database))
        {
            await using var scope = seeded.Services.CreateAsyncScope();
            (_, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("import-cli", admin: false);
        }

        var url = BotProcess.FreeUrl();
        var environment = BotProcess.SqliteEnvironment(database, new Dictionary<string, string> { ["Intake:Backfill:PollInterval"] = "00:00:00.050" }, "kill-import");
        environment["ASPNETCORE_URLS"] = url;
        var file = Path.Combine(Path.GetTempPath(), $"coachloop-import-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(file, Support.Backfill.Ndjson(oneByOne.Calls));
        try
        {
            var bot = BotProcess.Start(environment);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await bot.WaitUntilReadyAsync(http);
            var command = BotCommand.RunAsync(new Dictionary<string, string>(), TimeSpan.FromMinutes(5), "import-calls", file, "--url", url, "--key", key);

            // Killed once a few batches are recorded, well before the end.
            await bot.WaitUntilAsync(async () => await JobAsync(database) is { LinesRead: >= 400 }, TimeSpan.FromSeconds(60));
            await bot.KillAsync();
            var killed = (await JobAsync(database))!;
            await using (var db = database.CreateContext())
            {
                Assert.True(killed.LinesRead < OneByOneFlags.Count, $"the import finished before the kill ({killed.LinesRead} lines)");
                // The calls and the progress commit together: what is stored is exactly what the job says it read.
                Assert.Equal(killed.Accepted, await db.ScoredCalls.CountAsync());
            }

            BotCommand cli;
            await using (var restarted = BotProcess.Start(environment))
            {
                await restarted.WaitUntilAsync(async () => await JobAsync(database) is { Status: "completed" }, TimeSpan.FromMinutes(4));
                cli = await command;
            }

            output.WriteLine($"killed at {killed.LinesRead} lines; the command said:\n{cli.Output}{cli.Error}");
            Assert.Equal(0, cli.ExitCode);
            Assert.Contains("The host does not answer", cli.Output, StringComparison.Ordinal);
            Assert.Contains($"completed: {OneByOneFlags.Count} lines, {OneByOneFlags.Count} accepted, 0 duplicates, 0 invalid", cli.Output, StringComparison.Ordinal);
            var done = (await JobAsync(database))!;
            Assert.Equal((OneByOneFlags.Count, 0, 0), (done.Accepted, done.Duplicates, done.Invalid));
            await using var check = database.CreateContext();
            Assert.Equal(OneByOneFlags.Count, await check.ScoredCalls.CountAsync());
            Assert.Equal(oneByOne.Flags, await Support.Backfill.FlagsAsync(check));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<ImportJob?> JobAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync();
    }
}
