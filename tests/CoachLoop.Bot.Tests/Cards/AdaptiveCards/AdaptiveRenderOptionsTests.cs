using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;

namespace CoachLoop.Bot.Tests.Cards.AdaptiveCards;

/// <summary>Universal Actions refresh and Teams' full width.</summary>
public sealed class AdaptiveRenderOptionsTests
{
    [Fact]
    public async Task RefreshAsksTheBotForTheCurrentCardOfThisSubjectAndVersionForTheListedUsers()
    {
        var json = AdaptiveCardRenderer.Render(SampleCards.Full(), new AdaptiveRenderOptions { RefreshUserIds = ["29:manager", "29:agent"] });

        await AdaptiveCardSchema.AssertValidAsync(json);
        var refresh = json["refresh"]!;
        Assert.Equal("Action.Execute", (string?)refresh["action"]!["type"]);
        Assert.Equal(CardVerbs.Refresh, (string?)refresh["action"]!["verb"]);
        Assert.True(JsonNode.DeepEquals(
            new JsonObject { ["kind"] = CardKinds.Flag, ["subjectId"] = SampleCards.SubjectId.ToString(), ["v"] = "3" },
            refresh["action"]!["data"]));
        Assert.Equal(["29:manager", "29:agent"], refresh["userIds"]!.AsArray().Select(u => (string?)u));
    }

    [Fact]
    public async Task RefreshListsAtMostSixtyDistinctUsersKeepingTheFirst()
    {
        var ids = Enumerable.Range(1, 70).Select(i => $"29:user-{i}").Prepend("29:user-1").ToList();

        var json = AdaptiveCardRenderer.Render(SampleCards.Minimal(), new AdaptiveRenderOptions { RefreshUserIds = ids });

        await AdaptiveCardSchema.AssertValidAsync(json);
        var userIds = json["refresh"]!["userIds"]!.AsArray().Select(u => (string?)u).ToList();
        Assert.Equal(AdaptiveCardRenderer.MaxRefreshUserIds, userIds.Count);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"29:user-{i}"), userIds);
    }

    [Fact]
    public async Task EmptyUserListKeepsTheRefreshManualOnly()
    {
        var json = AdaptiveCardRenderer.Render(SampleCards.Minimal(), new AdaptiveRenderOptions { RefreshUserIds = [] });

        await AdaptiveCardSchema.AssertValidAsync(json);
        Assert.Empty(json["refresh"]!["userIds"]!.AsArray());
    }

    [Fact]
    public void NoUserListMeansNoRefreshAndNoFullWidthByDefault()
    {
        var json = AdaptiveCardRenderer.Render(SampleCards.Full(), new AdaptiveRenderOptions());

        Assert.False(json.ContainsKey("refresh"));
        Assert.False(json.ContainsKey("msteams"));
    }

    [Fact]
    public async Task FullWidthSetsTeamsWidthToFull()
    {
        var json = AdaptiveCardRenderer.Render(SampleCards.Minimal(), new AdaptiveRenderOptions { FullWidth = true });

        await AdaptiveCardSchema.AssertValidAsync(json);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["width"] = "Full" }, json["msteams"]));
    }

    [Theory]
    [InlineData(CardKinds.Flag)]
    [InlineData(CardKinds.AgentScore)]
    [InlineData(CardKinds.Dispute)]
    public async Task EveryFeatureAtOnceIsStillAValidCard(string kind)
    {
        var card = SampleCards.Full() with { Kind = kind, Actions = [.. SampleCards.Full().Actions, .. SampleCards.WithActions(4).Actions] };

        var json = AdaptiveCardRenderer.Render(card, new AdaptiveRenderOptions { RefreshUserIds = ["29:a"], FullWidth = true });

        await AdaptiveCardSchema.AssertValidAsync(json);
        Assert.Equal(kind, (string?)json["refresh"]!["action"]!["data"]!["kind"]);
    }
}
