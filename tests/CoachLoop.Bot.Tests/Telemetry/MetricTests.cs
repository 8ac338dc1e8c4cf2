using CoachLoop.Bot.Tests.Channels.Slack;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Telemetry;

/// <summary>The CoachLoop meter's values for calls, flags, deliveries, dead letters and clicks, checked against what the API and the database say.</summary>
public sealed class MetricTests
{
    private const string Calls = "coachloop.calls.ingested";
    private const string Flags = "coachloop.flags.raised";
    private const string Delivered = "coachloop.cards.delivered";

    [Fact]
    public async Task CallsFlagsDeliveriesDeadLettersAndClicksAreCountedAsTheyHappen()
    {
        using var capture = new TelemetryCapture();
        await using var slack = await SlackHost.StartAsync();
        capture.Listen(slack.App.Services);
        var api = await slack.App.CreateApiClientAsync();

        var quality = await api.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("call-1"));
        var again = await api.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("call-1"));
        var invalid = await api.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("call-bad", overall: 140));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.BadRequest), (quality.StatusCode, again.StatusCode, invalid.StatusCode));
        await slack.Chat.DispatchAsync();
        // Slack refuses the next post to the manager channel for good: that card is dead-lettered.
        slack.Fake.Script("chat.postMessage", 200, """{"ok":false,"error":"channel_not_found"}""", channel: SlackHost.ManagerChannel);
        var compliance = await api.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("call-2", empathy: 90, disclosure: 0));
        Assert.Equal(HttpStatusCode.Created, compliance.StatusCode);

        Assert.Equal(2, capture.Sum(Calls, ("coachloop.outcome", "accepted"), ("coachloop.call.source", "acme-qa")));
        Assert.Equal(1, capture.Sum(Calls, ("coachloop.outcome", "duplicate"), ("coachloop.call.source", "acme-qa")));
        Assert.Equal(1, capture.Sum(Calls, ("coachloop.outcome", "invalid")));
        var raised = (await FlagKindsAsync(quality)).Concat(await FlagKindsAsync(compliance)).ToList();
        foreach (var kind in new[] { "quality", "compliance", "pattern" })
        {
            Assert.Equal(raised.Count(k => k == kind), capture.Sum(Flags, ("coachloop.flag.kind", kind)));
        }

        Assert.Equal(1, capture.Sum(Flags, ("coachloop.flag.kind", "compliance")));

        // Pending work shows on the gauges, read when a reader collects.
        slack.App.Clock.Advance(TimeSpan.FromSeconds(30));
        capture.Observe();
        Assert.Equal(await CountAsync(slack, OutboxStatus.Pending), capture.Last("coachloop.outbox.depth"));
        Assert.True(capture.Last("coachloop.outbox.depth") > 0);
        Assert.Equal(30, capture.Last("coachloop.outbox.oldest_pending.age"));

        await slack.Chat.DispatchAsync();
        var flagPost = slack.Fake.CallsOf("chat.postMessage").First(c => c.Arg("channel") == SlackHost.ManagerChannel);
        var ts = $"1700000000.{slack.Fake.CallsOf("chat.postMessage").ToList().IndexOf(flagPost) + 1:000000}";
        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, flagPost, ts, "approvePractice").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        Assert.Equal(1, capture.Count("coachloop.card_action.duration", ("coachloop.channel", "slack"), ("coachloop.card_action.verb", "approvePractice"),
            ("coachloop.outcome", "done")));
        Assert.Equal(1, await CountAsync(slack, OutboxStatus.Dead));
        Assert.Equal(1, capture.Sum(Delivered, ("coachloop.channel", "slack"), ("coachloop.outcome", "dead")));
        Assert.Equal(1, capture.Sum("coachloop.outbox.dead_lettered", ("coachloop.channel", "slack")));
        Assert.Equal(await CountAsync(slack, OutboxStatus.Sent),
            capture.Sum(Delivered, ("coachloop.channel", "slack"), ("coachloop.outcome", "sent")) + capture.Sum(Delivered, ("coachloop.outcome", "superseded")));
        Assert.True(capture.Sum(Delivered, ("coachloop.outcome", "sent"), ("coachloop.outbox.operation", "update")) >= 1, "the click's card update");
        Assert.Equal(0, capture.Sum(Delivered, ("coachloop.outcome", "retry")));

        slack.App.Clock.Advance(TimeSpan.FromSeconds(30));
        capture.Observe();
        Assert.Equal(0, capture.Last("coachloop.outbox.depth"));
        Assert.Equal(0, capture.Last("coachloop.outbox.oldest_pending.age"));
        Assert.Equal(1, capture.Last("coachloop.outbox.dead"));
    }

    [Fact]
    public async Task ImportedCallsAreCountedAsPostedOnesAre()
    {
        using var capture = new TelemetryCapture();
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        capture.Listen(app.Services);
        var api = await app.CreateApiClientAsync();
        var calls = Support.Backfill.Calls(12);
        var lines = calls.Select(c => c.ToJsonString()).Append(calls[0].ToJsonString()).Append(Json.Call("bad", overall: 140).ToJsonString());

        using var submitted = await Support.Backfill.SubmitAsync(api, string.Join('\n', lines));
        await Support.Backfill.CompletedAsync(api, submitted.Headers.Location!.ToString());

        Assert.Equal(12, capture.Sum(Calls, ("coachloop.outcome", "accepted"), ("coachloop.call.source", "acme-qa")));
        Assert.Equal(1, capture.Sum(Calls, ("coachloop.outcome", "duplicate")));
        Assert.Equal(1, capture.Sum(Calls, ("coachloop.outcome", "invalid")));
        var flags = await app.WithDbAsync(db => db.Flags.CountAsync());
        Assert.True(flags > 0);
        Assert.Equal(flags, capture.Sum(Flags));
    }

    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TheOutboxGaugesReadTheDatabaseAtMostOncePerCachePeriod(DatabaseProvider provider)
    {
        using var capture = new TelemetryCapture();
        await using var app = await CoachLoopApp.StartAsync(provider: provider,
            settings: new Dictionary<string, string?>(Chat.WebOn) { ["Telemetry:OutboxGaugeCache"] = "00:01:00" });
        capture.Listen(app.Services);
        capture.Observe();
        Assert.Equal(0, capture.Last("coachloop.outbox.depth"));

        await new Chat(app).PostCallAsync(Json.Call());
        capture.Observe();
        Assert.Equal(0, capture.Last("coachloop.outbox.depth")); // still the value read a moment ago

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        capture.Observe();
        Assert.Equal(await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending)), capture.Last("coachloop.outbox.depth"));
        Assert.True(capture.Last("coachloop.outbox.depth") > 0);
        Assert.Equal(60, capture.Last("coachloop.outbox.oldest_pending.age"));
        Assert.Equal(0, capture.Last("coachloop.outbox.dead"));
    }

    private static Task<int> CountAsync(SlackHost slack, OutboxStatus status) => slack.App.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == status));

    private static async Task<List<string>> FlagKindsAsync(HttpResponseMessage response)
    {
        var receipt = await Json.ReadAsync(response);
        return [.. receipt.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!.ToLowerInvariant())];
    }
}
