using System.Text.Json.Nodes;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Web;

/// <summary>
/// The web channel over HTTP as the page uses it: cards rendered per viewer (buttons only for those who may press them), the
/// open-flags view that reaches grouped flags, "digest now", and development's "run due work now".
/// </summary>
public sealed class WebChannelViewTests
{
    private static readonly IReadOnlyDictionary<string, string?> WebWithDevTools =
        new Dictionary<string, string?> { ["WebChannel:Enabled"] = "true", ["WebChannel:RunDueWorkNow"] = "true", ["Test:Environment"] = "Development" };

    private static readonly string[] Criteria = ["empathy", "discovery", "resolution", "ownership"];

    /// <summary>A call by Ana failing only <paramref name="criterion"/>: one non-urgent flag, and no streak on any criterion.</summary>
    private static JsonObject FailingOne(string callId, string criterion, int minute)
    {
        var call = Json.Call(callId, empathy: 90, callTime: $"2026-11-20T07:{minute:00}:00Z", overall: 80);
        foreach (var score in call["scores"]!.AsArray())
        {
            score!["score"] = score["criterion"]!.GetValue<string>() == criterion ? 10 : 95;
        }

        return call;
    }

    private static async Task<JsonNode> GetAsync(CoachLoopApp app, string url) => JsonNode.Parse(await app.CreateClient().GetStringAsync(url))!;

    private static bool Offers(JsonNode card, string verb) => card.ToJsonString().Contains($"\"verb\":\"{verb}\"", StringComparison.Ordinal);

    [Fact]
    public async Task TheSameFlagCardHasButtonsForTheManagerAndNoneForTheTeamsReviewer()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        await chat.DispatchAsync();

        JsonNode FlagCard(JsonNode feeds) => feeds.AsArray().SelectMany(f => f!["messages"]!.AsArray()).Single(m => m!["kind"]!.GetValue<string>() == "flag")!["card"]!;
        var morgan = FlagCard(await GetAsync(app, $"/web/api/feeds?as={await chat.IdOfAsync("morgan@example.com")}"));
        var riley = FlagCard(await GetAsync(app, $"/web/api/feeds?as={await chat.IdOfAsync("riley@example.com")}"));

        Assert.True(Offers(morgan, "approvePractice"));
        Assert.False(Offers(riley, "approvePractice"));
        Assert.Contains("Empathy (25% weight) - scored 45, threshold 60", riley.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAnswerToAClickShowsTheCardAsTheViewerSeesIt()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        var flag = await chat.FlagAsync();
        var data = new Dictionary<string, string> { ["kind"] = "flag", ["subjectId"] = flag.Id.ToString(), ["v"] = flag.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var riley = (await chat.IdOfAsync("riley@example.com")).ToString();
        var morgan = (await chat.IdOfAsync("morgan@example.com")).ToString();

        var own = await app.CreateClient().PostAsJsonAsync("/web/api/actions", new { @as = riley, verb = "approvePractice", data, key = "k1" });
        var inMorgansChannel = await app.CreateClient().PostAsJsonAsync("/web/api/actions",
            new { @as = riley, viewer = morgan, verb = "approvePractice", data, key = "k2" });

        var ownCard = JsonNode.Parse(await own.Content.ReadAsStringAsync())!;
        var morgansCard = JsonNode.Parse(await inMorgansChannel.Content.ReadAsStringAsync())!;
        Assert.Equal("refused", ownCard["outcome"]!.GetValue<string>());
        Assert.False(Offers(ownCard["card"]!, "approvePractice"));
        Assert.True(Offers(morgansCard["card"]!, "approvePractice"));
        Assert.Equal(FlagStatus.Raised, (await chat.FlagAsync()).Status);
    }

    [Fact]
    public async Task EveryGroupedFlagIsInTheOpenFlagsViewWithItsButtonsAndCanBeActedOn()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        for (var i = 0; i < 12; i++)
        {
            await chat.PostCallAsync(FailingOne($"bulk-{i:00}", Criteria[i % Criteria.Length], i));
        }

        await chat.DispatchAsync();
        var morgan = await chat.IdOfAsync("morgan@example.com");

        var open = (await GetAsync(app, $"/web/api/open-flags?as={morgan}")).AsArray();
        var riley = (await GetAsync(app, $"/web/api/open-flags?as={await chat.IdOfAsync("riley@example.com")}")).AsArray();
        var ana = (await GetAsync(app, $"/web/api/open-flags?as={await chat.IdOfAsync("ana@example.com")}")).AsArray();

        Assert.True((await chat.WebMessagesAsync()).Count(m => m.CardKind == "flag") < 12, "some flags should have arrived grouped");
        Assert.Equal(12, open.Count);
        Assert.All(open, f => Assert.True(Offers(f!["card"]!, "approvePractice")));
        Assert.Equal(12, riley.Count);
        Assert.All(riley, f => Assert.False(Offers(f!["card"]!, "approvePractice")));
        Assert.Empty(ana);
        foreach (var item in open)
        {
            var id = Guid.Parse(item!["flagId"]!.GetValue<string>());
            var answer = await chat.ActAsync("morgan@example.com", "approvePractice", "flag", id, item["revision"]!.GetValue<int>());
            Assert.Equal("done", answer.GetProperty("outcome").GetString());
        }

        Assert.Equal(12, await app.WithDbAsync(db => db.Flags.CountAsync(f => f.Status == FlagStatus.PracticeApproved)));
    }

    [Fact]
    public async Task DigestNowShowsTheManagersDigestAndRecordsNothing()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call());
        var client = app.CreateClient();

        var morgan = JsonNode.Parse(await (await client.SendAsync(WebPost($"/web/api/digest-now?as={await chat.IdOfAsync("morgan@example.com")}"))).Content.ReadAsStringAsync())!;
        var ana = JsonNode.Parse(await (await client.SendAsync(WebPost($"/web/api/digest-now?as={await chat.IdOfAsync("ana@example.com")}"))).Content.ReadAsStringAsync())!;

        var card = Assert.Single(morgan["cards"]!.AsArray())!.ToJsonString();
        Assert.Contains("Your coaching digest", card, StringComparison.Ordinal);
        Assert.Contains("Ana Ruiz", card, StringComparison.Ordinal);
        Assert.Empty(ana["cards"]!.AsArray());
        Assert.Contains("manages no team", ana["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Notices.CountAsync()));
    }

    /// <summary>A body-less POST as the web channel's page sends it: with the header a cross-site page cannot add without a preflight.</summary>
    private static HttpRequestMessage WebPost(string url) => new(HttpMethod.Post, url) { Headers = { { "X-CoachLoop-Web", "1" } } };

    [Fact]
    public async Task RunDueWorkNowIsNotFoundOutsideDevelopmentEvenWhenSwitchedOn()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?>(WebWithDevTools) { ["Test:Environment"] = "Production" });

        var response = await app.CreateClient().SendAsync(WebPost("/web/api/dev/run-due-work"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await GetAsync(app, "/web/api/features"))["runDueWorkNow"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/web/api/dev/run-due-work")]
    [InlineData("/web/api/digest-now")]
    [InlineData("/web/api/dev-key")]
    public async Task BodylessWebPostsWithoutTheWebHeaderAreRefusedSoAnotherSiteCannotSendThem(string url)
    {
        await using var app = await CoachLoopApp.StartAsync(settings: WebWithDevTools);

        var response = await app.CreateClient().PostAsync(url, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task RunDueWorkNowIsOffUnlessSwitchedOn()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: Chat.WebOn);

        var response = await app.CreateClient().SendAsync(WebPost("/web/api/dev/run-due-work"));
        var features = await GetAsync(app, "/web/api/features");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(features["runDueWorkNow"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RunDueWorkNowRunsFollowUpsRemindersAndDigestsAsIfDueAndOnlyOnce()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: WebWithDevTools);
        var chat = new Chat(app);
        await chat.PostCallAsync(Json.Call("coached"));
        await chat.PostCallAsync(FailingOne("approved", "ownership", 30));
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "coached");
        await chat.ActOnFlagAsync("morgan@example.com", "logSession", new Dictionary<string, string>
        {
            ["targetedBehaviour"] = "Acknowledge frustration first", ["selfAssessment"] = "I rushed", ["agreedBehaviour"] = "Name the feeling",
            ["practice"] = "role-plays", ["followUpDate"] = "2026-12-11",
        }, callId: "coached");
        await chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "approved");
        var client = app.CreateClient();

        var first = JsonNode.Parse(await (await client.SendAsync(WebPost("/web/api/dev/run-due-work"))).Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await (await client.SendAsync(WebPost("/web/api/dev/run-due-work"))).Content.ReadAsStringAsync())!;

        Assert.Equal((1, 1, 2), (first["followUps"]!.GetValue<int>(), first["reminders"]!.GetValue<int>(), first["digests"]!.GetValue<int>()));
        // Reminders and digests keep their once-only keys; a follow-up extended for too few calls is a new unit, so not asserted.
        Assert.Equal((0, 0), (second["reminders"]!.GetValue<int>(), second["digests"]!.GetValue<int>()));
        Assert.Contains("follow-up-due", await chat.FlagHistoryAsync((await chat.FlagAsync("coached")).Id));
        Assert.True((await GetAsync(app, "/web/api/features"))["runDueWorkNow"]!.GetValue<bool>());
    }
}
