namespace CoachLoop.Data.Modeling;

/// <summary>The group flush: commits skip their fsync (synchronous=NORMAL) and are made durable here, many at once.</summary>
internal sealed partial class SqliteWriteGate
{
    private readonly string? _wal;
    private readonly Lock _flushSync = new();

    // Commits made through this process, and how many of them a flush has made durable.
    private long _written;
    private long _flushed;
    private TaskCompletionSource? _nextFlush;
    private bool _flushing;
    private long _syncs;

    /// <summary>fsyncs of the log made so far.</summary>
    internal long Syncs => Volatile.Read(ref _syncs);

    /// <summary>Commits counted so far (tests).</summary>
    internal long Written => Volatile.Read(ref _written);

    /// <summary>Commits made durable so far (tests).</summary>
    internal long Flushed => Volatile.Read(ref _flushed);

    /// <summary>
    /// Makes every commit this process made so far durable, as a commit under synchronous=FULL would have: one fsync of the
    /// write-ahead log covers every commit appended before it, so concurrent callers share one (group commit). Done at once
    /// when nothing was committed since the last flush.
    /// </summary>
    public Task FlushAsync()
    {
        if (Volatile.Read(ref _flushed) >= Volatile.Read(ref _written))
        {
            return Task.CompletedTask;
        }

        lock (_flushSync)
        {
            _nextFlush ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = _nextFlush.Task;
            if (!_flushing)
            {
                _flushing = true;
                _ = Task.Run(FlushLoop);
            }

            return mine;
        }
    }

    private void FlushLoop()
    {
        while (true)
        {
            TaskCompletionSource batch;
            long covers;
            lock (_flushSync)
            {
                if (_nextFlush is null)
                {
                    _flushing = false;
                    return;
                }

                (batch, _nextFlush) = (_nextFlush, null);
                // Every caller in this batch counted its commit before it asked: the fsync below starts after, so it covers them.
                covers = Volatile.Read(ref _written);
            }

            try
            {
                SyncLog();
                InterlockedMax(ref _flushed, covers);
                batch.SetResult();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                batch.SetException(ex);
            }
        }
    }

    /// <summary>
    /// In WAL mode a commit appends its pages to the log with write(); synchronous=NORMAL only skips the fsync that FULL makes
    /// before returning. A missing log has been checkpointed into the database file, which SQLite syncs after a checkpoint.
    /// </summary>
    private void SyncLog()
    {
        if (_wal is null)
        {
            return;
        }

        Interlocked.Increment(ref _syncs);
        try
        {
            using var log = File.OpenHandle(_wal, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(log);
        }
        catch (FileNotFoundException)
        {
            // Checkpointed and removed: nothing left to sync.
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (seen < value && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }

}
