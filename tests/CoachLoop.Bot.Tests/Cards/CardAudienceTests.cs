using CoachLoop.Bot.Cards;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Cards;

/// <summary>Who may press a card's buttons: the people a shared card is tailored for.</summary>
public sealed class CardAudienceTests
{
    private static async Task<(CoachLoopApp App, Chat Chat)> StartWithFlagAndStaffAsync()
    {
        var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var staff = await scope.ServiceProvider.GetRequiredService<DirectoryStore>().UpsertAsync(
            [
                Samples.Person("cleo@example.com", "Cleo Coach", PersonRole.Coach, Samples.TeamKey),
                Samples.Person("west.coach@example.com", "Wes Coach", PersonRole.Coach, Samples.OtherTeamKey),
                Samples.Person("quinn@example.com", "Quinn Lead", PersonRole.QaLead, null),
            ], Actor.System("test"));
            Assert.Empty(staff.Errors);
        }

        await chat.PostCallAsync(Json.Call());
        return (app, chat);
    }

    private static async Task<List<string>> ActorsAsync(CoachLoopApp app, string kind, Guid flagId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.CoachLoopDbContext>();
        var flag = await db.Flags.AsNoTracking().SingleAsync(f => f.Id == flagId);
        var people = await scope.ServiceProvider.GetRequiredService<CardAudience>().ActorsAsync(kind, flag, CancellationToken.None);
        return people.Select(p => p.Email).ToList();
    }

    [Fact]
    public async Task FlagCardIsForTheAgentsManagerFirstThenTheTeamsCoachesAndNobodyElse()
    {
        var (app, chat) = await StartWithFlagAndStaffAsync();
        await using var host = app;
        var flag = await chat.FlagAsync();

        Assert.Equal(["morgan@example.com", "cleo@example.com"], await ActorsAsync(app, CardKinds.Flag, flag.Id));
    }

    [Fact]
    public async Task AgentCardIsForTheAgentOnly()
    {
        var (app, chat) = await StartWithFlagAndStaffAsync();
        await using var host = app;
        var flag = await chat.FlagAsync();

        Assert.Equal(["ana@example.com"], await ActorsAsync(app, CardKinds.AgentScore, flag.Id));
    }

    [Fact]
    public async Task DisputeCardIsForTheManagerTheTeamsReviewersAndQaLeads()
    {
        var (app, chat) = await StartWithFlagAndStaffAsync();
        await using var host = app;
        var flag = await chat.FlagAsync();

        Assert.Equal(["morgan@example.com", "quinn@example.com", "riley@example.com"], await ActorsAsync(app, CardKinds.Dispute, flag.Id));
    }

    [Theory]
    [InlineData(CardKinds.Flag, "For Morgan Lee and the team's coaches")]
    [InlineData(CardKinds.AgentScore, "For Ana Ruiz only")]
    [InlineData(CardKinds.Dispute, "For Morgan Lee, the team's reviewers and QA leads")]
    public void AudienceIsNamedInPlainWords(string kind, string expected) =>
        Assert.Equal(expected, CardAudience.Describe(kind, "Morgan Lee", "Ana Ruiz"));

    [Fact]
    public void ACardShownToSomeoneWhoMayNotActHasNoButtons()
    {
        var card = new Card(CardKinds.Flag, Guid.NewGuid(), 1, "t", null, CardTone.Default, [], null, null, [], null,
            [new(CardVerbs.ApprovePractice, "Approve practice", CardActionStyle.Primary, new Dictionary<string, string>(), [])], "t")
        { ActionsFor = "For Morgan Lee and the team's coaches" };

        Assert.Single(card.ForViewer(mayAct: true).Actions);
        Assert.Empty(card.ForViewer(mayAct: false).Actions);
        Assert.Null(card.ForViewer(mayAct: false).ActionsFor);
    }
}
