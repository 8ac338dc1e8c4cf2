using CoachLoop.Data.Records;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.Metrics;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>Read side: flags, a flag's history, scorecards and the coaching log (the paged lists in the other parts).</summary>
public sealed partial class CoachingQueries(CoachLoopDbContext db, RubricCache rubrics)
{
    /// <summary>The quality flags folded into a pattern flag, by call time.</summary>
    public async Task<IReadOnlyList<Guid>> FoldedIntoAsync(Guid patternFlagId, CancellationToken ct = default) =>
        await db.Flags.AsNoTracking()
            .Where(f => f.SupersededBy == patternFlagId)
            .OrderBy(f => f.CallTime).ThenBy(f => f.CallId)
            .Select(f => f.Id)
            .ToListAsync(ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string entityType, Guid id, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == id)
            .OrderBy(a => a.Id)
            .ToListAsync(ct).ConfigureAwait(false);

    public Task<Team?> FindTeamAsync(string key, CancellationToken ct = default) =>
        db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);

    public Task<Person?> FindPersonAsync(string emailOrExternalId, CancellationToken ct = default)
    {
        var value = emailOrExternalId.Trim();
        var email = Person.NormaliseEmail(value);
        return db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email || p.ExternalId == value, ct);
    }

    /// <summary>An agent's scorecard over [from, to): per-criterion averages and trend, calls, flags and loop figures.</summary>
    public async Task<Scorecard> ScorecardAsync(Person agent, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var scores = await db.CriterionScores.AsNoTracking()
            .Where(s => s.AgentId == agent.Id && !s.Overturned && s.CallTime >= from && s.CallTime < to)
            .Select(s => new { s.CriterionId, s.CallTime, s.Score })
            .ToListAsync(ct).ConfigureAwait(false);
        var calls = await db.ScoredCalls.AsNoTracking()
            .Where(c => c.AgentId == agent.Id && c.CallTime >= from && c.CallTime < to)
            .Select(c => c.OverallScore)
            .ToListAsync(ct).ConfigureAwait(false);
        var flags = await db.Flags.AsNoTracking()
            .Where(f => f.AgentId == agent.Id && f.CallTime >= from && f.CallTime < to)
            .ToListAsync(ct).ConfigureAwait(false);
        var days = Math.Max(1, (int)Math.Ceiling((to - from).TotalDays));
        var criteria = scores.GroupBy(s => s.CriterionId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CriterionCard(g.Key, Math.Round(g.Average(s => s.Score), 1), g.Count(),
                LoopMetrics.Trend(g.Select(s => new ScorePoint(s.CallTime, s.Score)), to, days)))
            .ToList();
        var timeToCoaching = LoopMetrics.TimeToCoaching(flags.Select(f => (f.CallTime, f.SessionLoggedAt)));
        var practice = LoopMetrics.PracticeCompletionRate(
            flags.Where(f => f.ApprovedAt is not null).Select(f => (f.ApprovedAt!.Value, f.PracticeCompletedAt)), from, to);
        return new Scorecard(agent.Id, agent.Email, agent.Name, from, to, calls.Count,
            calls.Count == 0 ? null : Math.Round(calls.Average(), 1), criteria,
            flags.Count, flags.Count(f => f.IsOpen), flags.Count(f => f.Kind == FlagKind.Compliance),
            timeToCoaching.AverageHours, practice);
    }
}

public sealed record CriterionCard(string CriterionId, decimal Average, int Scores, ScoreTrend Trend);

public sealed record Scorecard(Guid AgentId, string Email, string Name, DateTimeOffset From, DateTimeOffset To, int Calls,
    decimal? OverallAverage, IReadOnlyList<CriterionCard> Criteria, int Flags, int OpenFlags, int ComplianceFlags,
    double? AverageHoursToCoaching, decimal? PracticeCompletionRate);
