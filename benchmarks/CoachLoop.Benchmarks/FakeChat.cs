using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachLoop.Benchmarks;

/// <summary>
/// A loopback fake of the Slack Web API (<c>POST /api/{method}</c>) and the Bot Connector (<c>/v3/conversations/...</c>) in this
/// process, answering as ../shared/bench/peers' fakes do (users.lookupByEmail answers users_not_found, as Slack does for someone
/// not in the workspace), and recording when each call arrived, so a benchmark can time a card from the POST that caused it.
/// </summary>
internal sealed class FakeChat : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _seq;

    private FakeChat(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>Every call: method (Slack) or "PUT"/"POST" plus path (connector), the body, and <see cref="Stopwatch"/> ticks at arrival.</summary>
    public ConcurrentQueue<(string Method, string Body, long At)> Calls { get; } = new();

    public static async Task<FakeChat> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakeChat(builder.Build());
        fake._app.Map("/api/{method}", fake.SlackAsync);
        fake._app.Map("/v3/conversations/{**rest}", fake.ConnectorAsync);
        await fake._app.StartAsync();
        fake.Url = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public int Count(string method) => Calls.Count(c => c.Method == method);

    private async Task<IResult> SlackAsync(HttpContext context, string method)
    {
        var at = Stopwatch.GetTimestamp();
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Calls.Enqueue((method, body, at));
        var json = body.StartsWith('{') ? JsonNode.Parse(body) as JsonObject : null;
        var channel = json?["channel"]?.GetValue<string>() ?? "C111";
        var ts = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Interlocked.Increment(ref _seq) % 1_000_000:D6}";
        return method switch
        {
            "users.lookupByEmail" => Results.Json(new { ok = false, error = "users_not_found" }),
            "chat.postMessage" => Results.Json(new { ok = true, channel, ts }),
            "chat.update" => Results.Json(new { ok = true, channel, ts = json?["ts"]?.GetValue<string>() ?? ts }),
            "auth.test" => Results.Json(new { ok = true, team_id = ClickRig.SlackTeam, user_id = "U0COACHBOT", bot_id = "B0COACHBOT" }),
            _ => Results.Json(new { ok = true }),
        };
    }

    private async Task<IResult> ConnectorAsync(HttpContext context, string rest)
    {
        var at = Stopwatch.GetTimestamp();
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Calls.Enqueue(($"{context.Request.Method} {rest}", body, at));
        var id = Interlocked.Increment(ref _seq).ToString(CultureInfo.InvariantCulture);
        return context.Request.Method switch
        {
            "GET" => Results.NotFound(),
            "POST" when rest.Length == 0 => Results.Json(new { id = $"a:bench-{id}", activityId = id }, statusCode: 201),
            _ => Results.Json(new { id }),
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
