using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CoachLoop.Data.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Benchmarks;

/// <summary>
/// Ingest through the real HTTP API (the host on Kestrel in this process, API key auth, a directory of 200 agents and the demo
/// rubric set up first): batches of 500 from one client and single posts from 8 concurrent clients, beside <see cref="RawBaseline"/>
/// measured in the same run on the same provider; SQL per scored call (one call raising two flags, read from the host's <see cref="SqlCounters"/>);
/// then, on SQLite, <see cref="CardLatency"/>. A quarter of the calls fail one quality criterion (a flag each), on agents in turn.
/// </summary>
internal static class IngestBench
{
    public static async Task<int> RunAsync(Func<string, string?> option, Func<string, int, int> arg)
    {
        var batches = arg("--batches", 4);
        var singles = arg("--singles", 1000);
        var warmSeconds = arg("--warm-seconds", 20);
        var providers = new List<(string Name, string? Admin)> { ("sqlite", null) };
        if (Environment.GetEnvironmentVariable("COACHLOOP_BENCH_POSTGRES") is { Length: > 0 } server)
        {
            providers.Add(("postgres", server));
        }

        Console.WriteLine("| database | workload | calls | calls/s | ms per call |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var sqlLines = new List<string>();
        foreach (var (name, admin) in providers)
        {
            await using var database = await BenchDatabase.CreateAsync(admin);
            var settings = new Dictionary<string, string>
            {
                ["WebChannel:Enabled"] = "false", ["Demo:Seed"] = "true", ["Scheduling:Enabled"] = "false",
                ["Database:Provider"] = database.Sqlite ? "Sqlite" : "Postgres",
            };
            double batchRate, singleRate;
            await using (var host = new BenchHost(database.ConnectionString, settings))
            {
                host.UseKestrel(0);
                host.StartServer();
                using var http = await ClickRig.ApiClientAsync(host);
                await ClickRig.SetUpTeamAsync(http, 200, null, slack: false);
                await WarmUpAsync(http, TimeSpan.FromSeconds(warmSeconds));

                var batch = Calls("batch", batches * 500);
                await using (await PerfPhase.StartAsync($"{name}-batches"))
                {
                    var watch = Stopwatch.StartNew();
                    await ClickRig.PostCallsAsync(http, batch);
                    batchRate = batch.Count / watch.Elapsed.TotalSeconds;
                }

                Row(name, "API, batches of 500, one client", batch.Count, batchRate);

                var single = Calls("single", singles);
                await using (await PerfPhase.StartAsync($"{name}-singles"))
                {
                    var watch = Stopwatch.StartNew();
                    await PostSinglesAsync(http, single, 8);
                    singleRate = single.Count / watch.Elapsed.TotalSeconds;
                }

                Row(name, "API, single posts, 8 concurrent", single.Count, singleRate);
                sqlLines.Add(await SqlPerCallAsync(name, http, host.Services.GetRequiredService<SqlCounters>()));
            }

            await using var raw = await RawBaseline.OpenMigratedAsync(database.RawConnectionString, database.Sqlite);
            var one = await RawBaseline.RunAsync(raw, database.Sqlite, 2000, 1, "one");
            Row(name, "raw inserts, 1 call per transaction", 2000, one);
            var many = await RawBaseline.RunAsync(raw, database.Sqlite, batches * 500, 500, "many");
            Row(name, "raw inserts, 500 calls per transaction", batches * 500, many);
            Console.WriteLine($"| {name} | API batches / raw 500 per transaction | | {batchRate / many:P1} | |");
        }

        Console.WriteLine();
        Console.WriteLine("| database | one scored call raising two flags (API, single post) | SQL commands | connection opens | transactions | round trips (commands + opens) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        sqlLines.ForEach(Console.WriteLine);
        Console.WriteLine();
        return await CardLatency.RunBothAsync(arg);
    }

    private static void Row(string database, string workload, int calls, double rate) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {database} | {workload} | {calls:N0} | {rate:N0} | {1000 / rate:F2} |"));

    /// <summary>
    /// Until the time is up, rounds of a batch of 500 and 200 single posts at 8 concurrent, then 2 s for the JIT's last
    /// compiles. On 2 cores the runtime's tiered JIT needs about 20 s of steady work to finish optimising the hot paths (the
    /// peers benchmark found the same); after a few hundred calls much of the intake still ran unoptimised code, and the JIT
    /// itself took an eighth of the samples of the batches measured next. The calls are dated before every measured one, so
    /// no agent's measured calls arrive out of order because of them.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient http, TimeSpan time)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var watch = Stopwatch.StartNew();
        for (var round = 0; round == 0 || (watch.Elapsed < time && round < 12); round++)
        {
            await ClickRig.PostCallsAsync(http, Calls($"warm{round}", 500, start.AddMinutes(700 * round)));
            await PostSinglesAsync(http, Calls($"warm{round}s", 200, start.AddMinutes(700 * round + 500)), 8);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    /// <summary>Calls on agents in turn, a quarter of them failing one quality criterion, a minute apart (200 minutes apart per agent) from <paramref name="from"/> (20 days ago).</summary>
    public static List<JsonObject> Calls(string prefix, int count, DateTimeOffset? from = null) => Enumerable.Range(0, count).Select(i =>
    {
        var at = (from ?? DateTimeOffset.UtcNow.AddDays(-20)).AddMinutes(i);
        if (i % 4 == 0)
        {
            return ClickRig.FailingCall($"{prefix}-{i}", ClickRig.AgentEmail(i % 200), i / 4, at);
        }

        var call = ClickRig.FailingCall($"{prefix}-{i}", ClickRig.AgentEmail(i % 200), 0, at);
        foreach (var score in call["scores"]!.AsArray())
        {
            score!["score"] = 92;
            score.AsObject().Remove("evidence");
        }

        return call;
    }).ToList();

    public static async Task PostSinglesAsync(HttpClient http, List<JsonObject> calls, int concurrency)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < calls.Count; i = Interlocked.Increment(ref next))
            {
                using var content = new StringContent(calls[i].ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                await ClickRig.Ok(await http.PostAsync("/api/v1/scored-calls", content), "scored call");
            }
        }));
    }

    private static async Task<string> SqlPerCallAsync(string database, HttpClient http, SqlCounters counters)
    {
        var runs = new List<SqlCount>();
        for (var i = 0; i < 6; i++)
        {
            // fails the compliance disclosure and empathy: two flags (an urgent compliance flag and a quality flag)
            var call = ClickRig.FailingCall($"sql-{i}", ClickRig.AgentEmail(100 + i), 0, DateTimeOffset.UtcNow.AddHours(-1));
            call["scores"]![0]!["score"] = 0;
            await Task.Delay(300);
            var before = counters.Read();
            using var content = new StringContent(call.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            await ClickRig.Ok(await http.PostAsync("/api/v1/scored-calls", content), "scored call");
            await Task.Delay(300);
            var spent = counters.Read() - before;
            if (i > 0)
            {
                runs.Add(spent);
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"| {database} | mean of {runs.Count} calls | {runs.Average(r => r.Commands):F1} | {runs.Average(r => r.ConnectionOpens):F1} | {runs.Average(r => r.Transactions):F1} | {runs.Average(r => r.Commands + r.ConnectionOpens):F1} |");
    }
}
