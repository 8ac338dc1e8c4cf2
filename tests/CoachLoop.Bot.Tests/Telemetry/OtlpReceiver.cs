using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoachLoop.Bot.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP collector on loopback, just enough for an exporter: POST /v1/traces and /v1/metrics with an
/// application/x-protobuf body, answered 200 with an empty (all fields default) protobuf response.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string ContentType, byte[] Body)> Received { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/{signal}", receiver.AcceptAsync);
        await receiver._app.StartAsync();
        receiver.BaseUrl = new Uri(receiver._app.Urls.First().TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Everything received on <paramref name="path"/> (e.g. /v1/traces), its bytes read as text: protobuf keeps strings as UTF-8.</summary>
    public string TextOf(string path) =>
        string.Concat(Received.Where(r => r.Path == path).Select(r => System.Text.Encoding.UTF8.GetString(r.Body)));

    private async Task<IResult> AcceptAsync(HttpContext context, string signal)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Received.Enqueue(("/v1/" + signal, context.Request.ContentType ?? "", body.ToArray()));
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
