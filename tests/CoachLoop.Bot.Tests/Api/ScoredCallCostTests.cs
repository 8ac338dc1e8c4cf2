using System.Text.Json.Nodes;
using CoachLoop.Data.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// What a scored call costs in SQL commands, counted (not timed): the ingest rate is bound by them. Slack and Teams are
/// both on, so every flag is routed to two chats. Before these bounds a call raising two flags cost 65 commands over 47
/// connection opens (each with its own set-up command), and a call of a batch 43.
/// A verified API key is trusted for <see cref="CoachLoop.Data.Stores.ApiKeyCache.Lifetime"/>, so a busy client's key costs nothing.
/// Counted with the host's <see cref="SqlCounters"/>, which count its background work too: the polls are kept out of the way.
/// </summary>
public sealed class ScoredCallCostTests
{
    [Fact]
    public async Task ACallRaisingTwoFlagsCostsAFewDozenCommandsOnOneConnection()
    {
        await using var app = await StartAsync();
        var counters = app.Services.GetRequiredService<SqlCounters>();
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("earlier", callTime: "2026-11-01T07:00:00Z"));

        var before = counters.Read();
        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("two-flags", empathy: 45, disclosure: 0));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await Json.ReadAsync(response)).GetProperty("flags").GetArrayLength());
        var spent = counters.Read() - before;
        // 24 on SQLite (34 before the intake's hot SQL was written by hand): the replay, the agent, the streak history with
        // its cursors in one command, routes and grouping; the cursors taken in one UPDATE and one INSERT, the call, its 5
        // scores in one INSERT; through EF the 2 flags, their audit rows, card posts and outbox rows. 26 since each new flag's peer
        // example is chosen at intake: one indexed query per flag (decision 0017).
        Assert.InRange(spent.Commands, 1, 26);
        // The intake's only: the key was verified by the first post.
        Assert.Equal(1, spent.ConnectionOpens);
    }

    [Fact]
    public async Task ACallOfABatchCostsFewerCommandsThanOnItsOwn()
    {
        await using var app = await StartAsync();
        var counters = app.Services.GetRequiredService<SqlCounters>();
        var client = await app.CreateApiClientAsync();
        await client.GetAsync("/api/v1/scored-calls/acme-qa/none");
        var batch = new JsonArray();
        for (var i = 0; i < 60; i++)
        {
            batch.Add(Json.CallWithoutStreak($"b-{i}", i, $"2026-11-19T{i / 6:00}:{i % 6 * 10:00}:00Z"));
        }

        var before = counters.Read();
        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = batch });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(60, (await Json.ReadAsync(response)).GetProperty("accepted").GetInt32());
        var spent = counters.Read() - before;
        // Routes are looked up once per team and person for the whole batch, not per flag.
        // 831 (14 a call) when this bound was set; it was 26 a call before. One more a call since each of the 60 flags chooses its
        // peer example at intake (one indexed query per flag, decision 0017).
        Assert.InRange(spent.Commands, 60, 60 * 15);
        Assert.Equal(1, spent.ConnectionOpens);
        Assert.Equal(60, await app.WithDbAsync(db => db.Flags.CountAsync()));
    }

    private static Task<CoachLoopApp> StartAsync() => CoachLoopApp.StartAsync(
        settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "cost-secret", ["Slack:BotToken"] = "xoxb-cost", ["Teams:DevelopmentMode"] = "true",
            // The Slack click workers look for other hosts' clicks every second: not the intake's cost, so not during a count (the longest interval allowed).
            ["Slack:ClickPollInterval"] = "00:01:00",
        });
}
