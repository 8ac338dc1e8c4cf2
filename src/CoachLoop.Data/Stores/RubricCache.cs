using System.Collections.Concurrent;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Rubric versions by (key, version), for the life of the host. A version never changes once created
/// (<see cref="RubricStore"/> only adds versions), so a cached one is never stale; a version not found is not
/// remembered, so one created later is seen at once.
/// </summary>
public sealed class RubricCache
{
    private readonly ConcurrentDictionary<(string Key, int Version), Rubric> _versions = new();

    public async Task<Rubric?> FindAsync(CoachLoopDbContext db, string key, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_versions.TryGetValue((key, version), out var cached))
        {
            return cached;
        }

        var found = await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key && r.Version == version, ct).ConfigureAwait(false);
        if (found is not null)
        {
            _versions.TryAdd((key, version), found);
        }

        return found;
    }
}
