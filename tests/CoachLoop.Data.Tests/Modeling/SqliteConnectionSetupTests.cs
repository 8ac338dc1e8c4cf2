using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Modeling;

/// <summary>The SQLite busy timeout is set once per physical connection: a pooled connection keeps it, a new one gets it.</summary>
public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task APooledConnectionIsSetUpOnceAndANewOneAgain()
    {
        await using var database = TestDatabase.CreateSqlite();
        var pooled = database.ConnectionString.Replace("Pooling=False", "Pooling=True", StringComparison.Ordinal);
        await using (var first = Context(pooled))
        {
            Assert.Equal(10_000, await BusyTimeoutAsync(first));
            // Changed behind the set-up's back: if the set-up ran on every open, the next open would put 10000 back.
            await first.Database.OpenConnectionAsync();
            await first.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 1234");
            await first.Database.CloseConnectionAsync();
        }

        await using (var reused = Context(pooled))
        {
            Assert.Equal(1234, await BusyTimeoutAsync(reused));
        }

        await using var fresh = database.CreateContext();
        Assert.Equal(10_000, await BusyTimeoutAsync(fresh));
        // synchronous=NORMAL: commits skip the fsync, which SqliteWriteGate.FlushAsync makes before anything is acknowledged.
        Assert.Equal(1, await PragmaAsync(fresh, "synchronous"));
        Assert.Equal(-256, await PragmaAsync(fresh, "cache_size"));
    }

    private static CoachLoopDbContext Context(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CoachLoopDbContext>();
        builder.UseCoachLoopDatabase(connectionString, sqlite: true);
        return new CoachLoopDbContext(builder.Options);
    }

    private static Task<long> BusyTimeoutAsync(CoachLoopDbContext db) => PragmaAsync(db, "busy_timeout");

    private static async Task<long> PragmaAsync(CoachLoopDbContext db, string pragma)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA " + pragma;
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
