using CoachLoop.Bot.Cards;

namespace CoachLoop.Bot.Tests.Cards.Builders;

/// <summary>The agent's own card tells them what the manager did and whether they can still dispute.</summary>
public sealed class AgentScoreCardStateTests
{
    [Fact]
    public async Task AfterTheManagerResolvesAComplianceFlagTheAgentCardSaysSoIsNoLongerUrgentAndTheScoreCanNoLongerBeDisputed()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call(empathy: 90, disclosure: 0));
        await chat.ActOnFlagAsync("morgan@example.com", "resolve", new Dictionary<string, string> { ["note"] = "Coached live" });

        var card = await CardFor.BuildAsync(app, CardKinds.AgentScore, (await chat.FlagAsync()).Id);

        Assert.Equal("Resolved", card.Badge);
        Assert.NotEqual(CardTone.Urgent, card.Tone);
        Assert.Empty(card.Actions);
        Assert.Contains("Your manager resolved this flag by Morgan Lee, 20 Nov 2026, 09:00 UTC: Coached live.", card.Status, StringComparison.Ordinal);
        Assert.Contains("can no longer be disputed", card.Status, StringComparison.Ordinal);
        Assert.DoesNotContain("URGENT", Bot.Cards.BlockKit.BlockKitRenderer.Fallback(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisputeOpenedBeforeTheManagerResolvedStillStandsAndTheAgentCardSaysSo()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call(empathy: 90, disclosure: 0));
        var flag = await chat.FlagAsync();
        await chat.ActAsync("ana@example.com", "disputeScore", "agent-score", flag.Id, flag.Revision, new Dictionary<string, string> { ["reason"] = "Said at 00:00:20" });
        await chat.ActOnFlagAsync("morgan@example.com", "resolve");

        var card = await CardFor.BuildAsync(app, CardKinds.AgentScore, flag.Id);

        Assert.Contains("Your manager resolved this flag", card.Status, StringComparison.Ordinal);
        Assert.Contains("the dispute still stands although the flag is closed", card.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheManagerDismissesTheAgentCardSaysNoCoachingIsPlanned()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        await chat.ActOnFlagAsync("morgan@example.com", "dismiss", new Dictionary<string, string> { ["reason"] = "Outage" });

        var card = await CardFor.BuildAsync(app, CardKinds.AgentScore, (await chat.FlagAsync()).Id);

        Assert.Equal("Dismissed", card.Badge);
        Assert.Contains("Your manager dismissed this flag by Morgan Lee", card.Status, StringComparison.Ordinal);
        Assert.DoesNotContain("Outage", card.Status, StringComparison.Ordinal);
    }
}
