using System.Text.Json;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Webhooks;

/// <summary>
/// Events reach loopback receivers over real HTTP through the outbox: signed, once each, retried with backoff and then
/// dead-lettered, paced by a 429's Retry-After, a failing receiver holding up only itself, and nothing more after a delete.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static readonly Dictionary<string, string> Session = new()
    {
        ["targetedBehaviour"] = "Acknowledge", ["selfAssessment"] = "Rushed", ["agreedBehaviour"] = "Name it", ["practice"] = "role-plays",
        ["followUpDate"] = "2026-11-27",
    };

    [Fact]
    public async Task AVerifyingReceiverGetsEachEventOnceSignedWithItsPayload()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        await using var receiver = await WebhookReceiver.StartAsync(app.Clock);
        await using var raisedOnly = await WebhookReceiver.StartAsync(app.Clock);
        await Hooks.SubscribeAsync(app, receiver);
        await Hooks.SubscribeAsync(app, raisedOnly, "flag.raised");
        var chat = new Chat(app);

        await chat.PostCallAsync(Json.Call("c1"));
        var flag = await chat.FlagAsync("c1");
        await chat.ActAsync("ana@example.com", "disputeScore", "agent-score", flag.Id, flag.Revision, new Dictionary<string, string> { ["reason"] = "Said it" });
        var dispute = await app.WithDbAsync(db => db.Disputes.SingleAsync());
        await chat.ActAsync("riley@example.com", "upholdDispute", "dispute", dispute.Id, 0, new Dictionary<string, string> { ["upholdNote"] = "Not said" });
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "c1");
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", Session, callId: "c1");
        await chat.ActOnFlagAsync("morgan@example.com", "resolve", new Dictionary<string, string> { ["note"] = "Done" }, callId: "c1");
        await chat.PostCallAsync(Json.Call("c2", agent: "ben@example.com"));
        await chat.ActOnFlagAsync("morgan@example.com", "dismiss", new Dictionary<string, string> { ["reason"] = "Bad line" }, callId: "c2");
        await chat.DispatchAsync();
        await chat.DispatchAsync();

        Assert.Equal(["flag.raised", "dispute.opened", "dispute.decided", "practice.approved", "session.logged", "flag.resolved", "flag.raised", "flag.dismissed"],
            receiver.Events.Select(e => e.Type));
        Assert.All(receiver.Events.Concat(raisedOnly.Events), e => Assert.True(e.Verified, $"{e.Type} was not signed with the subscription's secret"));
        Assert.All(receiver.Events, e => Assert.Equal(e.EventId, e.PayloadId));
        Assert.Equal(receiver.Events.Count, receiver.Events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(["flag.raised", "flag.raised"], raisedOnly.Events.Select(e => e.Type));
        // Both receivers get the same event (one id) for one change.
        Assert.Equal(receiver.Events.Where(e => e.Type == "flag.raised").Select(e => e.EventId), raisedOnly.Events.Select(e => e.EventId));

        using var raised = JsonDocument.Parse(receiver.Events[0].Body);
        var data = raised.RootElement.GetProperty("data");
        Assert.Equal(1, raised.RootElement.GetProperty("version").GetInt32());
        Assert.Equal((flag.Id, "quality", "raised", flag.AgentId), (data.GetProperty("flagId").GetGuid(), data.GetProperty("kind").GetString(),
            data.GetProperty("status").GetString(), data.GetProperty("agentId").GetGuid()));
        Assert.Equal("c1", data.GetProperty("callId").GetString());
        using var decided = JsonDocument.Parse(receiver.Events[2].Body);
        Assert.Equal(("upheld", dispute.Id), (decided.RootElement.GetProperty("data").GetProperty("status").GetString(),
            decided.RootElement.GetProperty("data").GetProperty("disputeId").GetGuid()));
        using var approved = JsonDocument.Parse(receiver.Events[3].Body);
        Assert.False(approved.RootElement.GetProperty("data").GetProperty("swapped").GetBoolean());
        Assert.Equal("morgan@example.com", await app.WithDbAsync(db => db.People.Where(p => p.Id == approved.RootElement.GetProperty("data")
            .GetProperty("actor").GetProperty("personId").GetGuid()).Select(p => p.Email).SingleAsync()));
    }

    [Fact]
    public async Task AReceiverThatFailsSeesRetriesWithBackoffAndThenADeadLetterInTheDeliveryLog()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Outbox:MaxAttempts"] = "3", ["Outbox:BaseDelay"] = "00:00:10", ["Outbox:MaxDelay"] = "00:10:00",
        });
        await using var receiver = await WebhookReceiver.StartAsync(app.Clock);
        receiver.Answer = _ => Task.FromResult<(int, int?)>((500, null));
        var subscription = await Hooks.SubscribeAsync(app, receiver, "flag.raised");
        await new Chat(app).PostCallAsync(Json.Call());

        await Hooks.DispatchOnceAsync(app);
        Assert.Single(receiver.Events);
        // Not before its backoff: the first retry waits 5 to 10 s, the second 10 to 20 s.
        app.Clock.Advance(TimeSpan.FromSeconds(4.9));
        await Hooks.DispatchOnceAsync(app);
        Assert.Single(receiver.Events);
        for (var i = 0; i < 60 && receiver.Events.Count < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Hooks.DispatchOnceAsync(app);
        }

        var at = receiver.Events.Select(e => e.At).ToList();
        Assert.Equal(3, at.Count);
        Assert.InRange((at[1] - at[0]).TotalSeconds, 5, 11);
        Assert.InRange((at[2] - at[1]).TotalSeconds, 10, 21);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await Hooks.DispatchOnceAsync(app);
        Assert.Equal(3, receiver.Events.Count);

        var delivery = Assert.Single(await Hooks.DeliveriesAsync(app, subscription));
        Assert.Equal(("dead", 3), (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32()));
        Assert.Contains("HTTP 500", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var log = delivery.GetProperty("attemptLog").EnumerateArray().ToList();
        Assert.Equal([500, 500, 500], log.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal([1, 2, 3], log.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal(at, log.Select(a => a.GetProperty("at").GetDateTimeOffset()));
    }

    [Fact]
    public async Task AReceiverAnswering429IsRetriedNoEarlierThanItsRetryAfterWithoutUsingAnAttempt()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "1" });
        await using var receiver = await WebhookReceiver.StartAsync(app.Clock);
        receiver.Answer = hit => Task.FromResult<(int, int?)>(receiver.Events.Count < 3 ? (429, 120) : (200, null));
        var subscription = await Hooks.SubscribeAsync(app, receiver, "flag.raised");
        await new Chat(app).PostCallAsync(Json.Call());

        await Hooks.DispatchOnceAsync(app);
        for (var round = 2; round <= 3; round++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(119));
            await Hooks.DispatchOnceAsync(app);
            Assert.Equal(round - 1, receiver.Events.Count);
            app.Clock.Advance(TimeSpan.FromSeconds(1.5));
            await Hooks.DispatchOnceAsync(app);
            Assert.Equal(round, receiver.Events.Count);
        }

        // Throttled twice with one attempt allowed, and still delivered: a 429 is pacing, not failure.
        var delivery = Assert.Single(await Hooks.DeliveriesAsync(app, subscription));
        Assert.Equal("sent", delivery.GetProperty("status").GetString());
        Assert.Equal([429, 429, 200], delivery.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        var at = receiver.Events.Select(e => e.At).ToList();
        Assert.All(at.Zip(at.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(120)));
    }

    [Fact]
    public async Task AFailingReceiverDoesNotHoldUpAHealthyOne()
    {
        await using var app = await CoachLoopApp.StartAsync();
        await using var stuck = await WebhookReceiver.StartAsync(app.Clock);
        await using var healthy = await WebhookReceiver.StartAsync(app.Clock);
        var release = new TaskCompletionSource<(int, int?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        stuck.Answer = _ => release.Task;
        await Hooks.SubscribeAsync(app, stuck, "flag.raised");
        await Hooks.SubscribeAsync(app, healthy, "flag.raised");
        var chat = new Chat(app);
        foreach (var call in new[] { "c1", "c2", "c3" })
        {
            await chat.PostCallAsync(Json.Call(call));
        }

        var dispatch = Task.Run(() => Hooks.DispatchOnceAsync(app));
        await Hooks.WaitUntilAsync(() => healthy.Events.Count == 3);

        // The healthy receiver has all three while the stuck one still sits on its first; its lane waits, nobody else's.
        Assert.Single(stuck.Events);
        Assert.False(dispatch.IsCompleted);
        release.SetResult((500, null));
        await dispatch;
        Assert.Single(stuck.Events);
    }

    [Fact]
    public async Task TheTestEndpointSendsASignedPingThatTheDeliveryLogShows()
    {
        await using var app = await CoachLoopApp.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(app.Clock);
        var subscription = await Hooks.SubscribeAsync(app, receiver, "flag.resolved");
        var admin = await app.CreateApiClientAsync(admin: true);

        var response = await admin.PostAsync($"/api/v1/webhooks/{subscription}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var eventId = (await Json.ReadAsync(response)).GetProperty("eventId").GetGuid();
        await Hooks.DispatchOnceAsync(app);

        var hit = Assert.Single(receiver.Events);
        Assert.Equal(("ping", eventId, true), (hit.Type, hit.EventId, hit.Verified));
        var delivery = Assert.Single(await Hooks.DeliveriesAsync(app, subscription));
        Assert.Equal(("sent", "ping", 200), (delivery.GetProperty("status").GetString(), delivery.GetProperty("eventType").GetString(),
            delivery.GetProperty("attemptLog")[0].GetProperty("statusCode").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/webhooks/{Guid.NewGuid()}/test", null)).StatusCode);
    }

    [Fact]
    public async Task DeletingASubscriptionStopsItsDeliveries()
    {
        await using var app = await CoachLoopApp.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(app.Clock);
        receiver.Answer = _ => Task.FromResult<(int, int?)>((503, null));
        var subscription = await Hooks.SubscribeAsync(app, receiver, "flag.raised");
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call("c1"));
        await Hooks.DispatchOnceAsync(app);
        Assert.Single(receiver.Events);

        var admin = await app.CreateApiClientAsync(admin: true);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/webhooks/{subscription}")).StatusCode);
        await chat.PostCallAsync(Json.Call("c2"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await Hooks.DispatchOnceAsync(app);

        Assert.Single(receiver.Events);
        Assert.Equal(0, await app.WithDbAsync(db => db.CardPosts.CountAsync(p => p.Channel == WebhookSubscription.WebhookChannel)));
        Assert.Equal(0, await app.WithDbAsync(db => db.WebhookAttempts.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/webhooks/{subscription}")).StatusCode);
    }
}
