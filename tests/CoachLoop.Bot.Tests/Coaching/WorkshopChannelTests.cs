using System.Text.Json.Nodes;
using CoachLoop.Bot.Tests.Channels.Slack;
using CoachLoop.Bot.Tests.Scheduling;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Tests.Coaching;

/// <summary>The workshop buttons over Slack's real surfaces: the digest in the manager's DM, a modal, and messages updated in place.</summary>
public sealed class WorkshopChannelTests
{
    private static readonly string MorganDm = "D" + SlackHost.Morgan;

    /// <summary>A click on the first <paramref name="actionId"/> button of <paramref name="post"/>, as Slack sends it.</summary>
    private static JsonObject Click(FakeSlackCall post, string actionId)
    {
        var blocks = JsonNode.Parse(post.Arg("blocks")!)!.AsArray();
        var block = blocks.First(b => b!["type"]!.GetValue<string>() == "actions"
            && b["elements"]!.AsArray().Any(e => e!["action_id"]!.GetValue<string>() == actionId))!;
        var element = block["elements"]!.AsArray().First(e => e!["action_id"]!.GetValue<string>() == actionId)!;
        var payload = SlackFixtures.Json("block_actions_button_in_message.json");
        payload["user"] = new JsonObject { ["id"] = SlackHost.Morgan, ["team_id"] = FakeSlackApi.Team };
        payload["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N");
        payload["container"]!["channel_id"] = post.Arg("channel");
        payload["channel"] = new JsonObject { ["id"] = post.Arg("channel") };
        payload["message"]!["blocks"] = blocks.DeepClone();
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId, ["block_id"] = block["block_id"]!.DeepClone(), ["type"] = "button", ["value"] = element["value"]!.DeepClone(),
            ["action_ts"] = "1700000100.000001",
        });
        return payload;
    }

    private static async Task<JsonObject> ModalAfterAsync(SlackHost slack, FakeSlackCall post, string actionId)
    {
        var opened = slack.Fake.CallsOf("views.open").Count;
        await slack.SendAsync(SlackSigner.Payload(Click(post, actionId).ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        return JsonNode.Parse(slack.Fake.CallsOf("views.open").Skip(opened).Single().Arg("view")!)!.AsObject();
    }

    [Fact]
    public async Task InSlackTheManagerSchedulesFromTheDigestAndLogsFromTheWorkshopMessageAndEveryCardIsUpdatedInPlace()
    {
        await using var slack = await SlackHost.StartAsync(extra: new Dictionary<string, string?> { ["Delivery:GroupAfter"] = "1000" });
        slack.App.Clock.Set(Workshop.MondayEightInLondon);
        await Workshop.AddCyAsync(slack.App);
        await Workshop.FlagsAndDigestAsync(slack.App, slack.Chat, "ana", "ben", "cy");
        var digest = slack.Fake.CallsOf("chat.postMessage").Single(c => c.Arg("channel") == MorganDm && c.Texts("blocks").Contains("coaching digest", StringComparison.Ordinal));
        Assert.Contains("Empathy: 3 agents", digest.Texts("blocks"), StringComparison.Ordinal);

        var schedule = await ModalAfterAsync(slack, digest, "scheduleWorkshop");
        var scheduled = await slack.SendAsync(SlackSigner.Payload(SlackHost.Submit(SlackHost.Morgan, schedule,
            new Dictionary<string, string> { ["criterionId"] = "empathy", ["scheduledFor"] = "2026-11-25" }).ToJsonString(), slack.Now));
        Assert.Equal("", await scheduled.Content.ReadAsStringAsync());
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        var workshop = Assert.Single(await Workshop.WorkshopsAsync(slack.App));
        Assert.Equal(new DateOnly(2026, 11, 25), workshop.ScheduledFor);
        Assert.Contains(slack.Fake.CallsOf("chat.update"), u => u.Arg("channel") == MorganDm && u.Texts("blocks").Contains("scheduled for Wed 25 Nov 2026", StringComparison.Ordinal));
        var card = slack.Fake.CallsOf("chat.postMessage").Single(c => c.Arg("channel") == MorganDm && c.Texts("blocks").Contains("Workshop: Empathy", StringComparison.Ordinal));

        var form = await ModalAfterAsync(slack, card, "logWorkshop");
        var logged = await slack.SendAsync(SlackSigner.Payload(SlackHost.Submit(SlackHost.Morgan, form, Workshop.Log).ToJsonString(), slack.Now));
        Assert.Equal("", await logged.Content.ReadAsStringAsync());
        await slack.WhenIdleAsync();
        var posts = slack.Fake.CallsOf("chat.postMessage").Count;
        await slack.Chat.DispatchAsync();

        Assert.All(await Workshop.FlagsAsync(slack.App), f => Assert.Equal(FlagStatus.SessionLogged, f.Status));
        Assert.Equal(WorkshopStatus.Logged, Assert.Single(await Workshop.WorkshopsAsync(slack.App)).Status);
        Assert.Equal(posts, slack.Fake.CallsOf("chat.postMessage").Count);
        var updates = slack.Fake.CallsOf("chat.update").Select(u => u.Texts("blocks")).ToList();
        // Each flag card was posted once to the team channel and is now updated there with the session.
        Assert.Equal(3, slack.Fake.CallsOf("chat.update").Where(u => u.Arg("channel") == SlackHost.ManagerChannel
            && u.Texts("blocks").Contains("Name the feeling, then the fix", StringComparison.Ordinal)).Select(u => u.Arg("ts")).Distinct().Count());
        Assert.Contains(updates, u => u.Contains("Workshop: Empathy", StringComparison.Ordinal) && u.Contains("Logged", StringComparison.Ordinal));
    }
}
