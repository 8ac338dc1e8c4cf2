using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Data.Modeling;

/// <summary>
/// Lets SQLite itself wait for the write lock (with its fine-grained backoff of a few milliseconds)
/// instead of failing at once and leaving Microsoft.Data.Sqlite to retry every 150 ms: under concurrent
/// clicks this is the difference between milliseconds and seconds of latency. The setting belongs to the
/// native handle, which the pool keeps across logical opens, so it is made once per handle, not on every open.
/// <para>
/// Commits are synchronous=NORMAL: in WAL mode they survive the process dying at any point (kill -9), and the fsync that FULL
/// makes inside every commit, while the one write lock is held, is made instead by <see cref="SqliteWriteGate.FlushAsync"/>,
/// once for many commits, before anything that was committed is acknowledged to someone outside (docs/decisions/0009).
/// </para>
/// <para>
/// Each connection keeps a page cache of 256 KiB, not SQLite's 2 MiB: every commit by another connection empties it anyway, and
/// with a few hundred connections open under load (one per click or request in flight) the default cost over 100 MB of memory.
/// </para>
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static SqliteConnectionSetup Instance { get; } = new();

    /// <summary>Each connection's page cache, in KiB; a unit of intake raises its own while it holds the write lock (<see cref="UnitCacheKiB"/>).</summary>
    public const int CacheKiB = 256;

    /// <summary>
    /// The page cache of a connection running a unit of intake (up to 50 calls in one transaction) from its second call, in KiB. Nothing else commits while
    /// it holds the write lock, so its cache stays valid from call to call; at 256 KiB (64 pages) each call's history read
    /// and writes fetched the upper pages of the same indexes from the file again, and the file reads took a third of the
    /// samples of a batch. One unit at a time holds the lock, so the memory is bounded by this once.
    /// </summary>
    public const int UnitCacheKiB = 8192;

    private static readonly string Pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{CacheKiB};");

    // Keyed by the native handle: an entry lives as long as the pooled handle does, and a new physical connection has none.
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSetup(connection, out var handle))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSetup(connection, out var handle))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Remember(handle);
    }

    private static bool NeedsSetup(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !Prepared.TryGetValue(handle, out _);
    }

    private static void Remember(object? handle)
    {
        if (handle is not null)
        {
            Prepared.AddOrUpdate(handle, Done);
        }
    }
}
