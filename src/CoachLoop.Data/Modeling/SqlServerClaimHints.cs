using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Data.Modeling;

/// <summary>
/// SQL Server's counterpart of a claim that skips rows another host is claiming: EF Core has no table hints (and drops query tags
/// from ExecuteUpdate), so a claim runs inside <see cref="ClaimAsync{T}"/> and the table its UPDATE targets gets ROWLOCK, UPDLOCK
/// and READPAST here, before it is sent. The conditional UPDATE alone already claims each row once (SQL Server reads an UPDATE's
/// target rows under update locks and checks the condition on what is committed); the hints make a second host skip the rows the
/// first is taking instead of queueing behind its transaction. READCOMMITTEDLOCK is there because READPAST is refused under
/// READ_COMMITTED_SNAPSHOT (Azure SQL's default) without it. On SQLite and PostgreSQL this interceptor is not installed.
/// </summary>
public sealed partial class SqlServerClaimHints : DbCommandInterceptor
{
    /// <summary>The hints a claim's target table gets.</summary>
    public const string Hints = "WITH (ROWLOCK, UPDLOCK, READPAST, READCOMMITTEDLOCK)";

    private static readonly AsyncLocal<bool> Claiming = new();

    public static SqlServerClaimHints Instance { get; } = new();

    /// <summary>Runs <paramref name="claim"/>, a conditional update, with its UPDATE marked as a claim for this interceptor.</summary>
    public static async Task<T> ClaimAsync<T>(Func<Task<T>> claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        // Set in this method's own copy of the execution context: it flows into the claim's commands and ends with this call.
        Claiming.Value = true;
        return await claim().ConfigureAwait(false);
    }

    /// <summary>The claim's SQL with the hints on the table it updates (EF writes UPDATE [x] SET ... FROM [table] AS [x]).</summary>
    public static string AddHints(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (!sql.StartsWith("UPDATE ", StringComparison.Ordinal) || sql.Contains(Hints, StringComparison.Ordinal))
        {
            return sql;
        }

        var from = FirstFrom().Match(sql);
        return from.Success ? sql.Insert(from.Index + from.Length, " " + Hints) : sql;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Claiming.Value)
        {
            command.CommandText = AddHints(command.CommandText);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Claiming.Value)
        {
            command.CommandText = AddHints(command.CommandText);
        }

        return ValueTask.FromResult(result);
    }

    [GeneratedRegex(@"FROM \[[a-z_]+\] AS \[[A-Za-z0-9_]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex FirstFrom();
}
