using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Migrations;

/// <summary>The versioned scripts build exactly the EF model, on each provider, and upgrade without loss.</summary>
public sealed class MigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task MigratedDatabaseMatchesTheModel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var applied = await database.MigrateAsync();

        await using var db = database.CreateContext();
        var differences = SchemaSnapshot.FromModel(db).Differences(await SchemaSnapshot.FromDatabaseAsync(db));

        Assert.Equal(["0001_initial", "0002_api_keys"], applied);
        Assert.Empty(differences);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task MigratingAgainAppliesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();

        Assert.Empty(await database.MigrateAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DatabaseAtPreviousVersionUpgradesWithItsRowsIntact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.Equal(["0001_initial"], await database.MigrateAsync("0001_initial"));
        var seeded = await SeedData.WriteScoredCallWithFlagAsync(database);

        var applied = await database.MigrateAsync();

        Assert.Equal(["0002_api_keys"], applied);
        await using var db = database.CreateContext();
        var flag = await db.Flags.SingleAsync();
        Assert.Equal(seeded.FlagId, flag.Id);
        Assert.Equal(seeded.PlanLine, flag.Plan.CriterionLine);
        Assert.Equal(5, await db.CriterionScores.CountAsync());
        Assert.Equal(seeded.AuditRows, await db.AuditEntries.CountAsync());
        Assert.Equal("ana@example.com", (await db.People.SingleAsync(p => p.Id == seeded.AgentId)).Email);
        Assert.Equal(0, await db.ApiKeys.CountAsync());
        Assert.Empty(SchemaSnapshot.FromModel(db).Differences(await SchemaSnapshot.FromDatabaseAsync(db)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AuditTrailRefusesUpdatesAndDeletesInTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await SeedData.WriteScoredCallWithFlagAsync(database);

        await using var db = database.CreateContext();
        var before = await db.AuditEntries.CountAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET action = 'forged'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));

        Assert.True(before > 0);
        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "forged"));
    }
}
