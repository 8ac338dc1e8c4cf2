using CoachLoop.Data.Modeling;
using Microsoft.Extensions.Options;

namespace CoachLoop.Data;

/// <summary>
/// Waits until what this process committed is durable against power loss, before it is acknowledged to someone outside (an
/// HTTP answer, a card posted for it). On SQLite, commits are made with synchronous=NORMAL and flushed here in groups
/// (<see cref="SqliteWriteGate.FlushAsync"/>); on PostgreSQL every commit is durable already.
/// </summary>
public sealed class DurableCommits(IOptions<DataOptions> options)
{
    private readonly SqliteWriteGate? _sqlite = options.Value.Provider == DatabaseProvider.Sqlite
        ? SqliteWriteGate.For(options.Value.ResolveConnectionString())
        : null;

    /// <summary>Completes once every commit made before the call is on disk; one flush serves every caller waiting at once.</summary>
    public Task WaitAsync() => _sqlite?.FlushAsync() ?? Task.CompletedTask;

    /// <summary>Flushes made so far (diagnostics; 0 on PostgreSQL).</summary>
    public long Flushes => _sqlite?.Syncs ?? 0;
}
