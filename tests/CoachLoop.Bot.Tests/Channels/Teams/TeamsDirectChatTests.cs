using System.Net;
using CoachLoop.Bot.Channels.Teams;
using CoachLoop.Bot.Tests.Support;
using CoachLoop.Engine.People;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>Agents' 1:1 chats: never opened without a tenant, learned from installs and activities, and opened once.</summary>
public sealed class TeamsDirectChatTests
{
    private static IReadOnlyList<ConnectorCall> Creates(TeamsHost host) => host.Connector.Calls.Where(c => c.Method == "POST" && c.Path == "/v3/conversations").ToList();

    private static Task<List<OutboxMessage>> OutboxAsync(TeamsHost host) => host.App.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    private static Task<string> TenantOfAsync(TeamsHost host, string aad) =>
        host.App.WithDbAsync(db => db.ChatIdentities.Where(c => c.ExternalUserId == aad).Select(c => c.Tenant).SingleAsync());

    private static async Task InstallAsync(TeamsHost host) =>
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsFixtures.Load("installationUpdate-add-team.json", host.Connector.ServiceUrl))).StatusCode);

    /// <summary>Ana's Teams identity with its tenant, so that only the race is under test.</summary>
    private static async Task WithTenantAsync(TeamsHost host, string aad)
    {
        var ana = await host.Chat.IdOfAsync("ana@example.com");
        await host.App.WithDbAsync(async db =>
        {
            db.ChatIdentities.Add(ChatIdentity.Create(ana, ChatIdentity.Teams, TeamsScenario.Tenant, aad, host.App.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task TwoHostsOpeningTheSameChatAtOnceEndWithOneStoredChatAndNoError()
    {
        await using var host = await TeamsHost.StartAsync();
        await WithTenantAsync(host, "aad-ana");
        host.Connector.CreateDelay = TimeSpan.FromMilliseconds(400);

        // Two hosts: each its own gate and its own database context, one database.
        async Task<TeamsTarget> OpenAsync()
        {
            await using var scope = host.App.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var chats = ActivatorUtilities.CreateInstance<TeamsDirectChats>(services, new DirectChatLocks());
            return await chats.OpenAsync("aad-ana", CancellationToken.None);
        }

        var both = await Task.WhenAll(OpenAsync(), OpenAsync());

        Assert.All(both, t => Assert.Null(t.Failure));
        Assert.Equal(both[0].ConversationId, both[1].ConversationId);
        Assert.Equal(2, Creates(host).Count);
        Assert.Single(await host.App.WithDbAsync(db => db.ChannelRoutes.Where(r => r.RouteKind == ChannelRoute.PersonRoute).ToListAsync()));
    }

    [Fact]
    public async Task AnImportedAgentsChatIsOpenedInTheOnlyInstalledTenantWithoutStoringThatGuessAndTheirOwnMessageSaysTheirTenant()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Ana);
        await InstallAsync(host);

        Assert.Equal("", await TenantOfAsync(host, "aad-ana"));
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();

        var create = Assert.Single(Creates(host));
        Assert.Equal((TeamsScenario.Tenant, TeamsScenario.Tenant), ((string?)create.Body!["tenantId"], (string?)create.Body["channelData"]!["tenant"]!["id"]));
        Assert.All(await OutboxAsync(host), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        // The single install was only a guess: Ana may belong to a tenant that installs the app later, as her message then shows.
        Assert.Equal("", await TenantOfAsync(host, "aad-ana"));
        var message = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        message["from"]!["aadObjectId"] = "aad-ana";
        message["from"]!["id"] = "29:ana";
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", await TenantOfAsync(host, "aad-ana"));
    }

    [Fact]
    public async Task AStoredTenantThatTheirOwnMessageContradictsIsCorrected()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Ana);
        // What an older version stored from a single install.
        await host.App.WithDbAsync(db => db.ChatIdentities.Where(c => c.ExternalUserId == "aad-ana").ExecuteUpdateAsync(s => s.SetProperty(c => c.Tenant, "guessed-tenant")));
        var message = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        message["from"]!["aadObjectId"] = "aad-ana";
        message["from"]!["id"] = "29:ana";

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);

        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", await TenantOfAsync(host, "aad-ana"));
    }

    [Fact]
    public async Task AnImportedAgentsTenantAndTeamsIdAreLearnedFromTheirOwnMessage()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Ana);
        var message = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        message["from"]!["aadObjectId"] = "aad-ana";
        message["from"]!["id"] = "29:ana";

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);

        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", await TenantOfAsync(host, "aad-ana"));
        Assert.Equal("29:ana", await host.App.WithDbAsync(db => db.ChatIdentities.Where(c => c.ExternalUserId == "aad-ana").Select(c => c.ChannelUserId).SingleAsync()));
    }

    [Fact]
    public async Task WithNoTenantKnownTheAgentsCardIsDeadLetteredWithTheReasonAndNoEmptyTenantIsSent()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Ana);
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();

        Assert.Empty(Creates(host));
        var dead = Assert.Single(await OutboxAsync(host));
        Assert.Equal(OutboxStatus.Dead, dead.Status);
        Assert.Contains("tenant of aad-ana is not known", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFakeConnectorRefusesAConversationWithoutATenantAsTeamsDoes()
    {
        await using var host = await TeamsHost.StartAsync();
        using var client = new HttpClient();
        var response = await client.PostAsync(new Uri(host.Connector.ServiceUrl + "v3/conversations"),
            Json.Raw("""{"isGroup":false,"bot":{"id":"28:bot"},"members":[{"id":"aad-ana"}],"tenantId":"","channelData":{"tenant":{"id":""}}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TwoCardsForOneAgentInTwoLanesOpenTheChatOnceAndBothGoOutWithoutWaiting()
    {
        await using var host = await TeamsHost.StartAsync();
        await WithTenantAsync(host, "aad-ana");
        // Slow enough that both lanes are inside "open the chat" at the same time.
        host.Connector.CreateDelay = TimeSpan.FromMilliseconds(400);

        await host.Chat.PostCallAsync(Json.Call(disclosure: 20));
        await host.Chat.DispatchAsync();

        var messages = await OutboxAsync(host);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal((OutboxStatus.Sent, null), (m.Status, m.LeaseOwner)));
        Assert.Single(Creates(host));
        var chat = Assert.Single(await host.App.WithDbAsync(db => db.ChannelRoutes.Where(r => r.RouteKind == ChannelRoute.PersonRoute).ToListAsync()));
        Assert.Equal(2, host.Connector.Where("POST", $"/v3/conversations/{chat.ConversationId}/activities").Count);
    }
}
