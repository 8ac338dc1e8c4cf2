using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Outbox;

/// <summary>Hosts that die mid-delivery and hosts that dispatch side by side: every message still goes out once, in order.</summary>
public sealed class OutboxRecoveryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestProviders.All;

    [Fact]
    public async Task DeliveryCutOffByACrashIsFinishedByAnotherHostAndArrivesOnce()
    {
        await using var database = TestDatabase.CreateSqlite();
        var farEnd = new ScriptedChannel();
        var crash = new TaskCompletionSource();
        var hostA = await CoachLoopApp.StartAsync(services: farEnd.Register, database: database);
        var chat = new Chat(hostA);
        await chat.PostCallAsync(Json.Call());
        farEnd.BeforeAnswer = m => ScriptedChannel.IsFlagCard(m) ? crash.Task : Task.CompletedTask;

        // Host A sends the flag card; the far end takes it; host A dies before it can record that.
        var dying = Task.Run(() => hostA.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None));
        await WaitUntilAsync(() => farEnd.Delivered.Keys.Any(k => k.StartsWith("post-", StringComparison.Ordinal)) && farEnd.Delivered.Count == 2);
        var clockAtCrash = hostA.Clock.GetUtcNow();
        await hostA.DisposeAsync();
        farEnd.BeforeAnswer = null;

        await using var hostB = await CoachLoopApp.StartAsync(seed: false, services: farEnd.Register, database: database);
        hostB.Clock.Set(clockAtCrash.AddSeconds(30));
        var tooEarly = await new Chat(hostB).DispatchAsync();
        hostB.Clock.Set(clockAtCrash.AddSeconds(61));
        await new Chat(hostB).DispatchAsync();

        Assert.Equal(0, tooEarly);
        var outbox = await hostB.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(2, farEnd.Delivered.Count);
        Assert.Equal(2, farEnd.Calls.Count(c => c.Conversation == farEnd.TeamConversation));
        crash.SetResult();
        await dying.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task AHostRestartedUnderItsNameResumesItsInFlightSendsAtOnceAndAnotherHostWaitsForTheLease()
    {
        await using var database = TestDatabase.CreateSqlite();
        var farEnd = new ScriptedChannel();
        var crash = new TaskCompletionSource();
        var named = new Dictionary<string, string?> { ["Outbox:HostName"] = "host-1" };
        var hostA = await CoachLoopApp.StartAsync(services: farEnd.Register, database: database, settings: named);
        await new Chat(hostA).PostCallAsync(Json.Call());
        farEnd.BeforeAnswer = m => ScriptedChannel.IsFlagCard(m) ? crash.Task : Task.CompletedTask;
        var dying = Task.Run(() => hostA.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None));
        await WaitUntilAsync(() => farEnd.Delivered.Count == 2);
        var clockAtCrash = hostA.Clock.GetUtcNow();
        await hostA.DisposeAsync();
        farEnd.BeforeAnswer = null;

        await using var other = await CoachLoopApp.StartAsync(seed: false, services: farEnd.Register, database: database, now: clockAtCrash,
            settings: new Dictionary<string, string?> { ["Outbox:HostName"] = "host-2" });
        await other.Services.GetRequiredService<OutboxDispatcher>().ReleaseEarlierLeasesAsync(CancellationToken.None);
        var notOthers = await new Chat(other).DispatchAsync();
        await using var restarted = await CoachLoopApp.StartAsync(seed: false, services: farEnd.Register, database: database, now: clockAtCrash,
            settings: named);
        await restarted.Services.GetRequiredService<OutboxDispatcher>().ReleaseEarlierLeasesAsync(CancellationToken.None);
        var resumed = await new Chat(restarted).DispatchAsync();

        Assert.Equal((0, 1), (notOthers, resumed));
        var flag = await restarted.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id)
            .Join(db.CardPosts.Where(p => p.CardKind == "flag"), m => m.CardPostId, p => p.Id, (m, _) => m).FirstAsync());
        Assert.Equal((OutboxStatus.Sent, 2, false), (flag.Status, flag.Attempts, flag.OutcomeUnknown));
        Assert.Equal(2, farEnd.Delivered.Count);
        crash.SetResult();
        await dying.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TwoHostsDispatchingTogetherSendEveryMessageOnceAndInOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var farEnd = new ScriptedChannel { BeforeAnswer = _ => Task.Delay(Random.Shared.Next(1, 6)) };
        farEnd.Answer(_ => Random.Shared.Next(4) == 0, SendResult.Retry("flaky"), times: 15);
        await using var hostA = await CoachLoopApp.StartAsync(services: farEnd.Register, database: database,
            settings: new Dictionary<string, string?> { ["Outbox:BaseDelay"] = "00:00:00", ["Delivery:GroupAfter"] = "1000" });
        await using var hostB = await CoachLoopApp.StartAsync(seed: false, services: farEnd.Register, database: database,
            settings: new Dictionary<string, string?> { ["Outbox:BaseDelay"] = "00:00:00", ["Delivery:GroupAfter"] = "1000" });
        var chat = new Chat(hostA);
        for (var i = 0; i < 12; i++)
        {
            await chat.PostCallAsync(Json.CallWithoutStreak($"c{i}", i, $"2026-11-19T{10 + (i / 6)}:{i % 6}0:00Z"));
        }

        var drain = new[] { hostA, hostB }.Select(host => Task.Run(async () =>
        {
            var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
            for (var pass = 0; pass < 400 && await PendingAsync(host) > 0; pass++)
            {
                await dispatcher.RunOnceAsync(CancellationToken.None);
            }
        }));
        await Task.WhenAll(drain);

        var outbox = await hostA.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var successes = farEnd.Calls.Where(c => c.Outcome == "ok").ToList();
        Assert.Equal(outbox.Count, successes.Count);
        Assert.Equal(successes.Count, successes.Select(c => c.Key).Distinct().Count());
        var managerOrder = farEnd.Delivered.Where(d => d.Value.Conversation == farEnd.TeamConversation).OrderBy(d => d.Value.Sequence).Select(d => d.Key);
        var expected = await hostA.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Join(db.CardPosts.Where(p => p.ConversationId == farEnd.TeamConversation), m => m.CardPostId, p => p.Id, (m, p) => new { m.Id, PostId = p.Id })
            .OrderBy(x => x.Id).ToListAsync());
        Assert.Equal(expected.Select(x => $"post-{x.PostId:N}"), managerOrder);
    }

    private static Task<int> PendingAsync(CoachLoopApp host) =>
        host.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}
