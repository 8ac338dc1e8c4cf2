using CoachLoop.Bot.Outbox;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Runs the clicks <see cref="SlackInbox"/> stored: claims them with a lease (as the outbox dispatcher claims messages, under the
/// same host name), runs up to <see cref="SlackOptions.ClickParallelismFor"/> at once through <see cref="SlackClicks"/>, each on a
/// different card, and marks them done. The bookkeeping is done for many clicks at once: each pass marks done every click that
/// finished since the last one (one update), then claims the next clicks for the free slots (one update). A click run again
/// after a crash (applied, not yet marked done) has no second effect: the card action pipeline answers a click key it has seen
/// with its first answer. Wakes on <see cref="SlackInbox.Signal"/>,
/// polls as a fallback (clicks another host stored), and prunes done clicks past their retention.
/// </summary>
public sealed partial class SlackInboxWorker(IServiceScopeFactory scopes, SlackInbox inbox, IOptions<SlackOptions> options,
    IOptions<OutboxOptions> outbox, IOptions<DataOptions> data, TimeProvider clock, ILogger<SlackInboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly string _host = OutboxDispatcher.HostOf(outbox.Value);
    private readonly string _owner = OutboxDispatcher.HostOf(outbox.Value) + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<long, (Task<Exception?> Run, string Card, InboundClick Row)> _running = [];
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
                await WithStoreAsync(store => SettleAsync(store, settings, CancellationToken.None)).ConfigureAwait(false);
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
            var free = _parallelism - _running.Count;
            if (free > 0)
            {
                await FillAsync(store, settings, free, ct).ConfigureAwait(false);
            }

            if (clock.GetUtcNow() >= _nextPrune)
            {
                _nextPrune = clock.GetUtcNow() + PruneEvery;
                await store.PruneAsync(clock.GetUtcNow() - settings.ClickRetention, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Clicks that finished: done in one update; a failure backs off (or is given up after the attempts) on its own.</summary>
    private async Task SettleAsync(SlackInboxStore store, SlackOptions settings, CancellationToken ct)
    {
        var finished = _running.Where(r => r.Value.Run.IsCompleted).ToList();
        if (finished.Count == 0)
        {
            return;
        }

        // A click cut short by shutting down is left to its lease.
        var done = finished.Where(r => r.Value.Run.IsCompletedSuccessfully && r.Value.Run.Result is null).Select(r => r.Key).ToList();
        await store.MarkDoneAsync(done, _owner, ct).ConfigureAwait(false);
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

        foreach (var (id, _) in finished)
        {
            _running.Remove(id);
        }

        inbox.Settled(done.Count + givenUp);
    }

    private async Task FillAsync(SlackInboxStore store, SlackOptions settings, int free, CancellationToken ct)
    {
        // Clicks on one card run one at a time, in the order they came (as they did in one queue); other cards go on beside.
        var busy = _running.Values.Select(r => r.Card).ToHashSet(StringComparer.Ordinal);
        var next = new List<(InboundClick Row, SlackClick Click, string Card)>();
        foreach (var row in await store.PendingAsync(free * 4, ct).ConfigureAwait(false))
        {
            var click = SlackClickRows.ToClick(row);
            var card = click.Data.GetValueOrDefault(Cards.CardData.SubjectId) ?? row.Key;
            if (busy.Add(card))
            {
                next.Add((row, click, card));
                if (next.Count == free)
                {
                    break;
                }
            }
        }

        if (next.Count == 0)
        {
            return;
        }

        var claimed = await store.ClaimAsync(next.Select(n => n.Row.Id).ToList(), _owner, settings.ClickLease, ct).ConfigureAwait(false);
        foreach (var (row, click, card) in next.Where(n => claimed.Contains(n.Row.Id)))
        {
            _running[row.Id] = (Task.Run(() => RunAsync(row, click, ct), CancellationToken.None), card, row);
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

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(LogLevel.Error, "A pass of the Slack click workers failed; they will look again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Error, "Slack click {Verb} failed (attempt {Attempts})")]
    private static partial void LogClickFailed(ILogger logger, string verb, int attempts, Exception exception);

    [LoggerMessage(LogLevel.Information, "Resuming {Count} Slack click(s) host {Host} was running when it stopped")]
    private static partial void LogResumed(ILogger logger, int count, string host);
}
