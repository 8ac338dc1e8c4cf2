using CoachLoop.Data.Stores;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Support;

/// <summary>Writes real rows through the real stores and intake.</summary>
public static class SeedData
{
    public sealed record Seeded(Guid AgentId, Guid FlagId, string PlanLine, int AuditRows);

    public static async Task SeedDirectoryAndRubricAsync(TestDatabase database, TimeProvider? clock = null)
    {
        clock ??= new ManualClock();
        await using var db = database.CreateContext();
        var actor = Actor.System("test");
        var rubric = await new RubricStore(db, clock).CreateVersionAsync(Samples.Rubric(), actor);
        Assert.True(rubric.IsValid, string.Join("; ", rubric.Errors));
        var people = await new DirectoryStore(db, clock).UpsertAsync(Samples.People(), actor);
        Assert.Empty(people.Errors);
    }

    /// <summary>The sample directory written in SQL as the 0001 schema held it (no column added later), and the rubric by its store.</summary>
    public static async Task SeedOldDirectoryAndRubricAsync(TestDatabase database, DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var db = database.CreateContext();
        var rubric = await new RubricStore(db, clock).CreateVersionAsync(Samples.Rubric(), Actor.System("test"));
        Assert.True(rubric.IsValid, string.Join("; ", rubric.Errors));
        var sqlite = provider == DatabaseProvider.Sqlite;
        object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        object At(DateTimeOffset at) => sqlite ? at.UtcTicks : at;
        var people = Samples.People();
        var teams = people.Select(p => p.TeamKey).OfType<string>().Distinct().ToDictionary(k => k, _ => Guid.NewGuid());
        var ids = people.ToDictionary(p => p.Email, _ => Guid.NewGuid());
        foreach (var (key, id) in teams)
        {
            var manager = people.FirstOrDefault(p => p.TeamKey == key && p.Role == Engine.People.PersonRole.Manager);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO teams (id, key, name, manager_id, updated_at) VALUES ({0}, {1}, {1}, {2}, {3})",
                Id(id), key, manager is null ? null! : Id(ids[manager.Email]), At(clock.GetUtcNow()));
        }

        foreach (var p in people)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO people (id, email, name, role, team_id, external_id, time_zone, typical_calls_per_day, updated_at) VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})",
                Id(ids[p.Email]), p.Email, p.Name, p.Role.ToString(), p.TeamKey is null ? null! : Id(teams[p.TeamKey]), p.ExternalId!, p.TimeZone,
                p.TypicalCallsPerDay, At(clock.GetUtcNow()));
        }
    }

    public static async Task<IntakeResult> IngestAsync(TestDatabase database, ScoredCall call, TimeProvider? clock = null)
    {
        await using var db = database.CreateContext();
        return await new ScoredCallIntake(new EfCallIntakeStore(db), clock ?? new ManualClock()).IngestAsync(call);
    }

    public static async Task<Seeded> WriteScoredCallWithFlagAsync(TestDatabase database)
    {
        await SeedDirectoryAndRubricAsync(database);
        var result = await IngestAsync(database, Samples.Call());
        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        await using var db = database.CreateContext();
        var flag = await db.Flags.SingleAsync();
        return new Seeded(flag.AgentId, flag.Id, flag.Plan.CriterionLine, await db.AuditEntries.CountAsync());
    }
}
