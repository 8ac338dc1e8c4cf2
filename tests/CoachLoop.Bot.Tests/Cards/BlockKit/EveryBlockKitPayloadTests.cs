using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Bot.Channels.Slack;
using CoachLoop.Bot.Tests.Channels.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Cards.BlockKit;

/// <summary>
/// Every Block Kit payload the bot sends to Slack, for every card kind in every state reached, respects Block Kit's limits;
/// the payloads are written to tests/slack-types/payloads/ where the Node suite type-checks them against @slack/types.
/// </summary>
public sealed class EveryBlockKitPayloadTests
{
    public static string PayloadFolder => Path.Combine(SlackFixtures.RepositoryRoot(), "tests", "slack-types", "payloads");

    [Fact]
    public async Task EveryPayloadOfEveryCardKindAndStateRespectsBlockKitLimitsAndIsWrittenForTheTypeCheck()
    {
        await using var slack = await SlackHost.StartAsync(extra: Chat.WebOn);
        var modals = new List<JsonObject>();
        async Task StepAsync()
        {
            await slack.Chat.DispatchAsync();
            await using var scope = slack.App.Services.CreateAsyncScope();
            var cards = scope.ServiceProvider.GetRequiredService<CardFactory>();
            var db = scope.ServiceProvider.GetRequiredService<Data.CoachLoopDbContext>();
            foreach (var post in await db.CardPosts.AsNoTracking().ToListAsync())
            {
                var card = (await cards.BuildAsync(post.CardKind, post.SubjectId, CancellationToken.None))!;
                modals.AddRange(card.Actions.Where(a => a.Inputs.Count > 0)
                    .Select(a => BlockKitModal.Build(card, a, SlackInteractions.CallbackId, new JsonObject { ["r"] = BlockKitCardRef.Of(card).ToString(), ["verb"] = a.Verb }.ToJsonString())));
            }
        }

        // A teammate's good call first: every flag card after it carries its peer example.
        await slack.Chat.PostCallAsync(Coaching.PeerExampleCardTests.GoodCall("ben-good", "ben@example.com"));
        await slack.Chat.PostCallAsync(Json.Call("c1", empathy: 90, disclosure: 0));
        await slack.Chat.PostCallAsync(Json.Call("c2"));
        // A script-check flag and a keyword flag, with transcript text that needs escaping.
        (await (await slack.App.CreateApiClientAsync()).PostAsJsonAsync("/api/v1/rubrics", Transcripts.ScriptCheckJson.Rubric())).EnsureSuccessStatusCode();
        await slack.Chat.PostCallAsync(Transcripts.ScriptCheckJson.Call("c3", ("agent", "00:00:02", "Thanks for calling <Acme> & co, *how* can I help?"), ("customer", "00:00:06", "If this is not fixed I want to speak to a lawyer."),
            ("agent", "00:00:45", "This call may be recorded for quality and training purposes.")));
        await StepAsync();
        await slack.Chat.ActOnFlagAsync("morgan@example.com", "approvePractice", callId: "c2");
        await StepAsync();
        await slack.Chat.ActOnFlagAsync("morgan@example.com", "logSession", new Dictionary<string, string>
        {
            ["targetedBehaviour"] = "Acknowledge <first> & *then* explain", ["selfAssessment"] = "<!channel> rushed", ["agreedBehaviour"] = "> name it",
            ["practice"] = "role-plays", ["followUpDate"] = "2026-11-27",
        }, callId: "c2");
        await StepAsync();
        var flag = await slack.Chat.FlagAsync("c1");
        await slack.Chat.ActAsync("ana@example.com", "disputeScore", "agent-score", flag.Id, flag.Revision, new Dictionary<string, string> { ["reason"] = "It was said at 00:00:20 <@U1>" });
        await StepAsync();
        var dispute = await slack.App.WithDbAsync(db => db.Disputes.SingleAsync());
        await slack.Chat.ActAsync("riley@example.com", "upholdDispute", "dispute", dispute.Id, 0);
        await slack.Chat.ActOnFlagAsync("morgan@example.com", "resolve", new Dictionary<string, string> { ["note"] = "Coached live" }, callId: "c1");
        await StepAsync();
        await ListsAsync(slack);
        await StepAsync();
        await Coaching.Workshop.ScheduleAndLogAsync(slack.App, slack.Chat, StepAsync);
        // The weekly report carries a chart image; Slack shows its sparkline instead.
        await EveryCardValidatesTests.WeeklyReportAsync(slack.App);
        await StepAsync();
        foreach (var user in new[] { SlackHost.Morgan, SlackHost.Ana, "U0STRANGER" })
        {
            var opened = SlackFixtures.Json("event_callback_app_home_opened_home_tab.json");
            opened["team_id"] = FakeSlackApi.Team;
            opened["event_id"] = "Ev" + user;
            opened["event"]!["user"] = user;
            await slack.SendAsync(SlackSigner.Json("/slack/events", opened.ToJsonString(), slack.Now));
        }

        await slack.WhenIdleAsync();

        var messages = slack.Fake.Calls.Where(c => c.Method is "chat.postMessage" or "chat.update")
            .Select(c => (Blocks: JsonNode.Parse(c.Arg("blocks")!)!.AsArray(), Text: c.Arg("text")!)).ToList();
        var views = slack.Fake.CallsOf("views.publish").Select(c => JsonNode.Parse(c.Arg("view")!)!.AsObject())
            .Concat(modals).Append(BlockKitModal.Notice("Nothing changed", "This card was out of date <now>.")).ToList();
        Assert.True(messages.Select(m => m.Blocks.ToJsonString()).Distinct().Count() >= 10, $"only {messages.Count} messages");
        Assert.Contains(modals, m => m["title"]!["text"]!.GetValue<string>() == "Log session");
        Assert.Contains(modals, m => m["title"]!["text"]!.GetValue<string>() == "Dismiss");
        Assert.Contains(modals, m => m["title"]!["text"]!.GetValue<string>() == "Schedule workshop");
        Assert.Contains(modals, m => m["title"]!["text"]!.GetValue<string>() == "Log workshop");
        Assert.Contains(messages, m => m.Blocks.ToJsonString().Contains("What good sounds like", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Blocks.ToJsonString().Contains("Weekly coaching report", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Blocks.ToJsonString().Contains("Workshops suggested", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Blocks.ToJsonString().Contains("Workshop: Empathy", StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Empty(BlockKitLimits.MessageProblems(m.Blocks, m.Text)));
        Assert.All(views, v => Assert.Empty(BlockKitLimits.ViewProblems(v)));

        Write(messages.Select(m => m.Blocks.ToJsonString()).Distinct().Select(j => ("message", j))
            .Concat(views.Select(v => v.ToJsonString()).Distinct().Select(j => (JsonNode.Parse(j)!["type"]!.GetValue<string>(), j))));
    }

    /// <summary>List cards too: a group of flags (rows with buttons), the daily digest and the open-flags card.</summary>
    private static async Task ListsAsync(SlackHost slack)
    {
        await Coaching.Workshop.AddCyAsync(slack.App);
        var batch = new JsonArray { Json.Call("cy-1", callTime: "2026-11-19T23:00:00Z", agent: "cy@example.com") };
        for (var i = 0; i < 30; i++)
        {
            batch.Add(Json.Call($"g{i}", callTime: $"2026-11-19T{i % 24:00}:{i:00}:00Z", agent: i % 2 == 0 ? "ana@example.com" : "ben@example.com"));
        }

        await slack.Chat.PostCallAsync(new JsonObject { ["calls"] = batch });
        await slack.Chat.DispatchAsync();
        await Scheduling.Schedule.DigestsAsync(slack.App);
        await slack.Chat.DispatchAsync();
        Assert.Contains(slack.Fake.CallsOf("chat.postMessage"), c => c.Arg("text")!.Contains("grouped", StringComparison.Ordinal));
        Assert.Contains(slack.Fake.CallsOf("chat.postMessage"), c => c.Arg("text")!.Contains("coaching digest", StringComparison.Ordinal));
        await using var scope = slack.App.Services.CreateAsyncScope();
        var open = await scope.ServiceProvider.GetRequiredService<CardFactory>().BuildOpenFlagsAsync(await slack.Chat.IdOfAsync("morgan@example.com"), CancellationToken.None);
        var rendered = BlockKitRenderer.Render(open!);
        await scope.ServiceProvider.GetRequiredService<SlackApiClient>().PostReplyAsync(SlackSigner.BotToken, SlackHost.ManagerChannel, rendered.Text, rendered.Blocks, CancellationToken.None);
    }

    private static void Write(IEnumerable<(string Kind, string Json)> payloads)
    {
        if (Directory.Exists(PayloadFolder))
        {
            Directory.Delete(PayloadFolder, recursive: true);
        }

        Directory.CreateDirectory(PayloadFolder);
        var i = 0;
        foreach (var (kind, json) in payloads)
        {
            var file = new JsonObject { ["kind"] = kind, ["payload"] = JsonNode.Parse(json) };
            File.WriteAllText(Path.Combine(PayloadFolder, $"{++i:000}-{kind}.json"), file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
