using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>The Events API with Slack's own samples: the URL handshake, App Home, retries, uninstalls.</summary>
public sealed class SlackEventsTests
{
    [Fact]
    public async Task UrlVerificationIsAnsweredWithTheChallenge()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false);

        var response = await slack.SendAsync(SlackSigner.Json("/slack/events", SlackFixtures.Text("url_verification.json"), slack.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task AppHomeOpenedPublishesTheHomeTabForThatUser()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false);

        var response = await slack.SendAsync(SlackSigner.Json("/slack/events", SlackFixtures.Text("event_callback_app_home_opened_home_tab.json"), slack.Now));
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var publish = Assert.Single(slack.Fake.CallsOf("views.publish"));
        Assert.Equal("U061F7AUR", publish.Arg("user_id"));
        var view = JsonNode.Parse(publish.Arg("view")!)!;
        Assert.Equal("home", view["type"]!.GetValue<string>());
        Assert.Contains("not linked to a CoachLoop person", publish.Texts("view"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagersHomeShowsTheTeamsOpenFlagsByStateWithTheirButtons()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        var opened = SlackFixtures.Json("event_callback_app_home_opened_home_tab.json");
        opened["team_id"] = FakeSlackApi.Team;
        opened["event"]!["user"] = SlackHost.Morgan;

        await slack.SendAsync(SlackSigner.Json("/slack/events", opened.ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        var home = Assert.Single(slack.Fake.CallsOf("views.publish")).Texts("view");
        Assert.Contains("Your team's open flags* (1)", home, StringComparison.Ordinal);
        Assert.Contains("*Waiting for practice approval*", home, StringComparison.Ordinal);
        Assert.Contains("*Ana Ruiz* \u00b7 Empathy", home, StringComparison.Ordinal);
        Assert.Contains("Approve practice", home, StringComparison.Ordinal);
        Assert.Contains("Open card", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsHomeShowsTheirOwnFlagsAndDisputes()
    {
        await using var slack = await SlackHost.StartAsync();
        await slack.Chat.PostCallAsync(Json.Call());
        var opened = SlackFixtures.Json("event_callback_app_home_opened_home_tab.json");
        opened["team_id"] = FakeSlackApi.Team;
        opened["event"]!["user"] = SlackHost.Ana;

        await slack.SendAsync(SlackSigner.Json("/slack/events", opened.ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        var home = Assert.Single(slack.Fake.CallsOf("views.publish")).Texts("view");
        Assert.Contains("Your open flags* (1)", home, StringComparison.Ordinal);
        Assert.Contains("Your disputes* (0)", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Approve practice", home, StringComparison.Ordinal);
        Assert.Contains("Accept", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARetriedEventIsAcknowledgedButHandledOnce()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false);
        var body = SlackFixtures.Text("event_callback_app_home_opened_home_tab.json");

        var first = await slack.SendAsync(SlackSigner.Json("/slack/events", body, slack.Now));
        var retry = SlackSigner.Json("/slack/events", body, slack.Now.AddSeconds(3));
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        var second = await slack.SendAsync(retry);
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(slack.Fake.CallsOf("views.publish"));
        Assert.Equal(["slack:Ev08MFMKH6"], await slack.App.WithDbAsync(db => db.InboundEvents.Select(e => e.Key).ToListAsync()));
    }

    [Theory]
    [InlineData("""{"type":"app_uninstalled"}""")]
    [InlineData("""{"type":"tokens_revoked","tokens":{"oauth":[],"bot":["UBOT"]}}""")]
    public async Task AfterTheAppIsRemovedNothingMoreIsSentToThatWorkspace(string inner)
    {
        await using var slack = await SlackHost.StartAsync();
        var envelope = new JsonObject
        {
            ["token"] = "ignored",
            ["team_id"] = FakeSlackApi.Team,
            ["api_app_id"] = "A111",
            ["type"] = "event_callback",
            ["event_id"] = "Ev0REMOVED",
            ["event_time"] = 1700000000,
            ["event"] = JsonNode.Parse(inner),
        };

        var response = await slack.SendAsync(SlackSigner.Json("/slack/events", envelope.ToJsonString(), slack.Now));
        await slack.Chat.PostCallAsync(Json.Call());
        await slack.Chat.DispatchAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var install = await slack.App.WithDbAsync(db => db.ChannelInstallations.SingleAsync());
        Assert.False(install.Active);
        Assert.Equal(FakeSlackApi.Team, install.Tenant);
        Assert.Empty(slack.Fake.CallsOf("chat.postMessage"));
        Assert.Empty(slack.Fake.CallsOf("users.lookupByEmail"));
        Assert.Equal(0, await slack.App.WithDbAsync(db => db.CardPosts.CountAsync(p => p.Channel == "slack")));
    }

    [Fact]
    public async Task TheBotsOwnAndUnknownEventsAreAcknowledgedAndIgnored()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false);
        var message = """{"type":"event_callback","team_id":"T0G9PQBBK","event_id":"Ev0MSG","event":{"type":"message","channel_type":"im","bot_id":"B1","text":"hi"}}""";

        var response = await slack.SendAsync(SlackSigner.Json("/slack/events", message, slack.Now));
        var limited = await slack.SendAsync(SlackSigner.Json("/slack/events",
            """{"token":"x","type":"app_rate_limited","team_id":"T0G9PQBBK","minute_rate_limited":1518467820,"api_app_id":"A111"}""", slack.Now));
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        Assert.Empty(slack.Fake.Calls);
    }

    [Fact]
    public async Task OpeningTheMessagesTabOfAnOrgWideInstallPublishesNothing()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false);
        var opened = SlackFixtures.Json("event_callback_app_home_opened_home_tab.json");
        opened.Remove("authed_users");
        opened["enterprise_id"] = "E0ORG";
        opened["team_id"] = null;
        opened["authorizations"] = JsonNode.Parse("""[{"enterprise_id":"E0ORG","team_id":null,"user_id":"UBOT","is_bot":true,"is_enterprise_install":true}]""");
        opened["event"]!["tab"] = "messages";
        opened["event"]!.AsObject().Remove("view");

        var response = await slack.SendAsync(SlackSigner.Json("/slack/events", opened.ToJsonString(), slack.Now));
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(slack.Fake.Calls);
    }

    [Fact]
    public async Task TheEventIsAcknowledgedBeforeTheSlowWorkIsDone()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false);
        slack.Fake.Delays["views.publish"] = TimeSpan.FromSeconds(4);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await slack.SendAsync(SlackSigner.Json("/slack/events", SlackFixtures.Text("event_callback_app_home_opened_home_tab.json"), slack.Now));
        var acked = watch.Elapsed;
        await slack.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(acked < TimeSpan.FromSeconds(3), $"ack took {acked}");
        Assert.Single(slack.Fake.CallsOf("views.publish"));
    }
}
