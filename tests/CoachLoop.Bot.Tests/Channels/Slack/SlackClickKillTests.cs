using System.Globalization;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// The real bot killed outright (kill -9) right after it acknowledged a burst of Slack clicks, and started again on the same
/// SQLite file: every acknowledged click is applied, once, and its card updated at Slack.
/// </summary>
public sealed class SlackClickKillTests(ITestOutputHelper output)
{
    private const int Clicks = 40;

    [Fact]
    public async Task EveryClickAcknowledgedBeforeAKillIsAppliedOnceAfterTheRestart()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        fake.Users["morgan@example.com"] = SlackHost.Morgan;
        fake.Users["ana@example.com"] = SlackHost.Ana;
        await using var database = TestDatabase.CreateSqlite();
        var slack = new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = SlackSigner.Secret,
            ["Slack:BotToken"] = SlackSigner.BotToken,
            ["Slack:ApiBaseUrl"] = fake.BaseUrl.ToString(),
        };
        var clicks = await PostFlagCardsAsync(database, fake, slack);

        // The first sight of the clicking manager asks Slack who they are (users.info): held, so no click can finish before the kill.
        var held = fake.Hold("users.info");
        var environment = BotProcess.SqliteEnvironment(database, slack, "click-kill-test");
        environment["Slack__ClickLease"] = "00:05:00";
        var url = BotProcess.FreeUrl();
        environment["ASPNETCORE_URLS"] = url;
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        var bot = BotProcess.Start(environment);
        await bot.WaitUntilReadyAsync(client);
        var acking = System.Diagnostics.Stopwatch.StartNew();
        var acks = await Task.WhenAll(clicks.Select(c => client.SendAsync(SlackSigner.Payload(c.Payload, DateTimeOffset.UtcNow))));
        await bot.KillAsync();
        Assert.All(acks, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        output.WriteLine($"{Clicks} acks in {acking.ElapsedMilliseconds} ms, then killed with {fake.CallsOf("users.info").Count} users.info calls held");
        Assert.Equal(Clicks, await CountAsync(database, FlagStatus.Raised));

        var draining = System.Diagnostics.Stopwatch.StartNew();
        await using (var restarted = BotProcess.Start(environment))
        {
            held.SetResult();
            await restarted.WaitUntilAsync(async () => await CountAsync(database, FlagStatus.PracticeApproved) == Clicks
                && clicks.All(c => fake.CallsOf("chat.update").Any(u => u.Arg("ts") == c.Ts)), TimeSpan.FromSeconds(90));
        }

        output.WriteLine($"restarted, and every click applied and its card updated {draining.ElapsedMilliseconds} ms after the start");
        await using var db = database.CreateContext();
        var flagIds = await db.Flags.Select(f => f.Id).ToListAsync();
        var approvals = await db.AuditEntries.Where(a => a.Action == "approve-practice").GroupBy(a => a.EntityId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(flagIds.Order(), approvals.Select(a => a.Key).Order());
        Assert.All(approvals, a => Assert.Equal(1, a.Count));
        Assert.Equal(Clicks, await db.InboundClicks.CountAsync(c => c.DoneAt != null && c.Failure == null));
    }

    /// <summary>
    /// Flags for Ana (team east, cards in C0EAST), posted to the fake Slack by an in-process host, and one signed approve click
    /// per card by her manager Morgan, whom the database is made to forget so the bot must look him up when he first clicks.
    /// </summary>
    private static async Task<List<(string Ts, string Payload)>> PostFlagCardsAsync(TestDatabase database, FakeSlackApi fake, Dictionary<string, string> slack)
    {
        var settings = slack.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Delivery:GroupAfter"] = "1000";
        await using var app = await CoachLoopApp.StartAsync(database: database, settings: settings, now: DateTimeOffset.UtcNow, clockRuns: true);
        var api = await app.CreateApiClientAsync();
        (await api.PutAsJsonAsync("/api/v1/channels/slack/teams/east", new { conversationId = SlackHost.ManagerChannel, tenant = FakeSlackApi.Team }))
            .EnsureSuccessStatusCode();
        var chat = new Chat(app);
        for (var i = 0; i < Clicks; i++)
        {
            var at = DateTimeOffset.UtcNow.AddMinutes(i - Clicks - 10).ToString("O", CultureInfo.InvariantCulture);
            await chat.PostCallAsync(Json.CallWithoutStreak($"call-{i}", i, at));
        }

        await chat.DispatchAsync();
        await app.WithDbAsync(db => db.ChatIdentities.Where(c => c.ExternalUserId == SlackHost.Morgan).ExecuteDeleteAsync());
        var posts = fake.CallsOf("chat.postMessage").ToList();
        var cards = posts.Where(p => p.Arg("channel") == SlackHost.ManagerChannel && (p.Arg("blocks") ?? "").Contains("\"approvePractice\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(Clicks, cards.Count);
        return cards.Select(p => (Ts: $"1700000000.{posts.IndexOf(p) + 1:000000}", Post: p))
            .Select(c => (c.Ts, SlackHost.Click(SlackHost.Morgan, c.Post, c.Ts, "approvePractice").ToJsonString())).ToList();
    }

    private static async Task<int> CountAsync(TestDatabase database, FlagStatus status)
    {
        await using var db = database.CreateContext();
        return await db.Flags.CountAsync(f => f.Status == status);
    }
}
