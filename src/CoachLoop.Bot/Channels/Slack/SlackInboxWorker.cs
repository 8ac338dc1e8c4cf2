using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Runs the clicks <see cref="SlackInbox"/> stored: claims them with a lease (as the outbox dispatcher claims messages, under the
/// same host name), runs up to <see cref="SlackOptions.ClickParallelismFor"/> at once through <see cref="SlackClicks"/>, each on a
/// different card, and marks them done. The bookkeeping is done for many clicks at once, so that under load it costs a
/// fraction of a statement per click: the worker claims up to <see cref="ClaimAhead"/> per slot in one update and keeps them
/// in id order until a slot is free, looking for more only when fewer than its slots are left; it marks done every click that
/// finished since the last time in one update once <see cref="MarkBatch"/> have finished, nothing is left to run, or the
/// first of them finished <see cref="MarkWithin"/> ago. A click
/// run again after a crash (applied, not yet marked done) has no second effect: the card action pipeline answers a click key
/// it has seen with its first answer. A claimed click that waited half its lease here without a free slot is given back, not
/// run on a lease that may run out. Wakes on <see cref="SlackInbox.Signal"/>, polls as a fallback (clicks another host
/// stored), and prunes done clicks past their retention.
/// </summary>
public sealed partial class SlackInboxWorker(IServiceScopeFactory scopes, SlackInbox inbox, IOptions<SlackOptions> options,
    IOptions<OutboxOptions> outbox, IOptions<DataOptions> data, TimeProvider clock, ILogger<SlackInboxWorker> logger) : BackgroundService
{
    /// <summary>Clicks claimed at once per click slot (a backlog is claimed in a few updates, not one per click).</summary>
    internal const int ClaimAhead = 8;

    /// <summary>Finished clicks marked done in one update (fewer when nothing else is left to run).</summary>
    internal const int MarkBatch = 32;

    /// <summary>Longest a finished click waits to be marked done (a quarter of the lease, if that is shorter).</summary>
    internal static readonly TimeSpan MarkWithin = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly string _host = OutboxDispatcher.HostOf(outbox.Value);
    private readonly string _owner = OutboxDispatcher.HostOf(outbox.Value) + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<long, (Task<Exception?> Run, string Card, InboundClick Row)> _running = [];
    private readonly List<Claimed> _claimed = [];
    private readonly List<long> _finished = [];
    private DateTimeOffset _finishedSince;
    private readonly int _parallelism = options.Value.ClickParallelismFor(data.Value.Provider);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path.
        await Task.Yield();
        var settings = options.Value;
        try
        {
            await ResumeEarlierClaimsAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PassAsync(settings, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPassFailed(logger, ex);
                }

                // A commit of new clicks, a click finishing and the poll interval all end this wait.
                await inbox.Signal.WaitAsync(settings.ClickPollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: clicks being run finish or are left to their lease (taken back at once by this host's next start).
        }
        finally
        {
            await Task.WhenAll(_running.Values.Select(r => (Task)r.Run)).ConfigureAwait(false);
            try
            {
                await WithStoreAsync(async store =>
                {
                    await SettleAsync(store, settings, CancellationToken.None, stopping: true).ConfigureAwait(false);
                    // Claimed and not started: free for any host now rather than after the lease.
                    await store.ReleaseAsync(_claimed.Select(c => c.Row.Id).ToList(), _owner, CancellationToken.None).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Applied clicks not marked done run again after their lease, answered from their first run.
                LogPassFailed(logger, ex);
            }
        }
    }

    /// <summary>What this host was running when it last stopped (crash, kill -9) is runnable again now, not after its lease.</summary>
    private async Task ResumeEarlierClaimsAsync(CancellationToken ct)
    {
        try
        {
            await WithStoreAsync(async store =>
            {
                if (await store.ReleaseEarlierLeasesAsync(_host, _owner, ct).ConfigureAwait(false) is > 0 and var resumed)
                {
                    LogResumed(logger, resumed, _host.TrimEnd('#'));
                }
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Not fatal: those clicks are run once their leases run out.
            LogPassFailed(logger, ex);
        }
    }

    private async Task PassAsync(SlackOptions settings, CancellationToken ct)
    {
        await WithStoreAsync(async store =>
        {
            await SettleAsync(store, settings, ct).ConfigureAwait(false);
            await StartClaimedAsync(store, settings, ct).ConfigureAwait(false);
            if (_claimed.Count < _parallelism)
            {
                await ClaimAsync(store, settings, ct).ConfigureAwait(false);
                await StartClaimedAsync(store, settings, ct).ConfigureAwait(false);
            }

            if (clock.GetUtcNow() >= _nextPrune)
            {
                _nextPrune = clock.GetUtcNow() + PruneEvery;
                await store.PruneAsync(clock.GetUtcNow() - settings.ClickRetention, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Clicks that finished: done in one update once enough have finished, nothing is left to run, the first of them finished
    /// <see cref="MarkWithin"/> ago or the worker is stopping; a failure backs off (or is given up after the attempts) at once,
    /// on its own.
    /// </summary>
    private async Task SettleAsync(SlackInboxStore store, SlackOptions settings, CancellationToken ct, bool stopping = false)
    {
        var finished = _running.Where(r => r.Value.Run.IsCompleted).ToList();
        foreach (var (id, _) in finished)
        {
            _running.Remove(id);
        }

        // A click cut short by shutting down is left to its lease.
        var now = clock.GetUtcNow();
        foreach (var (id, _) in finished.Where(r => r.Value.Run.IsCompletedSuccessfully && r.Value.Run.Result is null))
        {
            _finishedSince = _finished.Count == 0 ? now : _finishedSince;
            _finished.Add(id);
        }

        var givenUp = 0;
        foreach (var (id, run) in finished.Where(r => r.Value.Run.IsCompletedSuccessfully && r.Value.Run.Result is not null))
        {
            var attempts = run.Row.Attempts + 1;
            givenUp += attempts >= settings.ClickMaxAttempts ? 1 : 0;
            await (attempts >= settings.ClickMaxAttempts
                ? store.GiveUpAsync(id, _owner, Clip(run.Run.Result!.Message), ct)
                : store.RetryLaterAsync(id, _owner, Backoff.Delay(attempts, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), Random.Shared.NextDouble()), ct))
                .ConfigureAwait(false);
        }

        var done = 0;
        // Never so late that the claim could run out and the click be run again (a slow click holding a slot, a trickle of others).
        var overdue = now - _finishedSince >= TimeSpan.FromTicks(Math.Min(MarkWithin.Ticks, settings.ClickLease.Ticks / 4));
        if (_finished.Count >= MarkBatch || (_finished.Count > 0 && (stopping || overdue || (_running.Count == 0 && _claimed.Count == 0))))
        {
            await store.MarkDoneAsync(_finished, _owner, ct).ConfigureAwait(false);
            done = _finished.Count;
            _finished.Clear();
        }

        if (done + givenUp > 0)
        {
            inbox.Settled(done + givenUp);
        }
    }

    /// <summary>Claims the oldest free clicks, up to <see cref="ClaimAhead"/> per slot, in one update, to be run in id order.</summary>
    private async Task ClaimAsync(SlackInboxStore store, SlackOptions settings, CancellationToken ct)
    {
        var want = _parallelism * ClaimAhead - _claimed.Count;
        var pending = await store.PendingAsync(want, ct).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return;
        }

        var at = clock.GetUtcNow();
        var got = await store.ClaimAsync(pending.Select(r => r.Id).ToList(), _owner, settings.ClickLease, ct).ConfigureAwait(false);
        foreach (var row in pending.Where(r => got.Contains(r.Id)))
        {
            var click = SlackClickRows.ToClick(row);
            _claimed.Add(new(row, click, click.Data.GetValueOrDefault(Cards.CardData.SubjectId) ?? row.Key, at));
        }
    }

    /// <summary>
    /// Starts claimed clicks in id order into the free slots. Clicks on one card run one at a time, in the order they came (as
    /// they did in one queue); other cards go on beside. A claim held here for half its lease is given back instead.
    /// </summary>
    private async Task StartClaimedAsync(SlackInboxStore store, SlackOptions settings, CancellationToken ct)
    {
        var stale = clock.GetUtcNow() - settings.ClickLease / 2;
        if (_claimed.Any(c => c.At < stale))
        {
            // With the later clicks on the same cards, so that whoever runs them next runs them in order.
            var cards = _claimed.Where(c => c.At < stale).Select(c => c.Card).ToHashSet(StringComparer.Ordinal);
            var given = _claimed.Where(c => cards.Contains(c.Card)).Select(c => c.Row.Id).ToList();
            _claimed.RemoveAll(c => cards.Contains(c.Card));
            await store.ReleaseAsync(given, _owner, ct).ConfigureAwait(false);
        }

        var busy = _running.Values.Select(r => r.Card).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < _claimed.Count && _running.Count < _parallelism;)
        {
            var next = _claimed[i];
            if (!busy.Add(next.Card))
            {
                i++;
                continue;
            }

            _claimed.RemoveAt(i);
            _running[next.Row.Id] = (Task.Run(() => RunAsync(next.Row, next.Click, ct), CancellationToken.None), next.Card, next.Row);
        }
    }

    /// <summary>Runs one click in its own scope: null when it ran, else the error (the pass records either).</summary>
    private async Task<Exception?> RunAsync(InboundClick row, SlackClick click, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlackClicks>().RunAndAnswerAsync(click, ct).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogClickFailed(logger, click.Verb, row.Attempts + 1, ex);
            return ex;
        }
        finally
        {
            inbox.Signal.Pulse();
        }
    }

    private async Task WithStoreAsync(Func<SlackInboxStore, Task> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<SlackInboxStore>()).ConfigureAwait(false);
    }

    private sealed record Claimed(InboundClick Row, SlackClick Click, string Card, DateTimeOffset At);

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(LogLevel.Error, "A pass of the Slack click workers failed; they will look again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Error, "Slack click {Verb} failed (attempt {Attempts})")]
    private static partial void LogClickFailed(ILogger logger, string verb, int attempts, Exception exception);

    [LoggerMessage(LogLevel.Information, "Resuming {Count} Slack click(s) host {Host} was running when it stopped")]
    private static partial void LogResumed(ILogger logger, int count, string host);
}
