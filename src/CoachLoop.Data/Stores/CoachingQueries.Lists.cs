using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>
/// The paged lists: keyset pages on a stable order (the last row of a page is where the next starts), each page one
/// query with the agent and team joined in; criterion names come from the rubric cache, which asks the database once
/// per rubric version for the life of the host.
/// </summary>
public sealed partial class CoachingQueries
{
    /// <summary>The most rows a page shows; a caller asks for one more to learn whether a next page exists.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Flags, urgent first, then newest raised first, then by id; after <see cref="FlagFilter.After"/> when given.</summary>
    public async Task<IReadOnlyList<FlagListRow>> ListFlagsAsync(FlagFilter filter, CancellationToken ct = default)
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

        if (filter.After is { } after)
        {
            query = query.Where(f => (after.Urgent && !f.Urgent)
                || (f.Urgent == after.Urgent && (f.RaisedAt < after.RaisedAt || (f.RaisedAt == after.RaisedAt && f.Id.CompareTo(after.Id) < 0))));
        }

        return await RowsAsync(query, Math.Clamp(filter.Limit, 1, MaxPageSize + 1), ct).ConfigureAwait(false);
    }

    /// <summary>One flag with its agent, team and criterion name, as the list shows it.</summary>
    public async Task<FlagListRow?> FindFlagRowAsync(Guid id, CancellationToken ct = default) =>
        (await RowsAsync(db.Flags.AsNoTracking().Where(f => f.Id == id), 1, ct).ConfigureAwait(false)).FirstOrDefault();

    private async Task<IReadOnlyList<FlagListRow>> RowsAsync(IQueryable<Flag> query, int take, CancellationToken ct)
    {
        var rows = await WithAgentAndTeam(query)
            .OrderByDescending(j => j.Flag.Urgent).ThenByDescending(j => j.Flag.RaisedAt).ThenByDescending(j => j.Flag.Id)
            .Select(j => new { j.Flag, j.AgentName, j.AgentEmail, j.TeamKey, j.TeamName })
            .Take(take)
            .ToListAsync(ct).ConfigureAwait(false);
        var names = await CriterionNamesAsync(rows.Select(r => r.Flag), ct).ConfigureAwait(false);
        return rows.Select(r => new FlagListRow(r.Flag, r.AgentName, r.AgentEmail, r.TeamKey, r.TeamName,
            names.GetValueOrDefault((r.Flag.RubricId, r.Flag.CriterionId)))).ToList();
    }

    /// <summary>
    /// Coaching log rows: every flag that reached a session logged in [from, to), with its evidence and who coached, in
    /// session order; after <paramref name="after"/> when given, at most <paramref name="limit"/> rows.
    /// </summary>
    public async Task<IReadOnlyList<CoachingLogRow>> CoachingLogAsync(Guid? teamId, DateTimeOffset from, DateTimeOffset to, int limit,
        CoachingLogPosition? after = null, CancellationToken ct = default)
    {
        var query = db.Flags.AsNoTracking().Where(f => f.SessionLoggedAt != null && f.SessionLoggedAt >= from && f.SessionLoggedAt < to);
        if (teamId is { } t)
        {
            query = query.Where(f => f.TeamId == t);
        }

        if (after is not null)
        {
            query = query.Where(f => f.SessionLoggedAt > after.SessionLoggedAt
                || (f.SessionLoggedAt == after.SessionLoggedAt && f.Id.CompareTo(after.FlagId) > 0));
        }

        var rows = await WithAgentAndTeam(query)
            .OrderBy(j => j.Flag.SessionLoggedAt).ThenBy(j => j.Flag.Id)
            .Select(j => new
            {
                j.Flag, j.AgentEmail, j.AgentName, j.TeamKey, j.TeamName,
                // The latest session logged on the flag: a continued flag is coached again in its next cycle.
                Coach = db.AuditEntries.Where(a => a.EntityType == "flag" && a.EntityId == j.Flag.Id && a.Action == "log-session")
                    .OrderByDescending(a => a.Id).Select(a => a.ActorName).FirstOrDefault(),
            })
            .Take(Math.Clamp(limit, 1, MaxPageSize + 1))
            .ToListAsync(ct).ConfigureAwait(false);
        var names = await CriterionNamesAsync(rows.Select(r => r.Flag), ct).ConfigureAwait(false);
        return rows.Select(r =>
        {
            var f = r.Flag;
            return new CoachingLogRow(f.Id, f.AgentId, r.AgentEmail ?? f.AgentId.ToString(), r.AgentName, r.TeamKey, r.TeamName, f.CallId,
                f.CallTime, f.CriterionId, names.GetValueOrDefault((f.RubricId, f.CriterionId)), f.Score, f.Threshold, f.Plan.CriterionLine,
                f.Plan.QuoteOffset, f.Plan.Quote, r.Coach, f.Session!.TargetedBehaviour, f.Session.AgentSelfAssessment, f.Session.AgreedBehaviour,
                f.Session.Practice, f.PracticeCompletedAt is not null, f.PracticeCompletedAt, f.Session.HeldOn, f.SessionLoggedAt!.Value,
                f.FollowUpDate, f.Status, f.LastFollowUp?.Delta);
        }).ToList();
    }

    // Left joins: a flag whose agent or team was removed from the directory is still listed.
    private IQueryable<FlagJoin> WithAgentAndTeam(IQueryable<Flag> flags) =>
        from f in flags
        join p in db.People on f.AgentId equals p.Id into agents
        from p in agents.DefaultIfEmpty()
        join t in db.Teams on f.TeamId equals (Guid?)t.Id into teams
        from t in teams.DefaultIfEmpty()
        select new FlagJoin
        {
            Flag = f, AgentName = p == null ? null : p.Name, AgentEmail = p == null ? null : p.Email,
            TeamKey = t == null ? null : t.Key, TeamName = t == null ? null : t.Name,
        };

    private sealed class FlagJoin
    {
        public required Flag Flag { get; init; }
        public string? AgentName { get; init; }
        public string? AgentEmail { get; init; }
        public string? TeamKey { get; init; }
        public string? TeamName { get; init; }
    }

    // Rubric versions never change, so the cache answers after the first page that names one.
    private async Task<Dictionary<(Guid RubricId, string CriterionId), string>> CriterionNamesAsync(IEnumerable<Flag> flags,
        CancellationToken ct)
    {
        var names = new Dictionary<(Guid, string), string>();
        foreach (var rubricId in flags.Select(f => f.RubricId).Distinct().ToList())
        {
            if (await rubrics.FindAsync(db, rubricId, ct).ConfigureAwait(false) is { } rubric)
            {
                foreach (var criterion in rubric.Criteria)
                {
                    names[(rubricId, criterion.Id)] = criterion.Name;
                }
            }
        }

        return names;
    }
}
