using CoachLoop.Data.Outbox;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// The only code that sends cards. It wakes when new rows are committed (or every poll interval), claims
/// the head of each lane with a lease, and delivers through the channel's <see cref="ICardSender"/>.
/// Several hosts may run it against one PostgreSQL database: a claim is a conditional update, so each
/// message is handled by one host at a time, and a host that dies mid-delivery loses its lease.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // Unique per dispatcher instance, so two hosts (or two test hosts in one process) never share a lease.
    private readonly string _owner = Truncate(options.Value.HostName ?? Environment.MachineName, 50) + ":" + Guid.NewGuid().ToString("N")[..12];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(logger, ex);
                handled = 0;
            }

            if (handled == 0)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass: claim what is due and deliver it. Returns how many messages were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        var due = await store.DueAsync(options.Value.BatchSize, ct).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        // DueAsync returns only the head of each lane, so lanes can go in parallel and each conversation stays in order.
        var handled = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct },
            async (message, token) =>
            {
                await using var deliveryScope = scopes.CreateAsyncScope();
                var delivery = deliveryScope.ServiceProvider.GetRequiredService<OutboxDelivery>();
                if (await delivery.DeliverAsync(message.Id, _owner, token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref handled);
                }
            }).ConfigureAwait(false);
        return handled;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(LogLevel.Error, "The outbox dispatcher pass failed; it will try again")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
