using System.Text.Json.Nodes;
using CoachLoop.Bot.Channels.Slack;
using CoachLoop.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// A CoachLoop host with the Slack channel on, its Web API pointed at a <see cref="FakeSlackApi"/>, team "east" linked to
/// Slack channel C0EAST, and the sample people known to the fake Slack by email.
/// </summary>
public sealed class SlackHost : IAsyncDisposable
{
    public const string ManagerChannel = "C0EAST";
    public const string Morgan = "U0MORGAN";
    public const string Ana = "U0ANA";
    public const string Riley = "U0RILEY";
    public const string Max = "U0MAX";

    /// <summary>An app-level token shaped as Slack's (xapp-…), fake.</summary>
    public const string AppToken = "xapp-1-A0FAKE-0000-not-a-secret";

    private SlackHost(CoachLoopApp app, FakeSlackApi fake, CapturedLogs logs, FakeSlackSocket? socket)
    {
        App = app;
        Fake = fake;
        Socket = socket;
        Logs = logs;
        Chat = new Chat(app);
        Client = app.CreateClient();
    }

    private bool _ownsFake = true;

    public CoachLoopApp App { get; }
    public FakeSlackApi Fake { get; }

    /// <summary>The Socket Mode end of the fake Slack, when the host was started in Socket Mode.</summary>
    public FakeSlackSocket? Socket { get; }
    public CapturedLogs Logs { get; }
    public Chat Chat { get; }
    public HttpClient Client { get; }

    public DateTimeOffset Now => App.Clock.GetUtcNow();

    /// <param name="socketMode">Socket Mode on, with the fake's WebSocket end; <paramref name="extra"/> may still turn request URLs off
    /// (<c>Slack:SigningSecret</c> null).</param>
    /// <param name="installs">No configured bot token: the app's client id and secret instead, so workspaces install it through
    /// OAuth v2 (<see cref="SlackInstallFlow"/>) with the fake's authorize page.</param>
    /// <param name="database">Another host's database, shared (not seeded again); with <paramref name="fake"/>, the same Slack.</param>
    public static async Task<SlackHost> StartAsync(bool linkTeam = true, IReadOnlyDictionary<string, string?>? extra = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite, bool socketMode = false, Action<IServiceCollection>? services = null,
        bool installs = false, TestDatabase? database = null, FakeSlackApi? fake = null)
    {
        var shared = fake is not null;
        fake ??= await FakeSlackApi.StartAsync();
        var socket = socketMode ? await FakeSlackSocket.StartAsync(fake) : null;
        fake.Users["morgan@example.com"] = Morgan;
        fake.Users["ana@example.com"] = Ana;
        fake.Users["riley@example.com"] = Riley;
        fake.Users["max@example.com"] = Max;
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackSigner.Secret,
            ["Slack:PreviousSigningSecret"] = SlackSigner.OldSecret,
            ["Slack:BotToken"] = SlackSigner.BotToken,
            ["Slack:ApiBaseUrl"] = fake.BaseUrl.ToString(),
            ["Logging:LogLevel:Default"] = "Trace",
        };
        if (installs)
        {
            settings["Slack:BotToken"] = null;
            settings["Slack:ClientId"] = FakeSlackApi.ClientId;
            settings["Slack:ClientSecret"] = FakeSlackApi.ClientSecret;
            settings["Slack:AuthorizeUrl"] = fake.AuthorizeUrl.ToString();
        }

        if (socketMode)
        {
            settings["Slack:SocketMode"] = "true";
            settings["Slack:AppToken"] = AppToken;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var logs = new CapturedLogs();
        var app = await CoachLoopApp.StartAsync(seed: database is null, provider: provider, settings: settings, database: database, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            services?.Invoke(s);
        });
        var host = new SlackHost(app, fake, logs, socket) { _ownsFake = !shared };
        if (linkTeam)
        {
            var api = await app.CreateApiClientAsync();
            var linked = await api.PutAsJsonAsync("/api/v1/channels/slack/teams/east", new { conversationId = ManagerChannel, tenant = FakeSlackApi.Team });
            linked.EnsureSuccessStatusCode();
        }

        return host;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Client.SendAsync(request);

    /// <summary>
    /// A Slack host with <paramref name="count"/> flags of Ana's awaiting approval, each carded in the team channel (cards not
    /// grouped), and those cards with their message ts.
    /// </summary>
    public static async Task<(SlackHost Slack, List<(FakeSlackCall Post, string Ts)> Cards)> StartWithCardsAsync(int count,
        IReadOnlyDictionary<string, string?>? extra = null, DatabaseProvider provider = DatabaseProvider.Sqlite, bool socketMode = false)
    {
        var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>()) { ["Delivery:GroupAfter"] = "1000" };
        var slack = await StartAsync(extra: settings, provider: provider, socketMode: socketMode);
        for (var i = 0; i < count; i++)
        {
            var at = slack.Now.AddMinutes(i - count - 10).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await slack.Chat.PostCallAsync(Json.CallWithoutStreak($"call-{i}", i, at));
        }

        await slack.Chat.DispatchAsync();
        var posts = slack.Fake.CallsOf("chat.postMessage").ToList();
        var cards = posts.Where(p => p.Arg("channel") == ManagerChannel && (p.Arg("blocks") ?? "").Contains("\"approvePractice\"", StringComparison.Ordinal))
            .Select(p => (p, $"1700000000.{posts.IndexOf(p) + 1:000000}")).ToList();
        Assert.Equal(count, cards.Count);
        return (slack, cards);
    }

    /// <summary>Waits for the work Slack requests left for after their ack: in-memory jobs and stored clicks.</summary>
    public async Task WhenIdleAsync()
    {
        var afterAck = App.Services.GetRequiredService<SlackAfterAck>();
        do
        {
            // A job after the ack (a click on an older card) may store a click, and a stored click may queue a job.
            await afterAck.WhenIdleAsync(TimeSpan.FromSeconds(10));
            await App.Services.GetRequiredService<SlackInbox>().WhenIdleAsync(TimeSpan.FromSeconds(10));
        }
        while (!afterAck.Idle);
    }

    /// <summary>The blocks of the last message posted to <paramref name="channel"/>.</summary>
    public FakeSlackCall LastPostTo(string channel) => Fake.CallsOf("chat.postMessage").Last(c => c.Arg("channel") == channel);

    /// <summary>
    /// A block_actions payload for a click on the element <paramref name="actionId"/> of a message the bot posted, built on
    /// Slack's own sample (fixture block_actions_button_in_message.json) with the ids of this conversation.
    /// </summary>
    public static JsonObject Click(string userId, FakeSlackCall post, string postedTs, string actionId, string? selected = null)
    {
        var payload = SlackFixtures.Json("block_actions_button_in_message.json");
        var channel = post.Arg("channel")!;
        var blocks = JsonNode.Parse(post.Arg("blocks")!)!.AsArray();
        var actions = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!;
        var element = actions["elements"]!.AsArray().Single(e => e!["action_id"]!.GetValue<string>() == actionId)!;
        payload["user"] = new JsonObject { ["id"] = userId, ["team_id"] = FakeSlackApi.Team };
        payload["container"]!["channel_id"] = channel;
        payload["container"]!["message_ts"] = postedTs;
        payload["channel"] = new JsonObject { ["id"] = channel };
        payload["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N");
        payload["message"]!["ts"] = postedTs;
        payload["message"]!["blocks"] = blocks.DeepClone();
        var action = new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = actions["block_id"]!.DeepClone(),
            ["type"] = element["type"]!.DeepClone(),
            ["action_ts"] = "1700000100.000001",
        };
        if (selected is null)
        {
            action["value"] = element["value"]?.DeepClone();
            action["text"] = element["text"]?.DeepClone();
        }
        else
        {
            action["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = selected }, ["value"] = selected };
        }

        payload["actions"] = new JsonArray(action);
        return payload;
    }

    /// <summary>
    /// A view_submission payload for a modal the bot opened, built on Slack's sample (fixture view_submission_state_values.json),
    /// with each input's value under its block and action id.
    /// </summary>
    public static JsonObject Submit(string userId, JsonObject view, IReadOnlyDictionary<string, string> values)
    {
        var payload = SlackFixtures.Json("view_submission_state_values.json");
        payload["team"]!["id"] = FakeSlackApi.Team;
        payload["user"] = new JsonObject { ["id"] = userId, ["team_id"] = FakeSlackApi.Team };
        payload["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N");
        var state = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input"))
        {
            var element = block!["element"]!;
            var id = element["action_id"]!.GetValue<string>();
            var type = element["type"]!.GetValue<string>();
            var entry = new JsonObject { ["type"] = type };
            var value = values.GetValueOrDefault(id);
            switch (type)
            {
                case "static_select":
                    entry["selected_option"] = value is null ? null : new JsonObject { ["value"] = value };
                    break;
                case "datepicker":
                    entry["selected_date"] = value;
                    break;
                default:
                    entry["value"] = value;
                    break;
            }

            state[block["block_id"]!.GetValue<string>()] = new JsonObject { [id] = entry };
        }

        var submitted = payload["view"]!.AsObject();
        submitted["blocks"] = view["blocks"]!.DeepClone();
        submitted["callback_id"] = view["callback_id"]!.DeepClone();
        submitted["private_metadata"] = view["private_metadata"]!.DeepClone();
        submitted["state"] = new JsonObject { ["values"] = state };
        return payload;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (Socket is not null)
        {
            await Socket.DisposeAsync();
        }

        if (_ownsFake)
        {
            await Fake.DisposeAsync();
        }
    }
}
