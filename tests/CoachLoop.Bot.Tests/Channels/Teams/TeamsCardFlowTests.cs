using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Teams;

public sealed class TeamsCardFlowTests
{
    [Fact]
    public async Task FlagCardIsPostedToTheLinkedChannelWithABotTokenAndPassesTheSchema()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var post = Assert.Single(host.Connector.Where("POST", $"/v3/conversations/{TeamsScenario.Channel}/activities"));
        Assert.Equal("Bearer bot-token-1", post.Authorization);
        Assert.Equal("message", (string?)post.Body!["type"]);
        // The Activity schema has no top-level tenant; the notification preview names the card instead of "sent a card".
        Assert.False(post.Body.AsObject().ContainsKey("tenant"));
        Assert.Equal("Coaching: Empathy · Ana Ruiz · call call-1 · 20 Nov 2026, 07:00 UTC", (string?)post.Body["summary"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)post.Body["attachments"]![0]!["contentType"]);
        await AdaptiveCardSchema.AssertValidAsync(TeamsScenario.PostedCard(host));
        Assert.Equal("act-1", await host.App.WithDbAsync(db => db.CardPosts.Where(p => p.Channel == "teams").Select(p => p.MessageRef).SingleAsync()));
    }

    [Fact]
    public async Task ManagerApprovesFromTheCardAndGetsTheRefreshedCardThenTheSharedMessageIsUpdated()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var data = TeamsScenario.ExecuteData(await TeamsScenario.ViewAsync(host, "29:morgan"), "approvePractice");

        var body = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(TeamsScenario.Execute(host, "29:morgan", "approvePractice", data, "click-1")));

        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        await TeamsScenario.AssertCardValidAsync(body.GetProperty("value"));
        Assert.Contains("approved", body.GetProperty("value").GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("PracticeApproved", (await host.Chat.FlagAsync()).Status.ToString());
        Assert.Equal(["adaptiveCard/action", "adaptiveCard/action"], host.Handled); // the refresh that showed the button, then the click
        Assert.True(await host.App.WithDbAsync(db => db.ChatIdentities.AnyAsync(c => c.Provider == "teams" && c.ExternalUserId == "aad-morgan")));

        await host.Chat.DispatchAsync();
        var update = Assert.Single(host.Connector.Where("PUT", $"/v3/conversations/{TeamsScenario.Channel}/activities/act-1"));
        await AdaptiveCardSchema.AssertValidAsync(update.Body!["attachments"]![0]!["content"]!);
        Assert.False(update.Body.AsObject().ContainsKey("tenant"));
        Assert.StartsWith("Practice approved · Coaching: Empathy", (string?)update.Body["summary"], StringComparison.Ordinal);
        Assert.Equal(1, host.Issuer.TokenRequests);
    }

    [Fact]
    public async Task TheSameClickDeliveredTwiceActsOnce()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var data = TeamsScenario.ExecuteData(await TeamsScenario.ViewAsync(host, "29:morgan"), "approvePractice");
        var click = TeamsScenario.Execute(host, "29:morgan", "approvePractice", data, "click-1");
        await TeamsScenario.InvokeBodyAsync(await host.PostAsync(click));
        var again = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(click));
        Assert.Equal("application/vnd.microsoft.card.adaptive", again.GetProperty("type").GetString());
        Assert.Single(await host.Chat.FlagHistoryAsync((await host.Chat.FlagAsync()).Id), a => a.Contains("approve", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AgentCannotApproveAndSeesTheCurrentCardWithTheReason()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var data = TeamsScenario.ExecuteData(await TeamsScenario.ViewAsync(host, "29:morgan"), "approvePractice");
        var body = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(TeamsScenario.Execute(host, "29:ana", "approvePractice", data, "click-ana")));
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        await TeamsScenario.AssertCardValidAsync(body.GetProperty("value"));
        Assert.Equal("Raised", (await host.Chat.FlagAsync()).Status.ToString());
        await host.Chat.DispatchAsync();
        Assert.Empty(host.Connector.Where("PUT", "/v3/"));
    }

    [Fact]
    public async Task RefreshReturnsTheCurrentCard()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var data = TeamsScenario.ExecuteData(TeamsScenario.PostedCard(host), "refresh");
        var body = await TeamsScenario.InvokeBodyAsync(await host.PostAsync(TeamsScenario.Execute(host, "29:morgan", "refresh", data, "refresh-1")));
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        await TeamsScenario.AssertCardValidAsync(body.GetProperty("value"));
    }

    [Fact]
    public async Task ActionSubmitFromAnOlderClientRunsThroughTheSamePipelineAndIsAnsweredWithAReply()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var data = TeamsScenario.ExecuteData(await TeamsScenario.ViewAsync(host, "29:morgan"), "approvePractice");
        data["verb"] = "approvePractice";
        var submit = TeamsFixtures.Load("message-value-messageBack.json", host.Connector.ServiceUrl);
        submit.Remove("text");
        submit["value"] = data;
        submit["from"] = new JsonObject { ["id"] = "29:morgan" };
        submit["channelData"]!["tenant"]!["id"] = TeamsScenario.Tenant;

        var response = await host.PostAsync(submit);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["adaptiveCard/action", "submit"], host.Handled);
        Assert.Equal("PracticeApproved", (await host.Chat.FlagAsync()).Status.ToString());
        Assert.Single(host.Connector.Where("POST", "/v3/conversations/19:malejcou081i20ojmlcau0@thread.skype;messageid=1498171086622/activities/f:5261769396935243054"));
    }

    [Fact]
    public async Task SubmitArrivingAsANamelessInvokeIsTreatedLikeASubmitMessage()
    {
        await using var host = await TeamsScenario.FlagPostedAsync();
        var data = TeamsScenario.ExecuteData(await TeamsScenario.ViewAsync(host, "29:morgan"), "approvePractice");
        data["verb"] = "approvePractice";
        var invoke = TeamsScenario.Execute(host, "29:morgan", "approvePractice", data.DeepClone().AsObject(), "nameless-1");
        invoke.Remove("name");
        invoke["value"] = data;

        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.PostAsync(invoke)).StatusCode);
        Assert.Equal(["adaptiveCard/action", "submit"], host.Handled);
        Assert.Equal("PracticeApproved", (await host.Chat.FlagAsync()).Status.ToString());
    }
}
