using System.Net.Http.Json;
using System.Text.Json;
using CoachLoop.Bot.Channels.Teams.Connector;
using CoachLoop.Bot.Channels.Teams.Protocol;
using CoachLoop.Bot.Tests.Support;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Teams;

public sealed class TeamsSenderTests
{
    private static Task<List<OutboxMessage>> OutboxAsync(TeamsHost host) => host.App.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task ThrottledPostWaitsExactlyTheRetryAfterTeamsAsksForThenGoesOut()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.LinkEastAsync(host);
        host.Connector.FailNext(429, "7", """{"error":{"code":"Throttled","message":"slow down"}}""");
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();

        var waiting = Assert.Single(await OutboxAsync(host));
        Assert.Equal((OutboxStatus.Pending, host.App.Clock.GetUtcNow().AddSeconds(7)), (waiting.Status, waiting.NextAttemptAt));
        Assert.Contains("Throttled", waiting.LastError, StringComparison.Ordinal);

        host.App.Clock.Advance(TimeSpan.FromSeconds(7));
        await host.Chat.DispatchAsync();
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync(host)).Status);
        Assert.Equal(2, host.Connector.Where("POST", "/v3/").Count);
    }

    [Fact]
    public async Task ServerErrorIsRetriedAndAForbiddenAnswerIsDeadLetteredWithTheTeamsCode()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.LinkEastAsync(host);
        host.Connector.FailNext(503);
        host.Connector.FailNext(403, body: """{"error":{"code":"BotNotInConversationRoster","message":"removed"}}""");
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await OutboxAsync(host)).Status);

        host.App.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Chat.DispatchAsync();
        var dead = Assert.Single(await OutboxAsync(host));
        Assert.Equal(OutboxStatus.Dead, dead.Status);
        Assert.Contains("403 BotNotInConversationRoster", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsOneToOneChatIsCreatedOnceWithTheTenantAndStoredForLaterCards()
    {
        await using var host = await TeamsHost.StartAsync();
        var ana = await host.Chat.IdOfAsync("ana@example.com");
        await host.App.WithDbAsync(async db =>
        {
            db.ChatIdentities.Add(ChatIdentity.Create(ana, ChatIdentity.Teams, TeamsScenario.Tenant, "aad-ana", host.App.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.PostCallAsync(Json.Call(callId: "call-2", callTime: "2026-11-20T08:00:00Z"));
        await host.Chat.DispatchAsync();

        var create = Assert.Single(host.Connector.Where("POST", "/v3/conversations"), c => c.Path == "/v3/conversations");
        var sample = TeamsFixtures.Load("connector-createConversation-personal.request.json");
        foreach (var (key, _) in sample)
        {
            Assert.NotNull(create.Body![key]);
        }

        Assert.Equal(("aad-ana", TeamsScenario.Tenant, TeamsScenario.Tenant, false), ((string?)create.Body!["members"]![0]!["id"],
            (string?)create.Body["channelData"]!["tenant"]!["id"], (string?)create.Body["tenantId"], (bool?)create.Body["isGroup"]));
        Assert.Equal(2, host.Connector.Where("POST", "/v3/conversations/a:dm-1/activities").Count);
        Assert.True(await host.App.WithDbAsync(db => db.ChannelRoutes.AnyAsync(r => r.RouteKind == ChannelRoute.PersonRoute && r.ConversationId == "a:dm-1")));
    }

    [Fact]
    public async Task NoBotTokenGoesToAServiceUrlThatIsNotTrusted()
    {
        await using var host = await TeamsHost.StartAsync();
        var client = await host.App.CreateApiClientAsync();
        (await client.PutAsJsonAsync($"/api/v1/channels/teams/teams/{Samples.TeamKey}",
            new { conversationId = TeamsScenario.Channel, tenant = TeamsScenario.Tenant, serviceUrl = "https://evil.example.com/" })).EnsureSuccessStatusCode();
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();

        var dead = Assert.Single(await OutboxAsync(host));
        Assert.Equal(OutboxStatus.Dead, dead.Status);
        Assert.Contains("UntrustedServiceUrl", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(0, host.Issuer.TokenRequests);
    }

    [Fact]
    public void ChannelThreadRequestSampleReadsAsConversationParameters()
    {
        var sample = TeamsFixtures.Load("connector-createConversation-channel-thread.request.json").ToJsonString();
        var parameters = JsonSerializer.Deserialize<ConversationParameters>(sample, TeamsJson.Options)!;
        Assert.Equal((true, "{{teamID}}", "{{tenantID}}", "{{tenantID}}"),
            (parameters.IsGroup, parameters.ChannelData!.Channel!.Id, parameters.ChannelData.Tenant!.Id, parameters.TenantId));
        Assert.Equal("new conversation", parameters.Activity!.Text);
    }

    [Fact]
    public void PerConversationLimitsAreSevenPerSecondAndEightPerTwoSeconds()
    {
        var clock = new ManualClock();
        var throttle = new ConversationThrottle(clock);
        Assert.All(Enumerable.Range(0, 7), _ => Assert.Null(throttle.TryTake("c1")));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.TryTake("c1"));
        Assert.Null(throttle.TryTake("c2"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(throttle.TryTake("c1"));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.TryTake("c1"));
    }

    [Fact]
    public void AllConversationsOfATenantShareFiftySendsPerSecond()
    {
        var clock = new ManualClock();
        var throttle = new ConversationThrottle(clock);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Null(throttle.TryTake($"c{i}", "tenant-a")));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.TryTake("c-new", "tenant-a"));
        Assert.Null(throttle.TryTake("c-new", "tenant-b"));
    }

    [Fact]
    public void RetryAfterIsReadAsSecondsOrAsADate()
    {
        var now = ManualClock.DefaultStart;
        Assert.Equal(TimeSpan.FromSeconds(3), ConnectorErrors.RetryAfter(new(TimeSpan.FromSeconds(3)), now));
        Assert.Equal(TimeSpan.FromSeconds(10), ConnectorErrors.RetryAfter(new(now.AddSeconds(10)), now));
        Assert.Equal("MessageWritesBlocked", ConnectorErrors.Code("""{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\"}"}"""));
    }
}
