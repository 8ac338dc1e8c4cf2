using System.Diagnostics;
using CoachLoop.Bot.Telemetry;
using CoachLoop.Bot.Tests.Channels.Slack;

namespace CoachLoop.Bot.Tests.Telemetry;

/// <summary>Spans as an exporter receives them (the OpenTelemetry in-memory exporter) for real HTTP requests and real deliveries.</summary>
[Collection(TelemetryCapture.Collection)]
public sealed class TraceTests
{
    [Fact]
    public async Task AScoredCallPostedOverHttpIsTracedFromTheServerSpanThroughTheIntakeToTheDatabase()
    {
        using var capture = new TelemetryCapture();
        await using var app = await CoachLoopApp.StartAsync(settings: TelemetryCapture.On, services: capture.Register, kestrel: true);
        var client = await app.CreateApiClientAsync();
        // The test's HttpClient carries the context of this span (traceparent) to the server.
        using var parent = Recorded("test: post a call");
        var response = await client.PostAsJsonAsync("api/v1/scored-calls", Json.Call());
        parent.Stop();
        var traceId = parent.TraceId;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var spans = await WaitForAsync(capture, traceId, s => s.Any(a => a.Kind == ActivityKind.Server));
        var server = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        Assert.Equal("/api/v1/scored-calls/", server.GetTagItem("http.route"));
        Assert.Equal(201, server.GetTagItem("http.response.status_code"));
        var intake = Assert.Single(spans, a => a.OperationName == CoachLoopActivities.Intake);
        Assert.Equal(server.SpanId, intake.ParentSpanId);
        Assert.Equal("accepted", intake.GetTagItem(CoachLoopTags.Outcome));
        Assert.Equal("acme-qa", intake.GetTagItem(CoachLoopTags.Source));
        Assert.Equal(1, intake.GetTagItem("coachloop.flags.raised"));
        // The intake's reads and its write are database spans under it.
        var database = spans.Where(a => a.Kind == ActivityKind.Client && a.ParentSpanId == intake.SpanId).ToList();
        Assert.NotEmpty(database);
        Assert.All(database, a => Assert.Contains("sqlite", $"{a.GetTagItem("db.system.name")}{a.GetTagItem("db.system")}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACardDeliveredToSlackIsAPassWithASendSpanPerMessageAndTheSlackCallUnderIt()
    {
        using var capture = new TelemetryCapture();
        await using var slack = await SlackHost.StartAsync(extra: TelemetryCapture.On, services: capture.Register);
        await slack.Chat.PostCallAsync(Json.Call());

        using var parent = Recorded("test: deliver");
        await slack.Chat.DispatchAsync();
        parent.Stop();

        var spans = capture.Trace(parent.TraceId);
        var pass = spans.First(a => a.OperationName == CoachLoopActivities.OutboxPass);
        Assert.True((int)pass.GetTagItem(CoachLoopTags.BatchSize)! >= 1);
        var send = Assert.Single(spans, a => a.OperationName == CoachLoopActivities.OutboxSend
            && ((string)a.GetTagItem(CoachLoopTags.Lane)!).Contains(SlackHost.ManagerChannel, StringComparison.Ordinal));
        Assert.Equal(pass.SpanId, send.ParentSpanId);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal("slack", send.GetTagItem(CoachLoopTags.Channel));
        Assert.Equal("post", send.GetTagItem(CoachLoopTags.Operation));
        Assert.Equal(1, send.GetTagItem(CoachLoopTags.Attempt));
        Assert.Equal("flag", send.GetTagItem(CoachLoopTags.CardKind));
        Assert.Equal("sent", send.GetTagItem(CoachLoopTags.Outcome));
        // The HTTP call to (fake) Slack is a client span of the send, and the context went with it to the far end.
        var post = Assert.Single(spans, a => a.Kind == ActivityKind.Client && a.ParentSpanId == send.SpanId
            && ((string?)a.GetTagItem("url.full") ?? "").EndsWith("chat.postMessage", StringComparison.Ordinal));
        Assert.Equal(200, post.GetTagItem("http.response.status_code"));
        Assert.Contains(spans, a => a.OperationName == CoachLoopActivities.OutboxRecord);
        Assert.Contains(spans, a => a.Kind == ActivityKind.Server && a.ParentSpanId == post.SpanId);
    }

    /// <summary>A started span of the test's own, sampled, so the host's spans under it are recorded in its trace.</summary>
    internal static Activity Recorded(string name)
    {
        var activity = new Activity(name).SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        return activity.Start();
    }

    private static async Task<IReadOnlyList<Activity>> WaitForAsync(TelemetryCapture capture, ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> done)
    {
        // The server span ends as the response completes, which may be just after the client has read it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done(capture.Trace(traceId)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the spans did not arrive; captured: " + string.Join(", ", capture.All().Select(a => $"{a.OperationName}/{a.Kind}/{a.TraceId}")));
            await Task.Delay(10);
        }

        return capture.Trace(traceId);
    }
}
