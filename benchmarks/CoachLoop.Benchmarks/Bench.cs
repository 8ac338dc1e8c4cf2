using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Benchmarks;
using CoachLoop.Data;
using CoachLoop.Data.Stores;
using CoachLoop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Benchmarks;

/// <summary>Entry point of the benchmarks (named, because the host's top-level Program is referenced).</summary>
internal static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "digests":
                return await DigestBench.RunAsync(args, Arg);
            case "seed-clicks":
                return await ClickSeeder.RunAsync(Option, Arg);
            case "sql-clicks":
                return await SqlPerClick.RunAsync(Arg);
            case "ingest":
                return await IngestBench.RunAsync(Option, Arg);
            case "latency":
                return await CardLatency.RunBothAsync(Arg);
            case "scripts":
                return ScriptCheckBench.Run(args[1..]);
        }

        // Action handling under load: N distinct approvals clicked by C concurrent clients over real HTTP, then C
        // concurrent clicks on one flag (one must win). Prints throughput and latency percentiles; not a test.
        var clicks = Arg("--clicks", 1000);
        var concurrency = Arg("--concurrency", 200);
        await using var database = TestDatabase.CreateSqlite();
        await using var host = new BenchHost(database.ConnectionString);
        host.UseKestrel(0);
        host.StartServer();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency + 8 };
        using var http = new HttpClient(handler) { BaseAddress = host.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        string key;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            (_, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("bench-" + Guid.NewGuid().ToString("N")[..12]);
        }

        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var morgan = await IdOf("morgan@example.com");
        Console.WriteLine($"Creating {clicks + concurrency + 20} flags through the API...");
        var flags = await CreateFlagsAsync(clicks + 1 + 20);

        // Warm up JIT, connection pool and SQLite caches on flags not measured.
        await ClickAllAsync(flags.Skip(clicks + 1).ToList(), 20);
        var distinct = await ClickAllAsync(flags.Take(clicks).ToList(), concurrency);
        Report($"{clicks} approvals on distinct flags, {concurrency} concurrent clients", distinct);
        var same = await ClickAllAsync(Enumerable.Repeat(flags[clicks], concurrency).ToList(), concurrency);
        Report($"{concurrency} concurrent clicks on one flag", same);
        Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB (host and load generator in one process)");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
            var approvals = await db.AuditEntries.CountAsync(a => a.Action == "approve-practice");
            Console.WriteLine($"Check: {approvals} approve-practice audit rows (expected {clicks + 1 + 20})");
        }

        return 0;

        int Arg(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        async Task<Guid> IdOf(string email)
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>().People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
        }

        async Task<List<(Guid Id, int Version)>> CreateFlagsAsync(int count)
        {
            var created = new List<(Guid, int)>();
            for (var start = 0; start < count; start += 500)
            {
                var batch = new JsonArray();
                for (var i = start; i < Math.Min(count, start + 500); i++)
                {
                    // Each agent's failing criterion changes every two calls (the other one passes), so no three calls in a row
                    // fail one criterion: a pattern would fold the flags this benchmark clicks on.
                    var onResolution = i / 2 % 4 >= 2;
                    batch.Add(new JsonObject
                    {
                        ["source"] = "bench", ["callId"] = $"b-{i}", ["agent"] = i % 2 == 0 ? "ana@example.com" : "ben@example.com",
                        ["callTime"] = DateTimeOffset.UtcNow.AddMinutes(-i).ToString("O", CultureInfo.InvariantCulture),
                        ["rubric"] = new JsonObject { ["key"] = "support", ["version"] = 1 }, ["overallScore"] = 80,
                        ["scores"] = new JsonArray(
                            new JsonObject { ["criterion"] = "empathy", ["score"] = onResolution ? 90 : 40 + (i % 2) * 10 },
                            new JsonObject { ["criterion"] = "resolution", ["score"] = onResolution ? 40 + (i % 2) * 10 : 90 }),
                    });
                }

                var response = await http.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = batch });
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                created.AddRange(body.GetProperty("items").EnumerateArray()
                    .Select(item => (item.GetProperty("receipt").GetProperty("flags")[0].GetProperty("flagId").GetGuid(), 0)));
            }

            return created;
        }

        async Task<(TimeSpan Wall, List<double> Millis, Dictionary<string, int> Outcomes)> ClickAllAsync(List<(Guid Id, int Version)> targets, int parallel)
        {
            var millis = new List<double>(targets.Count);
            var outcomes = new Dictionary<string, int>();
            using var gate = new SemaphoreSlim(parallel);
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(targets.Select(async target =>
            {
                await gate.WaitAsync();
                try
                {
                    var watch = Stopwatch.StartNew();
                    var response = await http.PostAsJsonAsync("/web/api/actions", new
                    {
                        @as = morgan.ToString(), verb = "approvePractice", key = Guid.NewGuid().ToString(),
                        data = new { kind = "flag", subjectId = target.Id.ToString(), v = target.Version.ToString(CultureInfo.InvariantCulture) },
                    });
                    var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString()!;
                    watch.Stop();
                    lock (millis)
                    {
                        millis.Add(watch.Elapsed.TotalMilliseconds);
                        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
            return (wall.Elapsed, millis, outcomes);
        }

        static void Report(string title, (TimeSpan Wall, List<double> Millis, Dictionary<string, int> Outcomes) run)
        {
            var sorted = run.Millis.Order().ToList();
            double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
            Console.WriteLine($"{title}: {sorted.Count / run.Wall.TotalSeconds:F0} actions/s over {run.Wall.TotalSeconds:F2} s; " +
                $"latency p50 {P(0.50):F0} ms, p95 {P(0.95):F0} ms, p99 {P(0.99):F0} ms, max {sorted[^1]:F0} ms; " +
                $"outcomes {string.Join(", ", run.Outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        }
    }
}
