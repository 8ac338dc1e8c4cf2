using System.Collections.Concurrent;
using CoachLoop.Data;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Cards;

/// <summary>
/// Rubric versions by id for building cards. A version never changes once stored (a change is a new version), so each is read
/// from the database once per process instead of on every card build.
/// </summary>
public sealed class RubricVersions
{
    /// <summary>More versions than any center keeps live; past it the memory is simply started afresh.</summary>
    private const int MaxKept = 1024;

    private readonly ConcurrentDictionary<Guid, Rubric> _known = new();

    public async Task<Rubric?> FindAsync(CoachLoopDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_known.TryGetValue(id, out var rubric))
        {
            return rubric;
        }

        rubric = await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        if (rubric is not null)
        {
            if (_known.Count >= MaxKept)
            {
                _known.Clear();
            }

            _known[id] = rubric;
        }

        return rubric;
    }
}
