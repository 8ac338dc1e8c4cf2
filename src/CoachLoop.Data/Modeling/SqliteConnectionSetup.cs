using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Data.Modeling;

/// <summary>
/// Lets SQLite itself wait for the write lock (with its fine-grained backoff of a few milliseconds)
/// instead of failing at once and leaving Microsoft.Data.Sqlite to retry every 150 ms: under concurrent
/// clicks this is the difference between milliseconds and seconds of latency.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static SqliteConnectionSetup Instance { get; } = new();

    private const string Pragmas = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
