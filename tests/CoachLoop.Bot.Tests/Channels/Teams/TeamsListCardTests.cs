using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Support;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary>A group card in Teams acts like the flags it holds: each viewer's refresh keeps the row buttons they may use, and "Open card" costs no one the list.</summary>
public sealed class TeamsListCardTests
{
    private static async Task<TeamsHost> GroupPostedAsync()
    {
        // A busy channel: from the second flag on, flags are grouped.
        var host = await TeamsHost.StartAsync(new Dictionary<string, string?> { ["Delivery:GroupAfter"] = "1" });
        await TeamsScenario.LinkEastAsync(host);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.PostAsync(TeamsFixtures.Load("installationUpdate-add-team.json", host.Connector.ServiceUrl))).StatusCode);
        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Morgan, TeamsScenario.Ana, TeamsScenario.Riley);
        TeamsScenario.OnRoster(host, "29:morgan", "aad-morgan", "morgan@example.com");
        TeamsScenario.OnRoster(host, "29:riley", "aad-riley", "riley@example.com");
        var batch = new JsonArray();
        for (var i = 0; i < 8; i++)
        {
            batch.Add(Json.Call($"q{i}", callTime: $"2026-11-19T{10 + i}:00:00Z", agent: i % 2 == 0 ? "ana@example.com" : "ben@example.com"));
        }

        await host.Chat.PostCallAsync(new JsonObject { ["calls"] = batch });
        await host.Chat.DispatchAsync();
        return host;
    }

    private static JsonObject GroupCard(TeamsHost host) =>
        host.Connector.Where("POST", $"/v3/conversations/{TeamsScenario.Channel}/activities").Select(c => c.Body?["attachments"]?[0]?["content"])
            .OfType<JsonObject>().Single(c => (string?)c["refresh"]?["action"]?["data"]?["kind"] == "notice");

    private static async Task<JsonObject> RefreshAsync(TeamsHost host, string userId)
    {
        var data = TeamsScenario.ExecuteData(GroupCard(host), "refresh");
        var body = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(TeamsScenario.Execute(host, userId, "refresh", data, $"refresh-{Guid.NewGuid():N}")));
        return JsonNode.Parse(body.GetProperty("value").GetRawText())!.AsObject();
    }

    [Fact]
    public async Task TheManagersRefreshOfAGroupCardKeepsEachRowsApproveButtonAndAReviewerGetsOnlyOpenCard()
    {
        await using var host = await GroupPostedAsync();
        var posted = GroupCard(host);
        Assert.Contains("29:morgan", posted["refresh"]!["userIds"]!.AsArray().Select(n => (string?)n));

        var manager = await RefreshAsync(host, "29:morgan");
        var reviewer = await RefreshAsync(host, "29:riley");

        var opens = TeamsScenario.Verbs(manager).Count(v => v == "openCard");
        Assert.True(opens >= 2, $"only {opens} rows");
        Assert.True(TeamsScenario.Verbs(manager).Count(v => v == "approvePractice") >= 2, string.Join(",", TeamsScenario.Verbs(manager)));
        Assert.Equal(Enumerable.Repeat("openCard", opens), TeamsScenario.Verbs(reviewer));
        await AdaptiveCardSchema.AssertValidAsync(manager);
        await AdaptiveCardSchema.AssertValidAsync(reviewer);
    }

    [Fact]
    public async Task OpenCardLeavesTheGroupCardInPlaceAndDeliversTheFlagsCardToTheClickersChat()
    {
        await using var host = await GroupPostedAsync();
        var manager = await RefreshAsync(host, "29:morgan");
        var data = TeamsScenario.ExecuteData(manager, "openCard");
        var before = host.Connector.Where("POST", "/v3/conversations/a:").Count;

        var body = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(TeamsScenario.Execute(host, "29:morgan", "openCard", data, "open-1")));

        var answered = JsonNode.Parse(body.GetProperty("value").GetRawText())!;
        Assert.Equal("notice", (string?)answered["refresh"]!["action"]!["data"]!["kind"]);
        Assert.Equal(TeamsScenario.Verbs(manager).Count(v => v == "approvePractice"), TeamsScenario.Verbs(answered).Count(v => v == "approvePractice"));
        var sent = host.Connector.Where("POST", "/v3/conversations/a:").Skip(before).Select(c => c.Body!["attachments"]![0]!["content"]!).Single();
        Assert.Equal("flag", (string?)sent["refresh"]!["action"]!["data"]!["kind"]);
        Assert.Equal((string?)data["subjectId"], (string?)sent["refresh"]!["action"]!["data"]!["subjectId"]);
        Assert.Contains("approvePractice", TeamsScenario.Verbs(sent));
        await AdaptiveCardSchema.AssertValidAsync(sent);
    }
}
