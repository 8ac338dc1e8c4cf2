using System.Text.Json.Nodes;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>App Home and group cards in Slack act: rows have their own buttons, and "Open card" shows the flag's full card to the clicker.</summary>
public sealed class SlackListActionTests
{
    [Fact]
    public async Task ManagerApprovesPracticeFromAppHomeAndTheHomeIsPublishedAgainWithTheNextStep()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        await OpenHomeAsync(slack, SlackHost.Morgan);
        var home = JsonNode.Parse(Assert.Single(slack.Fake.CallsOf("views.publish")).Arg("view")!)!;
        Assert.Contains("Waiting for practice approval", home.ToJsonString(), StringComparison.Ordinal);

        await slack.SendAsync(SlackSigner.Payload(RowClick(SlackHost.Morgan, home["blocks"]!.AsArray(), "approvePractice", channel: null).ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        Assert.Equal(FlagStatus.PracticeApproved, (await slack.Chat.FlagAsync()).Status);
        var again = slack.Fake.CallsOf("views.publish").ToList();
        Assert.Equal(2, again.Count);
        Assert.Contains("\"logSession\"", again[1].Arg("view")!, StringComparison.Ordinal);
        Assert.DoesNotContain("\"approvePractice\"", again[1].Arg("view")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenCardOnAGroupedFlagShowsItsFullCardToTheClickerAloneAndItsButtonsActOnThatFlag()
    {
        await using var slack = await SlackHost.StartAsync();
        var batch = new JsonArray();
        for (var i = 0; i < 8; i++)
        {
            batch.Add(Json.CallWithoutStreak($"q{i}", i / 2, $"2026-11-19T{10 + i}:00:00Z", i % 2 == 0 ? "ana@example.com" : "ben@example.com"));
        }

        await slack.Chat.PostCallAsync(new JsonObject { ["calls"] = batch });
        await slack.Chat.DispatchAsync();
        var group = slack.Fake.CallsOf("chat.postMessage").Single(c => c.Arg("text")!.Contains("grouped", StringComparison.Ordinal));
        var blocks = JsonNode.Parse(group.Arg("blocks")!)!.AsArray();
        Assert.Contains(blocks, b => b!["type"]!.GetValue<string>() == "context"
            && b["elements"]![0]!["text"]!.GetValue<string>().Contains("For Morgan Lee and the team's coaches", StringComparison.Ordinal));

        await slack.SendAsync(SlackSigner.Payload(RowClick(SlackHost.Morgan, blocks, "openCard", SlackHost.ManagerChannel).ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        var shown = Assert.Single(slack.Fake.CallsOf("chat.postEphemeral"));
        Assert.Equal((SlackHost.ManagerChannel, SlackHost.Morgan), (shown.Arg("channel"), shown.Arg("user")));
        var card = JsonNode.Parse(shown.Arg("blocks")!)!.AsArray();
        Assert.Matches("Coaching: (Empathy|Resolution)", card.ToJsonString());
        Assert.Contains(card, b => b!["type"]!.GetValue<string>() == "actions"
            && b["elements"]!.AsArray().Any(e => e!["action_id"]!.GetValue<string>() == "approvePractice"));

        await slack.SendAsync(SlackSigner.Payload(RowClick(SlackHost.Morgan, card, "approvePractice", SlackHost.ManagerChannel).ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        Assert.Equal(1, await slack.App.WithDbAsync(db => Task.FromResult(db.Flags.Count(f => f.Status == FlagStatus.PracticeApproved))));
    }

    private static async Task OpenHomeAsync(SlackHost slack, string user)
    {
        var opened = SlackFixtures.Json("event_callback_app_home_opened_home_tab.json");
        opened["team_id"] = FakeSlackApi.Team;
        opened["event"]!["user"] = user;
        await slack.SendAsync(SlackSigner.Json("/slack/events", opened.ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
    }

    /// <summary>A click on the first <paramref name="actionId"/> button in <paramref name="blocks"/>, in a message or (no channel) in App Home.</summary>
    private static JsonObject RowClick(string userId, JsonArray blocks, string actionId, string? channel)
    {
        var block = blocks.First(b => b!["type"]!.GetValue<string>() == "actions"
            && b["elements"]!.AsArray().Any(e => e!["action_id"]!.GetValue<string>() == actionId))!;
        var payload = SlackFixtures.Json("block_actions_button_in_message.json");
        payload["user"] = new JsonObject { ["id"] = userId, ["team_id"] = FakeSlackApi.Team };
        payload["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N");
        if (channel is null)
        {
            payload.Remove("channel");
            payload.Remove("message");
            payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V1" };
            payload["view"] = new JsonObject { ["id"] = "V1", ["type"] = "home", ["blocks"] = blocks.DeepClone() };
        }
        else
        {
            payload["container"]!["channel_id"] = channel;
            payload["channel"] = new JsonObject { ["id"] = channel };
        }

        payload["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId, ["block_id"] = block["block_id"]!.DeepClone(), ["type"] = "button", ["value"] = actionId,
            ["action_ts"] = "1700000100.000001",
        });
        return payload;
    }
}
