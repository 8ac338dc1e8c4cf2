using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
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
    /// <summary>One channel (the peers' workload: 200 agents in one team) and then the same agents in 20 teams, unless --teams names one.</summary>
    public static async Task<int> RunBothAsync(Func<string, int, int> arg)
    {
        if (arg("--teams", 0) is > 0 and var teams)
        {
            return await RunAsync(arg, teams);
        }

        var one = await RunAsync(arg, 1);
        return Math.Max(one, await RunAsync(arg, 20));
    }

    public static async Task<int> RunAsync(Func<string, int, int> arg, int teams)
    {
        var rate = arg("--rate", 100);
        var seconds = arg("--seconds", 10);
        await using var fake = await FakeChat.StartAsync();
        await using var database = await BenchDatabase.CreateAsync(null);
        var settings = ClickRig.HostSettings(fake.Url + "/api/", demo: true);
        settings["Teams:DevelopmentMode"] = "false";

        // One team's 1,040 flags within the grouping window passed the click rig's threshold (Delivery:GroupAfter 1,000, its
        // maximum): the last ~40 were folded into a group card and never arrived as cards of their own (the "39 cards not arrived"
        // of earlier runs). A window of a millisecond keeps every flag's card its own.
        settings["Delivery:GroupWindow"] = "00:00:00.001";
        await using var host = new BenchHost(database.ConnectionString, settings);
        host.UseKestrel(0);
        host.StartServer();
        using var http = await ClickRig.ApiClientAsync(host);
        if (teams <= 1)
        {
            await ClickRig.SetUpTeamAsync(http, Agents, null);
        }
        else
        {
            await SetUpTeamsAsync(http, teams);
        }

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
            $"card latency (SQLite, Slack at a loopback fake, {Agents} agents in {Math.Max(teams, 1)} team(s), a channel each): {count} single scored calls sent at {count / sendSeconds:F0}/s over {sendSeconds:F1} s, each raising a flag; " +
            $"POST answered p50 {P(acks, 0.5):F0} ms, p99 {P(acks, 0.99):F0} ms; card (chat.postMessage at the fake) p50 {P(latencies, 0.5):F0} ms, " +
            $"p99 {P(latencies, 0.99):F0} ms, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):F0} ms; {count - latencies.Count} cards not arrived 30 s after the last POST"));
        return latencies.Count > 0 ? 0 : 1;
    }

    /// <summary>
    /// The agents spread over <paramref name="teams"/> teams, each with its manager and Slack channel, as a large center is: the
    /// outbox sends one message at a time per conversation (and Slack allows about one post per second per channel), so one
    /// channel taking 100 cards/s is a different workload from a center whose 100 calls/s are spread over its teams.
    /// </summary>
    private static async Task SetUpTeamsAsync(HttpClient http, int teams)
    {
        var people = new System.Text.Json.Nodes.JsonArray();
        for (var t = 0; t < teams; t++)
        {
            people.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["email"] = $"manager{t:D3}@bench.example.com", ["name"] = $"Manager {t:D3}", ["role"] = "Manager", ["team"] = TeamKey(t),
                ["slackUserId"] = $"U2LATMGR{t:D3}",
            });
        }

        for (var i = 0; i < Agents; i++)
        {
            people.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["email"] = ClickRig.AgentEmail(i), ["name"] = $"Agent {i:D4}", ["role"] = "Agent", ["team"] = TeamKey(i % teams),
                ["externalId"] = $"BENCH-{i:D4}", ["typicalCallsPerDay"] = 30,
            });
        }

        await ClickRig.Ok(await http.PutAsJsonAsync("/api/v1/directory/people", new System.Text.Json.Nodes.JsonObject { ["people"] = people }), "directory");
        for (var t = 0; t < teams; t++)
        {
            await ClickRig.Ok(await http.PutAsJsonAsync($"/api/v1/channels/slack/teams/{TeamKey(t)}", new { conversationId = $"C2LATCH{t:D3}" }), "slack route");
        }
    }

    private static string TeamKey(int t) => $"bench-latency-{t:D3}";

    private const int Agents = 200;

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static System.Text.Json.Nodes.JsonObject Call(string prefix, int i) =>
        ClickRig.FailingCall($"{prefix}{i:D5}", ClickRig.AgentEmail(i % 200), i / 200, DateTimeOffset.UtcNow.AddMinutes(-30));

    [GeneratedRegex(@"lat(\d{5})")]
    private static partial Regex CallNumber();
}
