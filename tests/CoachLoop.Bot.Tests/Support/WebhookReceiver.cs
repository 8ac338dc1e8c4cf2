using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>
/// A webhook receiver on a loopback port (real Kestrel), written the way the README tells integrators to: it checks the
/// CoachLoop-Signature header itself (HMAC-SHA256 over "{t}.{body}" with the secret, the timestamp within 5 minutes of the
/// given clock) and records every request. <see cref="Answer"/> decides the HTTP answer.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;

    private WebhookReceiver(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>The subscription's secret, known once the subscription is created.</summary>
    public string Secret { get; set; } = "";

    public ConcurrentQueue<WebhookHit> Hits { get; } = new();

    /// <summary>The status to answer (and a Retry-After in seconds); 200 by default. May wait, to play a slow receiver.</summary>
    public Func<WebhookHit, Task<(int Status, int? RetryAfter)>> Answer { get; set; } = _ => Task.FromResult<(int, int?)>((200, null));

    public IReadOnlyList<WebhookHit> Events => [.. Hits];

    public static async Task<WebhookReceiver> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, clock);
        app.MapPost("/hook", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hook");
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var header = context.Request.Headers["CoachLoop-Signature"].ToString();
        using var json = JsonDocument.Parse(body);
        var hit = new WebhookHit(_clock.GetUtcNow(), Guid.Parse(context.Request.Headers["CoachLoop-Event-Id"].ToString()),
            json.RootElement.GetProperty("type").GetString()!, body, Verify(header, body), json.RootElement.GetProperty("id").GetGuid());
        Hits.Enqueue(hit);
        var (status, retryAfter) = await Answer(hit);
        context.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    // The receiver's side of the scheme, written from the README, not with the sender's code.
    private bool Verify(string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if (Math.Abs(_clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request a receiver got: when (on the test clock), the event id header, its type and body, whether the signature held.</summary>
public sealed record WebhookHit(DateTimeOffset At, Guid EventId, string Type, string Body, bool Verified, Guid PayloadId);
