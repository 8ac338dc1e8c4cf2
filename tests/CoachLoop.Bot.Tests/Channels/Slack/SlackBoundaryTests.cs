namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>Slack's protocol stays in its folder, and its secrets stay out of the configuration files.</summary>
public sealed class SlackBoundaryTests
{
    private static readonly string[] ProtocolWords = ["block_actions", "view_submission", "trigger_id", "response_action", "event_callback", "chat.postMessage"];

    [Fact]
    public void NothingOutsideTheSlackFolderKnowsSlacksPayloads()
    {
        var src = Path.Combine(SlackFixtures.RepositoryRoot(), "src");
        var slackFolder = Path.Combine(src, "CoachLoop.Bot", "Channels", "Slack") + Path.DirectorySeparatorChar;
        var leaks = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(slackFolder, StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ProtocolWords.Where(w => File.ReadAllText(f).Contains(w, StringComparison.Ordinal)).Select(w => $"{f}: {w}"))
            .ToList();

        Assert.Empty(leaks);
    }

    [Fact]
    public void NoSlackSecretIsSetInAnyAppsettingsFile()
    {
        var bot = Path.Combine(SlackFixtures.RepositoryRoot(), "src", "CoachLoop.Bot");

        foreach (var file in Directory.GetFiles(bot, "appsettings*.json"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("SigningSecret", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("BotToken", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("xoxb-", text, StringComparison.Ordinal);
        }
    }
}
