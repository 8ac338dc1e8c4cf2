using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Data.Diagnostics;

/// <summary>
/// Feeds <see cref="SqlCounters"/> from EF Core's command, connection and transaction events. A command counts once it ran,
/// whether it succeeded, failed or was canceled; an open, whether it succeeded or failed: each reached the database.
/// </summary>
internal sealed class SqlCountingInterceptor(SqlCounters counters) : IDbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Command(result);

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Command(result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Command(result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Command(result));

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Command(result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Command(result));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => counters.Command();

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Done(counters.Command());

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => counters.Command();

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Done(counters.Command());

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => counters.Opened();

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Done(counters.Opened());

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => counters.Opened();

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Done(counters.Opened());

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        counters.Transaction();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    private T Command<T>(T result)
    {
        counters.Command();
        return result;
    }

    // Takes the new count so an async event counts in one expression, without a delegate per call.
    private static Task Done(long _) => Task.CompletedTask;
}
