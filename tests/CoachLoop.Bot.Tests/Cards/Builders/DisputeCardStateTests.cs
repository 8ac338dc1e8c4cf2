using CoachLoop.Bot.Cards;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Cards.Builders;

/// <summary>A decided dispute says so at a glance and keeps who opened and who decided it.</summary>
public sealed class DisputeCardStateTests
{
    [Fact]
    public async Task AnUpheldDisputeShowsItsBadgeAndKeepsWhoOpenedAndWhoDecidedIt()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        var flag = await chat.FlagAsync();
        await chat.ActAsync("ana@example.com", "disputeScore", "agent-score", flag.Id, flag.Revision, new Dictionary<string, string> { ["reason"] = "Said at 00:00:20" });
        var dispute = await app.WithDbAsync(db => db.Disputes.SingleAsync());
        var open = await CardFor.BuildAsync(app, CardKinds.Dispute, dispute.Id);
        await chat.ActAsync("riley@example.com", "upholdDispute", "dispute", dispute.Id, 0, new Dictionary<string, string> { ["upholdNote"] = "Not said" });

        var card = await CardFor.BuildAsync(app, CardKinds.Dispute, dispute.Id);

        Assert.Equal("For Morgan Lee, the team's reviewers and QA leads", open.ActionsFor);
        Assert.Equal("Upheld", card.Badge);
        Assert.Null(card.ActionsFor);
        Assert.Equal(
            ["Dispute opened by Ana Ruiz, 20 Nov 2026, 09:00 UTC", "Upheld by Riley Chen, 20 Nov 2026, 09:00 UTC: Not said"],
            card.History.Select(CardHistoryText.Line));
    }
}
