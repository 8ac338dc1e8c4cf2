using System.Data;
using System.Data.Common;
using CoachLoop.Data;
using CoachLoop.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Testing;

/// <summary>
/// A SQL Server context that reaches no server: EF translates every query for SQL Server as it would for a real one, runs the
/// command interceptors (the claim hints among them), and this records the SQL instead of sending it. Opening the connection
/// is skipped, readers come back empty and updates report <see cref="RowsAffected"/>. No transaction can be begun (SqlClient
/// takes only its own): capture what runs outside one.
/// </summary>
public sealed class SqlServerCapture : DbCommandInterceptor, IDbConnectionInterceptor
{
    private readonly List<string> _commands = [];

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return _commands.ToList();
            }
        }
    }

    /// <summary>What a suppressed UPDATE or DELETE reports.</summary>
    public int RowsAffected { get; set; }

    public CoachLoopDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<CoachLoopDbContext>();
        // The hints interceptor is added by UseCoachLoopDatabase first, so what is recorded here is what SQL Server would get.
        builder.UseCoachLoopDatabase(SqlServerDesignTimeFactory.OfflineConnectionString, DatabaseProvider.SqlServer).AddInterceptors(this);
        return new CoachLoopDbContext(builder.Options);
    }

    public void Clear()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        InterceptionResult<DbDataReader>.SuppressWithResult(Empty(Record(command)));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Empty(Record(command))));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return InterceptionResult<int>.SuppressWithResult(RowsAffected);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(RowsAffected));
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return InterceptionResult<object>.SuppressWithResult(0);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(0));
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    private string Record(DbCommand command)
    {
        lock (_commands)
        {
            _commands.Add(command.CommandText);
        }

        return command.CommandText;
    }

    // No rows and no columns: every query's shaper sees an empty result, whatever it selects.
    private static DbDataReader Empty(string _) => new DataTable().CreateDataReader();
}
