using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack.SocketMode;

/// <summary>
/// Slack's Socket Mode (<see href="https://api.slack.com/apis/socket-mode">Socket Mode</see>): CoachLoop opens the connections
/// itself (apps.connections.open with the app-level token, then a WebSocket to the URL it returns), so no inbound route is
/// needed. It keeps <see cref="SlackOptions.SocketConnections"/> connections open, each in a slot of its own:
/// <list type="bullet">
/// <item>a <c>disconnect</c> (<c>warning</c>, <c>refresh_requested</c>) makes the slot open the next connection while the old one
/// keeps receiving, and closes the old one once the new one said hello and its envelopes are acked: a refresh loses nothing;</item>
/// <item>a dropped socket or a failed open is retried with backoff (one second doubling to <see cref="SlackOptions.SocketMaxBackoff"/>,
/// with jitter; a 429's Retry-After is honoured, apps.connections.open being a Tier 1 method);</item>
/// <item>each envelope is handled as its HTTP request would be (<see cref="SlackEnvelopeHandler"/>) and acked by its
/// <c>envelope_id</c> with the HTTP answer's body as <c>payload</c>. An envelope whose handling fails is not acked, so Slack
/// sends it again. A redelivered envelope (the same id, or a retry_attempt of an event or click already stored) is not handled
/// twice: ids are remembered here, and events and clicks are deduplicated durably on event_id and trigger_id.</item>
/// </list>
/// </summary>
public sealed partial class SlackSocketMode(
    SlackApiClient slack, SlackEnvelopeHandler handler, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackSocketMode> logger)
    : BackgroundService
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, SeenEnvelope> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, SlackSocketConnection> _live = new();
    private int _connectionNumber;
    private long _received;

    /// <summary>Connections that said hello and are open (health checks, tests).</summary>
    public int OpenConnections => _live.Values.Count(c => c.IsOpen);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.SocketConnections).Select(slot => RunSlotAsync(slot, stoppingToken)));

    private async Task RunSlotAsync(int slot, CancellationToken stop)
    {
        var failures = 0;
        SlackSocketConnection? replaced = null;
        while (!stop.IsCancellationRequested)
        {
            var (connection, retryAfter) = await ConnectAsync(stop).ConfigureAwait(false);
            if (connection is null)
            {
                failures++;
                await DelayAsync(Backoff(failures, retryAfter), stop).ConfigureAwait(false);
                continue;
            }

            failures = 0;
            if (replaced is not null)
            {
                // The new connection receives now; the old one closes once what it received is acked.
                _ = CloseAsync(replaced);
                replaced = null;
            }

            var reason = await connection.Ending.WaitAsync(stop).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "stopping",
                TaskScheduler.Default).ConfigureAwait(false);
            LogEnding(logger, slot, connection.Number, reason);
            switch (reason)
            {
                case "warning" or "refresh_requested":
                    replaced = connection;
                    break;
                case "too_many_websockets" or "link_disabled":
                    // Reconnecting at once would only be refused again.
                    await CloseAsync(connection).ConfigureAwait(false);
                    await DelayAsync(options.Value.SocketMaxBackoff, stop).ConfigureAwait(false);
                    break;
                default:
                    await CloseAsync(connection).ConfigureAwait(false);
                    break;
            }
        }

        if (replaced is not null)
        {
            await CloseAsync(replaced).ConfigureAwait(false);
        }
    }

    /// <summary>A connection that said hello, or null with the wait Slack asked for.</summary>
    private async Task<(SlackSocketConnection? Connection, TimeSpan? RetryAfter)> ConnectAsync(CancellationToken stop)
    {
        var opened = await slack.OpenSocketAsync(options.Value.AppToken!, stop).ConfigureAwait(false);
        if (!opened.Ok || !Uri.TryCreate(opened.Get("url"), UriKind.Absolute, out var url))
        {
            LogOpenFailed(logger, opened.Describe());
            return (null, opened.RetryAfter);
        }

        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
        var connection = new SlackSocketConnection(socket, Interlocked.Increment(ref _connectionNumber));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(HelloTimeout);
            await socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
            _live[connection.Number] = connection;
            _ = connection.ReadAsync((envelope, on) => OnEnvelope(envelope, on, stop), stop);
            await connection.Hello.WaitAsync(timeout.Token).ConfigureAwait(false);
            LogConnected(logger, connection.Number);
            return (connection, null);
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            // Whatever failed (a refused handshake, a network error, no hello in time), the slot backs off and tries again:
            // an exception escaping a hosted service would stop the host.
            LogConnectFailed(logger, ex.GetType().Name, ex.Message);
            await CloseAsync(connection).ConfigureAwait(false);
            return (null, null);
        }
    }

    private void OnEnvelope(JsonObject envelope, SlackSocketConnection connection, CancellationToken stop)
    {
        var id = SlackJson.Str(envelope, "envelope_id")!;
        Forget();
        var entry = new SeenEnvelope(clock.GetUtcNow());
        var seen = _seen.GetOrAdd(id, entry);
        if (!ReferenceEquals(seen, entry))
        {
            // Slack sent it again (our ack was lost or late): ack again once handled, never handle twice.
            LogRedelivered(logger, id, envelope["retry_attempt"]?.ToJsonString() ?? "0");
            if (seen.Done)
            {
                _ = connection.AckAsync(id, seen.Payload, stop);
            }

            return;
        }

        connection.Handling();
        _ = Task.Run(() => HandleAsync(envelope, id, entry, connection, stop), CancellationToken.None);
    }

    private async Task HandleAsync(JsonObject envelope, string id, SeenEnvelope entry, SlackSocketConnection connection, CancellationToken stop)
    {
        try
        {
            var answer = await handler.HandleAsync(envelope, stop).ConfigureAwait(false);
            var payload = envelope["accepts_response_payload"] is JsonValue accepts && accepts.TryGetValue<bool>(out var yes) && !yes ? null : answer.Payload;
            entry.Payload = payload;
            entry.Done = true;
            if (!await connection.AckAsync(id, payload, stop).ConfigureAwait(false))
            {
                LogAckLost(logger, id, connection.Number);
            }

            foreach (var after in answer.AfterAck)
            {
                await after().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            // Not acked: Slack sends it again, and that delivery is handled afresh.
            _seen.TryRemove(id, out _);
            LogFailed(logger, ex, id);
        }
        finally
        {
            connection.Handled();
        }
    }

    /// <summary>Drops remembered envelope ids older than Slack would redeliver, every thousand envelopes.</summary>
    private void Forget()
    {
        if (Interlocked.Increment(ref _received) % 1000 != 0)
        {
            return;
        }

        var before = clock.GetUtcNow() - Remembered;
        foreach (var (id, seen) in _seen)
        {
            if (seen.At < before)
            {
                _seen.TryRemove(id, out _);
            }
        }
    }

    private async Task CloseAsync(SlackSocketConnection connection)
    {
        await connection.CloseAsync(Drain).ConfigureAwait(false);
        _live.TryRemove(connection.Number, out _);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The outbox's backoff from one second, but never sooner than Slack's Retry-After.</summary>
    private TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        var jittered = Outbox.Backoff.Delay(failures, TimeSpan.FromSeconds(1), options.Value.SocketMaxBackoff, Random.Shared.NextDouble());
        return retryAfter is { } wait && wait > jittered ? wait : jittered;
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(LogLevel.Information, "Slack Socket Mode connection {Number} is open")]
    private static partial void LogConnected(ILogger logger, int number);

    [LoggerMessage(LogLevel.Information, "Slack Socket Mode slot {Slot}: connection {Number} ends ({Reason})")]
    private static partial void LogEnding(ILogger logger, int slot, int number, string reason);

    [LoggerMessage(LogLevel.Warning, "Slack apps.connections.open failed: {Error}; retrying with backoff")]
    private static partial void LogOpenFailed(ILogger logger, string error);

    [LoggerMessage(LogLevel.Warning, "Slack Socket Mode connection failed ({Type}: {Message}); retrying with backoff")]
    private static partial void LogConnectFailed(ILogger logger, string type, string message);

    [LoggerMessage(LogLevel.Information, "Slack envelope {EnvelopeId} came again (retry attempt {Attempt}); not handled twice")]
    private static partial void LogRedelivered(ILogger logger, string envelopeId, string attempt);

    [LoggerMessage(LogLevel.Warning, "The ack of Slack envelope {EnvelopeId} could not be sent: connection {Number} closed; Slack will send it again")]
    private static partial void LogAckLost(ILogger logger, string envelopeId, int number);

    [LoggerMessage(LogLevel.Error, "Slack envelope {EnvelopeId} failed; not acked, so Slack sends it again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string envelopeId);

    /// <summary>An envelope id seen on some connection: once handled, the payload its ack carries.</summary>
    private sealed class SeenEnvelope(DateTimeOffset at)
    {
        public DateTimeOffset At => at;

        private volatile bool _done;

        public JsonNode? Payload { get; set; }

        /// <summary>Handled; set after <see cref="Payload"/>, so a reader that sees it also sees the payload.</summary>
        public bool Done
        {
            get => _done;
            set => _done = value;
        }
    }
}
