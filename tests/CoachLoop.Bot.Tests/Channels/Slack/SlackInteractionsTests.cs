using System.Text.Json.Nodes;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>Clicks and forms from Slack: Slack's own samples, refusals and stale clicks told to the clicker only, selects, modals.</summary>
public sealed class SlackInteractionsTests
{
    private static async Task<(SlackHost Slack, FakeSlackCall FlagPost, string Ts)> StartWithFlagAsync()
    {
        var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();
        var post = slack.LastPostTo(SlackHost.ManagerChannel);
        return (slack, post, $"1700000000.{slack.Fake.CallsOf("chat.postMessage").ToList().IndexOf(post) + 1:000000}");
    }

    [Fact]
    public async Task SlacksSampleButtonClickFromAnotherAppsMessageIsAcknowledgedAndIgnored()
    {
        await using var slack = await SlackHost.StartAsync();
        var form = SlackFixtures.Text("block_actions_button_in_message.json");

        var response = await slack.SendAsync(SlackSigner.Payload(form, slack.Now));
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(slack.Fake.Calls);
    }

    [Fact]
    public async Task SlacksSampleSubmissionOfAnotherFormIsAnsweredWithAnEmptyBodyThatClosesIt()
    {
        await using var slack = await SlackHost.StartAsync();

        var response = await slack.SendAsync(SlackSigner.Payload(SlackFixtures.Text("view_submission_state_values.json"), slack.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(slack.Fake.Calls);
    }

    [Theory]
    [InlineData("""{"type":"view_closed","team":{"id":"T1"},"user":{"id":"U1"},"view":{"id":"V1"},"api_app_id":"A1","is_cleared":false}""", "")]
    [InlineData("""{"type":"block_suggestion","action_id":"a","block_id":"b","value":"em","user":{"id":"U1"},"team":{"id":"T1"}}""", """{"options":[]}""")]
    public async Task OtherInteractionKindsAreAcknowledged(string payload, string expected)
    {
        await using var slack = await SlackHost.StartAsync();

        var response = await slack.SendAsync(SlackSigner.Payload(payload, slack.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARefusedClickIsToldToTheClickerAloneAndChangesNothing()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;

        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Max, post, ts, "approvePractice").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        var ephemeral = Assert.Single(slack.Fake.CallsOf("chat.postEphemeral"));
        Assert.Equal((SlackHost.ManagerChannel, SlackHost.Max), (ephemeral.Arg("channel"), ephemeral.Arg("user")));
        Assert.Contains("Only Ana Ruiz's manager", ephemeral.Arg("text"), StringComparison.Ordinal);
        Assert.Empty(slack.Fake.CallsOf("chat.update"));
        Assert.Equal(FlagStatus.Raised, (await slack.Chat.FlagAsync()).Status);
    }

    [Fact]
    public async Task AClickOnAnOutOfDateCardIsToldToTheClickerAlone()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;
        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, post, ts, "approvePractice").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, post, ts, "approvePractice").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        var ephemeral = Assert.Single(slack.Fake.CallsOf("chat.postEphemeral"));
        Assert.Contains("out of date", ephemeral.Arg("text"), StringComparison.Ordinal);
        Assert.Equal(SlackHost.Morgan, ephemeral.Arg("user"));
    }

    [Fact]
    public async Task ChoosingAScenarioFromTheSelectMenuSwapsThePractice()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;

        var click = SlackHost.Click(SlackHost.Morgan, post, ts, "swapScenario:scenarioId", selected: "empathy-b");
        var response = await slack.SendAsync(SlackSigner.Payload(click.ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("empathy-b", (await slack.Chat.FlagAsync()).Plan.Scenario!.Id);
        Assert.Contains(slack.Fake.CallsOf("chat.update"), u => u.Texts("blocks").Contains("2 empathy-roleplay role-plays", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DismissOpensAFormAndAnEmptyReasonIsAnsweredInlineUnderItsField()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;

        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, post, ts, "dismiss").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        var modal = JsonNode.Parse(Assert.Single(slack.Fake.CallsOf("views.open")).Arg("view")!)!.AsObject();
        var response = await slack.SendAsync(SlackSigner.Payload(SlackHost.Submit(SlackHost.Morgan, modal, new Dictionary<string, string>()).ToJsonString(), slack.Now));
        var answer = await Json.ReadAsync(response);

        Assert.Equal("errors", answer.GetProperty("response_action").GetString());
        Assert.Equal("A reason is required to dismiss a flag.", answer.GetProperty("errors").GetProperty("reason").GetString());
        Assert.Equal(FlagStatus.Raised, (await slack.Chat.FlagAsync()).Status);
    }

    [Fact]
    public async Task LoggingASessionThroughItsFormMovesTheFlagOn()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;
        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, post, ts, "approvePractice").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();
        var updated = slack.Fake.CallsOf("chat.update").Last(u => u.Arg("channel") == SlackHost.ManagerChannel);

        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, updated, ts, "logSession").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        var modal = JsonNode.Parse(Assert.Single(slack.Fake.CallsOf("views.open")).Arg("view")!)!.AsObject();
        var values = new Dictionary<string, string>
        {
            ["targetedBehaviour"] = "Acknowledge the fee before explaining it",
            ["selfAssessment"] = "I rushed to the policy",
            ["agreedBehaviour"] = "Name the frustration first",
            ["practice"] = "empathy drill",
            ["followUpDate"] = "2026-11-27",
        };
        var response = await slack.SendAsync(SlackSigner.Payload(SlackHost.Submit(SlackHost.Morgan, modal, values).ToJsonString(), slack.Now));

        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(FlagStatus.SessionLogged, (await slack.Chat.FlagAsync()).Status);
    }

    [Fact]
    public async Task ASubmissionThatIsNoLongerPossibleReplacesTheFormWithTheReason()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;
        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, post, ts, "dismiss").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();
        var modal = JsonNode.Parse(Assert.Single(slack.Fake.CallsOf("views.open")).Arg("view")!)!.AsObject();

        var response = await slack.SendAsync(SlackSigner.Payload(
            SlackHost.Submit(SlackHost.Max, modal, new Dictionary<string, string> { ["reason"] = "not mine" }).ToJsonString(), slack.Now));
        var answer = await Json.ReadAsync(response);

        Assert.Equal("update", answer.GetProperty("response_action").GetString());
        Assert.Equal("modal", answer.GetProperty("view").GetProperty("type").GetString());
        Assert.Equal(FlagStatus.Raised, (await slack.Chat.FlagAsync()).Status);
    }

    [Fact]
    public async Task AFailedViewsOpenIsLoggedAndTheClickStillAcknowledged()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;
        slack.Fake.Script("views.open", 200, SlackFixtures.Text("views.open_error_invalid_arguments.json"));

        var response = await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, post, ts, "dismiss").ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(slack.Logs.Lines, l => l.Contains("invalid `trigger_id`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASlowViewsOpenDoesNotMakeTheClickMissSlacksThreeSeconds()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;
        slack.Fake.Delays["views.open"] = TimeSpan.FromSeconds(6);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, post, ts, "dismiss").ToJsonString(), slack.Now));

        var acked = watch.Elapsed;
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(acked < TimeSpan.FromSeconds(3), $"took {acked}");
        Assert.Contains(slack.Logs.Lines, l => l.Contains("views.open took too long", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFormButtonIsAcknowledgedBeforeViewsOpenAnswersAndTheFormStillOpensOnItsTrigger()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;
        // Slack's views.open does not answer until the click has been acknowledged: a handler that opens the form before
        // answering can only give up on it (and its trigger) to make Slack's 3 seconds.
        var viewsOpen = slack.Fake.Hold("views.open");
        var click = SlackHost.Click(SlackHost.Morgan, post, ts, "dismiss");

        var response = await slack.SendAsync(SlackSigner.Payload(click.ToJsonString(), slack.Now));
        var answeredWhileHeld = !viewsOpen.Task.IsCompleted;
        viewsOpen.SetResult();
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.True(answeredWhileHeld);
        var opened = Assert.Single(slack.Fake.CallsOf("views.open"));
        Assert.Equal(click["trigger_id"]!.GetValue<string>(), opened.Arg("trigger_id"));
        Assert.Equal("modal", JsonNode.Parse(opened.Arg("view")!)!["type"]!.GetValue<string>());
        Assert.DoesNotContain(slack.Logs.Lines, l => l.Contains("did not open", StringComparison.Ordinal));
        Assert.Equal(FlagStatus.Raised, (await slack.Chat.FlagAsync()).Status);
    }

    [Fact]
    public async Task AFormOpensOnItsTriggerWhileAnEarlierClickIsStillBeingAnswered()
    {
        var (slack, post, ts) = await StartWithFlagAsync();
        await using var host = slack;
        var ephemeral = slack.Fake.Hold("chat.postEphemeral");
        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Max, post, ts, "approvePractice").ToJsonString(), slack.Now));
        await WaitForAsync(() => slack.Fake.CallsOf("chat.postEphemeral").Count == 1);

        await slack.SendAsync(SlackSigner.Payload(SlackHost.Click(SlackHost.Morgan, post, ts, "dismiss").ToJsonString(), slack.Now));
        await WaitForAsync(() => slack.Fake.CallsOf("views.open").Count == 1);

        Assert.False(ephemeral.Task.IsCompleted);
        ephemeral.SetResult();
        await slack.WhenIdleAsync();
        Assert.DoesNotContain(slack.Logs.Lines, l => l.Contains("did not open", StringComparison.Ordinal));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "the expected Slack call never came");
    }
}
