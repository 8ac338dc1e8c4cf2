using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Tests.Cards.AdaptiveCards;
using CoachLoop.Bot.Tests.Cards.BlockKit;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Cards.Lists;

/// <summary>The open-flags card: every open flag by state, each row one click from its actions, buttons only for those who may press them.</summary>
public sealed class OpenFlagsCardTests
{
    private static async Task<Card> OpenFlagsAsync(CoachLoopApp app, Chat chat, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<CardFactory>();
        return (await factory.BuildOpenFlagsAsync(await chat.IdOfAsync(email), CancellationToken.None))!;
    }

    [Fact]
    public async Task ManagersOpenFlagsListEveryOpenFlagByStateWithItsNextStepAndAnOpenCardOnEachRow()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call("c1"));
        await chat.PostCallAsync(Json.Call("c2", agent: "ben@example.com"));
        await chat.PostCallAsync(Json.Call("c3", empathy: 90, disclosure: 0));
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "c2");

        var card = await OpenFlagsAsync(app, chat, "morgan@example.com");

        Assert.Equal(CardKinds.OpenFlags, card.Kind);
        Assert.Equal(3, card.Rows.Count);
        Assert.Equal(["Waiting for practice approval", "Waiting for practice approval", "Practice approved: session to log"], card.Rows.Select(r => r.Group));
        Assert.True(card.Rows[0].Urgent, "compliance comes first within its state");
        var approved = card.Rows.Single(r => r.Group.StartsWith("Practice approved", StringComparison.Ordinal));
        Assert.Equal([CardVerbs.LogSession, CardVerbs.OpenCard], approved.Actions.Select(a => a.Verb));
        var c2 = await chat.FlagAsync("c2");
        Assert.All(approved.Actions, a => Assert.Equal((c2.Id.ToString(), c2.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (a.Data[CardData.SubjectId], a.Data[CardData.Version])));
        Assert.Contains(card.Rows, r => r.Actions.Any(a => a.Verb == CardVerbs.ApprovePractice));
        await AdaptiveCardSchema.AssertValidAsync(AdaptiveCardRenderer.Render(card));
        var slack = BlockKitRenderer.Render(card);
        Assert.Empty(BlockKitLimits.MessageProblems(slack.Blocks, slack.Text));
        Assert.Equal(3, slack.Blocks.Count(b => b!["type"]!.GetValue<string>() == "actions"));
    }

    [Fact]
    public async Task TheTeamsReviewerSeesTheOpenFlagsWithoutApproveButtonsButCanStillOpenEachCard()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call("c1"));

        var card = await OpenFlagsAsync(app, chat, "riley@example.com");

        var row = Assert.Single(card.Rows);
        Assert.Equal([CardVerbs.OpenCard], row.Actions.Select(a => a.Verb));
    }

    [Fact]
    public async Task AnAgentsOpenFlagsAreTheirOwnScoresWithAcceptAndOpenCard()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call("c1"));
        await chat.PostCallAsync(Json.Call("c2", agent: "ben@example.com"));

        var card = await OpenFlagsAsync(app, chat, "ana@example.com");

        var row = Assert.Single(card.Rows);
        Assert.Equal([CardVerbs.AcceptScore, CardVerbs.OpenCard], row.Actions.Select(a => a.Verb));
        Assert.All(row.Actions, a => Assert.Equal(CardKinds.AgentScore, a.Data[CardData.Kind]));
    }

    [Fact]
    public async Task OpenCardAnswersWithTheFlagsFullCardForTheClickerAndChangesNothing()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call("c1"));
        var before = await chat.FlagAsync("c1");

        var manager = await chat.ActOnFlagAsync("morgan@example.com", "openCard", callId: "c1");
        var reviewer = await chat.ActOnFlagAsync("riley@example.com", "openCard", callId: "c1");

        Assert.Equal("done", manager.GetProperty("outcome").GetString());
        Assert.Contains("Coaching: Empathy", manager.GetProperty("card").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("approvePractice", manager.GetProperty("card").GetProperty("actions").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("done", reviewer.GetProperty("outcome").GetString());
        Assert.False(reviewer.GetProperty("card").TryGetProperty("actions", out _), "the reviewer may not act, so the card has no buttons for them");
        var after = await chat.FlagAsync("c1");
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(["raised"], await chat.FlagHistoryAsync(after.Id));
    }
}
