using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Modeling;

/// <summary>
/// The in-process SQLite write gate: every way a write can end gives the gate back (else every later writer of the process would
/// wait out its patience), and its flush makes commits durable for many waiters with one fsync.
/// </summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task EveryWayAWriteEndsGivesTheGateBack()
    {
        await using var database = TestDatabase.CreateSqlite();
        await database.MigrateAsync();
        var gate = SqliteWriteGate.For(database.ConnectionString);
        Assert.True(gate.IsFree);

        // A lone insert with a generated key (SaveChanges of one row: INSERT ... RETURNING, read as a reader).
        await using (var db = database.CreateContext())
        {
            db.InboundClicks.Add(Click("a"));
            await db.SaveChangesAsync();
            Assert.True(gate.IsFree);

            // A lone UPDATE (ExecuteUpdate), and one that fails on a constraint.
            await db.InboundClicks.Where(c => c.Key == "a").ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, 2));
            Assert.True(gate.IsFree);
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO inbound_clicks (key, channel, tenant, user_id, verb, data, from_home, received_at, attempts) " +
                "SELECT key, channel, tenant, user_id, verb, data, from_home, received_at, attempts FROM inbound_clicks WHERE key = 'a'"));
            Assert.True(gate.IsFree);

            // A transaction holds it until commit, and until rollback.
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.InboundClicks.Add(Click("b"));
                await db.SaveChangesAsync();
                Assert.False(gate.IsFree);
                await tx.CommitAsync();
            }

            Assert.True(gate.IsFree);
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE inbound_clicks SET attempts = 9");
                await tx.RollbackAsync();
            }

            Assert.True(gate.IsFree);
        }

        // A transaction left without commit or rollback (an exception in its using block): given back when the connection closes.
        await using (var db = database.CreateContext())
        {
            await db.Database.OpenConnectionAsync();
            await using (await db.Database.BeginTransactionAsync())
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE inbound_clicks SET attempts = 7");
            }

            Assert.False(gate.IsFree);
            await db.Database.CloseConnectionAsync();
        }

        Assert.True(gate.IsFree);
        await using (var db = database.CreateContext())
        {
            Assert.Equal([2, 0], await db.InboundClicks.OrderBy(c => c.Key).Select(c => c.Attempts).ToListAsync());
        }
    }

    [Fact]
    public async Task AWriterOfAnotherConnectionWaitsForTheHolderAndGoesOnWhenItCommits()
    {
        await using var database = TestDatabase.CreateSqlite();
        await database.MigrateAsync();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        first.InboundClicks.Add(Click("x"));
        await first.SaveChangesAsync();

        await using var tx = await first.Database.BeginTransactionAsync();
        await first.Database.ExecuteSqlRawAsync("UPDATE inbound_clicks SET attempts = 1");
        var waiting = second.InboundClicks.ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 10));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await tx.CommitAsync();

        Assert.Equal(1, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(11, await second.InboundClicks.Select(c => c.Attempts).SingleAsync());
    }

    [Fact]
    public async Task OneFlushMakesEveryEarlierCommitDurableForAllWhoWait()
    {
        await using var database = TestDatabase.CreateSqlite();
        await database.MigrateAsync();
        var gate = SqliteWriteGate.For(database.ConnectionString);
        await gate.FlushAsync();
        var syncs = gate.Syncs;

        // Nothing committed since: no fsync, done at once.
        Assert.True(gate.FlushAsync().IsCompleted);
        Assert.Equal(syncs, gate.Syncs);

        await using (var db = database.CreateContext())
        {
            db.InboundClicks.AddRange(Click("1"), Click("2"));
            await db.SaveChangesAsync();
            await db.InboundClicks.ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, 3));
        }

        Assert.True(gate.Written > gate.Flushed);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => gate.FlushAsync()));
        Assert.Equal(gate.Written, gate.Flushed);
        // One fsync for the sixteen, or two when the first had started before the others asked.
        Assert.InRange(gate.Syncs - syncs, 1, 2);
    }

    private static InboundClick Click(string key) => new()
    {
        Key = key, Channel = "slack", Tenant = "T1", UserId = "U1", Verb = "approvePractice", ReceivedAt = DateTimeOffset.UnixEpoch,
    };
}
