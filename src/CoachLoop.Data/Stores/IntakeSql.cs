using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoachLoop.Data.Stores;

/// <summary>
/// The intake's hot SQL, written by hand and run on the context's connection and transaction. Each text keeps one command for
/// the life of the store (a request), so SQLite prepares it once instead of on every call (preparing the history's query cost
/// more than running it), and no LINQ is translated or looked up per call. EF's command events are raised around each execution,
/// so interceptors (the SQL counters) and logging see every command. Values are passed as each provider stores them (see
/// StorageConventions).
/// </summary>
internal sealed class IntakeSql(CoachLoopDbContext db) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly IRelationalConnection _connection = db.GetService<IRelationalConnection>();
    private readonly IRelationalCommandDiagnosticsLogger _logger = db.GetService<IRelationalCommandDiagnosticsLogger>();

    public DatabaseProvider Provider { get; } = db.Provider;

    public bool Sqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>SQL Server's T-SQL differs from the SQL the other two share (no ON CONFLICT, LIMIT or boolean literals).</summary>
    public bool SqlServer => Provider == DatabaseProvider.SqlServer;

    /// <summary>A Guid as stored: upper-case text on SQLite, uuid on PostgreSQL, uniqueidentifier on SQL Server.</summary>
    public object Id(Guid id) => Sqlite ? id.ToString().ToUpperInvariant() : id;

    /// <summary>A time as stored: UTC ticks on SQLite, timestamptz on PostgreSQL, datetimeoffset on SQL Server.</summary>
    public object Time(DateTimeOffset at) => Sqlite ? at.UtcTicks : at.ToUniversalTime();

    public object Number(decimal value) => Sqlite ? (double)value : value;

    public Guid ReadId(DbDataReader reader, int ordinal) =>
        Sqlite ? Guid.Parse(reader.GetString(ordinal)) : reader.GetFieldValue<Guid>(ordinal);

    public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        Sqlite ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero) : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public decimal ReadNumber(DbDataReader reader, int ordinal) =>
        Sqlite ? (decimal)reader.GetDouble(ordinal) : reader.GetFieldValue<decimal>(ordinal);

    /// <param name="sql">Parameters are named @p0, @p1... in the order of <paramref name="values"/>.</param>
    public async Task<DbDataReader> ReadAsync(string sql, IReadOnlyList<object?> values, CancellationToken ct)
    {
        var (command, id, start) = Ready(sql, values, DbCommandMethod.ExecuteReader);
        var intercepted = await _logger.CommandReaderExecutingAsync(_connection, command, sql, db, id, _connection.ConnectionId, start,
            CommandSource.ExecuteSqlRaw, ct).ConfigureAwait(false);
        var reader = intercepted.HasResult ? intercepted.Result : await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await _logger.CommandReaderExecutedAsync(_connection, command, sql, db, id, _connection.ConnectionId, reader, start,
            DateTimeOffset.UtcNow - start, CommandSource.ExecuteSqlRaw, ct).ConfigureAwait(false);
    }

    /// <returns>The rows changed.</returns>
    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<object?> values, CancellationToken ct)
    {
        var (command, id, start) = Ready(sql, values, DbCommandMethod.ExecuteNonQuery);
        var intercepted = await _logger.CommandNonQueryExecutingAsync(_connection, command, sql, db, id, _connection.ConnectionId, start,
            CommandSource.ExecuteSqlRaw, ct).ConfigureAwait(false);
        var changed = intercepted.HasResult ? intercepted.Result : await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return await _logger.CommandNonQueryExecutedAsync(_connection, command, sql, db, id, _connection.ConnectionId, changed, start,
            DateTimeOffset.UtcNow - start, CommandSource.ExecuteSqlRaw, ct).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private (DbCommand Command, Guid Id, DateTimeOffset Start) Ready(string sql, IReadOnlyList<object?> values, DbCommandMethod method)
    {
        var connection = _connection.DbConnection;
        if (!_commands.TryGetValue(sql, out var command) || command.Connection != connection)
        {
            command?.Dispose();
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.Transaction = _connection.CurrentTransaction?.GetDbTransaction();
        var (id, start) = (Guid.NewGuid(), DateTimeOffset.UtcNow);
        // Raised on every execution, not only when the command is made: counters that count initialized commands count each one sent.
        return (_logger.CommandInitialized(_connection, command, method, db, id, _connection.ConnectionId, start, TimeSpan.Zero,
            CommandSource.ExecuteSqlRaw), id, start);
    }
}
