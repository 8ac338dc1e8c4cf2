using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>Counts the SQL commands and connection opens of every context of a host, to bound what one request costs.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    private int _commands;
    private int _opens;

    public int Commands => Volatile.Read(ref _commands);

    public int Opens => Volatile.Read(ref _opens);

    public void Reset()
    {
        Interlocked.Exchange(ref _commands, 0);
        Interlocked.Exchange(ref _opens, 0);
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _commands);
        return result;
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _opens);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opens);
        return Task.CompletedTask;
    }
}
