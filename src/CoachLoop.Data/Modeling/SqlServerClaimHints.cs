using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Data.Modeling;

/// <summary>
/// SQL Server's counterpart of a claim that skips rows another host is claiming: EF Core has no table hints, so a claim is tagged
/// (<see cref="Claim{T}"/>) and its target table gets ROWLOCK, UPDLOCK and READPAST here, before it is sent. The conditional
/// UPDATE alone already claims each row once (SQL Server reads an UPDATE's target rows under update locks and re-checks the
/// condition); the hints make a second host skip the rows the first is taking instead of queueing behind its transaction.
/// READCOMMITTEDLOCK is there because READPAST is refused under READ_COMMITTED_SNAPSHOT (Azure SQL's default) without it.
/// </summary>
public sealed partial class SqlServerClaimHints : DbCommandInterceptor
{
    /// <summary>The tag EF writes as a comment at the top of a claim's SQL.</summary>
    public const string Tag = "coachloop:claim";

    /// <summary>The hints a claim's target table gets.</summary>
    public const string Hints = "WITH (ROWLOCK, UPDLOCK, READPAST, READCOMMITTEDLOCK)";

    public static SqlServerClaimHints Instance { get; } = new();

    /// <summary>Marks a claim's query on SQL Server; on the other providers the query is left as it is.</summary>
    public static IQueryable<T> Claim<T>(CoachLoopDbContext db, IQueryable<T> query)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.IsSqlServer ? query.TagWith(Tag) : query;
    }

    /// <summary>The claim's SQL with the hints on the table it updates (the first FROM: EF writes UPDATE [x] SET ... FROM [t] AS [x]).</summary>
    public static string AddHints(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (!sql.StartsWith("-- " + Tag, StringComparison.Ordinal) || sql.Contains(Hints, StringComparison.Ordinal))
        {
            return sql;
        }

        var from = FirstFrom().Match(sql);
        return from.Success ? sql.Insert(from.Index + from.Length, " " + Hints) : sql;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = AddHints(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.CommandText = AddHints(command.CommandText);
        return ValueTask.FromResult(result);
    }

    [GeneratedRegex(@"FROM \[[a-z_]+\] AS \[[A-Za-z0-9_]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex FirstFrom();
}
