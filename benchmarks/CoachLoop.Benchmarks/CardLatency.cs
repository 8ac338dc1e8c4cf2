using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachLoop.Benchmarks;

/// <summary>
/// Card latency under intake: the host with Slack pointed at <see cref="FakeChat"/>, single scored calls posted at a steady rate
/// (open loop, 100/s for 10 s by default), each raising one quality flag whose card goes to the team's Slack channel; the time from
/// sending the POST to the chat.postMessage carrying that call arriving at the fake. Each flag gets a card of its own
/// (Delivery:GroupAfter is raised, else the burst would be grouped into one growing card). Agents are not in Slack, so each flag
/// also costs the agent-card lookup that finds no user.
/// </summary>
internal static partial class CardLatency
{
    public static async Task<int> RunAsync(Func<string, int, int> arg)
    {
        var rate = arg("--rate", 100);
        var seconds = arg("--seconds", 10);
        await using var fake = await FakeChat.StartAsync();
        await using var database = await BenchDatabase.CreateAsync(null);
        var settings = ClickRig.HostSettings(fake.Url + "/api/", demo: true);
        settings["Teams:DevelopmentMode"] = "false";
        await using var host = new BenchHost(database.ConnectionString, settings);
        host.UseKestrel(0);
        host.StartServer();
        using var http = await ClickRig.ApiClientAsync(host);
        await ClickRig.SetUpTeamAsync(http, 200, null);
        await IngestBench.PostSinglesAsync(http, Enumerable.Range(0, 40).Select(i => Call("warm", i)).ToList(), 4);
        await Task.Delay(2000);

        var count = rate * seconds;
        var sent = new long[count];
        var answered = new ConcurrentBag<double>();
        var posts = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (due - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            }

            var n = i;
            posts.Add(Task.Run(async () =>
            {
                sent[n] = Stopwatch.GetTimestamp();
                using var content = new StringContent(Call("lat", n).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
                await ClickRig.Ok(await http.PostAsync("/api/v1/scored-calls", content), "scored call");
                answered.Add(Stopwatch.GetElapsedTime(sent[n]).TotalMilliseconds);
            }));
        }

        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await Task.WhenAll(posts);
        var arrived = new Dictionary<int, long>();
        var wait = Stopwatch.StartNew();
        while (arrived.Count < count && wait.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250);
            foreach (var (method, body, at) in fake.Calls.Where(c => c.Method == "chat.postMessage"))
            {
                if (CallNumber().Match(body) is { Success: true } m)
                {
                    arrived.TryAdd(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), at);
                }
            }
        }

        var latencies = arrived.Select(a => Stopwatch.GetElapsedTime(sent[a.Key], a.Value).TotalMilliseconds).Order().ToList();
        var acks = answered.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"card latency (SQLite, Slack at a loopback fake): {count} single scored calls sent at {count / sendSeconds:F0}/s over {sendSeconds:F1} s, each raising a flag; " +
            $"POST answered p50 {P(acks, 0.5):F0} ms, p99 {P(acks, 0.99):F0} ms; card (chat.postMessage at the fake) p50 {P(latencies, 0.5):F0} ms, " +
            $"p99 {P(latencies, 0.99):F0} ms, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):F0} ms; {count - latencies.Count} cards not arrived 30 s after the last POST"));
        return latencies.Count > 0 ? 0 : 1;
    }

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static System.Text.Json.Nodes.JsonObject Call(string prefix, int i) =>
        ClickRig.FailingCall($"{prefix}{i:D5}", ClickRig.AgentEmail(i % 200), i / 200, DateTimeOffset.UtcNow.AddMinutes(-30));

    [GeneratedRegex(@"lat(\d{5})")]
    private static partial Regex CallNumber();
}
