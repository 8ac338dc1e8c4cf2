using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>Universal Actions user-specific views: the shared card shows nobody buttons; each viewer's refresh answers their own.</summary>
public sealed class TeamsPerUserViewTests
{
    private static async Task<TeamsHost> PostedWithImportedIdsAsync(bool installed = false)
    {
        var host = await TeamsHost.StartAsync();
        await TeamsScenario.LinkEastAsync(host);
        if (installed)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await host.PostAsync(TeamsFixtures.Load("installationUpdate-add-team.json", host.Connector.ServiceUrl))).StatusCode);
        }

        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Morgan, TeamsScenario.Ana, TeamsScenario.Riley);
        TeamsScenario.OnRoster(host, "29:morgan", "aad-morgan", "morgan@example.com");
        TeamsScenario.OnRoster(host, "29:ana", "aad-ana", "ana@example.com");
        TeamsScenario.OnRoster(host, "29:riley", "aad-riley", "riley@example.com");
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();
        return host;
    }

    private static JsonArray UserIds(JsonNode card) => card["refresh"]!["userIds"]!.AsArray();

    [Fact]
    public async Task ChannelCardShowsNoButtonsAndListsThePeopleWhoMayActForTheirOwnRefresh()
    {
        await using var host = await PostedWithImportedIdsAsync();

        var posted = TeamsScenario.PostedCard(host);
        Assert.Empty(TeamsScenario.Verbs(posted));
        // Only the manager may act on a flag card (the team has no coach): the reviewer and the agent are not listed.
        Assert.Equal(["29:morgan"], UserIds(posted).Select(n => (string?)n));
        Assert.Equal("refresh", (string?)posted["refresh"]!["action"]!["verb"]);
        await AdaptiveCardSchema.AssertValidAsync(posted);
        // The 29: id was looked up once by Entra object id and kept for the next cards.
        Assert.Single(host.Connector.Where("GET", $"/v3/conversations/{TeamsScenario.Channel}/members/aad-morgan"));
        Assert.Equal("29:morgan", await host.App.WithDbAsync(db => db.ChatIdentities.Where(c => c.ExternalUserId == "aad-morgan").Select(c => c.ChannelUserId).SingleAsync()));

        await host.Chat.PostCallAsync(Json.Call(callId: "call-2", callTime: "2026-11-20T08:00:00Z"));
        await host.Chat.DispatchAsync();
        Assert.Single(host.Connector.Where("GET", "/v3/conversations/"), c => c.Path.EndsWith("/members/aad-morgan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachViewersRefreshAnswersTheCardWithTheirOwnActions()
    {
        await using var host = await PostedWithImportedIdsAsync();

        var manager = await TeamsScenario.ViewAsync(host, "29:morgan");
        var reviewer = await TeamsScenario.ViewAsync(host, "29:riley");
        var agent = await TeamsScenario.ViewAsync(host, "29:ana");

        Assert.Contains("approvePractice", TeamsScenario.Verbs(manager));
        Assert.Empty(TeamsScenario.Verbs(reviewer));
        Assert.Empty(TeamsScenario.Verbs(agent));
        foreach (var card in new[] { manager, reviewer, agent })
        {
            await AdaptiveCardSchema.AssertValidAsync(card);
        }
    }

    [Fact]
    public async Task TheUpdatedSharedCardStillShowsNoButtonsWhileTheManagersViewMovesOn()
    {
        await using var host = await PostedWithImportedIdsAsync();
        var data = TeamsScenario.ExecuteData(await TeamsScenario.ViewAsync(host, "29:morgan"), "approvePractice");

        var body = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(TeamsScenario.Execute(host, "29:morgan", "approvePractice", data, "click-1")));
        Assert.Contains("logSession", TeamsScenario.Verbs(JsonNode.Parse(body.GetProperty("value").GetRawText())!));

        await host.Chat.DispatchAsync();
        var update = Assert.Single(host.Connector.Where("PUT", $"/v3/conversations/{TeamsScenario.Channel}/activities/")).Body!["attachments"]![0]!["content"]!;
        Assert.Empty(TeamsScenario.Verbs(update));
        Assert.Equal(["29:morgan"], UserIds(update).Select(n => (string?)n));
    }

    [Fact]
    public async Task AnAgentsOwnCardInTheirChatKeepsTheirButtons()
    {
        await using var host = await PostedWithImportedIdsAsync(installed: true);

        var card = Assert.Single(host.Connector.Where("POST", "/v3/conversations/a:")).Body!["attachments"]![0]!["content"]!;
        Assert.Contains("acceptScore", TeamsScenario.Verbs(card));
        Assert.Equal(["29:ana"], UserIds(card).Select(n => (string?)n));
        Assert.Empty(TeamsScenario.Verbs(TeamsScenario.PostedCard(host)));
    }
}
