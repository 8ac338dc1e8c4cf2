using CoachLoop.Data;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Demo;

/// <summary>
/// Seeds the demo rubric and directory once, into a database that has no rubric yet. Several hosts may start together on
/// one empty database: the rubric's unique key lets exactly one of them seed, and the others see that and carry on.
/// </summary>
internal sealed partial class DemoSeeder(CoachLoopDbContext db, RubricStore rubrics, DirectoryStore directory, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Rubrics.AnyAsync(ct).ConfigureAwait(false))
        {
            return;
        }

        var actor = Actor.System("demo-seed");
        try
        {
            await rubrics.CreateVersionAsync(DemoData.Rubric, actor, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Rubrics.AnyAsync(r => r.Key == DemoData.RubricKey, ct).ConfigureAwait(false))
            {
                throw;
            }

            // Another host checked at the same moment and stored the rubric first: it seeds the directory too.
            LogSeededElsewhere(logger);
            return;
        }

        var result = await directory.UpsertAsync(DemoData.People, actor, ct).ConfigureAwait(false);
        LogSeeded(logger, DemoData.RubricKey, result.Saved.Count);
    }

    [LoggerMessage(LogLevel.Information, "Seeded the demo rubric '{Rubric}' and {People} people")]
    private static partial void LogSeeded(ILogger logger, string rubric, int people);

    [LoggerMessage(LogLevel.Information, "Another host seeded the demo data at the same moment; this one leaves it as it is")]
    private static partial void LogSeededElsewhere(ILogger logger);
}
