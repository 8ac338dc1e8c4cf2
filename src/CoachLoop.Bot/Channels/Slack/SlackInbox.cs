using System.Threading.Channels;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Stores Slack clicks before their request is acknowledged, so a click Slack was told "ok" about survives a crash or a kill -9.
/// Writes are group-committed: concurrent requests hand their click to one writer, which inserts everything waiting in one
/// transaction and answers each request once it has committed, so many clicks at once cost a few commits, not one each. A
/// click whose key (trigger_id) is already stored (a Slack retry) is answered "already stored" and not stored again.
/// <see cref="SlackInboxWorker"/> runs the stored clicks; <see cref="Signal"/> wakes it as soon as a batch has committed.
/// </summary>
public sealed partial class SlackInbox(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlackInbox> logger) : BackgroundService
{
    /// <summary>Most clicks one transaction takes; more waiting go in the next one.</summary>
    private const int MaxBatch = 500;

    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private int _unwritten;

    // Clicks this process stored and its worker has not settled yet (tests wait on it without asking the database).
    private int _unsettled;

    /// <summary>Pulsed after each commit that stored clicks, and by workers finishing a click.</summary>
    public OutboxSignal Signal { get; } = new();

    /// <summary>Stores <paramref name="click"/> durably; true when stored now, false when its key was stored before.</summary>
    public async Task<bool> StoreAsync(SlackClick click, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(click);
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new Waiting(SlackClickRows.ToRecord(click, clock.GetUtcNow()), stored);
        Interlocked.Increment(ref _unwritten);
        if (!_queue.Writer.TryWrite(waiting))
        {
            Interlocked.Decrement(ref _unwritten);
            throw new InvalidOperationException("The Slack click inbox is shutting down.");
        }

        return await waiting.Stored.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Waiting>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                Interlocked.Add(ref _unwritten, -batch.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: requests still waiting are not acknowledged (below), so Slack retries them.
        }
        finally
        {
            _queue.Writer.TryComplete();
            foreach (var waiting in batch.Concat(Drain()))
            {
                waiting.Stored.TrySetCanceled(stoppingToken);
            }
        }
    }

    private IEnumerable<Waiting> Drain()
    {
        while (_queue.Reader.TryRead(out var waiting))
        {
            yield return waiting;
        }
    }

    private async Task WriteAsync(List<Waiting> batch, CancellationToken ct)
    {
        try
        {
            var stored = await InsertAsync(batch, ct).ConfigureAwait(false);
            Interlocked.Add(ref _unsettled, stored.Count);
            foreach (var waiting in batch)
            {
                waiting.Stored.TrySetResult(stored.Contains(waiting));
            }

            if (stored.Count > 0)
            {
                Signal.Pulse();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not stored, so not acknowledged: the requests fail and Slack retries them.
            LogWriteFailed(logger, batch.Count, ex);
            foreach (var waiting in batch)
            {
                waiting.Stored.TrySetException(ex);
            }
        }
    }

    /// <summary>One transaction for the whole batch; the clicks actually stored (first of each key, and not stored before).</summary>
    private async Task<HashSet<Waiting>> InsertAsync(List<Waiting> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        var keys = batch.Select(w => w.Row.Key).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.InboundClicks.Where(c => keys.Contains(c.Key)).Select(c => c.Key).ToListAsync(ct).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = batch.Where(w => known.Add(w.Row.Key)).ToHashSet();
        if (fresh.Count == 0)
        {
            return fresh;
        }

        db.InboundClicks.AddRange(fresh.Select(w => w.Row));
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return fresh;
        }
        catch (DbUpdateException)
        {
            // Another host stored one of these keys in the meantime (a retry landing there): one at a time, skipping it.
            db.ChangeTracker.Clear();
            var stored = new HashSet<Waiting>();
            foreach (var waiting in fresh)
            {
                waiting.Row.Id = 0;
                db.InboundClicks.Add(waiting.Row);
                try
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    stored.Add(waiting);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    if (!await db.InboundClicks.AnyAsync(c => c.Key == waiting.Row.Key, ct).ConfigureAwait(false))
                    {
                        throw;
                    }
                }
            }

            return stored;
        }
    }

    /// <summary>
    /// Waits until every click handed in has been stored and run (tests; in-process only). It waits on this process's own count
    /// and asks the database when that count is settled (and every 200 ms, for clicks another host runs), so the wait adds a
    /// query or a few to what a test counts, not one per 10 ms.
    /// </summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        for (var look = 1; ; look++)
        {
            // Another host may run clicks this one stored: the database is asked every 200 ms meanwhile, and has the last word.
            if (Volatile.Read(ref _unwritten) == 0 && (Volatile.Read(ref _unsettled) <= 0 || look % 20 == 0))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<SlackInboxStore>().AnyPendingAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Stored Slack clicks did not finish in time.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>The worker settled <paramref name="count"/> clicks for good (done, or given up after their attempts).</summary>
    internal void Settled(int count) => Interlocked.Add(ref _unsettled, -count);

    public override void Dispose()
    {
        Signal.Dispose();
        base.Dispose();
    }

    private sealed record Waiting(InboundClick Row, TaskCompletionSource<bool> Stored);

    [LoggerMessage(LogLevel.Error, "Could not store {Count} Slack click(s); their requests fail so Slack sends them again")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
