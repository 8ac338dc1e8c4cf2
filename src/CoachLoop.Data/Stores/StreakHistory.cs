using CoachLoop.Data.Records;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Reads an agent's calls on one criterion around a call time, with the pattern flag naming each, and takes
/// the agent's streak cursor for that criterion so the write that follows conflicts with any other in between.
/// </summary>
internal static class StreakHistory
{
    /// <summary>Calls read on each side of the new one: enough to see a streak and whether a pattern flag names it.</summary>
    public const int Window = 20;

    public static async Task<IReadOnlyList<HistoryCall>> AroundAsync(CoachLoopDbContext db, Guid agentId, string criterionId,
        DateTimeOffset around, CancellationToken ct)
    {
        // The cursor is read first: a write committed after this point is caught when ours bumps it.
        if (await db.StreakCursors.FindAsync([agentId, criterionId], ct).ConfigureAwait(false) is null)
        {
            db.StreakCursors.Add(new StreakCursor { AgentId = agentId, CriterionId = criterionId });
        }

        var scores =
            from s in db.CriterionScores.AsNoTracking()
            where s.AgentId == agentId && s.CriterionId == criterionId && !s.Overturned
            join c in db.ScoredCalls.AsNoTracking() on s.ScoredCallId equals c.Id
            select new { c.Id, c.Source, c.CallId, s.CallTime, s.Score };
        // Ties in time are ordered by (source, call id) in memory: database collations need not be ordinal.
        var before = await scores.Where(x => x.CallTime <= around).OrderByDescending(x => x.CallTime).Take(Window)
            .ToListAsync(ct).ConfigureAwait(false);
        var after = await scores.Where(x => x.CallTime > around).OrderBy(x => x.CallTime).Take(Window)
            .ToListAsync(ct).ConfigureAwait(false);
        var rows = before.Concat(after).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var claims = await db.Flags.AsNoTracking()
            .Where(f => f.AgentId == agentId && f.CriterionId == criterionId && f.Kind == FlagKind.Pattern)
            .SelectMany(f => f.Streak, (f, s) => new { s.ScoredCallId, FlagId = f.Id })
            .Where(c => ids.Contains(c.ScoredCallId))
            .ToDictionaryAsync(c => c.ScoredCallId, c => c.FlagId, ct).ConfigureAwait(false);
        return rows.Select(r => new HistoryCall(r.Id, r.Source, r.CallId, r.CallTime, r.Score,
            claims.TryGetValue(r.Id, out var flagId) ? flagId : null)).ToList();
    }

    /// <summary>Bumps the cursors read for the call's criteria, so that a concurrent intake for them fails its write.</summary>
    public static void Bump(CoachLoopDbContext db, Guid agentId, IEnumerable<string> criterionIds)
    {
        var criteria = criterionIds.ToHashSet(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries<StreakCursor>())
        {
            if (entry.State == EntityState.Unchanged && entry.Entity.AgentId == agentId && criteria.Contains(entry.Entity.CriterionId))
            {
                entry.Entity.Revision++;
            }
        }
    }

    /// <summary>The cursors this write takes, as read (null revision: created by this write).</summary>
    public static IReadOnlyList<(Guid AgentId, string CriterionId, int? Revision)> Read(CoachLoopDbContext db) =>
        [.. db.ChangeTracker.Entries<StreakCursor>().Select(e => (e.Entity.AgentId, e.Entity.CriterionId,
            e.State == EntityState.Added ? (int?)null : e.Property(c => c.Revision).OriginalValue))];

    /// <summary>Whether another writer created or bumped any of the cursors since they were read.</summary>
    public static async Task<bool> MovedSinceAsync(CoachLoopDbContext db,
        IReadOnlyList<(Guid AgentId, string CriterionId, int? Revision)> cursors, CancellationToken ct)
    {
        foreach (var (agentId, criterionId, revision) in cursors)
        {
            var now = await db.StreakCursors.AsNoTracking().Where(c => c.AgentId == agentId && c.CriterionId == criterionId)
                .Select(c => (int?)c.Revision).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (now != revision)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A unique key taken by another writer first: the cursor of a new agent and criterion, or a streak's call.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
