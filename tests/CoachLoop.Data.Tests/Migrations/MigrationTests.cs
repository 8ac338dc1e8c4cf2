using CoachLoop.Data.Migrations;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Flags;
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

        Assert.Equal(SchemaMigrator.Scripts(provider).Select(s => s.Version), applied);
        Assert.Contains("0001_initial", applied);
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

    public static TheoryData<DatabaseProvider, string> OlderVersions => new()
    {
        { DatabaseProvider.Sqlite, "0001_initial" },
        { DatabaseProvider.Sqlite, "0002_api_keys" },
        { DatabaseProvider.Sqlite, "0011_notice_flags" },
        { DatabaseProvider.Sqlite, "0013_keyset_paging" },
        { DatabaseProvider.Postgres, "0001_initial" },
        { DatabaseProvider.Postgres, "0002_api_keys" },
        { DatabaseProvider.Postgres, "0011_notice_flags" },
        { DatabaseProvider.Postgres, "0013_keyset_paging" },
    };

    [SkippableTheory]
    [MemberData(nameof(OlderVersions))]
    public async Task DatabaseAtAnOlderVersionUpgradesWithItsRowsIntact(DatabaseProvider provider, string olderVersion)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync(olderVersion);
        var legacy = await LegacyRows.WriteAsync(database);

        var applied = await database.MigrateAsync();

        Assert.Equal(SchemaMigrator.Scripts(provider).Select(s => s.Version).Where(v => string.CompareOrdinal(v, olderVersion) > 0), applied);
        await using var db = database.CreateContext();
        Assert.Empty(SchemaSnapshot.FromModel(db).Differences(await SchemaSnapshot.FromDatabaseAsync(db)));
        var flag = await db.Flags.SingleAsync();
        Assert.Equal((legacy.FlagId, legacy.PlanLine, FlagStatus.Raised, 45m), (flag.Id, flag.Plan.CriterionLine, flag.Status, flag.Score));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 9, 30, 0, TimeSpan.Zero), flag.CallTime);
        Assert.Null(flag.AgentAcceptedAt);
        var agent = await db.People.SingleAsync();
        Assert.Equal((legacy.AgentId, legacy.TeamId, "AG-OLD", 12), (agent.Id, agent.TeamId, agent.ExternalId, agent.TypicalCallsPerDay));
        Assert.Equal(5, (await db.Rubrics.SingleAsync()).Criteria.Count);
        Assert.Equal(45m, (await db.CriterionScores.SingleAsync()).Score);
        Assert.Equal("raised", (await db.AuditEntries.SingleAsync()).Action);
        Assert.Equal(legacy.CallId, (await db.ScoredCalls.SingleAsync()).Id);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PatternFlagRaisedBeforeStreaksWereStoredNamesItsOwnCallAfterTheUpgrade(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync("0005_notices");
        var legacy = await LegacyRows.WriteAsync(database);
        await using (var old = database.CreateContext())
        {
            await old.Database.ExecuteSqlRawAsync("UPDATE flags SET kind = 'Pattern'");
        }

        await database.MigrateAsync();

        await using var db = database.CreateContext();
        var flag = await db.Flags.SingleAsync();
        var call = Assert.Single(flag.Streak);
        Assert.Equal((legacy.CallId, "acme-qa", "legacy-1", 45m), (call.ScoredCallId, call.Source, call.CallId, call.Score));
        Assert.Null(flag.SupersededBy);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task UpgradedDatabaseTakesNewRowsBesideTheOldOnes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync("0001_initial");
        // Today's directory store reads columns added since 0001 (people.digest_delivery, 0020): the directory is written as
        // 0001 knew it, in SQL; the rubric, unchanged since, through its store.
        await SeedData.SeedOldDirectoryAndRubricAsync(database, provider);

        await database.MigrateAsync();
        var result = await SeedData.IngestAsync(database, Samples.Call());

        await using var db = database.CreateContext();
        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.Equal(6, await db.People.CountAsync());
        Assert.Equal(1, await db.Flags.CountAsync());
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
