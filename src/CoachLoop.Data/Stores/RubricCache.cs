using System.Collections.Concurrent;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Rubric versions for the life of the host, found by id (card builds) or by (key, version) (intake). A version never changes
/// once created (<see cref="RubricStore"/> only adds versions), so a cached one is never stale; a version not found is not
/// remembered, so one created later is seen at once.
/// </summary>
public sealed class RubricCache
{
    /// <summary>More versions than any center keeps live; past it the memory is simply started afresh.</summary>
    private const int MaxKept = 1024;

    private readonly ConcurrentDictionary<Guid, Rubric> _byId = new();
    private readonly ConcurrentDictionary<(string Key, int Version), Rubric> _byVersion = new();

    public async Task<Rubric?> FindAsync(CoachLoopDbContext db, string key, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byVersion.TryGetValue((key, version), out var cached)
            ? cached
            : Keep(await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key && r.Version == version, ct).ConfigureAwait(false));
    }

    public async Task<Rubric?> FindAsync(CoachLoopDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byId.TryGetValue(id, out var cached)
            ? cached
            : Keep(await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false));
    }

    private Rubric? Keep(Rubric? found)
    {
        if (found is not null)
        {
            if (_byId.Count >= MaxKept)
            {
                _byId.Clear();
                _byVersion.Clear();
            }

            _byId[found.Id] = found;
            _byVersion[(found.Key, found.Version)] = found;
        }

        return found;
    }
}
