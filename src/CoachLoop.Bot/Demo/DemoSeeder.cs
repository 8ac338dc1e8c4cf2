using CoachLoop.Data;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Demo;

/// <summary>Seeds the demo rubric and directory once, into a database that has no rubric yet.</summary>
internal sealed class DemoSeeder(CoachLoopDbContext db, RubricStore rubrics, DirectoryStore directory, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Rubrics.AnyAsync(ct).ConfigureAwait(false))
        {
            return;
        }

        var actor = Actor.System("demo-seed");
        await rubrics.CreateVersionAsync(DemoData.Rubric, actor, ct).ConfigureAwait(false);
        var result = await directory.UpsertAsync(DemoData.People, actor, ct).ConfigureAwait(false);
        logger.LogInformation("Seeded the demo rubric '{Rubric}' and {People} people", DemoData.RubricKey, result.Saved.Count);
    }
}
