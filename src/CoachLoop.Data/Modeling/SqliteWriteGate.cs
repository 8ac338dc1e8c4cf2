using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Data.Modeling;

/// <summary>
/// Hands an SQLite file's one write lock to the writers of this process in turn. SQLite lets one writer in at a time; the others
/// find the file locked and wait in its busy handler, which sleeps 1, 2, 5, 10... up to 100 ms between tries. Under many
/// concurrent writers (clicks, deliveries, intake, the click inbox) the lock then sits free while they sleep, and writes take
/// tens of milliseconds each. Here a writer queues on an in-process semaphore instead and gets the lock the moment the one
/// before it commits.
/// <para>
/// A writer is a transaction (Microsoft.Data.Sqlite begins them IMMEDIATE, taking the write lock at once) or a data-changing
/// command run outside one (ExecuteUpdate, ExecuteDelete, raw SQL). The gate is held per connection (a nested transaction of
/// the same connection does not wait for itself) until commit, rollback, failure, or at the latest the connection's close.
/// Other processes on the same file still meet SQLite's own lock; a writer that waited <see cref="Patience"/> here goes on
/// without the gate, to SQLite's lock, as before, so a missed release can slow writes but never stop them.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One gate per file for the process's lifetime; its semaphore never allocates a wait handle.")]
internal sealed partial class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    /// <summary>As long as SQLite's own busy timeout.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Files = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _lock = new(1, 1);

    // Connections holding the gate, and whether a transaction (released at its end) or a single command holds it.
    private readonly ConcurrentDictionary<Guid, bool> _holders = new();

    private SqliteWriteGate(string? wal) => _wal = wal;

    /// <summary>The gate of the file <paramref name="connectionString"/> points at: one per file in this process.</summary>
    public static SqliteWriteGate For(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var file = source.Length == 0 || source.StartsWith(':') || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? source
            : Path.GetFullPath(source);
        return Files.GetOrAdd(file, f => new SqliteWriteGate(Path.IsPathFullyQualified(f) ? f + "-wal" : null));
    }

    /// <summary>No writer holds the gate (tests).</summary>
    internal bool IsFree => _lock.CurrentCount == 1 && _holders.IsEmpty;

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.ConnectionId, transaction: true);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.ConnectionId, transaction: true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Interlocked.Increment(ref _written);
        Leave(eventData.ConnectionId);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterIfLoneWrite(command, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterIfLoneWriteAsync(command, eventData.ConnectionId, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LoneWriteDone(command, eventData.ConnectionId);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        LoneWriteDone(command, eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    // A lone INSERT ... RETURNING (SaveChanges of one row) runs as a reader: the write lasts until the reader is done.
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterIfLoneWrite(command, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterIfLoneWriteAsync(command, eventData.ConnectionId, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LoneWriteDone(command, eventData.ConnectionId);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveCommand(eventData.ConnectionId);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveCommand(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveCommand(eventData.ConnectionId);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveCommand(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception in a using block) ends here at the latest.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>A data-changing statement outside a transaction (inside one, the transaction holds the gate).</summary>
    private static bool IsLoneWrite(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        while (text.StartsWith("--"))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }

        return !(text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase));
    }

    private void EnterIfLoneWrite(DbCommand command, Guid connection)
    {
        if (IsLoneWrite(command))
        {
            Enter(connection, transaction: false);
        }
    }

    private ValueTask EnterIfLoneWriteAsync(DbCommand command, Guid connection, CancellationToken ct) =>
        IsLoneWrite(command) ? EnterAsync(connection, transaction: false, ct) : ValueTask.CompletedTask;

    private void Enter(Guid connection, bool transaction)
    {
        if (!_holders.ContainsKey(connection) && _lock.Wait(Patience))
        {
            _holders[connection] = transaction;
        }
    }

    private async ValueTask EnterAsync(Guid connection, bool transaction, CancellationToken ct)
    {
        if (!_holders.ContainsKey(connection) && await _lock.WaitAsync(Patience, ct).ConfigureAwait(false))
        {
            _holders[connection] = transaction;
        }
    }

    // Outside a transaction a statement commits as it ends.
    private void LoneWriteDone(DbCommand command, Guid connection)
    {
        if (IsLoneWrite(command))
        {
            Interlocked.Increment(ref _written);
        }

        LeaveCommand(connection);
    }

    private void LeaveCommand(Guid connection)
    {
        if (_holders.TryGetValue(connection, out var transaction) && !transaction)
        {
            Leave(connection);
        }
    }

    private void Leave(Guid connection)
    {
        if (_holders.TryRemove(connection, out _))
        {
            _lock.Release();
        }
    }
}
