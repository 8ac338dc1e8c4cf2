using CoachLoop.Data.Records;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.Metrics;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>Read side: flags, a flag's history, scorecards and the coaching log.</summary>
public sealed class CoachingQueries(CoachLoopDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<IReadOnlyList<Flag>> ListFlagsAsync(FlagFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Flags.AsNoTracking();
        if (filter.TeamId is { } teamId)
        {
            query = query.Where(f => f.TeamId == teamId);
        }

        if (filter.AgentId is { } agentId)
        {
            query = query.Where(f => f.AgentId == agentId);
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            query = query.Where(f => statuses.Contains(f.Status));
        }

        return await query
            .OrderByDescending(f => f.Urgent)
            .ThenByDescending(f => f.RaisedAt)
            .Take(Math.Clamp(filter.Limit, 1, MaxPageSize))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    public Task<Flag?> FindFlagAsync(Guid id, CancellationToken ct = default) =>
        db.Flags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);

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

    /// <summary>Coaching log rows: every flag that reached a session, with its evidence, in session order.</summary>
    public async Task<IReadOnlyList<CoachingLogRow>> CoachingLogAsync(Guid? teamId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct = default)
    {
        var query = db.Flags.AsNoTracking().Where(f => f.SessionLoggedAt != null && f.SessionLoggedAt >= from && f.SessionLoggedAt < to);
        if (teamId is { } t)
        {
            query = query.Where(f => f.TeamId == t);
        }

        var flags = await query.OrderBy(f => f.SessionLoggedAt).ToListAsync(ct).ConfigureAwait(false);
        var agentIds = flags.Select(f => f.AgentId).Distinct().ToList();
        var agents = await db.People.AsNoTracking().Where(p => agentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        return flags.Select(f => new CoachingLogRow(
            f.Id, agents.TryGetValue(f.AgentId, out var a) ? a.Email : f.AgentId.ToString(), f.CallId, f.CallTime,
            f.Plan.CriterionLine, f.Plan.QuoteOffset, f.Plan.Quote, f.Session!.TargetedBehaviour, f.Session.AgentSelfAssessment,
            f.Session.AgreedBehaviour, f.Session.Practice, f.Session.HeldOn, f.Session.FollowUpDate, f.Status.ToString(),
            f.LastFollowUp?.Delta)).ToList();
    }
}

public sealed record FlagFilter(Guid? TeamId, Guid? AgentId, IReadOnlyCollection<FlagStatus>? Statuses, int Limit = 100);

public sealed record CriterionCard(string CriterionId, decimal Average, int Scores, ScoreTrend Trend);

public sealed record Scorecard(Guid AgentId, string Email, string Name, DateTimeOffset From, DateTimeOffset To, int Calls,
    decimal? OverallAverage, IReadOnlyList<CriterionCard> Criteria, int Flags, int OpenFlags, int ComplianceFlags,
    double? AverageHoursToCoaching, decimal? PracticeCompletionRate);

public sealed record CoachingLogRow(Guid FlagId, string Agent, string CallId, DateTimeOffset CallTime, string Criterion,
    string? EvidenceOffset, string? EvidenceQuote, string TargetedBehaviour, string AgentSelfAssessment, string AgreedBehaviour,
    string Practice, DateOnly HeldOn, DateOnly FollowUpDate, string Status, decimal? ScoreDelta);
