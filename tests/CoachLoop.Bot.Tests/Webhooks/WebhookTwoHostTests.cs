using CoachLoop.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Webhooks;

/// <summary>Two hosts dispatching side by side on one PostgreSQL database deliver each event once, in order per subscription.</summary>
public sealed class WebhookTwoHostTests
{
    [SkippableFact]
    public async Task TwoHostsOnOnePostgresDatabaseDeliverEachEventOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var hostA = await CoachLoopApp.StartAsync(database: database);
        await using var receiver = await WebhookReceiver.StartAsync(hostA.Clock);
        await using var other = await WebhookReceiver.StartAsync(hostA.Clock);
        var first = await Hooks.SubscribeAsync(hostA, receiver, "flag.raised");
        // Host B starts after the subscriptions exist, and loads them at start; host A knows them at once.
        await using var hostB = await CoachLoopApp.StartAsync(seed: false, database: database);
        var second = await Hooks.SubscribeAsync(hostA, other, "flag.raised");
        await hostB.Services.GetRequiredService<Data.Webhooks.WebhookSubscriptionCache>().RefreshAsync(CancellationToken.None);
        var chatA = new Chat(hostA);
        var chatB = new Chat(hostB);
        for (var i = 0; i < 10; i++)
        {
            await (i % 2 == 0 ? chatA : chatB).PostCallAsync(Json.Call($"c{i}", disclosure: i % 3 == 0 ? 0 : 100, agent: i % 2 == 0 ? "ana@example.com" : "ben@example.com"));
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Hooks.DispatchOnceAsync(i % 2 == 0 ? hostA : hostB))));
        await chatA.DispatchAsync();

        var events = await hostA.WithDbAsync(db => db.WebhookEvents.Select(e => e.Id).ToListAsync());
        // One flag.raised event per flag raised (some calls raise a pattern flag besides the quality one).
        Assert.Equal(await hostA.WithDbAsync(db => db.Flags.CountAsync()), events.Count);
        Assert.InRange(events.Count, 2, 100);
        // Each event once to each receiver, in the order of its subscription's lane (the outbox's order).
        Assert.Equal(await LaneOrderAsync(hostA, first), receiver.Events.Select(e => e.EventId));
        Assert.Equal(await LaneOrderAsync(hostA, second), other.Events.Select(e => e.EventId));
        Assert.Equal(events.Order(), receiver.Events.Select(e => e.EventId).Order());
        Assert.All(receiver.Events.Concat(other.Events), e => Assert.True(e.Verified));
    }

    private static Task<List<Guid>> LaneOrderAsync(CoachLoopApp app, Guid subscription) => app.WithDbAsync(db => db.Outbox
        .Where(m => m.Lane == Data.Records.WebhookSubscription.LaneOf(subscription)).OrderBy(m => m.Id)
        .Join(db.CardPosts, m => m.CardPostId, p => p.Id, (m, p) => p.SubjectId).ToListAsync());
}
