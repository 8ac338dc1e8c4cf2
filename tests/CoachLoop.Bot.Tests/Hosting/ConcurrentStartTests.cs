using CoachLoop.Data;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Hosting;

/// <summary>Two hosts started together on one empty database: both start, and the demo data is there once.</summary>
public sealed class ConcurrentStartTests
{
    public static TheoryData<DatabaseProvider> Providers => TestProviders.All;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TwoHostsStartedTogetherOnAnEmptyDatabaseBothStartAndSeedOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Both hosts have checked "no rubric yet" before either stores one: the interleaving that made the second one crash.
        var together = new BothSeeding(new Barrier(2));
        var settings = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
        var starts = Enumerable.Range(0, 2).Select(_ => Task.Run(() => CoachLoopApp.StartAsync(seed: false, database: database, settings: settings,
            services: s => s.ConfigureDbContext<CoachLoopDbContext>(o => o.AddInterceptors(together))))).ToList();
        var hosts = new List<CoachLoopApp>();
        try
        {
            foreach (var start in starts)
            {
                hosts.Add(await start);
            }

            var rubrics = await hosts[0].WithDbAsync(db => db.Rubrics.AsNoTracking().Select(r => new { r.Key, r.Version }).ToListAsync());
            Assert.Equal([("support", 1)], rubrics.Select(r => (r.Key, r.Version)));
            Assert.True(await hosts[1].WithDbAsync(db => db.People.AnyAsync()));
            Assert.Equal(2, together.Arrived);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Holds each host's first rubric insert until the other host reaches its own (or a few seconds pass).</summary>
    private sealed class BothSeeding(Barrier barrier) : SaveChangesInterceptor
    {
        private int _arrived;

        public int Arrived => _arrived;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<Rubric>().Any(e => e.State == EntityState.Added) && Interlocked.Increment(ref _arrived) <= 2)
            {
                barrier.SignalAndWait(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
