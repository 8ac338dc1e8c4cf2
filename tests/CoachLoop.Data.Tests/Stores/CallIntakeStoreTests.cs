using CoachLoop.Data.Stores;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoachLoop.Data.Tests.Stores;

/// <summary>The intake over a real database: one transaction per call, idempotent even when writers race.</summary>
public sealed class CallIntakeStoreTests
{
    public static TheoryData<DatabaseProvider> Providers => TestProviders.All;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AcceptedCallStoresCallScoresFlagAndAuditTogether(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);

        var result = await SeedData.IngestAsync(database, Samples.Call());

        await using var db = database.CreateContext();
        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.Equal(1, await db.ScoredCalls.CountAsync());
        Assert.Equal(5, await db.CriterionScores.CountAsync());
        var flag = await db.Flags.SingleAsync();
        Assert.Equal("empathy", flag.CriterionId);
        Assert.Equal(FlagStatus.Raised, flag.Status);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "flag");
        Assert.Equal((flag.Id, "raised", "Raised", "api"), (audit.EntityId, audit.Action, audit.After, audit.Channel));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RacingWritersOfTheSameCallStoreItOnceAndGetTheSameReceipt(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);
        var call = Samples.Call("race-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SeedData.IngestAsync(database, call))));

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.ScoredCalls.CountAsync());
        Assert.Equal(1, await db.Flags.CountAsync());
        Assert.Single(results, r => r.Outcome == IntakeOutcome.Accepted);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { IntakeOutcome.Accepted, IntakeOutcome.Duplicate }));
        Assert.Single(results.Select(r => r.Receipt!.Flags[0].FlagId).Distinct());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OverturnedScoresDoNotCountTowardPatterns(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);
        var start = ManualClock.DefaultStart.AddDays(-3);
        await SeedData.IngestAsync(database, Samples.Call("p-1", empathy: 40, at: start));
        await SeedData.IngestAsync(database, Samples.Call("p-2", empathy: 40, at: start.AddHours(1)));
        await using (var db = database.CreateContext())
        {
            var score = await db.CriterionScores.Join(db.ScoredCalls.Where(c => c.CallId == "p-2"), s => s.ScoredCallId, c => c.Id, (s, _) => s)
                .SingleAsync(s => s.CriterionId == "empathy");
            score.Overturned = true;
            await db.SaveChangesAsync();
        }

        var third = await SeedData.IngestAsync(database, Samples.Call("p-3", empathy: 40, at: start.AddHours(2)));
        var fourth = await SeedData.IngestAsync(database, Samples.Call("p-4", empathy: 40, at: start.AddHours(3)));

        Assert.Equal(FlagKind.Quality, third.Receipt!.Flags.Single().Kind);
        Assert.Equal(FlagKind.Pattern, fourth.Receipt!.Flags.Single().Kind);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentFailingCallsOfOneAgentRaiseOnePatternNamingEveryCall(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);
        var start = ManualClock.DefaultStart.AddDays(-1);
        var calls = Enumerable.Range(1, 6).Select(i => Samples.Call($"c-{i}", empathy: 40, at: start.AddMinutes(i))).ToList();

        // Each writer alone would see two or three of the others; the streak cursor makes the late ones look again.
        var results = await Task.WhenAll(calls.Select(c => Task.Run(() => SeedData.IngestAsync(database, c))));

        await using var db = database.CreateContext();
        Assert.All(results, r => Assert.Equal(IntakeOutcome.Accepted, r.Outcome));
        var pattern = await db.Flags.SingleAsync(f => f.Kind == FlagKind.Pattern);
        Assert.Equal(calls.Select(c => c.CallId), pattern.Streak.Select(c => c.CallId));
        Assert.False(await db.Flags.AnyAsync(f => f.Kind == FlagKind.Quality && f.Status != FlagStatus.Closed));
        // The first writer created the cursor, each of the five others bumped it.
        Assert.Equal(5, await db.StreakCursors.Where(c => c.CriterionId == "empathy").Select(c => c.Revision).SingleAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task StreakOfAPatternFlagRoundTripsAndOneCallBelongsToOneStreakOnly(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);
        var start = ManualClock.DefaultStart.AddDays(-1);
        for (var i = 1; i <= 3; i++)
        {
            await SeedData.IngestAsync(database, Samples.Call($"s-{i}", empathy: 40, at: start.AddMinutes(i)));
        }

        await using var db = database.CreateContext();
        var pattern = await db.Flags.SingleAsync(f => f.Kind == FlagKind.Pattern);
        Assert.Equal([("s-1", 40m), ("s-2", 40m), ("s-3", 40m)], pattern.Streak.Select(c => (c.CallId, c.Score)));
        var folded = await db.Flags.Where(f => f.SupersededBy == pattern.Id).ToListAsync();
        Assert.Equal(2, folded.Count);
        Assert.All(folded, f => Assert.Equal(FlagStatus.Closed, f.Status));

        // The database itself refuses a second streak naming a call's score on the criterion.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO flag_streak_calls (id, flag_id, scored_call_id, criterion_id, source, call_id, call_time, score, added_at) " +
            "SELECT id, id, scored_call_id, criterion_id, 'x', 'x', call_time, score, raised_at FROM flags WHERE superseded_by IS NOT NULL"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AFailingCallNextToARunHoldingTwoPatternFlagsIsTakenInAndExtendsOneOfThem(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);
        var start = ManualClock.DefaultStart.AddDays(-1);
        // Two streaks with a passing call between them; overturning that score joins them into one run
        // that holds two pattern flags (as databases upgraded from before one-call-one-streak also do).
        for (var i = 1; i <= 7; i++)
        {
            await SeedData.IngestAsync(database, Samples.Call($"j-{i}", empathy: i == 4 ? 95 : 40, at: start.AddMinutes(i)));
        }

        await using (var db = database.CreateContext())
        {
            var passing = await db.CriterionScores.Join(db.ScoredCalls.Where(c => c.CallId == "j-4"), s => s.ScoredCallId, c => c.Id, (s, _) => s)
                .SingleAsync(s => s.CriterionId == "empathy");
            passing.Overturned = true;
            await db.SaveChangesAsync();
        }

        var next = await SeedData.IngestAsync(database, Samples.Call("j-8", empathy: 40, at: start.AddMinutes(8)));

        Assert.Equal(IntakeOutcome.Accepted, next.Outcome);
        await using var check = database.CreateContext();
        var patterns = await check.Flags.Where(f => f.Kind == FlagKind.Pattern).ToListAsync();
        Assert.Equal(2, patterns.Count);
        Assert.Single(patterns, p => p.Streak.Any(c => c.CallId == "j-8"));
        Assert.Equal(["j-1", "j-2", "j-3", "j-5", "j-6", "j-7", "j-8"],
            patterns.SelectMany(p => p.Streak).Select(c => c.CallId).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task FlagMovesAreAuditedWithActorRoleAndChannel(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);
        await SeedData.IngestAsync(database, Samples.Call());
        var manager = new Actor(Guid.CreateVersion7(), "Morgan Lee", ActorRole.Manager, "web");

        await using (var db = database.CreateContext())
        {
            var flag = await db.Flags.SingleAsync();
            flag.ApprovePractice(manager, ManualClock.DefaultStart);
            flag.Dismiss("Coached in person already", manager, ManualClock.DefaultStart.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var entries = await check.AuditEntries.Where(a => a.EntityType == "flag").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["raised", "approve-practice", "dismiss"], entries.Select(e => e.Action));
        var dismiss = entries[2];
        Assert.Equal((manager.PersonId, "Morgan Lee", "Manager", "web", "PracticeApproved", "Dismissed", "Coached in person already"),
            (dismiss.ActorPersonId, dismiss.ActorName, dismiss.ActorRole, dismiss.Channel, dismiss.Before, dismiss.After, dismiss.Detail));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentEditsOfOneFlagLetOnlyTheFirstWin(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);
        await SeedData.IngestAsync(database, Samples.Call());
        var manager = new Actor(Guid.CreateVersion7(), "Morgan Lee", ActorRole.Manager, "web");
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Flags.SingleAsync();
        var b = await second.Flags.SingleAsync();

        a.ApprovePractice(manager, ManualClock.DefaultStart);
        await first.SaveChangesAsync();
        b.Dismiss("duplicate", manager, ManualClock.DefaultStart);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        Assert.Equal(FlagStatus.PracticeApproved, (await check.Flags.SingleAsync()).Status);
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.EntityType == "flag"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TimesRoundTripInUtcAndCompareInSql(DatabaseProvider provider)
    {
        await using var database = await Ready(provider);
        var local = new DateTimeOffset(2026, 11, 19, 23, 30, 0, TimeSpan.FromHours(-5));
        await SeedData.IngestAsync(database, Samples.Call("tz-1", at: local));
        await SeedData.IngestAsync(database, Samples.Call("tz-2", at: local.AddHours(-1)));

        await using var db = database.CreateContext();
        var after = await db.ScoredCalls.Where(c => c.CallTime > new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero))
            .Select(c => c.CallId).ToListAsync();
        var stored = await db.ScoredCalls.SingleAsync(c => c.CallId == "tz-1");

        Assert.Equal(["tz-1"], after);
        Assert.Equal(local, stored.CallTime);
        Assert.Equal(TimeSpan.Zero, stored.CallTime.Offset);
    }

    [Fact]
    public async Task AUnitOfSeveralCallsRunsWithALargerPageCacheFromItsSecondCallAndGivesItBack()
    {
        await using var database = await Ready(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var store = new EfCallIntakeStore(db);
        var intake = new ScoredCallIntake(store, new ManualClock());
        var seen = new List<long>();

        var together = await store.TryTogetherAsync(async ct =>
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(IntakeOutcome.Accepted, (await intake.IngestAsync(Samples.Call($"unit-{i}"), ct)).Outcome);
                seen.Add(await CacheSizeAsync(db));
            }
        }, CancellationToken.None);

        Assert.True(together);
        // A unit of one call (a single post on its own) costs no pragma; from the second call the cache is 8 MiB.
        Assert.Equal([-256, -8192, -8192], seen);
        // The connection stays open with the context, and goes back to the pool with the small cache every connection keeps.
        Assert.Equal(-256, await CacheSizeAsync(db));
        Assert.Equal(3, await db.ScoredCalls.CountAsync());
    }

    private static async Task<long> CacheSizeAsync(CoachLoopDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA cache_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<TestDatabase> Ready(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await SeedData.SeedDirectoryAndRubricAsync(database);
        return database;
    }
}
