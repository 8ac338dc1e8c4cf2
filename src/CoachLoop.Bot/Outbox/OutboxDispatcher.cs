using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// The only code that sends cards. It wakes when new rows are committed (or every poll interval), claims the head of each
/// lane with a lease, and delivers through the channel's <see cref="ICardSender"/>, lanes side by side
/// (<see cref="OutboxLanes"/>). Several hosts may run it against one PostgreSQL database: a claim is a conditional update, so
/// each message is handled by one host at a time, and a host that dies mid-delivery loses its lease.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, OutboxSignal signal, DurableCommits durable, IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // The host part is stable across restarts (so a restarted host knows its own leases); the instance part tells lives apart.
    private readonly string _host = HostOf(options.Value);
    private readonly string _owner = HostOf(options.Value) + Guid.NewGuid().ToString("N")[..12];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await ReleaseEarlierLeasesAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await new OutboxLanes(scopes, signal, settings, _owner, durable, logger).RunAsync(untilIdle: false, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(settings.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Delivers everything due now, lanes side by side, and returns once all lanes are idle: how many messages were handled.</summary>
    public Task<int> RunOnceAsync(CancellationToken ct) => new OutboxLanes(scopes, signal, options.Value, _owner, durable, logger).RunAsync(untilIdle: true, ct);

    /// <summary>What this host was sending when it last stopped (crash, kill -9) is due again now, not after its lease.</summary>
    public async Task ReleaseEarlierLeasesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var released = await scope.ServiceProvider.GetRequiredService<OutboxStore>().ReleaseEarlierLeasesAsync(_host, _owner, ct).ConfigureAwait(false);
        if (released > 0)
        {
            LogResumed(logger, released, _host.TrimEnd('#'));
        }
    }

    /// <summary>This host's stable lease-owner prefix ("name#"), shared by every lease table (outbox, Slack clicks).</summary>
    internal static string HostOf(OutboxOptions settings)
    {
        var host = settings.HostName ?? Environment.MachineName;
        return (host.Length <= 50 ? host : host[..50]) + "#";
    }

    [LoggerMessage(LogLevel.Error, "The outbox dispatcher pass failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Information, "Resuming {Count} outbox message(s) host {Host} was sending when it stopped")]
    private static partial void LogResumed(ILogger logger, int count, string host);
}
