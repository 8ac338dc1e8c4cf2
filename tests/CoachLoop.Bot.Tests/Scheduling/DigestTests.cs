using CoachLoop.Bot.Scheduling;
using CoachLoop.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Scheduling;

/// <summary>Daily digests with a fake clock. Morgan manages east from Europe/London; Max manages west from America/New_York.</summary>
public sealed class DigestTests
{
    private static readonly DateTimeOffset MondayBeforeEightInLondon = new(2026, 11, 23, 7, 59, 0, TimeSpan.Zero);

    internal static async Task<(CoachLoopApp App, Chat Chat)> StartAsync(DateTimeOffset now, Dictionary<string, string?>? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite, TestDatabase? database = null, bool seed = true, bool clockRuns = false)
    {
        var all = new Dictionary<string, string?>(Chat.WebOn);
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }

        var app = await CoachLoopApp.StartAsync(seed: seed, settings: all, provider: provider, database: database, now: now, clockRuns: clockRuns);
        return (app, new Chat(app));
    }

    [Fact]
    public async Task DigestGoesOutAtTheManagersLocalTimeOnceWithComplianceFirst()
    {
        var (app, chat) = await StartAsync(MondayBeforeEightInLondon);
        await using var host = app;
        await chat.PostCallAsync(Json.Call("c1", callTime: "2026-11-22T10:00:00Z"));
        await chat.PostCallAsync(Json.Call("c2", empathy: 90, disclosure: 0, callTime: "2026-11-22T11:00:00Z"));

        var notYet = await Schedule.DigestsAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await Schedule.DigestsAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(3));
        var again = await Schedule.DigestsAsync(app);
        await chat.DispatchAsync();

        Assert.Equal((0, 1, 0), (notYet, due, again));
        var card = Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"), c => c.Contains("coaching digest", StringComparison.Ordinal));
        var compliance = card.IndexOf("Compliance (1)", StringComparison.Ordinal);
        var open = card.IndexOf("Waiting for practice approval (1)", StringComparison.Ordinal);
        Assert.True(compliance > 0 && open > compliance, card);
        Assert.Contains("2 practices to approve", card, StringComparison.Ordinal);
        Assert.Empty(await Schedule.DirectCardsAsync(app, chat, "max@example.com"));
    }

    [Fact]
    public async Task DigestMissedWhileTheHostWasDownGoesOutWhenItComesBackThatDay()
    {
        var (app, chat) = await StartAsync(MondayBeforeEightInLondon.AddHours(5));
        await using var host = app;

        Assert.Equal(1, await Schedule.DigestsAsync(app));
        await chat.DispatchAsync();
        Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"));
    }

    [Fact]
    public async Task NoDigestOnWeekendsUnlessConfigured()
    {
        var saturday = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var (skipping, _) = await StartAsync(saturday);
        await using var skippingHost = skipping;
        var (working, _) = await StartAsync(saturday, new() { ["Scheduling:SkipWeekends"] = "false" });
        await using var workingHost = working;

        Assert.Equal(0, await Schedule.DigestsAsync(skipping));
        Assert.Equal(1, await Schedule.DigestsAsync(working));
    }

    [Fact]
    public async Task QuietDaySendsABriefDigestOrNothingNeverAnEmptyCard()
    {
        var (brief, briefChat) = await StartAsync(MondayBeforeEightInLondon.AddMinutes(1));
        await using var briefHost = brief;
        var (silent, silentChat) = await StartAsync(MondayBeforeEightInLondon.AddMinutes(1), new() { ["Scheduling:QuietDay"] = "None" });
        await using var silentHost = silent;

        await Schedule.DigestsAsync(brief);
        await briefChat.DispatchAsync();
        await Schedule.DigestsAsync(silent);
        await silentChat.DispatchAsync();

        Assert.Contains("Nothing needs you today", Assert.Single(await Schedule.DirectCardsAsync(brief, briefChat, "morgan@example.com")), StringComparison.Ordinal);
        Assert.Empty(await Schedule.DirectCardsAsync(silent, silentChat, "morgan@example.com"));
        Assert.False(Assert.Single(await Schedule.NoticesAsync(silent)).Sent);
        Assert.Equal(0, await Schedule.DigestsAsync(silent));
    }

    [Fact]
    public async Task FallBackDayRepeatsTheHourButNotTheDigest()
    {
        // London, 25 October 2026 (a Sunday): 01:30 local happens twice.
        var firstOneThirty = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);
        var (app, chat) = await StartAsync(firstOneThirty.AddMinutes(-1), new() { ["Scheduling:DigestTime"] = "01:30", ["Scheduling:SkipWeekends"] = "false" });
        await using var host = app;
        var morgan = await chat.IdOfAsync("morgan@example.com");

        var counts = new List<int>();
        foreach (var at in new[] { firstOneThirty.AddMinutes(-1), firstOneThirty, firstOneThirty.AddMinutes(30), firstOneThirty.AddHours(1), firstOneThirty.AddHours(2) })
        {
            app.Clock.Set(at);
            await Schedule.DigestsAsync(app);
            counts.Add((await Schedule.NoticesAsync(app)).Count(n => n.AudienceId == morgan));
        }

        Assert.Equal([0, 1, 1, 1, 1], counts);
    }

    [Fact]
    public async Task SpringForwardDaySendsTheDigestOnceRightAfterTheGap()
    {
        // London, 29 March 2026 (a Sunday): 01:30 local never happens; clocks jump from 01:00 GMT to 02:00 BST.
        var beforeGap = new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero);
        var (app, chat) = await StartAsync(beforeGap, new() { ["Scheduling:DigestTime"] = "01:30", ["Scheduling:SkipWeekends"] = "false" });
        await using var host = app;
        var morgan = await chat.IdOfAsync("morgan@example.com");

        var counts = new List<int>();
        foreach (var at in new[] { beforeGap, beforeGap.AddMinutes(1), beforeGap.AddMinutes(31), beforeGap.AddHours(2) })
        {
            app.Clock.Set(at);
            await Schedule.DigestsAsync(app);
            counts.Add((await Schedule.NoticesAsync(app)).Count(n => n.AudienceId == morgan));
        }

        Assert.Equal([0, 1, 1, 1], counts);
    }

    [SkippableFact]
    public async Task TwoHostsOnOnePostgresDatabaseSendEachDigestOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var now = MondayBeforeEightInLondon.AddHours(14); // 22:59 in London, 16:59 in New York: both due
        var (a, chatA) = await StartAsync(now, database: database);
        await using var hostA = a;
        var (b, _) = await StartAsync(now, database: database, seed: false);
        await using var hostB = b;
        await chatA.PostCallAsync(Json.Call("c1", callTime: "2026-11-22T10:00:00Z"));

        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Schedule.DigestsAsync(i % 2 == 0 ? a : b))));
        await chatA.DispatchAsync();

        Assert.Equal(2, sent.Sum());
        Assert.Equal(2, (await Schedule.NoticesAsync(a)).Count);
        Assert.Single(await Schedule.DirectCardsAsync(a, chatA, "morgan@example.com"));
        Assert.Single(await Schedule.DirectCardsAsync(a, chatA, "max@example.com"));
    }

    [Fact]
    public async Task QuartzFiresTheDigestJobOnItsOwn()
    {
        // Quartz waits on the host's TimeProvider: this clock runs at real speed from 08:01 London time.
        var (app, _) = await StartAsync(MondayBeforeEightInLondon.AddMinutes(1),
            new() { ["Scheduling:Enabled"] = "true", ["Scheduling:Interval"] = "00:00:01" }, clockRuns: true);
        await using var host = app;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Schedule.NoticesAsync(app)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(DigestWork.Key(await new Chat(app).IdOfAsync("morgan@example.com"), new DateOnly(2026, 11, 23)),
            Assert.Single(await Schedule.NoticesAsync(app)).DedupeKey);
    }
}
