using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>The app manifest points at the bot's real request URLs and asks for the scopes the client uses, no more.</summary>
public sealed class SlackManifestTests
{
    private static readonly JsonObject Manifest = Read("manifest.json");

    [Fact]
    public void TheSocketModeManifestIsTheSameAppWithSocketModeOnAndNoRequestUrls()
    {
        var socket = Read("manifest.socket-mode.json");
        var expected = Manifest.DeepClone().AsObject();
        expected["features"]!["slash_commands"]![0]!.AsObject().Remove("url");
        expected["settings"]!["event_subscriptions"]!.AsObject().Remove("request_url");
        expected["settings"]!["interactivity"]!.AsObject().Remove("request_url");
        expected["settings"]!["socket_mode_enabled"] = true;

        Assert.Equal(expected.ToJsonString(), socket.ToJsonString());
        // Its one host is the install redirect, which only the installer's browser has to reach (installs into several workspaces).
        socket["oauth_config"]!.AsObject().Remove("redirect_urls");
        Assert.DoesNotContain("YOUR-HOST", socket.ToJsonString(), StringComparison.Ordinal);
    }

    private static JsonObject Read(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SlackFixtures.RepositoryRoot(), "manifests", "slack", name)))!.AsObject();

    [Fact]
    public void EveryUrlIsOneOfTheBotsRequestUrlsOnTheHostToFillIn()
    {
        var urls = new[]
        {
            Manifest["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>(),
            Manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>(),
            Manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>(),
            Manifest["oauth_config"]!["redirect_urls"]!.AsArray().Single()!.GetValue<string>(),
        };

        Assert.Equal(["https://YOUR-HOST/slack/commands", "https://YOUR-HOST/slack/events", "https://YOUR-HOST/slack/interactions",
            "https://YOUR-HOST" + Bot.Channels.Slack.Installs.SlackInstallEndpoints.RedirectPath], urls);
    }

    [Fact]
    public void ItAsksForTheScopesOfTheMethodsTheBotCallsAndTheEventsItHandles()
    {
        var scopes = Manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).Order();
        var events = Manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(s => s!.GetValue<string>()).Order();

        Assert.Equal(["channels:history", "chat:write", "commands", "groups:history", "im:history", "im:write", "users:read", "users:read.email"], scopes);
        // An install asks for exactly these.
        Assert.Equal(scopes, Bot.Channels.Slack.SlackOptions.DefaultScopes.Split(',').Order());
        Assert.Equal(["app_home_opened", "app_uninstalled", "tokens_revoked"], events);
        Assert.Equal("/coach", Manifest["features"]!["slash_commands"]![0]!["command"]!.GetValue<string>());
        Assert.True(Manifest["features"]!["app_home"]!["home_tab_enabled"]!.GetValue<bool>());
        Assert.InRange(Manifest["display_information"]!["name"]!.GetValue<string>().Length, 1, 35);
        Assert.InRange(Manifest["display_information"]!["description"]!.GetValue<string>().Length, 1, 140);
        Assert.InRange(Manifest["display_information"]!["long_description"]!.GetValue<string>().Length, 175, 4000);
    }
}
