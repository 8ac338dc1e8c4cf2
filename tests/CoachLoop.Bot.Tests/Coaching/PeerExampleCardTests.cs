using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Channels.Slack;
using CoachLoop.Bot.Tests.Channels.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Coaching;

/// <summary>
/// A flag card shows a peer's words on the same criterion ("what good sounds like"): a teammate first, else another team; named
/// or not by setting; the agent never sees the peer's score, in any channel's payload.
/// </summary>
public sealed class PeerExampleCardTests
{
    // The peer's score as a number of its own: the payloads carry ids (GUIDs, Slack ts) in which "92" may occur by chance.
    private const string PeerScore = @"(?<![\w.-])92(?![\w-])";

    private const string BensWords = "I can hear how frustrating that fee is; let me fix it with you now.";

    /// <summary>A call that passes everything, with a quote for empathy scored <paramref name="empathy"/>.</summary>
    internal static JsonObject GoodCall(string callId, string agent, decimal empathy = 92, string callTime = "2026-11-19T07:00:00Z", string quote = BensWords)
    {
        var call = Json.Call(callId, empathy: empathy, agent: agent, callTime: callTime);
        call["scores"]![1] = Json.Score("empathy", empathy, quote, "00:03:10");
        return call;
    }

    private static async Task<Card> CardAsync(CoachLoopApp app, string kind, string callId = "call-1")
    {
        var id = await app.WithDbAsync(db => db.Flags.Where(f => f.CallId == callId).Select(f => f.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CardFactory>().BuildAsync(kind, id, CancellationToken.None))!;
    }

    private static string Text(Card card) => AdaptiveCardRenderer.Render(card).ToJsonString();

    [Fact]
    public async Task SlackShowsTheManagerATeammatesWordsAndScoreAndTheAgentTheWordsWithoutAnyScore()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(GoodCall("ben-good", "ben@example.com"));
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        var manager = slack.LastPostTo(SlackHost.ManagerChannel).Texts("blocks");
        var agent = slack.LastPostTo("D" + SlackHost.Ana).Texts("blocks");

        Assert.Contains("What good sounds like", manager, StringComparison.Ordinal);
        Assert.Contains("A teammate", manager, StringComparison.Ordinal);
        Assert.Contains("I can hear how frustrating that fee is", manager, StringComparison.Ordinal);
        Assert.Contains("00:03:10", manager, StringComparison.Ordinal);
        Assert.Contains("Scored 92", manager, StringComparison.Ordinal);
        Assert.Contains("I can hear how frustrating that fee is", agent, StringComparison.Ordinal);
        Assert.Contains("A teammate", agent, StringComparison.Ordinal);
        Assert.DoesNotContain("Scored", agent, StringComparison.Ordinal);
        Assert.DoesNotMatch(PeerScore, slack.LastPostTo("D" + SlackHost.Ana).Body);
        Assert.DoesNotContain("Ben Okafor", agent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsGivesTheAgentThePeersWordsWithoutTheirScore()
    {
        await using var host = await TeamsHost.StartAsync();
        await TeamsScenario.ImportTeamsIdsAsync(host, TeamsScenario.Ana);
        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await host.PostAsync(TeamsFixtures.Load("installationUpdate-add-team.json", host.Connector.ServiceUrl))).StatusCode);
        await host.Chat.PostCallAsync(GoodCall("ben-good", "ben@example.com"));
        await host.Chat.PostCallAsync(Json.Call());
        await host.Chat.DispatchAsync();

        var cards = host.Connector.Where("POST", "/v3/conversations/").Where(c => c.Body?["attachments"] is not null)
            .Select(c => c.Body!["attachments"]![0]!["content"]!.ToJsonString()).ToList();
        var agent = Assert.Single(cards, c => c.Contains("Your score on", StringComparison.Ordinal));

        Assert.Contains("I can hear how frustrating that fee is", agent, StringComparison.Ordinal);
        Assert.DoesNotContain("Scored", agent, StringComparison.Ordinal);
        Assert.DoesNotMatch(PeerScore, agent);
        await AdaptiveCardSchema.AssertValidAsync(JsonNode.Parse(agent)!);
    }

    [Fact]
    public async Task WithoutATeammatesCallAnotherTeamsIsShownUnnamedAndWithoutAScoreEvenToTheManager()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var chat = new Chat(app);
        await chat.PostCallAsync(GoodCall("sam-good", "sam@example.com", empathy: 95));
        await chat.PostCallAsync(GoodCall("ben-meh", "ben@example.com", empathy: 70, quote: "Fine, I'll look into it."));
        await chat.PostCallAsync(Json.Call());

        var manager = Text(await CardAsync(app, CardKinds.Flag));

        Assert.Contains("An agent in another team", manager, StringComparison.Ordinal);
        Assert.Contains("I can hear how frustrating that fee is", manager, StringComparison.Ordinal);
        Assert.DoesNotContain("Scored", manager, StringComparison.Ordinal);
        Assert.DoesNotContain("look into it", manager, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Patel", manager, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNamedSettingNamesThePeerAndOffShowsNone()
    {
        await using var named = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?> { ["Cards:PeerExamples"] = "Named" });
        await new Chat(named).PostCallAsync(GoodCall("ben-good", "ben@example.com"));
        await new Chat(named).PostCallAsync(Json.Call());
        await using var off = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?> { ["Cards:PeerExamples"] = "Off" });
        await new Chat(off).PostCallAsync(GoodCall("ben-good", "ben@example.com"));
        await new Chat(off).PostCallAsync(Json.Call());

        Assert.Contains("Ben Okafor (same team)", Text(await CardAsync(named, CardKinds.Flag)), StringComparison.Ordinal);
        Assert.Contains("Ben Okafor (same team)", Text(await CardAsync(named, CardKinds.AgentScore)), StringComparison.Ordinal);
        Assert.DoesNotContain("What good sounds like", Text(await CardAsync(off, CardKinds.Flag)), StringComparison.Ordinal);
        Assert.DoesNotContain("What good sounds like", Text(await CardAsync(off, CardKinds.AgentScore)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAgentsOwnGoodCallAnOldCallOrAnotherCriterionIsNeverTheExample()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var chat = new Chat(app);
        await chat.PostCallAsync(GoodCall("ana-good", "ana@example.com"));
        await chat.PostCallAsync(GoodCall("ben-old", "ben@example.com", callTime: "2026-10-01T07:00:00Z"));
        var otherCriterion = GoodCall("ben-other", "ben@example.com", empathy: 70);
        otherCriterion["scores"]![4] = Json.Score("ownership", 99, "I'll own this until it's fixed.", "00:01:00");
        await chat.PostCallAsync(otherCriterion);
        await chat.PostCallAsync(Json.Call());

        Assert.Null((await chat.FlagAsync()).PeerScoreId);
        Assert.DoesNotContain("What good sounds like", Text(await CardAsync(app, CardKinds.Flag)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExampleIsChosenOnceAndStaysWhenABetterCallArrivesAndTheCardChanges()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(GoodCall("ben-good", "ben@example.com"));
        await chat.PostCallAsync(Json.Call());
        var chosen = (await chat.FlagAsync()).PeerScoreId;
        await chat.PostCallAsync(GoodCall("ben-better", "ben@example.com", empathy: 100, callTime: "2026-11-20T08:00:00Z", quote: "Newer words."));
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice");

        Assert.NotNull(chosen);
        Assert.Equal(chosen, (await chat.FlagAsync()).PeerScoreId);
        Assert.Contains("I can hear how frustrating that fee is", Text(await CardAsync(app, CardKinds.Flag)), StringComparison.Ordinal);
    }
}
