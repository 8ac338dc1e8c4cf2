using System.Text.Json.Nodes;
using CoachLoop.Bot.Channels.Slack.SocketMode;
using CoachLoop.Engine.Flags;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// Socket Mode against a loopback WebSocket fake of Slack: outbound connections opened with the app token, envelopes handled by
/// the same handlers as the request URLs and acked with the same answers, refreshes and drops mid-stream losing nothing and
/// handling nothing twice, and reconnects that back off.
/// </summary>
public sealed class SlackSocketModeTests
{
    private static readonly Dictionary<string, string?> SocketOnly = new() { ["Slack:SigningSecret"] = null, ["Slack:PreviousSigningSecret"] = null };

    [Fact]
    public async Task ItConnectsOutboundWithTheAppTokenAndServesNoInboundRoute()
    {
        await using var slack = await SlackHost.StartAsync(extra: SocketOnly, socketMode: true);

        await slack.Socket!.WaitForConnectionsAsync(2);

        var opens = slack.Fake.CallsOf("apps.connections.open");
        Assert.True(opens.Count >= 2);
        Assert.All(opens, o => Assert.Equal("Bearer " + SlackHost.AppToken, o.Headers["Authorization"]));
        var inbound = await slack.SendAsync(SlackSigner.Payload("{}", slack.Now));
        Assert.Equal(HttpStatusCode.NotFound, inbound.StatusCode);
        Assert.Equal(2, slack.App.Services.GetRequiredService<SlackSocketMode>().OpenConnections);
    }

    [Fact]
    public async Task EveryInboundSlackSampleIsAnsweredOverTheSocketAsOverTheRequestUrls()
    {
        await using var slack = await SlackHost.StartAsync(linkTeam: false, socketMode: true);
        await slack.Socket!.WaitForConnectionsAsync(2);

        // Each sample over HTTP, then the same over the socket (events with their own event_id: both are handled).
        var samples = new (string Type, string Path, JsonObject Payload)[]
        {
            ("events_api", "/slack/events", SlackFixtures.Json("url_verification.json")),
            ("events_api", "/slack/events", SlackFixtures.Json("event_callback_app_home_opened_home_tab.json")),
            ("interactive", "/slack/interactions", SlackFixtures.Json("block_actions_button_in_message.json")),
            ("interactive", "/slack/interactions", SlackFixtures.Json("view_submission_state_values.json")),
            ("slash_commands", "/slack/commands", CommandFields(SlackFixtures.Text("slash_command_form_body.txt"))),
        };
        foreach (var (type, path, payload) in samples)
        {
            var overHttp = await slack.SendAsync(type switch
            {
                "interactive" => SlackSigner.Payload(payload.ToJsonString(), slack.Now),
                "slash_commands" => SlackSigner.Form(path, SlackFixtures.Text("slash_command_form_body.txt"), slack.Now),
                _ => SlackSigner.Json(path, payload.ToJsonString(), slack.Now),
            });
            var httpBody = await overHttp.Content.ReadAsStringAsync();
            var viaSocket = payload.DeepClone().AsObject();
            if (viaSocket["event_id"] is not null)
            {
                viaSocket["event_id"] = "Ev0SOCKET";
            }

            var ack = await slack.Socket.AckOfAsync(await slack.Socket.SendAsync(type, viaSocket));

            Assert.Equal(HttpStatusCode.OK, overHttp.StatusCode);
            Assert.Equal(httpBody.Length == 0 ? null : JsonNode.Parse(httpBody)!.ToJsonString(), ack["payload"]?.ToJsonString());
        }

        await slack.WhenIdleAsync();
        Assert.Equal(2, slack.Fake.CallsOf("views.publish").Count(p => p.Arg("user_id") == "U061F7AUR"));
    }

    [Fact]
    public async Task AClickIsStoredBeforeItsAckAndAppliedOnce()
    {
        var (slack, cards) = await StartWithFlagsAsync(1);
        await using var host = slack;

        var id = await slack.Socket!.SendAsync("interactive", SlackHost.Click(SlackHost.Morgan, cards[0].Post, cards[0].Ts, "approvePractice"));
        var ack = await slack.Socket.AckOfAsync(id);
        var storedAtAck = await slack.App.WithDbAsync(db => db.InboundClicks.CountAsync());
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        Assert.Null(ack["payload"]);
        Assert.True(slack.Socket.Acks.Single(a => a.EnvelopeId == id).After < TimeSpan.FromSeconds(3), "acked after Slack's 3 s");
        Assert.Equal(1, storedAtAck);
        Assert.Equal(FlagStatus.PracticeApproved, (await slack.Chat.FlagAsync("call-0")).Status);
        Assert.Single(slack.Fake.CallsOf("chat.update"), u => u.Arg("ts") == cards[0].Ts);
    }

    [Fact]
    public async Task AFormOpensAfterTheAckAndItsErrorsComeBackInTheAck()
    {
        var (slack, cards) = await StartWithFlagsAsync(1);
        await using var host = slack;

        await slack.Socket!.AckOfAsync(await slack.Socket.SendAsync("interactive", SlackHost.Click(SlackHost.Morgan, cards[0].Post, cards[0].Ts, "dismiss")));
        await slack.WhenIdleAsync();
        var modal = JsonNode.Parse(Assert.Single(slack.Fake.CallsOf("views.open")).Arg("view")!)!.AsObject();
        var ack = await slack.Socket.AckOfAsync(await slack.Socket.SendAsync("interactive", SlackHost.Submit(SlackHost.Morgan, modal, new Dictionary<string, string>())));

        Assert.Equal("errors", ack["payload"]!["response_action"]!.GetValue<string>());
        Assert.Equal("A reason is required to dismiss a flag.", ack["payload"]!["errors"]!["reason"]!.GetValue<string>());
        Assert.Equal(FlagStatus.Raised, (await slack.Chat.FlagAsync("call-0")).Status);
    }

    [Fact]
    public async Task ASlashCommandsReplyIsTheAcksPayload()
    {
        await using var slack = await SlackHost.StartAsync(extra: SocketOnly, socketMode: true);
        await slack.Socket!.WaitForConnectionsAsync(1);
        var fields = CommandFields(SlackFixtures.Text("slash_command_form_body.txt"));
        fields["team_id"] = FakeSlackApi.Team;
        fields["user_id"] = SlackHost.Morgan;
        fields["command"] = "/coach";
        fields["text"] = "help";

        var ack = await slack.Socket.AckOfAsync(await slack.Socket.SendAsync("slash_commands", fields));

        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.GetValue<string>());
        Assert.Contains("/coach", ack["payload"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefreshAndADroppedConnectionMidStreamLoseNoClickAndApplyNoneTwice()
    {
        const int flags = 24;
        var (slack, cards) = await StartWithFlagsAsync(flags);
        await using var host = slack;
        var socket = slack.Socket!;
        socket.AckDeadline = TimeSpan.FromSeconds(1);
        var first = socket.OpenConnections;

        // Click 6 goes to the first connection just before Slack refreshes it; click 14 to the second just before it drops.
        var ids = new List<string>();
        for (var i = 0; i < flags; i++)
        {
            var target = i switch { 6 => first[0], 14 => first[1], _ => (int?)null };
            ids.Add(await socket.SendAsync("interactive", SlackHost.Click(SlackHost.Morgan, cards[i].Post, cards[i].Ts, "approvePractice"), connection: target));
            if (i == 6)
            {
                await socket.DisconnectAsync(first[0], "refresh_requested", TimeSpan.FromMilliseconds(300));
            }
            else if (i == 14)
            {
                socket.Drop(first[1]);
            }
        }

        foreach (var id in ids)
        {
            await socket.AckOfAsync(id, TimeSpan.FromSeconds(30));
        }

        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        Assert.Equal(flags, await slack.App.WithDbAsync(db => db.InboundClicks.CountAsync()));
        Assert.Equal(flags, await slack.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "approve-practice")));
        Assert.Equal(cards.Select(c => c.Ts).Order(), slack.Fake.CallsOf("chat.update").Where(u => u.Arg("channel") == SlackHost.ManagerChannel)
            .Select(u => u.Arg("ts")!).Distinct().Order());
        Assert.Empty(slack.Fake.CallsOf("chat.postEphemeral"));
        Assert.Contains(socket.Sent, s => s.EnvelopeId == ids[14] && s.Attempt > 0);
        Assert.True(socket.ConnectionsOpened >= 4, $"{socket.ConnectionsOpened} connections opened: the refreshed and the dropped one were not replaced");
        await socket.WaitForConnectionsAsync(2);
    }

    [Fact]
    public async Task ARedeliveredEnvelopeIsAckedAgainAndHandledOnce()
    {
        var (slack, cards) = await StartWithFlagsAsync(1);
        await using var host = slack;
        var socket = slack.Socket!;
        var click = SlackHost.Click(SlackHost.Morgan, cards[0].Post, cards[0].Ts, "approvePractice");
        var id = await socket.SendAsync("interactive", click);
        await socket.AckOfAsync(id);

        // The same envelope again (Slack did not get the ack), and an event's retry under a new envelope id.
        await socket.SendAsync("interactive", click, envelopeId: id);
        var opened = SlackFixtures.Json("event_callback_app_home_opened_home_tab.json");
        await socket.AckOfAsync(await socket.SendAsync("events_api", opened));
        await socket.AckOfAsync(await socket.SendAsync("events_api", opened));
        await WaitForAsync(() => socket.Acks.Count(a => a.EnvelopeId == id) == 2);
        await slack.WhenIdleAsync();
        await slack.Chat.DispatchAsync();

        Assert.Equal(1, await slack.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "approve-practice")));
        Assert.Single(slack.Fake.CallsOf("views.publish"));
        Assert.Contains(slack.Logs.Lines, l => l.Contains("came again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpeningAConnectionBacksOffAndHonoursRetryAfter()
    {
        var fake = await FakeSlackApi.StartAsync();
        await using var socket = await FakeSlackSocket.StartAsync(fake);
        fake.Script("apps.connections.open", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "2");
        fake.Script("apps.connections.open", 200, """{"ok":false,"error":"internal_error"}""");
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackSigner.BotToken, ["Slack:AppToken"] = SlackHost.AppToken, ["Slack:SocketMode"] = "true",
            ["Slack:SocketConnections"] = "1", ["Slack:ApiBaseUrl"] = fake.BaseUrl.ToString(),
        };
        await using var app = await CoachLoopApp.StartAsync(settings: settings, clockRuns: true);

        await socket.WaitForConnectionsAsync(1, TimeSpan.FromSeconds(30));

        var opens = fake.CallsOf("apps.connections.open");
        Assert.True(opens.Count >= 3, $"{opens.Count} opens");
        Assert.True(opens[1].At - opens[0].At >= TimeSpan.FromSeconds(1.9), $"retried {opens[1].At - opens[0].At} after a 429 asking for 2 s");
        Assert.True(opens[2].At - opens[1].At >= TimeSpan.FromSeconds(0.9), "a failed open is retried at once instead of backing off");
        await fake.DisposeAsync();
    }

    [Theory]
    [InlineData(null, "Slack:AppToken")]
    [InlineData("test-bot-token-not-a-secret-0000", "xapp-")]
    public async Task SocketModeWithoutAnAppLevelTokenRefusesToStart(string? appToken, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackSigner.BotToken, ["Slack:SocketMode"] = "true", ["Slack:AppToken"] = appToken,
        };

        var refused = await CoachLoopApp.RefusedStartAsync(settings);

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Slash command fields as Socket Mode carries them: a JSON object of strings.</summary>
    private static JsonObject CommandFields(string form) =>
        new(QueryHelpers.ParseQuery(form).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value.ToString()))));

    /// <summary>A Socket Mode host (request URLs off) with <paramref name="count"/> flags of Ana's carded in the team channel.</summary>
    private static async Task<(SlackHost Slack, List<(FakeSlackCall Post, string Ts)> Cards)> StartWithFlagsAsync(int count)
    {
        var started = await SlackHost.StartWithCardsAsync(count, SocketOnly, socketMode: true);
        await started.Slack.Socket!.WaitForConnectionsAsync(2);
        return started;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "the expected ack never came");
    }
}
