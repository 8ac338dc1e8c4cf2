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

    /// <summary>
    /// The agent's calls on each criterion around the call time, in three commands whatever the number of criteria:
    /// the cursors, the windows of scores (one UNION ALL), and the pattern flags naming them.
    /// </summary>
    public static async Task<Dictionary<string, IReadOnlyList<HistoryCall>>> AroundAsync(CoachLoopDbContext db, Guid agentId,
        IReadOnlyCollection<string> criterionIds, DateTimeOffset around, CancellationToken ct)
    {
        var criteria = criterionIds.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, IReadOnlyList<HistoryCall>>(StringComparer.Ordinal);
        if (criteria.Count == 0)
        {
            return result;
        }

        // The cursors are read first: a write committed after this point is caught when ours bumps them.
        await TakeCursorsAsync(db, agentId, criteria, ct).ConfigureAwait(false);
        IQueryable<WindowRow>? windows = null;
        foreach (var criterionId in criteria)
        {
            var scores =
                from s in db.CriterionScores.AsNoTracking()
                where s.AgentId == agentId && s.CriterionId == criterionId && !s.Overturned
                join c in db.ScoredCalls.AsNoTracking() on s.ScoredCallId equals c.Id
                select new WindowRow { CriterionId = s.CriterionId, Id = c.Id, Source = c.Source, CallId = c.CallId, CallTime = s.CallTime, Score = s.Score };
            // Ties in time are ordered by (source, call id) in memory: database collations need not be ordinal.
            var before = scores.Where(x => x.CallTime <= around).OrderByDescending(x => x.CallTime).Take(Window);
            var after = scores.Where(x => x.CallTime > around).OrderBy(x => x.CallTime).Take(Window);
            windows = windows is null ? before.Concat(after) : windows.Concat(before).Concat(after);
        }

        var rows = await windows!.ToListAsync(ct).ConfigureAwait(false);
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var claims = ids.Count == 0
            ? []
            : await db.Flags.AsNoTracking()
                .Where(f => f.AgentId == agentId && criteria.Contains(f.CriterionId) && f.Kind == FlagKind.Pattern)
                .SelectMany(f => f.Streak, (f, s) => new { s.ScoredCallId, f.CriterionId, FlagId = f.Id })
                .Where(c => ids.Contains(c.ScoredCallId))
                .ToListAsync(ct).ConfigureAwait(false);
        var claimed = claims.ToDictionary(c => (c.CriterionId, c.ScoredCallId), c => c.FlagId);
        foreach (var criterionId in criteria)
        {
            result[criterionId] = rows.Where(r => r.CriterionId == criterionId)
                .Select(r => new HistoryCall(r.Id, r.Source, r.CallId, r.CallTime, r.Score,
                    claimed.TryGetValue((criterionId, r.Id), out var flagId) ? flagId : null))
                .ToList();
        }

        return result;
    }

    private static async Task TakeCursorsAsync(CoachLoopDbContext db, Guid agentId, List<string> criteria, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<StreakCursor>().Where(e => e.Entity.AgentId == agentId).Select(e => e.Entity.CriterionId)
            .ToHashSet(StringComparer.Ordinal);
        var missing = criteria.Where(c => !tracked.Contains(c)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var found = await db.StreakCursors.Where(c => c.AgentId == agentId && missing.Contains(c.CriterionId))
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var criterionId in missing.Except(found.Select(c => c.CriterionId), StringComparer.Ordinal))
        {
            db.StreakCursors.Add(new StreakCursor { AgentId = agentId, CriterionId = criterionId });
        }
    }

    private sealed class WindowRow
    {
        public string CriterionId { get; init; } = "";
        public Guid Id { get; init; }
        public string Source { get; init; } = "";
        public string CallId { get; init; } = "";
        public DateTimeOffset CallTime { get; init; }
        public decimal Score { get; init; }
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
