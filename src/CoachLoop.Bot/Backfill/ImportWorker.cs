using CoachLoop.Bot.Outbox;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Backfill;

/// <summary>
/// Runs import jobs: claims the oldest unfinished one with a lease (under the outbox's host name, as the click workers do), reads
/// its stored lines a chunk at a time from where it stands, and applies them a batch at a time (<see cref="ImportBatch"/>), each
/// batch's calls and progress in one commit. One job at a time per host, in call-time order within it, so patterns and trends
/// come out as if the calls had been posted in time order. Wakes on <see cref="ImportSignal"/>, polls for jobs of other hosts.
/// </summary>
public sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, IOptions<ImportOptions> options,
    IOptions<OutboxOptions> outbox, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    private readonly string _host = OutboxDispatcher.HostOf(outbox.Value);
    private readonly string _owner = OutboxDispatcher.HostOf(outbox.Value) + Guid.NewGuid().ToString("N")[..12];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WorkerEnabled)
        {
            return;
        }

        // Off the host's start-up path.
        await Task.Yield();
        try
        {
            await ResumeEarlierClaimsAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (await RunNextAsync(settings, stoppingToken).ConfigureAwait(false))
                    {
                        // Next job, if any.
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The claim stays until its lease runs out (or this host's next start): the job resumes where it was recorded.
                    LogPassFailed(logger, ex);
                }

                await signal.WaitAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a batch cut short rolls back; the job resumes after the last recorded batch.
        }
    }

    private async Task ResumeEarlierClaimsAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ImportJobStore>().ReleaseEarlierLeasesAsync(_host, _owner, ct).ConfigureAwait(false)
                is > 0 and var resumed)
            {
                LogResumed(logger, resumed, _host.TrimEnd('#'));
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Not fatal: those jobs are taken again once their leases run out.
            LogPassFailed(logger, ex);
        }
    }

    /// <summary>Claims a job and runs it to its end (or until the claim is lost): false when there was none to claim.</summary>
    private async Task<bool> RunNextAsync(ImportOptions settings, CancellationToken ct)
    {
        Data.Records.ImportJob? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            job = await scope.ServiceProvider.GetRequiredService<ImportJobStore>().ClaimNextAsync(_owner, settings.Lease, ct).ConfigureAwait(false);
        }

        if (job is null)
        {
            return false;
        }

        LogStarted(logger, job.Id, job.LinesRead, job.TotalLines);
        var progress = ImportProgress.Of(job);
        while (progress.LinesRead < job.TotalLines)
        {
            List<ImportLine> chunk;
            await using (var scope = scopes.CreateAsyncScope())
            {
                chunk = await scope.ServiceProvider.GetRequiredService<ImportJobStore>()
                    .ChunkAsync(job.Id, progress.LinesRead / ImportJobStore.ChunkLines, ct).ConfigureAwait(false);
            }

            for (var start = progress.LinesRead % ImportJobStore.ChunkLines; start < chunk.Count; start += settings.BatchSize)
            {
                var startedAt = clock.GetTimestamp();
                var lines = chunk.Skip(start).Take(settings.BatchSize).ToList();
                await using var scope = scopes.CreateAsyncScope();
                var batch = scope.ServiceProvider.GetRequiredService<ImportBatch>();
                ImportProgress? next;
                try
                {
                    next = await batch.ApplyAsync(job.Id, _owner, progress, lines, startedAt, clock.GetUtcNow() - settings.PostCardsNewerThan,
                        settings, ct).ConfigureAwait(false);
                }
                catch (ImportClaimLostException)
                {
                    next = null;
                }

                if (next is null)
                {
                    LogClaimLost(logger, job.Id);
                    return true;
                }

                progress = next;
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportJobStore>().CompleteAsync(job.Id, _owner, ct).ConfigureAwait(false);
        }

        LogCompleted(logger, job.Id, progress.Accepted, progress.Duplicates, progress.Invalid);
        return true;
    }

    [LoggerMessage(LogLevel.Error, "A pass of the import worker failed; it will look again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Information, "Import {JobId}: running from line {LinesRead} of {TotalLines}")]
    private static partial void LogStarted(ILogger logger, Guid jobId, int linesRead, int totalLines);

    [LoggerMessage(LogLevel.Information, "Import {JobId} completed: {Accepted} accepted, {Duplicates} duplicates, {Invalid} invalid")]
    private static partial void LogCompleted(ILogger logger, Guid jobId, int accepted, int duplicates, int invalid);

    [LoggerMessage(LogLevel.Warning, "Import {JobId}: another worker holds it now; this one lets it go")]
    private static partial void LogClaimLost(ILogger logger, Guid jobId);

    [LoggerMessage(LogLevel.Information, "Resuming {Count} import(s) host {Host} was running when it stopped")]
    private static partial void LogResumed(ILogger logger, int count, string host);
}
