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
