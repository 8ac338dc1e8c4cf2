using CoachLoop.Data.Migrations;
using CoachLoop.Engine.Calls;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.SqlServer;

/// <summary>
/// The migration checks the other providers have, on a real SQL Server when COACHLOOP_TEST_SQLSERVER names one (skipped
/// otherwise: none can run on this machine). EF's migrator applies the SQL Server migrations; the result must be the model.
/// </summary>
public sealed class SqlServerProviderTests
{
    [SkippableFact]
    public async Task MigratedDatabaseMatchesTheModelAndMigratingAgainAppliesNothing()
    {
        await using var database = await TestDatabase.CreateSqlServerAsync();
        var applied = await database.MigrateAsync();

        await using var db = database.CreateContext();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(SchemaSnapshot.FromModel(db).Differences(await SchemaSnapshot.FromDatabaseAsync(db)));
        Assert.Empty(await database.MigrateAsync());
        Assert.Equal(applied, await new SchemaMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
            .AppliedVersionsAsync());
    }

    [SkippableFact]
    public async Task ADatabaseAtTheFirstMigrationUpgradesWithItsRows()
    {
        await using var database = await TestDatabase.CreateSqlServerAsync();
        string first;
        await using (var db = database.CreateContext())
        {
            first = db.Database.GetMigrations().First();
        }

        await database.MigrateAsync(first);
        await SeedData.SeedDirectoryAndRubricAsync(database);
        await database.MigrateAsync();
        var result = await SeedData.IngestAsync(database, Samples.Call());

        await using var after = database.CreateContext();
        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.Equal(6, await after.People.CountAsync());
        Assert.Equal(1, await after.Flags.CountAsync());
    }

    [SkippableFact]
    public async Task AuditTrailRefusesUpdatesAndDeletesInTheDatabase()
    {
        await using var database = await TestDatabase.CreateSqlServerAsync();
        await database.MigrateAsync();
        await SeedData.WriteScoredCallWithFlagAsync(database);

        await using var db = database.CreateContext();
        var before = await db.AuditEntries.CountAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET action = 'forged'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "forged");
    }

    [SkippableFact]
    public async Task EmailsAndChatIdsKeepTheirCaseSensitiveUniqueness()
    {
        await using var database = await TestDatabase.CreateSqlServerAsync();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var id = Guid.NewGuid();

        // Two Slack ids differing only in case are two users, as on SQLite and PostgreSQL (SQL Server's default collation would refuse).
        await db.Database.ExecuteSqlRawAsync("INSERT INTO people (id, email, name, role, time_zone, typical_calls_per_day, updated_at) " +
            "VALUES ({0}, 'a@example.com', 'A', 'Agent', 'UTC', 0, SYSDATETIMEOFFSET())", id);
        foreach (var user in new[] { "U0ABC", "u0abc" })
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO chat_identities (id, person_id, provider, tenant, external_user_id, created_at) " +
                "VALUES ({0}, {1}, 'slack', 'T1', {2}, SYSDATETIMEOFFSET())", Guid.NewGuid(), id, user);
        }

        Assert.Equal(2, await db.ChatIdentities.CountAsync(c => c.ExternalUserId == "U0ABC" || c.ExternalUserId == "u0abc"));
        Assert.Equal(1, await db.ChatIdentities.CountAsync(c => c.ExternalUserId == "U0ABC"));
    }
}
