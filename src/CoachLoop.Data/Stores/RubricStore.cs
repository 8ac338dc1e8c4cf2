using CoachLoop.Data.Modeling;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>Rubric versions: creating a rubric under an existing key makes the next version; versions never change.</summary>
public sealed class RubricStore(CoachLoopDbContext db, TimeProvider clock)
{
    public async Task<RubricResult> CreateVersionAsync(RubricDefinition definition, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        var key = definition.Key?.Trim() ?? "";
        var latest = await db.Rubrics.Where(r => r.Key == key).MaxAsync(r => (int?)r.Version, ct).ConfigureAwait(false) ?? 0;
        var result = Rubric.Create(definition, latest + 1, clock.GetUtcNow());
        if (result.Rubric is not { } rubric)
        {
            return result;
        }

        db.Rubrics.Add(rubric);
        db.AuditEntries.Add(CoachLoopDbContext.ToAuditEntry(new StateChange("rubric", rubric.Id, "create-version", actor, rubric.CreatedAt,
            null, $"v{rubric.Version}", JsonColumn.Serialize(rubric.Criteria.Select(c => c.Id)))));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return result;
    }

    public Task<Rubric?> FindAsync(string key, int? version, CancellationToken ct = default)
    {
        var query = db.Rubrics.AsNoTracking().Where(r => r.Key == key);
        return version is { } v
            ? query.FirstOrDefaultAsync(r => r.Version == v, ct)
            : query.OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<Rubric>> ListLatestAsync(CancellationToken ct = default)
    {
        var all = await db.Rubrics.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        return all.GroupBy(r => r.Key).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }
}
