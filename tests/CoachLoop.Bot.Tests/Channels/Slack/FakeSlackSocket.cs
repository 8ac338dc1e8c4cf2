using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// A loopback fake of Slack's Socket Mode end: a real Kestrel WebSocket server. Each URL it hands out (through the fake Web
/// API's apps.connections.open) serves one connection, which it greets with <c>hello</c>. It sends envelopes to the open
/// connections in turn and records every ack with its payload; an envelope not acked within <see cref="AckDeadline"/> is sent
/// again, as Slack does, with <c>retry_attempt</c> raised, on another connection if there is one. Tests can announce a
/// refresh (<c>disconnect</c>, then close) or drop a connection without a word.
/// </summary>
public sealed class FakeSlackSocket : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _urls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Connection> _open = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _acked = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;
    private int _next;

    private FakeSlackSocket(WebApplication app) => _app = app;

    /// <summary>How long Slack waits for an ack before sending the envelope again.</summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Every ack received, in order: the envelope id, its payload (or null), the connection and the time since sending.</summary>
    public ConcurrentQueue<(string EnvelopeId, JsonNode? Payload, int Connection, TimeSpan After)> Acks { get; } = new();

    /// <summary>Every envelope sent (redeliveries included) with the connection it went to.</summary>
    public ConcurrentQueue<(string EnvelopeId, int Attempt, int Connection)> Sent { get; } = new();

    /// <summary>Connections opened so far.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connections);

    /// <summary>The numbers of the connections open now, oldest first.</summary>
    public IReadOnlyList<int> OpenConnections => [.. _open.Keys.Order()];

    private Uri BaseUrl { get; set; } = null!;

    public static async Task<FakeSlackSocket> StartAsync(FakeSlackApi api)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeSlackSocket(builder.Build());
        fake._app.UseWebSockets();
        fake._app.Map("/link/{ticket}", fake.AcceptAsync);
        await fake._app.StartAsync();
        fake.BaseUrl = new Uri(fake._app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/link/");
        api.SocketUrl = fake.NewUrl;
        return fake;
    }

    /// <summary>What apps.connections.open answers: a fresh single-use URL.</summary>
    public string NewUrl()
    {
        var ticket = Guid.NewGuid().ToString("N");
        _urls[ticket] = true;
        return new Uri(BaseUrl, ticket + "?app=A0FAKE").ToString();
    }

    /// <summary>Waits until <paramref name="count"/> connections are open.</summary>
    public async Task WaitForConnectionsAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_open.Count < count)
        {
            Assert.True(DateTime.UtcNow < until, $"{_open.Count} Socket Mode connections open, expected {count}");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Sends an envelope (to <paramref name="connection"/>, else to the open connections in turn) and returns its id;
    /// <see cref="AckOfAsync"/> waits for its ack.
    /// </summary>
    public async Task<string> SendAsync(string type, JsonObject payload, bool acceptsResponsePayload = true, string? envelopeId = null,
        int? connection = null)
    {
        var id = envelopeId ?? Guid.NewGuid().ToString();
        _acked.TryAdd(id, new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        await DeliverAsync(id, type, payload, acceptsResponsePayload, attempt: 0, avoid: null, only: connection);
        return id;
    }

    /// <summary>The ack of an envelope (its JSON), once it came.</summary>
    public Task<JsonObject> AckOfAsync(string envelopeId, TimeSpan? timeout = null) =>
        _acked[envelopeId].Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));

    /// <summary>Announces the end of a connection (<c>disconnect</c> with <paramref name="reason"/>) and closes it after <paramref name="grace"/>.</summary>
    public async Task DisconnectAsync(int connection, string reason, TimeSpan grace)
    {
        if (!_open.TryGetValue(connection, out var open))
        {
            return;
        }

        await open.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });
        _ = Task.Delay(grace).ContinueWith(_ => open.CloseAsync(), TaskScheduler.Default);
    }

    /// <summary>Drops a connection without a word, as a network failure would.</summary>
    public void Drop(int connection)
    {
        if (_open.TryRemove(connection, out var open))
        {
            open.Socket.Abort();
        }
    }

    private async Task DeliverAsync(string id, string type, JsonObject payload, bool accepts, int attempt, int? avoid, int? only = null)
    {
        Connection? target = null;
        for (var wait = 0; target is null; wait++)
        {
            var open = _open.Values.Where(c => c.Socket.State == WebSocketState.Open && !c.Ending && (only is null || c.Number == only))
                .OrderBy(c => c.Number).ToList();
            var others = open.Where(c => c.Number != avoid).ToList();
            var candidates = others.Count > 0 ? others : open;
            if (candidates.Count > 0)
            {
                target = candidates[Interlocked.Increment(ref _next) % candidates.Count];
                break;
            }

            Assert.True(wait < 750, "no Socket Mode connection to send an envelope to");
            await Task.Delay(20);
        }

        var envelope = new JsonObject
        {
            ["envelope_id"] = id, ["type"] = type, ["payload"] = payload.DeepClone(), ["accepts_response_payload"] = accepts,
        };
        if (attempt > 0)
        {
            envelope["retry_attempt"] = attempt;
            envelope["retry_reason"] = "timeout";
        }

        target.SentAt[id] = DateTime.UtcNow;
        Sent.Enqueue((id, attempt, target.Number));
        if (!await target.SendAsync(envelope))
        {
            await DeliverAsync(id, type, payload, accepts, attempt + 1, target.Number);
            return;
        }

        _ = Task.Delay(AckDeadline, _stop.Token).ContinueWith(async t =>
        {
            if (!t.IsCanceled && !_acked[id].Task.IsCompleted)
            {
                await DeliverAsync(id, type, payload, accepts, attempt + 1, target.Number);
            }
        }, TaskScheduler.Default);
    }

    private async Task AcceptAsync(HttpContext context, string ticket)
    {
        if (!context.WebSockets.IsWebSocketRequest || !_urls.TryRemove(ticket, out _))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new Connection(Interlocked.Increment(ref _connections), socket);
        _open[connection.Number] = connection;
        await connection.SendAsync(new JsonObject
        {
            ["type"] = "hello", ["num_connections"] = _open.Count,
            ["debug_info"] = new JsonObject { ["host"] = "fake", ["approximate_connection_time"] = 3600 },
            ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" },
        });
        await ReadAcksAsync(connection);
        _open.TryRemove(connection.Number, out _);
    }

    private async Task ReadAcksAsync(Connection connection)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (connection.Socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await connection.Socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await connection.CloseAsync();
                    return;
                }

                var ack = JsonNode.Parse(message.ToArray())!.AsObject();
                var id = ack["envelope_id"]!.GetValue<string>();
                var after = connection.SentAt.TryGetValue(id, out var sent) ? DateTime.UtcNow - sent : TimeSpan.Zero;
                Acks.Enqueue((id, ack["payload"]?.DeepClone(), connection.Number, after));
                if (_acked.TryGetValue(id, out var waiting))
                {
                    waiting.TrySetResult(ack);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Dropped by the test, or the fake is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var connection in _open.Values)
        {
            connection.Socket.Abort();
        }

        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class Connection(int number, WebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public int Number => number;

        public WebSocket Socket => socket;

        public bool Ending { get; private set; }

        public ConcurrentDictionary<string, DateTime> SentAt { get; } = new(StringComparer.Ordinal);

        public void Dispose() => _send.Dispose();

        public async Task<bool> SendAsync(JsonObject message)
        {
            Ending |= message["type"]?.GetValue<string>() == "disconnect";
            try
            {
                await _send.WaitAsync();
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
                return false;
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task CloseAsync()
        {
            try
            {
                await _send.WaitAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
                // Already gone.
            }
            finally
            {
                _send.Release();
            }
        }
    }
}
