using System.Diagnostics;
using CoachLoop.Bot.Tests.Channels.Slack;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CoachLoop.Bot.Tests.Outbox;

/// <summary>
/// The real bot killed outright (kill -9) while Slack posts are in flight, at several moments, and started again: every card
/// is at the fake Slack exactly once, and a restarted host resumes its in-flight sends at once, not after their lease.
/// </summary>
public sealed class KillDuringDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillingTheHostWithSendsInFlightLeavesEveryCardAtSlackExactlyOnce()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        foreach (var (email, id) in new[] { ("ana@example.com", "U0ANA"), ("ben@example.com", "U0BEN"), ("sam@example.com", "U0SAM") })
        {
            fake.Users[email] = id;
        }

        fake.Delays["chat.postMessage"] = TimeSpan.FromMilliseconds(300);
        await using var database = TestDatabase.CreateSqlite();
        var slack = new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = SlackSigner.Secret,
            ["Slack:BotToken"] = SlackSigner.BotToken,
            ["Slack:ApiBaseUrl"] = fake.BaseUrl.ToString(),
        };
        var expected = await QueueCardsAsync(database, slack);

        var environment = BotProcess.SqliteEnvironment(database, slack, "kill-test");
        environment["Outbox__Lease"] = "00:05:00";
        foreach (var arrived in new[] { 1, 9, 17, 26 })
        {
            var started = Stopwatch.StartNew();
            var bot = BotProcess.Start(environment);
            // Killed while a post has reached Slack (it is in the fake's 300 ms) but its answer has not reached the bot.
            await bot.WaitUntilAsync(() => Task.FromResult(fake.CallsOf("chat.postMessage").Count >= arrived), TimeSpan.FromSeconds(60));
            await bot.KillAsync();
            output.WriteLine($"killed after {started.Elapsed.TotalSeconds:0.0} s with {fake.CallsOf("chat.postMessage").Count} posts arrived");
        }

        var restarted = Stopwatch.StartNew();
        await using (var last = BotProcess.Start(environment))
        {
            await last.WaitUntilAsync(async () => await PendingAsync(database) == 0, TimeSpan.FromSeconds(90));
        }

        output.WriteLine($"the last start drained the outbox in {restarted.Elapsed.TotalSeconds:0.0} s; "
            + $"{fake.CallsOf("conversations.history").Count} history searches, {fake.PostedKeys.Count} posts held");
        // The lease is five minutes: draining well within it means the in-flight sends were taken back at start.
        Assert.InRange(restarted.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        await using var db = database.CreateContext();
        Assert.All(await db.Outbox.ToListAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(expected.Order(), fake.PostedKeys.Order());
    }

    /// <summary>Intake by an in-process host: flags for three agents of two teams, their Slack cards queued, nothing sent.</summary>
    private static async Task<List<string>> QueueCardsAsync(TestDatabase database, Dictionary<string, string> slack)
    {
        var settings = slack.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Delivery:GroupAfter"] = "1000";
        await using var app = await CoachLoopApp.StartAsync(database: database, settings: settings, now: DateTimeOffset.UtcNow, clockRuns: true);
        var api = await app.CreateApiClientAsync();
        foreach (var (team, channel) in new[] { ("east", "C0EAST"), ("west", "C0WEST") })
        {
            (await api.PutAsJsonAsync($"/api/v1/channels/slack/teams/{team}", new { conversationId = channel, tenant = FakeSlackApi.Team })).EnsureSuccessStatusCode();
        }

        var chat = new Chat(app);
        string[] agents = ["ana@example.com", "ben@example.com", "sam@example.com"];
        for (var i = 0; i < 18; i++)
        {
            await chat.PostCallAsync(Json.Call($"call-{i}", disclosure: i % 5 == 0 ? 0 : 100, agent: agents[i % 3],
                callTime: DateTimeOffset.UtcNow.AddMinutes(-i - 10).ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return await app.WithDbAsync(db => db.Outbox.Where(m => m.Operation == OutboxOperation.Post)
            .Join(db.CardPosts.Where(p => p.Channel == "slack"), m => m.CardPostId, p => p.Id, (_, p) => p.Id).ToListAsync()
            .ContinueWith(t => t.Result.Select(id => $"post-{id:N}").ToList(), TaskScheduler.Default));
    }

    private static async Task<int> PendingAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending);
    }
}
