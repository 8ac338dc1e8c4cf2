using System.Diagnostics;
using CoachLoop.Bot.Outbox;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>Delivery to a slow and faulty Slack (the loopback fake): conversations do not hold each other up, urgent goes first, every card once.</summary>
public sealed class SlackDeliveryFaultTests
{
    private const string WestChannel = "C0WEST";

    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(2);

    private static async Task<SlackHost> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var slack = await SlackHost.StartAsync(extra: extra);
        slack.Fake.Users["sam@example.com"] = "U0SAM";
        var api = await slack.App.CreateApiClientAsync();
        (await api.PutAsJsonAsync("/api/v1/channels/slack/teams/west", new { conversationId = WestChannel, tenant = FakeSlackApi.Team })).EnsureSuccessStatusCode();
        return slack;
    }

    private static Task<int> DispatchInBackground(SlackHost slack, CancellationToken ct) =>
        slack.App.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(ct);

    [Fact]
    public async Task AConversationWhosePostsTakeEightSecondsDoesNotDelayAnotherTeamsComplianceCard()
    {
        await using var slack = await StartAsync(new(Chat.WebOn));
        slack.Fake.ChannelDelays[SlackHost.ManagerChannel] = TimeSpan.FromSeconds(8);
        await slack.Chat.PostCallAsync(Json.Call("east-quality"));
        var dispatch = DispatchInBackground(slack, CancellationToken.None);
        await WaitUntilAsync(() => slack.Fake.CallsOf("chat.postMessage").Any(c => c.Arg("channel") == SlackHost.ManagerChannel));

        await slack.Chat.PostCallAsync(Json.Call("west-compliance", empathy: 90, disclosure: 0, agent: "sam@example.com"));
        var clock = Stopwatch.StartNew(); // from the moment the card is queued
        await WaitUntilAsync(() => slack.Fake.Messages.ContainsKey(WestChannel));
        var slackAfter = clock.Elapsed;
        await WaitUntilAsync(() => slack.Chat.WebMessagesAsync().Result.Any(m => m.ConversationId.StartsWith("team:", StringComparison.Ordinal)
            && m.CardKind == "flag" && m.CardJson.Contains("Compliance", StringComparison.Ordinal)));
        var webAfter = clock.Elapsed;

        // About a second, with room for a loaded test machine; what matters is that it is not the 8 s of the slow conversation.
        Assert.InRange(slackAfter, TimeSpan.Zero, Soon);
        Assert.InRange(webAfter, TimeSpan.Zero, Soon);
        Assert.False(slack.Fake.Messages.ContainsKey(SlackHost.ManagerChannel), "the slow conversation is still being posted to");
        await dispatch.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(slack.Fake.Messages[SlackHost.ManagerChannel]);
    }

    [Fact]
    public async Task UrgentCardsNeverWaitBehindNonUrgentOnes()
    {
        await using var slack = await StartAsync(new() { ["Outbox:Parallelism"] = "1" });
        slack.Fake.ChannelDelays[SlackHost.ManagerChannel] = TimeSpan.FromMilliseconds(300);
        await slack.Chat.PostCallAsync(Json.Call("quality"));
        await slack.Chat.PostCallAsync(Json.Call("compliance", empathy: 90, disclosure: 0));
        await slack.Chat.DispatchAsync();
        var managerPosts = slack.Fake.CallsOf("chat.postMessage").Where(c => c.Arg("channel") == SlackHost.ManagerChannel).ToList();

        // The only non-urgent slot is held by a slow conversation; an urgent card has a slot of its own.
        slack.Fake.ChannelDelays[WestChannel] = TimeSpan.FromSeconds(8);
        await slack.Chat.PostCallAsync(Json.Call("west-quality", agent: "sam@example.com"));
        var dispatch = DispatchInBackground(slack, CancellationToken.None);
        await WaitUntilAsync(() => slack.Fake.CallsOf("chat.postMessage").Any(c => c.Arg("channel") == WestChannel));
        await slack.Chat.PostCallAsync(Json.Call("compliance-2", empathy: 90, disclosure: 0));
        var clock = Stopwatch.StartNew();
        await WaitUntilAsync(() => slack.Fake.Messages[SlackHost.ManagerChannel].Count == 3);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Soon);
        Assert.Equal(2, managerPosts.Count);
        Assert.Contains("Compliance", managerPosts[0].Arg("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("Compliance", managerPosts[1].Arg("text"), StringComparison.Ordinal);
        await dispatch.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ThrottlingAndFailuresOnEverySlackMethodStillDeliverEveryCardOnce()
    {
        await using var slack = await StartAsync(new() { ["Delivery:GroupAfter"] = "1000", ["Outbox:MaxAttempts"] = "30" });
        slack.Fake.Users["ben@example.com"] = "U0BEN";
        slack.Fake.Faults = new FakeSlackFaults(throttled: 0.30, failed: 0.05);
        // On top of the random faults, the first lookups surely fail: throttled, then an outage.
        slack.Fake.Script("users.lookupByEmail", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "1");
        slack.Fake.Script("users.lookupByEmail", 500, "upstream failure");
        string[] agents = ["ana@example.com", "ben@example.com", "sam@example.com"];
        for (var i = 0; i < 24; i++)
        {
            // No criterion fails three calls in a row for one agent, so no pattern folds the flags this test counts.
            var call = Json.CallWithoutStreak($"call-{i}", i / 3, $"2026-11-20T0{i / 6}:{i % 6}0:00Z", agents[i % 3]);
            call["scores"]![0]!["score"] = i % 4 == 0 ? 0 : 100;
            await slack.Chat.PostCallAsync(call);
        }

        for (var round = 0; round < 200 && await PendingAsync(slack) > 0; round++)
        {
            await slack.Chat.DispatchAsync();
            slack.App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var posts = await slack.App.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Operation == OutboxOperation.Post)
            .Join(db.CardPosts.Where(p => p.Channel == "slack"), m => m.CardPostId, p => p.Id, (m, p) => new { m.Status, p.Id }).ToListAsync());
        Assert.True(posts.Count >= 48, $"{posts.Count} Slack posts for 24 flags (manager and agent cards)");
        Assert.All(posts, p => Assert.Equal(OutboxStatus.Sent, p.Status));
        var held = slack.Fake.PostedKeys;
        Assert.Equal(posts.Select(p => $"post-{p.Id:N}").Order(), held.Order());
        // Once per person (three agents) plus the retries of failed lookups, never once per flag.
        Assert.InRange(slack.Fake.CallsOf("users.lookupByEmail").Count, 5, 12);
        Assert.True(slack.Fake.Faults.Injected > 20, $"{slack.Fake.Faults.Injected} faults injected");
        Assert.NotEmpty(slack.Fake.CallsOf("conversations.history"));
    }

    private static Task<int> PendingAsync(SlackHost slack) =>
        slack.App.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
