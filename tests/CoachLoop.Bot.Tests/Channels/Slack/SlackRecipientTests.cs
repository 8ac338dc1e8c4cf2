using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>Finding who receives a card is part of delivery: no Slack call at intake, retried, rate-limited, visible when it fails.</summary>
public sealed class SlackRecipientTests
{
    private static Task<List<OutboxMessage>> AgentPostsAsync(SlackHost slack) =>
        slack.App.WithDbAsync(db => db.Outbox.AsNoTracking()
            .Join(db.CardPosts.Where(p => p.Channel == "slack" && p.CardKind == "agent-score"), m => m.CardPostId, p => p.Id, (m, _) => m)
            .OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task IntakeQueuesTheAgentsCardWithoutCallingSlackAndAThrottledLookupIsRetried()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Script("users.lookupByEmail", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "20");
        await slack.Chat.PostCallAsync(Json.Call());
        Assert.Empty(slack.Fake.Calls);
        var queued = Assert.Single(await AgentPostsAsync(slack));

        await slack.Chat.DispatchAsync();
        var throttled = Assert.Single(await AgentPostsAsync(slack));
        slack.App.Clock.Advance(TimeSpan.FromSeconds(20));
        await slack.Chat.DispatchAsync();

        Assert.Equal(OutboxStatus.Pending, queued.Status);
        Assert.Equal((OutboxStatus.Pending, 0, slack.Now.AddSeconds(-20).AddSeconds(20)), (throttled.Status, throttled.Attempts, throttled.NextAttemptAt));
        Assert.Contains("users.lookupByEmail: ratelimited", throttled.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await AgentPostsAsync(slack)).Status);
        Assert.Single(slack.Fake.Messages["D" + SlackHost.Ana]);
    }

    [Fact]
    public async Task ALookupThatKeepsFailingIsDeadLetteredWithTheReasonAfterTheRetryBudget()
    {
        await using var slack = await SlackHost.StartAsync(extra: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            slack.Fake.Script("users.lookupByEmail", 500, "upstream failure");
        }

        await slack.Chat.PostCallAsync(Json.Call());
        for (var i = 0; i < 4; i++)
        {
            await slack.Chat.DispatchAsync();
            slack.App.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var dead = Assert.Single(await AgentPostsAsync(slack));
        Assert.Equal((OutboxStatus.Dead, "after 3 attempt(s): slack users.lookupByEmail: http_500"), (dead.Status, dead.LastError));
        var client = await slack.App.CreateApiClientAsync();
        Assert.Contains("users.lookupByEmail: http_500", await client.GetStringAsync("/api/v1/outbox?status=dead"), StringComparison.Ordinal);
        Assert.Equal(3, slack.Fake.CallsOf("users.lookupByEmail").Count);
    }

    [Fact]
    public async Task APersonSlackDoesNotKnowIsDeadLetteredWithSlacksAnswerAndLookedUpOnce()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Users.TryRemove("ana@example.com", out _);
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.PostCallAsync(Json.Call("call-2", empathy: 40));
        await slack.Chat.DispatchAsync();

        var posts = await AgentPostsAsync(slack);
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal((OutboxStatus.Dead, "after 1 attempt(s): slack users.lookupByEmail: users_not_found"), (p.Status, p.LastError)));
        Assert.Single(slack.Fake.CallsOf("users.lookupByEmail"));
    }

    [Fact]
    public async Task APersonIsLookedUpOnceAndTheirDirectMessageOpenedOnceAcrossFlagsAndRetries()
    {
        await using var slack = await SlackHost.StartAsync(extra: new Dictionary<string, string?> { ["Delivery:GroupAfter"] = "1000" });
        slack.Fake.Script("chat.postMessage", 500, "upstream failure", channel: "D" + SlackHost.Ana);
        for (var i = 0; i < 4; i++)
        {
            var call = Json.CallWithoutStreak($"call-{i}", i, $"2026-11-20T0{i}:00:00Z");
            call["scores"]![0]!["score"] = i == 3 ? 0 : 100;
            await slack.Chat.PostCallAsync(call);
        }

        for (var i = 0; i < 3; i++)
        {
            await slack.Chat.DispatchAsync();
            slack.App.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var posts = await AgentPostsAsync(slack);
        Assert.All(posts, p => Assert.Equal(OutboxStatus.Sent, p.Status));
        Assert.Single(slack.Fake.CallsOf("users.lookupByEmail"));
        Assert.Single(slack.Fake.CallsOf("conversations.open"));
        Assert.True(posts.Count >= 4);
        Assert.Equal(posts.Count, slack.Fake.Messages["D" + SlackHost.Ana].Count);
    }
}
