using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>The outbox's Slack sender against the fake Web API: encodings, throttling, errors that cannot succeed, DMs.</summary>
public sealed class SlackSenderTests
{
    private static readonly string RateLimited = SlackFixtures.Text("http_429_ratelimited.http").Split("\r\n\r\n", 2)[1];

    private static Task<List<(string Conversation, OutboxStatus Status, string? Error, DateTimeOffset Next)>> OutboxAsync(SlackHost slack) =>
        slack.App.WithDbAsync(db => db.Outbox.Join(db.CardPosts, m => m.CardPostId, p => p.Id, (m, p) => new { p.ConversationId, m.Status, m.LastError, m.NextAttemptAt, p.Channel })
            .Where(x => x.Channel == "slack").ToListAsync()
            .ContinueWith(t => t.Result.Select(x => (x.ConversationId, x.Status, x.LastError, x.NextAttemptAt)).ToList(), TaskScheduler.Default));

    [Fact]
    public async Task PostsAreJsonWithBlocksAndFallbackTextAndReadMethodsAreForms()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        var post = slack.LastPostTo(SlackHost.ManagerChannel);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        Assert.False(string.IsNullOrWhiteSpace(post.Arg("text")));
        Assert.NotNull(post.Args["blocks"]);
        var lookup = Assert.Single(slack.Fake.CallsOf("users.lookupByEmail"));
        Assert.StartsWith("application/x-www-form-urlencoded", lookup.ContentType, StringComparison.Ordinal);
        Assert.Equal("ana@example.com", lookup.Arg("email"));
        Assert.All(slack.Fake.Calls, c => Assert.Equal("Bearer " + SlackSigner.BotToken, c.Headers["Authorization"]));
    }

    [Fact]
    public async Task TheAgentsDirectMessageIsOpenedOnceAndRemembered()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();
        await slack.Chat.PostCallAsync(Json.Call("call-2", empathy: 40));
        await slack.Chat.DispatchAsync();

        Assert.Single(slack.Fake.CallsOf("conversations.open"));
        Assert.Single(slack.Fake.CallsOf("users.lookupByEmail"));
        Assert.Equal(2, slack.Fake.CallsOf("chat.postMessage").Count(c => c.Arg("channel") == "D" + SlackHost.Ana));
        var route = await slack.App.WithDbAsync(db => db.ChannelRoutes.SingleAsync(r => r.RouteKind == ChannelRoute.PersonRoute));
        Assert.Equal("D" + SlackHost.Ana, route.ConversationId);
        var identity = await slack.App.WithDbAsync(db => db.ChatIdentities.SingleAsync(c => c.Provider == "slack"));
        Assert.Equal((SlackHost.Ana, FakeSlackApi.Team), (identity.ExternalUserId, identity.Tenant));
    }

    [Fact]
    public async Task RateLimitedPostWaitsExactlyTheRetryAfterSlackGaveAndIsThenSent()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Script("chat.postMessage", 429, RateLimited, retryAfter: "7", channel: SlackHost.ManagerChannel);
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        var waiting = (await OutboxAsync(slack)).Single(m => m.Conversation == SlackHost.ManagerChannel);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(slack.Now.AddSeconds(7), waiting.Next);
        Assert.Contains("ratelimited", waiting.Error, StringComparison.Ordinal);

        slack.App.Clock.Advance(TimeSpan.FromSeconds(7));
        await slack.Chat.DispatchAsync();

        Assert.Equal(2, slack.Fake.CallsOf("chat.postMessage").Count(c => c.Arg("channel") == SlackHost.ManagerChannel));
        Assert.All(await OutboxAsync(slack), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task WhileAChannelIsRateLimitedNoOtherCallToItReachesSlack()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Script("chat.postMessage", 429, RateLimited, retryAfter: "30", channel: SlackHost.ManagerChannel);
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();
        slack.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await slack.Chat.PostCallAsync(Json.Call("call-2", empathy: 40));
        await slack.Chat.DispatchAsync();

        Assert.Single(slack.Fake.CallsOf("chat.postMessage"), c => c.Arg("channel") == SlackHost.ManagerChannel);
        Assert.Equal(2, slack.Fake.CallsOf("chat.postMessage").Count(c => c.Arg("channel") == "D" + SlackHost.Ana));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("invalid_auth")]
    public async Task ErrorsThatCannotSucceedGoToTheDeadLettersWithSlacksReason(string error)
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Script("chat.postMessage", 200, $$"""{"ok":false,"error":"{{error}}"}""", channel: SlackHost.ManagerChannel);
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        var dead = (await OutboxAsync(slack)).Single(m => m.Status == OutboxStatus.Dead);
        Assert.Contains($"slack chat.postMessage: {error}", dead.Error, StringComparison.Ordinal);
        Assert.Equal(SlackHost.ManagerChannel, dead.Conversation);
        Assert.Single(slack.Fake.CallsOf("chat.postMessage"), c => c.Arg("channel") == SlackHost.ManagerChannel);
    }

    [Fact]
    public async Task SlacksSampleErrorResponseIsDeadLetteredAndItsValidationMessagesKept()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Script("chat.postMessage", 200, SlackFixtures.Text("chat.postMessage_error.json"), channel: SlackHost.ManagerChannel);
        slack.Fake.Script("conversations.open", 200, SlackFixtures.Text("views.open_error_invalid_arguments.json"));
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        var errors = (await OutboxAsync(slack)).Where(m => m.Status == OutboxStatus.Dead).Select(m => m.Error).ToList();
        Assert.Contains(errors, e => e!.Contains("too_many_attachments", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("invalid_arguments (invalid `trigger_id`)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(503, "upstream down", "http_503")]
    [InlineData(200, """{"ok":false,"error":"internal_error"}""", "internal_error")]
    public async Task SlackOutagesAreRetriedWithBackoff(int status, string body, string error)
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Script("chat.postMessage", status, body, channel: SlackHost.ManagerChannel);
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        Assert.Contains(await OutboxAsync(slack), m => m.Status == OutboxStatus.Pending && m.Error!.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task APersonSlackDoesNotKnowGetsNoDirectMessage()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Users.TryRemove("ana@example.com", out _);
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        Assert.Single(slack.Fake.CallsOf("chat.postMessage"));
        Assert.Empty(slack.Fake.CallsOf("conversations.open"));
    }
}
