using System.Text.Json;
using CoachLoop.Bot.Channels.Web;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Actions;

/// <summary>Card actions end to end through the web channel: roles, stale cards, idempotency, every copy updated.</summary>
public sealed class CardActionTests
{
    private static async Task<(CoachLoopApp App, Chat Chat)> StartWithFlagAsync()
    {
        var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        await chat.DispatchAsync();
        return (app, chat);
    }

    private static IEnumerable<string> Verbs(JsonElement response) =>
        response.GetProperty("card").GetProperty("actions").EnumerateArray()
            .Select(a => a.TryGetProperty("verb", out var v) ? v.GetString()! : a.GetProperty("card").GetProperty("actions")[0].GetProperty("verb").GetString()!);

    [Fact]
    public async Task RaisedFlagPostsTheFlagCardToTheManagerChannelAndTheAgentCardToTheAgent()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;
        var flag = await chat.FlagAsync();

        var messages = await chat.WebMessagesAsync();

        Assert.Equal([("flag", WebConversations.TeamChannel(flag.TeamId!.Value)), ("agent-score", WebConversations.Direct(flag.AgentId))],
            messages.Select(m => (m.CardKind, m.ConversationId)).OrderBy(m => m.CardKind == "flag" ? 0 : 1));
        var card = JsonDocument.Parse(messages.Single(m => m.CardKind == "flag").CardJson).RootElement;
        Assert.Contains("Empathy (25% weight) - scored 45, threshold 60", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerApprovesThePracticeAndEveryCopyOfTheCardChanges()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;

        var response = await chat.ActOnFlagAsync("morgan@example.com", "approvePractice");
        await chat.DispatchAsync();

        Assert.Equal("done", response.GetProperty("outcome").GetString());
        Assert.DoesNotContain("approvePractice", Verbs(response));
        Assert.Contains("logSession", Verbs(response));
        var messages = await chat.WebMessagesAsync();
        Assert.Contains("Practice approved by Morgan Lee", messages.Single(m => m.CardKind == "flag").CardJson, StringComparison.Ordinal);
        Assert.Contains("Your practice", messages.Single(m => m.CardKind == "agent-score").CardJson, StringComparison.Ordinal);
        Assert.Equal(FlagStatus.PracticeApproved, (await chat.FlagAsync()).Status);
    }

    [Theory]
    [InlineData("ana@example.com", "This flag is about your own call")]
    [InlineData("max@example.com", "Only Ana Ruiz's manager or a coach of their team")]
    [InlineData("riley@example.com", "Only Ana Ruiz's manager or a coach of their team")]
    [InlineData("0199f2a0-0000-7000-8000-00000000dead", "You are not in the CoachLoop directory")]
    public async Task SomeoneOutsideTheRoleIsRefusedAndNothingChanges(string who, string refusal)
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;
        var before = await chat.FlagAsync();

        var response = await chat.ActOnFlagAsync(who, "approvePractice");

        Assert.Equal("refused", response.GetProperty("outcome").GetString());
        Assert.StartsWith(refusal, response.GetProperty("message").GetString(), StringComparison.Ordinal);
        var after = await chat.FlagAsync();
        Assert.Equal((FlagStatus.Raised, before.Revision), (after.Status, after.Revision));
        Assert.Equal(["raised"], await chat.FlagHistoryAsync(after.Id));
        Assert.Equal(0, await chat.DispatchAsync());
    }

    [Fact]
    public async Task DoubleClickWithTheSameKeyHasOneEffect()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;

        var first = await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", key: "click-1");
        var again = await chat.ActAsync("morgan@example.com", "approvePractice", "flag", (await chat.FlagAsync()).Id, 0, key: "click-1");

        Assert.Equal(("done", "done"), (first.GetProperty("outcome").GetString(), again.GetProperty("outcome").GetString()));
        Assert.Equal(first.GetProperty("message").GetString(), again.GetProperty("message").GetString());
        Assert.Equal(["raised", "approve-practice"], await chat.FlagHistoryAsync((await chat.FlagAsync()).Id));
    }

    [Fact]
    public async Task ManyClicksAtOnceGiveOneApproval()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;
        var flag = await chat.FlagAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => chat.ActAsync("morgan@example.com", "approvePractice", "flag", flag.Id, flag.Revision)));

        Assert.Single(responses, r => r.GetProperty("outcome").GetString() == "done");
        Assert.All(responses.Where(r => r.GetProperty("outcome").GetString() != "done"), r => Assert.Equal("stale", r.GetProperty("outcome").GetString()));
        Assert.Equal(["raised", "approve-practice"], await chat.FlagHistoryAsync(flag.Id));
    }

    [Fact]
    public async Task ClickOnAStaleCardChangesNothingAndAnswersWithTheCurrentCard()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;
        var raised = await chat.FlagAsync();
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice");

        var stale = await chat.ActAsync("morgan@example.com", "dismiss", "flag", raised.Id, raised.Revision, new Dictionary<string, string> { ["reason"] = "dup" });

        Assert.Equal("stale", stale.GetProperty("outcome").GetString());
        Assert.Contains("Practice approved", stale.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(FlagStatus.PracticeApproved, (await chat.FlagAsync()).Status);
    }

    [Fact]
    public async Task DismissWithoutAReasonIsRefusedByField()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;

        var response = await chat.ActOnFlagAsync("morgan@example.com", "dismiss", new Dictionary<string, string> { ["reason"] = "  " });

        Assert.Equal("invalid", response.GetProperty("outcome").GetString());
        Assert.Equal("A reason is required to dismiss a flag.", response.GetProperty("errors").GetProperty("reason").GetString());
        Assert.Equal(FlagStatus.Raised, (await chat.FlagAsync()).Status);
    }

    [Fact]
    public async Task SessionLogNeedsAFollowUpWithinTwentyOneDaysAndThenLogsTheSession()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice");
        var form = new Dictionary<string, string>
        {
            ["targetedBehaviour"] = "Acknowledge frustration first",
            ["selfAssessment"] = "I rushed to the policy",
            ["agreedBehaviour"] = "Name the feeling, then solve",
            ["practice"] = "3 billing-dispute role-plays",
            ["followUpDate"] = "2026-12-12",
        };

        var tooLate = await chat.ActOnFlagAsync("morgan@example.com", "logSession", form);
        form["followUpDate"] = "2026-11-27";
        var logged = await chat.ActOnFlagAsync("morgan@example.com", "logSession", form);

        Assert.Equal("invalid", tooLate.GetProperty("outcome").GetString());
        Assert.True(tooLate.GetProperty("errors").TryGetProperty("followUpDate", out _));
        Assert.Equal("done", logged.GetProperty("outcome").GetString());
        var flag = await chat.FlagAsync();
        Assert.Equal((FlagStatus.SessionLogged, new DateOnly(2026, 11, 27)), (flag.Status, flag.FollowUpDate));
        Assert.Equal("I rushed to the policy", flag.Session!.AgentSelfAssessment);
    }

    [Fact]
    public async Task AgentAcceptsTheirScoreAndTheButtonsGoAway()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;
        var flag = await chat.FlagAsync();

        var byManager = await chat.ActAsync("morgan@example.com", "acceptScore", "agent-score", flag.Id, flag.Revision);
        var byAgent = await chat.ActAsync("ana@example.com", "acceptScore", "agent-score", flag.Id, flag.Revision);

        Assert.Equal("refused", byManager.GetProperty("outcome").GetString());
        Assert.Equal("done", byAgent.GetProperty("outcome").GetString());
        Assert.Empty(byAgent.GetProperty("card").TryGetProperty("actions", out var actions) ? actions.EnumerateArray() : default);
        Assert.NotNull((await chat.FlagAsync()).AgentAcceptedAt);
    }

    [Fact]
    public async Task AgentDisputeReachesTheReviewerWhoOverturnsItAndTheScoreStopsCounting()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;
        var flag = await chat.FlagAsync();

        var disputed = await chat.ActAsync("ana@example.com", "disputeScore", "agent-score", flag.Id, flag.Revision,
            new Dictionary<string, string> { ["reason"] = "I acknowledged her at 00:11:50" });
        await chat.DispatchAsync();
        var dispute = await app.WithDbAsync(db => db.Disputes.SingleAsync());
        var disputeCard = (await chat.WebMessagesAsync()).Single(m => m.CardKind == "dispute");
        var byColleague = await chat.ActAsync("ben@example.com", "overturnDispute", "dispute", dispute.Id, 0, new Dictionary<string, string> { ["overturnNote"] = "x" });
        var overturned = await chat.ActAsync("riley@example.com", "overturnDispute", "dispute", dispute.Id, 0,
            new Dictionary<string, string> { ["overturnNote"] = "Heard it at 00:11:50" });
        await chat.DispatchAsync();

        Assert.Equal("done", disputed.GetProperty("outcome").GetString());
        Assert.Equal(WebConversations.TeamChannel(flag.TeamId!.Value), disputeCard.ConversationId);
        Assert.Equal("refused", byColleague.GetProperty("outcome").GetString());
        Assert.Equal("done", overturned.GetProperty("outcome").GetString());
        Assert.Equal(FlagStatus.Dismissed, (await chat.FlagAsync()).Status);
        Assert.True(await app.WithDbAsync(db => db.CriterionScores.Where(s => s.CriterionId == "empathy").Select(s => s.Overturned).SingleAsync()));
        Assert.Contains("Overturned by Riley Chen", (await chat.WebMessagesAsync()).Single(m => m.CardKind == "dispute").CardJson, StringComparison.Ordinal);
        Assert.Equal(["raised", "agent-dispute", "withdraw"], await chat.FlagHistoryAsync(flag.Id));
    }

    [Fact]
    public async Task UnknownVerbOrMissingCardDataIsInvalid()
    {
        var (app, chat) = await StartWithFlagAsync();
        await using var host = app;

        var wrongVerb = await chat.ActOnFlagAsync("morgan@example.com", "acceptScore");
        var missing = await chat.ActAsync("morgan@example.com", "approvePractice", "", Guid.Empty, 0);

        Assert.Equal(("invalid", "invalid"), (wrongVerb.GetProperty("outcome").GetString(), missing.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task WebChannelRefusesRequestsAddressedToAnotherHostName()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/web/api/dev-key");
        request.Headers.Host = "rebind.example.com";
        request.Headers.Add("X-CoachLoop-Web", "1");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiKeys.CountAsync()));
    }
}
