using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. It reads Slack's messages (<c>hello</c>, <c>disconnect</c>, envelopes) until the socket closes,
/// hands each envelope to its caller without waiting for it (envelopes are handled side by side, each acked on this socket when
/// done), and can be closed gently: it stops only once the envelopes it received are acked or the drain time is up.
/// </summary>
internal sealed class SlackSocketConnection(ClientWebSocket socket, int number) : IAsyncDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ending = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

    public int Number => number;

    /// <summary>Slack said hello and the socket is open.</summary>
    public bool IsOpen => _hello.Task.IsCompletedSuccessfully && socket.State == WebSocketState.Open;

    /// <summary>Set when Slack said hello: the connection receives envelopes.</summary>
    public Task Hello => _hello.Task;

    /// <summary>
    /// Set when this connection should be replaced: Slack announced its end (<c>disconnect</c> with its reason; the socket
    /// still receives until Slack closes it) or the socket is gone ("closed").
    /// </summary>
    public Task<string> Ending => _ending.Task;

    /// <summary>Reads until the socket closes; <paramref name="onEnvelope"/> starts the handling of each envelope.</summary>
    public async Task ReadAsync(Action<JsonObject, SlackSocketConnection> onEnvelope, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                buffer.Clear();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), ct).ConfigureAwait(false);
                    buffer.Advance(received.Count);
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (received.MessageType == WebSocketMessageType.Text && Parse(buffer.WrittenSpan) is { } message)
                {
                    Dispatch(message, onEnvelope);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped socket ends like a closed one: the caller reconnects.
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The Socket Mode connection closed before Slack said hello."));
            _ending.TrySetResult("closed");
        }
    }

    /// <summary>Acknowledges an envelope, with the payload the HTTP answer would have carried when there is one.</summary>
    public async Task<bool> AckAsync(string envelopeId, JsonNode? payload, CancellationToken ct)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
        {
            ack["payload"] = payload.DeepClone();
        }

        try
        {
            await _send.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        try
        {
            if (socket.State != WebSocketState.Open)
            {
                return false;
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
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

    /// <summary>Counts an envelope received here as being handled, until <see cref="Handled"/>.</summary>
    public void Handling() => Interlocked.Increment(ref _inFlight);

    public void Handled() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Closes the socket once the envelopes it received are acked, or after <paramref name="drain"/> at most.</summary>
    public async Task CloseAsync(TimeSpan drain)
    {
        var until = DateTime.UtcNow + drain;
        while (Volatile.Read(ref _inFlight) > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
        finally
        {
            _send.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Abort();
        socket.Dispose();
        _send.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Dispatch(JsonObject message, Action<JsonObject, SlackSocketConnection> onEnvelope)
    {
        switch (SlackJson.Str(message, "type"))
        {
            case "hello":
                _hello.TrySetResult();
                break;
            case "disconnect":
                _ending.TrySetResult(SlackJson.Str(message, "reason") ?? "disconnect");
                break;
            default:
                if (SlackJson.Str(message, "envelope_id") is { Length: > 0 })
                {
                    onEnvelope(message, this);
                }

                break;
        }
    }

    private static JsonObject? Parse(ReadOnlySpan<byte> text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
