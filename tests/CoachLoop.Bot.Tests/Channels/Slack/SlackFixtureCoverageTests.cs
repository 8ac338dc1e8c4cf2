namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>Every Slack sample in shared/fixtures/slack is copied here unchanged and used by a test.</summary>
public sealed class SlackFixtureCoverageTests
{
    /// <summary>Each sample and the test class that replays it through the real pipeline or client.</summary>
    public static readonly IReadOnlyDictionary<string, string> UsedBy = new Dictionary<string, string>
    {
        ["url_verification.json"] = nameof(SlackEventsTests),
        ["event_callback_app_home_opened_home_tab.json"] = nameof(SlackEventsTests),
        ["block_actions_button_in_message.json"] = nameof(SlackInteractionsTests),
        ["view_submission_state_values.json"] = nameof(SlackInteractionsTests),
        ["slash_command_form_body.txt"] = nameof(SlackCommandTests),
        ["slash_command_signature_vector.json"] = nameof(SlackSignatureTests),
        ["chat.postMessage_success.json"] = nameof(SlackFixtureCoverageTests),
        ["chat.postMessage_error.json"] = nameof(SlackSenderTests),
        ["views.open_error_invalid_arguments.json"] = nameof(SlackSenderTests),
        ["views.publish_success.json"] = nameof(FakeSlackApi),
        ["http_429_ratelimited.http"] = nameof(SlackSenderTests),
    };

    [Fact]
    public void EverySharedSampleHasAnIdenticalCopyThatATestUses()
    {
        var shared = SlackFixtures.SharedFolder();
        var ours = Directory.GetFiles(SlackFixtures.Folder).Select(Path.GetFileName).Where(n => n != "README.md").ToList();
        Assert.Equal(UsedBy.Keys.Order(), ours.Order()!);
        if (shared is null)
        {
            return; // A clone without shared/ beside it: our copies are the samples.
        }

        foreach (var file in Directory.GetFiles(shared))
        {
            var name = Path.GetFileName(file);
            Assert.True(name == "README.md" || UsedBy.ContainsKey(name), $"{name} is not covered by a test");
            Assert.Equal(File.ReadAllText(file), SlackFixtures.Text(name));
        }
    }

    [Fact]
    public async Task SlacksSamplePostMessageAnswerIsReadAsTheMessageReference()
    {
        await using var slack = await SlackHost.StartAsync();
        slack.Fake.Script("chat.postMessage", 200, SlackFixtures.Text("chat.postMessage_success.json"), channel: SlackHost.ManagerChannel);
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        var refs = await slack.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.CardPosts.Where(p => p.ConversationId == SlackHost.ManagerChannel).Select(p => p.MessageRef)));

        Assert.Equal(["C1H9RESGL|1503435956.000247"], refs);
    }
}
