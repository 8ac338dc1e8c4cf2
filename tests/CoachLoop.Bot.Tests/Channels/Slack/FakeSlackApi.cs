using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// A recording fake of the Slack Web API: a real Kestrel server on 127.0.0.1 (free port) answering POST /api/{method} the
/// way Slack does, from a small user directory and fixture JSON, or with scripted answers (429 with Retry-After, ok:false).
/// It keeps the messages posted to each conversation with their metadata and answers conversations.history from them (newest
/// first, metadata only with include_all_metadata), and it can be slow or faulty per method and per channel.
/// </summary>
public sealed partial class FakeSlackApi : IAsyncDisposable
{
    public const string Team = "T0G9PQBBK";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, string? RetryAfter)>> _scripted = new();
    private int _ts;

    private FakeSlackApi(WebApplication app) => _app = app;

    /// <summary>Slack users by email.</summary>
    public ConcurrentDictionary<string, string> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Methods that answer only after a while (a slow Slack).</summary>
    public ConcurrentDictionary<string, TimeSpan> Delays { get; } = new(StringComparer.Ordinal);

    /// <summary>Methods whose answers wait until the test releases them (see <see cref="Hold"/>).</summary>
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);

    /// <summary>Calls to one channel (by their "channel" argument) that answer only after a while, on top of <see cref="Delays"/>.</summary>
    public ConcurrentDictionary<string, TimeSpan> ChannelDelays { get; } = new(StringComparer.Ordinal);

    /// <summary>Random faults: the share of calls answered 429 (Retry-After 1) and 500, on every method (see <see cref="FakeSlackFaults"/>).</summary>
    public FakeSlackFaults? Faults { get; set; }

    /// <summary>What Slack holds: every message posted, per conversation, in order.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>The outbox keys of all messages held, as many times as they were posted.</summary>
    public IReadOnlyList<string> PostedKeys =>
        [.. Messages.Values.SelectMany(q => q).Select(m => m["metadata"]?["event_payload"]?["outbox_key"]?.GetValue<string>() ?? "")];

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Hands out Socket Mode URLs for apps.connections.open (see <see cref="FakeSlackSocket"/>); unset, that method fails.</summary>
    public Func<string>? SocketUrl { get; set; }

    public IReadOnlyList<FakeSlackCall> Calls => [.. _calls];

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeSlackApi(builder.Build());
        fake._app.MapPost("/api/{method}", fake.AnswerAsync);
        fake._app.MapGet("/oauth/v2/authorize", fake.Authorize);
        await fake._app.StartAsync();
        fake.BaseUrl = new Uri(fake._app.Urls.First().TrimEnd('/') + "/api/");
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> (to <paramref name="channel"/>, if given) gets this answer instead of the normal one.</summary>
    public void Script(string method, int status, string body, string? retryAfter = null, string? channel = null) =>
        _scripted.GetOrAdd(channel is null ? method : method + "|" + channel, _ => new()).Enqueue((status, body, retryAfter));

    /// <summary>Calls of <paramref name="method"/> are recorded on arrival but answered only once the returned gate is set.</summary>
    public TaskCompletionSource Hold(string method) =>
        _holds.GetOrAdd(method, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public IReadOnlyList<FakeSlackCall> CallsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    private async Task AnswerAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var contentType = context.Request.ContentType ?? "";
        var args = contentType.StartsWith("application/json", StringComparison.Ordinal)
            ? JsonNode.Parse(body)!.AsObject()
            : new JsonObject(QueryHelpers.ParseQuery(body).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value.ToString()))));
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var refusal = Refusal(method, headers, args, out var install);
        _calls.Enqueue(new FakeSlackCall(method, headers, contentType, body, args) { Installation = refusal is null ? install?.Key : null, Refused = refusal is not null });
        if (refusal is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(refusal.ToJsonString());
            return;
        }

        if (_holds.TryGetValue(method, out var gate))
        {
            await gate.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var channel = args["channel"] is JsonValue c && c.TryGetValue<string>(out var id) ? id : null;
        var delay = Delays.GetValueOrDefault(method) + (channel is null ? TimeSpan.Zero : ChannelDelays.GetValueOrDefault(channel));
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var fault = Faults?.Next(method);
        var (status, answer, retryAfter) = (_scripted.TryGetValue(method + "|" + channel, out var forChannel) && forChannel.TryDequeue(out var next))
            || (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out next))
            ? next
            : fault is { Status: 429 } ? (429, """{"ok":false,"error":"ratelimited"}""", (string?)"1")
            : fault is { Status: 500, AfterDoing: false } ? (500, "upstream failure", (string?)null)
            : (200, (method == "oauth.v2.access" ? Exchange(headers, args) : Normal(method, args, install)).ToJsonString(), null);
        if (fault is { Status: 500, AfterDoing: true })
        {
            // The call took effect, but the answer is lost: the caller cannot know whether it did.
            (status, answer) = (500, "upstream failure after the fact");
        }
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = retryAfter;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer);
    }

    private JsonObject Normal(string method, JsonObject args, FakeSlackInstall? install)
    {
        var channel = args["channel"]?.GetValue<string>();
        switch (method)
        {
            case "chat.postMessage":
                var ts = $"1700000000.{Interlocked.Increment(ref _ts):000000}";
                var posted = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = args["text"]?.DeepClone(), ["metadata"] = Metadata(args["metadata"]) };
                Messages.GetOrAdd(channel ?? "", _ => new()).Enqueue(posted);
                return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["ts"] = ts, ["text"] = args["text"]?.DeepClone() } };
            case "conversations.history":
                return History(channel ?? "", args);
            case "chat.update":
                return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = args["ts"]?.DeepClone(), ["text"] = args["text"]?.DeepClone() };
            case "chat.postEphemeral":
                return new JsonObject { ["ok"] = true, ["message_ts"] = "1700000001.000001" };
            case "conversations.open":
                var dm = "D" + args["users"]!.GetValue<string>();
                if (install?.Team is { } dmTeam)
                {
                    ChannelTeams.TryAdd(dm, dmTeam);
                }

                return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = dm } };
            case "views.open":
                return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0MODAL", ["type"] = "modal" } };
            case "views.publish":
                return SlackFixtures.Json("views.publish_success.json");
            case "apps.connections.open":
                return SocketUrl is null
                    ? new JsonObject { ["ok"] = false, ["error"] = "not_allowed_token_type" }
                    : new JsonObject { ["ok"] = true, ["url"] = SocketUrl() };
            case "auth.test":
                return new JsonObject { ["ok"] = true, ["team_id"] = Team, ["user_id"] = "UBOT" };
            case "users.lookupByEmail":
                var email = args["email"]?.GetValue<string>() ?? "";
                return Directory(install).TryGetValue(email, out var id) ? User(id, email, install) : new JsonObject { ["ok"] = false, ["error"] = "users_not_found" };
            case "users.info":
                var user = args["user"]?.GetValue<string>() ?? "";
                var found = Directory(install).FirstOrDefault(u => u.Value == user);
                return found.Key is null ? new JsonObject { ["ok"] = false, ["error"] = "user_not_found" } : User(user, found.Key, install);
            default:
                return new JsonObject { ["ok"] = false, ["error"] = "unknown_method" };
        }
    }

    /// <summary>Slack's answer: newest first, at most <c>limit</c>, metadata only when include_all_metadata is true.</summary>
    private JsonObject History(string channel, JsonObject args)
    {
        var limit = int.TryParse(args["limit"]?.GetValue<string>(), out var n) ? n : 100;
        var withMetadata = args["include_all_metadata"]?.GetValue<string>() is "true" or "1";
        var messages = new JsonArray();
        foreach (var message in Messages.GetValueOrDefault(channel)?.Reverse().Take(limit) ?? [])
        {
            var copy = message.DeepClone().AsObject();
            if (!withMetadata || copy["metadata"] is null)
            {
                copy.Remove("metadata");
            }

            messages.Add(copy);
        }

        return new JsonObject { ["ok"] = true, ["messages"] = messages, ["has_more"] = (Messages.GetValueOrDefault(channel)?.Count ?? 0) > limit };
    }

    /// <summary>chat.postMessage takes metadata as an object (JSON bodies) or as a JSON string (form bodies).</summary>
    private static JsonNode? Metadata(JsonNode? metadata) =>
        metadata is JsonValue text && text.TryGetValue<string>(out var json) ? JsonNode.Parse(json) : metadata?.DeepClone();

    private static JsonObject User(string id, string email, FakeSlackInstall? install) => new()
    {
        ["ok"] = true,
        ["user"] = new JsonObject { ["id"] = id, ["team_id"] = install?.Team ?? Team, ["profile"] = new JsonObject { ["email"] = email } },
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
