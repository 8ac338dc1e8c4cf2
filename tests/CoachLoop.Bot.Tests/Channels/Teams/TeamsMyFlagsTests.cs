using System.Net;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Channels.Teams.Handlers;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Teams;

/// <summary><c>my flags</c> answers with cards the person can act on, capped, saying how many more there are.</summary>
public sealed class TeamsMyFlagsTests
{
    private static JsonObject Ask(TeamsHost host, string userId, string aad, string id)
    {
        var message = TeamsFixtures.Load("message-personal.json", host.Connector.ServiceUrl);
        message["text"] = "my flags";
        message["id"] = id;
        message["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = aad };
        return message;
    }

    private static List<JsonNode> CardsPosted(TeamsHost host) =>
        host.Connector.Calls.Where(c => c.Method == "POST" && c.Body?["attachments"] is not null)
            .Select(c => c.Body!["attachments"]![0]!["content"]!).ToList();

    private static string ReplyText(TeamsHost host) =>
        (string)host.Connector.Calls.Single(c => c.Method == "POST" && c.Body?["text"] is not null).Body!["text"]!;

    /// <summary>A call that fails every criterion: five flags at once.</summary>
    private static JsonObject FailingEverything(string callId, string agent) =>
        Json.Call(callId: callId, agent: agent, empathy: 30, disclosure: 20) is var call && call["scores"] is JsonArray scores
            ? Fail(call, scores) : call;

    private static JsonObject Fail(JsonObject call, JsonArray scores)
    {
        foreach (var score in scores)
        {
            score!["score"] = Math.Min((decimal)score["score"]!, 30m);
        }

        return call;
    }

    [Fact]
    public async Task AnAgentGetsTheirOpenFlagsAsScoreCardsTheyCanAcceptOrDispute()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Ana);
        await host.Chat.PostCallAsync(Json.Call(disclosure: 20));

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Ask(host, "29:ana", "aad-ana", "ask-1"))).StatusCode);

        Assert.Equal("Open flags: 2.", ReplyText(host));
        var cards = CardsPosted(host);
        Assert.Equal(2, cards.Count);
        foreach (var card in cards)
        {
            Assert.Contains("acceptScore", TeamsScenario.Verbs(card));
            Assert.Equal(["29:ana"], card["refresh"]!["userIds"]!.AsArray().Select(n => (string?)n));
            await AdaptiveCardSchema.AssertValidAsync(card);
        }
    }

    [Fact]
    public async Task AManagerGetsAtMostFiveFlagCardsAndIsToldHowManyMore()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Morgan, ("cy@example.com", "Cy Park", "agent", Samples.TeamKey, "AG-31", 20, "aad-cy"),
            ("dee@example.com", "Dee Moss", "agent", Samples.TeamKey, "AG-32", 20, "aad-dee"));
        foreach (var agent in new[] { "ana", "ben", "cy", "dee" })
        {
            await host.Chat.PostCallAsync(FailingEverything($"call-{agent}", $"{agent}@example.com"));
        }

        var open = await host.App.WithDbAsync(db => db.Flags.CountAsync());
        Assert.True(open > TeamsMyFlags.MaxCards, $"the scenario needs more than {TeamsMyFlags.MaxCards} open flags, got {open}");

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Ask(host, "29:morgan", "aad-morgan", "ask-2"))).StatusCode);

        Assert.Equal($"Open flags: {open}. Here are the 5 with the earliest follow-up; {open - 5} more after them.", ReplyText(host));
        var cards = CardsPosted(host);
        Assert.Equal(TeamsMyFlags.MaxCards, cards.Count);
        Assert.All(cards, card => Assert.NotEmpty(TeamsScenario.Verbs(card)));
    }
}
