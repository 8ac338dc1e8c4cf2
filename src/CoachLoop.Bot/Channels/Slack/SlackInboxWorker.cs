using CoachLoop.Bot.Outbox;
using CoachLoop.Data.Records;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// Runs the clicks <see cref="SlackInbox"/> stored: claims them with a lease (as the outbox dispatcher claims messages, under the
/// same host name), runs up to <see cref="SlackOptions.ClickParallelism"/> at once through <see cref="SlackClicks"/>, each on a
/// different card, and marks them done. A click run again after a crash (applied, not yet marked done) has no second effect:
/// the card action pipeline answers a click key it has seen with its first answer. Wakes on <see cref="SlackInbox.Signal"/>,
/// polls as a fallback (clicks another host stored), and prunes done clicks past their retention.
/// </summary>
public sealed partial class SlackInboxWorker(IServiceScopeFactory scopes, SlackInbox inbox, IOptions<SlackOptions> options,
    IOptions<OutboxOptions> outbox, TimeProvider clock, ILogger<SlackInboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly string _host = OutboxDispatcher.HostOf(outbox.Value);
    private readonly string _owner = OutboxDispatcher.HostOf(outbox.Value) + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<long, (Task Run, string Card)> _running = [];
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
            await Task.WhenAll(_running.Values.Select(r => r.Run)).ConfigureAwait(false);
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
        foreach (var done in _running.Where(r => r.Value.Run.IsCompleted).Select(r => r.Key).ToList())
        {
            _running.Remove(done);
        }

        var free = settings.ClickParallelism - _running.Count;
        if (free > 0)
        {
            await WithStoreAsync(store => FillAsync(store, settings, free, ct)).ConfigureAwait(false);
        }

        if (clock.GetUtcNow() >= _nextPrune)
        {
            _nextPrune = clock.GetUtcNow() + PruneEvery;
            await WithStoreAsync(store => store.PruneAsync(clock.GetUtcNow() - settings.ClickRetention, ct)).ConfigureAwait(false);
        }
    }

    private async Task FillAsync(SlackInboxStore store, SlackOptions settings, int free, CancellationToken ct)
    {
        // Clicks on one card run one at a time, in the order they came (as they did in one queue); other cards go on beside.
        var busy = _running.Values.Select(r => r.Card).ToHashSet(StringComparer.Ordinal);
        foreach (var row in await store.PendingAsync(free * 4, ct).ConfigureAwait(false))
        {
            var click = SlackClickRows.ToClick(row);
            var card = click.Data.GetValueOrDefault(Cards.CardData.SubjectId) ?? row.Key;
            if (busy.Add(card) && await store.TryClaimAsync(row.Id, _owner, settings.ClickLease, ct).ConfigureAwait(false))
            {
                _running[row.Id] = (Task.Run(() => RunAsync(row, click, settings, ct), CancellationToken.None), card);
                if (--free == 0)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAsync(InboundClick row, SlackClick click, SlackOptions settings, CancellationToken ct)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<SlackClicks>().RunAndAnswerAsync(click, ct).ConfigureAwait(false);
            }

            await WithStoreAsync(store => store.MarkDoneAsync(row.Id, _owner, null, ct)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Left to its lease.
        }
        catch (Exception ex)
        {
            var attempts = row.Attempts + 1;
            LogClickFailed(logger, click.Verb, attempts, ex);
            await WithStoreAsync(store => attempts >= settings.ClickMaxAttempts
                ? store.MarkDoneAsync(row.Id, _owner, Clip(ex.Message), CancellationToken.None)
                : store.RetryLaterAsync(row.Id, _owner, Backoff.Delay(attempts, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), Random.Shared.NextDouble()), CancellationToken.None))
                .ConfigureAwait(false);
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
