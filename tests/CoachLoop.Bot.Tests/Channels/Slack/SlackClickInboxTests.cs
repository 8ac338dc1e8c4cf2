using CoachLoop.Bot.Channels.Slack;
using CoachLoop.Data;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// The click inbox: a Slack retry is stored and applied once, a click run again after a crash has one effect, two hosts on one
/// database run each click once, done clicks are pruned, and a form still opens on its trigger while the inbox is busy.
/// </summary>
public sealed class SlackClickInboxTests
{
    public static TheoryData<DatabaseProvider> Providers => TestProviders.All;

    [Fact]
    public async Task ASlackRetryOfAClickIsStoredOnceAndAppliedOnce()
    {
        var (slack, cards) = await StartWithFlagsAsync(1);
        await using var host = slack;
        var click = SlackHost.Click(SlackHost.Morgan, cards[0].Post, cards[0].Ts, "approvePractice").ToJsonString();

        var first = await slack.SendAsync(SlackSigner.Payload(click, slack.Now));
        var retry = SlackSigner.Payload(click, slack.Now);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        var second = await slack.SendAsync(retry);
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, await slack.App.WithDbAsync(db => db.InboundClicks.CountAsync()));
        Assert.Equal(1, await ApprovalsAsync(slack));
        Assert.Single(slack.Fake.CallsOf("chat.update"), u => u.Arg("ts") == cards[0].Ts);
        Assert.Empty(slack.Fake.CallsOf("chat.postEphemeral"));
    }

    [Fact]
    public async Task AClickRunAgainAfterACrashBetweenApplyingAndMarkingItDoneHasOneEffect()
    {
        var (slack, cards) = await StartWithFlagsAsync(1);
        await using var host = slack;
        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, cards[0].Post, cards[0].Ts, "approvePractice").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();
        var updates = slack.Fake.CallsOf("chat.update").Count;

        // As a host that applied the click and died before marking it done leaves it: claimed, not done, its lease run out.
        var past = slack.Now.AddSeconds(-1);
        await slack.App.WithDbAsync(db => db.InboundClicks.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.DoneAt, (DateTimeOffset?)null).SetProperty(c => c.LeaseOwner, "dead-host#1").SetProperty(c => c.LeaseUntil, past)));
        slack.App.Services.GetRequiredService<SlackInbox>().Signal.Pulse();
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        var row = await slack.App.WithDbAsync(db => db.InboundClicks.SingleAsync());
        Assert.Equal((2, true, (string?)null), (row.Attempts, row.DoneAt is not null, row.Failure));
        Assert.Equal(1, await ApprovalsAsync(slack));
        Assert.Equal(FlagStatus.PracticeApproved, (await slack.Chat.FlagAsync("call-0")).Status);
        Assert.Equal(updates, slack.Fake.CallsOf("chat.update").Count);
        Assert.Empty(slack.Fake.CallsOf("chat.postEphemeral"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TwoHostsOnOneDatabaseRunEachClickOnce(DatabaseProvider provider)
    {
        const int flags = 12;
        var fast = new Dictionary<string, string?> { ["Slack:ClickPollInterval"] = "00:00:00.020", ["Outbox:HostName"] = "host-a" };
        var (slack, cards) = await StartWithFlagsAsync(flags, fast, provider);
        await using var hostA = slack;
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackSigner.Secret,
            ["Slack:BotToken"] = SlackSigner.BotToken,
            ["Slack:ApiBaseUrl"] = slack.Fake.BaseUrl.ToString(),
            ["Slack:ClickPollInterval"] = "00:00:00.020",
            ["Outbox:HostName"] = "host-b",
        };
        await using var hostB = await CoachLoopApp.StartAsync(seed: false, database: slack.App.Database, settings: settings);
        using var clientB = hostB.CreateClient();

        // Each click reaches one host, and every third one reaches both (a retry landing on the other host).
        var sends = cards.SelectMany((card, i) =>
        {
            var click = SlackHost.Click(SlackHost.Morgan, card.Post, card.Ts, "approvePractice").ToJsonString();
            var toA = i % 2 == 0 || i % 3 == 0;
            var toB = i % 2 == 1 || i % 3 == 0;
            return new[] { toA ? slack.SendAsync(SlackSigner.Payload(click, slack.Now)) : null, toB ? clientB.SendAsync(SlackSigner.Payload(click, slack.Now)) : null };
        }).OfType<Task<HttpResponseMessage>>().ToList();
        Assert.All(await Task.WhenAll(sends), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        var rows = await slack.App.WithDbAsync(db => db.InboundClicks.AsNoTracking().ToListAsync());
        Assert.Equal(flags, rows.Count);
        Assert.All(rows, r => Assert.Equal((1, true, (string?)null), (r.Attempts, r.DoneAt is not null, r.Failure)));
        Assert.Equal(flags, await ApprovalsAsync(slack));
        Assert.Equal(flags, await slack.App.WithDbAsync(db => db.Flags.CountAsync(f => f.Status == FlagStatus.PracticeApproved)));
        Assert.Empty(slack.Fake.CallsOf("chat.postEphemeral"));
    }

    [Fact]
    public async Task DoneClicksArePrunedAfterTheirRetention()
    {
        var (slack, cards) = await StartWithFlagsAsync(2);
        await using var host = slack;
        foreach (var card in cards)
        {
            await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, card.Post, card.Ts, "approvePractice").ToJsonString(), slack.Now));
        }

        await slack.WhenIdleAsync();
        var old = await slack.App.WithDbAsync(db => db.InboundClicks.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var longAgo = slack.Now - TimeSpan.FromDays(3);
        await slack.App.WithDbAsync(db => db.InboundClicks.Where(c => c.Id == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.DoneAt, longAgo)));

        slack.App.Clock.Advance(TimeSpan.FromHours(2));
        slack.App.Services.GetRequiredService<SlackInbox>().Signal.Pulse();
        for (var i = 0; i < 200 && await slack.App.WithDbAsync(db => db.InboundClicks.CountAsync()) == 2; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal([old + 1], await slack.App.WithDbAsync(db => db.InboundClicks.Select(c => c.Id).ToListAsync()));
    }

    [Fact]
    public async Task AFormOpensOnItsTriggerWhileEveryClickWorkerIsBusy()
    {
        var (slack, cards) = await StartWithFlagsAsync(10);
        await using var host = slack;
        var ephemeral = slack.Fake.Hold("chat.postEphemeral");
        // Refused clicks on ten cards: each worker ends up waiting on Slack to take its answer to the clicker.
        foreach (var card in cards)
        {
            await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Max, card.Post, card.Ts, "approvePractice").ToJsonString(), slack.Now));
        }

        // On SQLite (this host's database) two clicks run at once unless configured otherwise.
        await WaitForAsync(() => slack.Fake.CallsOf("chat.postEphemeral").Count == SlackOptions.SqliteClickParallelism);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(SlackOptions.SqliteClickParallelism, slack.Fake.CallsOf("chat.postEphemeral").Count);

        var form = SlackHost.Click(SlackHost.Morgan, cards[9].Post, cards[9].Ts, "dismiss");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await slack.SendAsync(SlackSigner.Payload(form.ToJsonString(), slack.Now));
        await WaitForAsync(() => slack.Fake.CallsOf("views.open").Count == 1);

        Assert.InRange(started.Elapsed, TimeSpan.Zero, SlackInteractions.TriggerBudget);
        Assert.Equal(form["trigger_id"]!.GetValue<string>(), Assert.Single(slack.Fake.CallsOf("views.open")).Arg("trigger_id"));
        Assert.False(ephemeral.Task.IsCompleted);
        ephemeral.SetResult();
        await slack.WhenIdleAsync();
        Assert.Equal(10, slack.Fake.CallsOf("chat.postEphemeral").Count);
    }

    [Fact]
    public async Task ABacklogOfClicksIsClaimedAndMarkedDoneAFewUpdatesAtATimeNotTwoPerClick()
    {
        // The SQL the host runs is logged at Information (counted below).
        var (slack, cards) = await StartWithFlagsAsync(26, new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" });
        await using var host = slack;
        var ephemeral = slack.Fake.Hold("chat.postEphemeral");
        // Two refused clicks hold both click slots, each waiting on Slack to take its answer to the clicker...
        foreach (var card in cards.Take(SlackOptions.SqliteClickParallelism))
        {
            await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Max, card.Post, card.Ts, "approvePractice").ToJsonString(), slack.Now));
        }

        await WaitForAsync(() => slack.Fake.CallsOf("chat.postEphemeral").Count == SlackOptions.SqliteClickParallelism);
        var before = InboxUpdates(slack);

        // ...while 24 approvals are stored behind them, then run.
        foreach (var card in cards.Skip(SlackOptions.SqliteClickParallelism))
        {
            await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, card.Post, card.Ts, "approvePractice").ToJsonString(), slack.Now));
        }

        ephemeral.SetResult();
        await slack.WhenIdleAsync();

        Assert.Equal(24, await ApprovalsAsync(slack));
        Assert.Equal(26, await slack.App.WithDbAsync(db => db.InboundClicks.CountAsync(c => c.DoneAt != null && c.Attempts == 1)));
        // A claim and a mark per click would be 50 updates from here (24 claims, 26 marks); the worker claims up to
        // ClaimAhead per slot at once and marks done up to MarkBatch at once (or whatever finished when it runs out of clicks).
        Assert.InRange(InboxUpdates(slack) - before, 2, 10);
    }

    [Fact]
    public async Task FinishedClicksAreMarkedDoneWithinASecondWhileASlowClickHoldsASlot()
    {
        var (slack, cards) = await StartWithFlagsAsync(4);
        await using var host = slack;
        var ephemeral = slack.Fake.Hold("chat.postEphemeral");
        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Max, cards[0].Post, cards[0].Ts, "approvePractice").ToJsonString(), slack.Now));
        await WaitForAsync(() => slack.Fake.CallsOf("chat.postEphemeral").Count == 1);
        foreach (var card in cards.Skip(1))
        {
            await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, card.Post, card.Ts, "approvePractice").ToJsonString(), slack.Now));
        }

        await WaitForAsync(() => ApprovalsAsync(slack), approvals => approvals == 3);

        // Marked in a batch, but not so late that their claims could run out while the slow click holds its slot.
        slack.App.Clock.Advance(SlackInboxWorker.MarkWithin);
        slack.App.Services.GetRequiredService<SlackInbox>().Signal.Pulse();
        await WaitForAsync(() => slack.App.WithDbAsync(db => db.InboundClicks.CountAsync(c => c.DoneAt != null && c.UserId == SlackHost.Morgan)), done => done == 3);

        // The slow click is still running (its answer held at Slack), not done with them.
        Assert.Equal(0, await slack.App.WithDbAsync(db => db.InboundClicks.CountAsync(c => c.DoneAt != null && c.UserId == SlackHost.Max)));
        ephemeral.SetResult();
        await slack.WhenIdleAsync();
    }

    [Fact]
    public async Task AClaimedClickWaitingPastHalfItsLeaseForAFreeSlotIsClaimedAfreshBeforeItRuns()
    {
        var (slack, cards) = await StartWithFlagsAsync(4);
        await using var host = slack;
        var ephemeral = slack.Fake.Hold("chat.postEphemeral");
        foreach (var card in cards.Take(2))
        {
            await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Max, card.Post, card.Ts, "approvePractice").ToJsonString(), slack.Now));
        }

        await WaitForAsync(() => slack.Fake.CallsOf("chat.postEphemeral").Count == 2);
        foreach (var card in cards.Skip(2))
        {
            await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, card.Post, card.Ts, "approvePractice").ToJsonString(), slack.Now));
        }

        var lease = new SlackOptions().ClickLease;
        var first = await WaitForAsync(() => ClaimedUntilAsync(slack), claimed => claimed.Count == 2);

        // Past half the lease with both slots still busy: the waiting claims are given back and taken again, not run on a
        // lease that may run out (and another host take the click) while they run.
        slack.App.Clock.Advance(lease / 2 + TimeSpan.FromSeconds(1));
        slack.App.Services.GetRequiredService<SlackInbox>().Signal.Pulse();
        await WaitForAsync(() => ClaimedUntilAsync(slack), claimed => claimed.Count == 2 && claimed.All(until => until >= slack.Now + lease - TimeSpan.FromSeconds(1)));

        Assert.All(first, until => Assert.True(until < slack.Now + lease - TimeSpan.FromSeconds(1)));
        ephemeral.SetResult();
        await slack.WhenIdleAsync();
        Assert.Equal(2, await ApprovalsAsync(slack));
        // Given back and claimed again is one attempt, not two.
        Assert.Equal(4, await slack.App.WithDbAsync(db => db.InboundClicks.CountAsync(c => c.DoneAt != null && c.Attempts == 1)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, null, 2)]
    [InlineData(DatabaseProvider.Postgres, null, 8)]
    [InlineData(DatabaseProvider.SqlServer, null, 8)]
    [InlineData(DatabaseProvider.Sqlite, 5, 5)]
    [InlineData(DatabaseProvider.Postgres, 3, 3)]
    public void ClicksAtOnceDependOnTheDatabaseUnlessConfigured(DatabaseProvider provider, int? configured, int expected)
    {
        var options = new SlackOptions { ClickParallelism = configured };

        Assert.Equal(expected, options.ClickParallelismFor(provider));
    }

    [Fact]
    public async Task ButtonsSayWhetherTheyOpenAFormAndButtonsOfOlderCardsStillWork()
    {
        var (slack, cards) = await StartWithFlagsAsync(2);
        await using var host = slack;
        var approve = SlackHost.Click(SlackHost.Morgan, cards[0].Post, cards[0].Ts, "approvePractice");
        var dismiss = SlackHost.Click(SlackHost.Morgan, cards[1].Post, cards[1].Ts, "dismiss");
        Assert.Equal(("run", "form"), ((string?)approve["actions"]![0]!["value"], (string?)dismiss["actions"]![0]!["value"]));

        // A card posted before buttons carried the marker has the verb as value: the card decides, after the ack.
        approve["actions"]![0]!["value"] = "approvePractice";
        dismiss["actions"]![0]!["value"] = "dismiss";
        await slack.SendAsync(SlackSigner.Payload(approve.ToJsonString(), slack.Now));
        await slack.SendAsync(SlackSigner.Payload(dismiss.ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        Assert.Equal(FlagStatus.PracticeApproved, (await slack.Chat.FlagAsync("call-0")).Status);
        Assert.Equal(dismiss["trigger_id"]!.GetValue<string>(), Assert.Single(slack.Fake.CallsOf("views.open")).Arg("trigger_id"));
        Assert.Equal([approve["trigger_id"]!.GetValue<string>()], await slack.App.WithDbAsync(db => db.InboundClicks.Select(c => c.Key).ToListAsync()));
    }

    [Fact]
    public async Task UpdatesOfDifferentCardsInOneChannelGoOutSideBySide()
    {
        var (slack, cards) = await StartWithFlagsAsync(3);
        await using var host = slack;
        var gate = slack.Fake.Hold("chat.update");
        foreach (var card in cards)
        {
            await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, card.Post, card.Ts, "approvePractice").ToJsonString(), slack.Now));
        }

        await slack.WhenIdleAsync();
        var dispatch = slack.App.Services.GetRequiredService<global::CoachLoop.Bot.Outbox.OutboxDispatcher>().RunOnceAsync(CancellationToken.None);

        // Every card's update is in flight while Slack has answered none: a message's update does not queue behind another
        // message's in the same channel (only updates of one message keep their order).
        await WaitForAsync(() => slack.Fake.CallsOf("chat.update").Where(c => c.Arg("channel") == SlackHost.ManagerChannel)
            .Select(c => c.Arg("ts")).Distinct().Count() == cards.Count);
        gate.SetResult();
        await dispatch.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(cards.Select(c => c.Ts).Order(), slack.Fake.CallsOf("chat.update").Where(c => c.Arg("channel") == SlackHost.ManagerChannel)
            .Select(c => c.Arg("ts")!).Order());
    }

    private static Task<(SlackHost Slack, List<(FakeSlackCall Post, string Ts)> Cards)> StartWithFlagsAsync(int count,
        IReadOnlyDictionary<string, string?>? extra = null, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        SlackHost.StartWithCardsAsync(count, extra, provider);

    /// <summary>The click inbox's conditional updates so far (claims, marks, releases), from the host's SQL log.</summary>
    private static int InboxUpdates(SlackHost slack) =>
        slack.Logs.Lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal) && l.Contains("UPDATE \"inbound_clicks\"", StringComparison.Ordinal));

    /// <summary>When the leases of the claimed approvals not yet run (Morgan's, no failure) run out.</summary>
    private static Task<List<DateTimeOffset>> ClaimedUntilAsync(SlackHost slack) =>
        slack.App.WithDbAsync(db => db.InboundClicks.Where(c => c.DoneAt == null && c.LeaseUntil != null && c.Attempts > 0 && c.UserId == SlackHost.Morgan)
            .Select(c => c.LeaseUntil!.Value).ToListAsync());

    private static Task<int> ApprovalsAsync(SlackHost slack) =>
        slack.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "approve-practice"));

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var value = await read();
        for (var i = 0; i < 500 && !condition(value); i++)
        {
            await Task.Delay(20);
            value = await read();
        }

        Assert.True(condition(value), "the database never reached the expected state");
        return value;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "the expected Slack call never came");
    }
}
