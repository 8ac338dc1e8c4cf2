using CoachLoop.Data;
using CoachLoop.Engine.Digests;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.Metrics;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// Reads what a manager's digest needs: a handful of queries per team, whatever the size of the call history. Every flag that
/// still needs someone is in it (a flag whose session is logged waits for its follow-up, an escalated one for a decision), so a
/// digest never says "all clear" while the team has open flags.
/// </summary>
public sealed class DigestComposer(CoachLoopDbContext db, IOptions<Workshops.WorkshopOptions>? workshops = null)
{
    private readonly Engine.Coaching.WorkshopRule _workshops = workshops?.Value.ToRule() ?? Engine.Coaching.WorkshopRule.Default;

    public const int MaxItemsPerSection = Cards.Builders.OpenFlagsCardBuilder.MaxRows;

    public async Task<Digest> ComposeAsync(Team team, Person manager, DateOnly localDate, DateTimeOffset now, int healthDays, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(manager);
        var flags = await db.Flags.AsNoTracking()
            .Where(f => f.TeamId == team.Id && f.Status != FlagStatus.Closed && f.Status != FlagStatus.Dismissed)
            .ToListAsync(ct).ConfigureAwait(false);
        var names = await db.People.AsNoTracking().Where(p => p.TeamId == team.Id).ToDictionaryAsync(p => p.Id, p => p.Name, ct).ConfigureAwait(false);
        var openIds = flags.Select(f => f.Id).ToList();
        var disputes = await db.Disputes.AsNoTracking().Where(d => d.Status == DisputeStatus.Open && openIds.Contains(d.FlagId))
            .ToListAsync(ct).ConfigureAwait(false);

        DigestItem Item(Flag f) => new(f.Id, names.GetValueOrDefault(f.AgentId, "agent"), f.Plan.CriterionLine, f.Status.ToString(), f.Urgent);
        List<DigestItem> Take(IEnumerable<Flag> source) => source.OrderByDescending(f => f.RaisedAt).Take(MaxItemsPerSection).Select(Item).ToList();

        var since = now.AddDays(-healthDays);
        var digest = new Digest(manager.Id, manager.Name, team.Name, localDate,
            Take(flags.Where(f => f.Kind == FlagKind.Compliance)),
            Take(flags.Where(f => f.Kind != FlagKind.Compliance)),
            Take(flags.Where(f => f.Status is FlagStatus.Raised or FlagStatus.Continued)),
            Take(flags.Where(f => f.Status is FlagStatus.PracticeApproved or FlagStatus.FollowUpDue
                || (f.Status == FlagStatus.SessionLogged && f.FollowUpDate <= localDate))),
            disputes.OrderBy(d => d.Deadline).Take(MaxItemsPerSection)
                .Select(d => new DigestItem(d.Id, names.GetValueOrDefault(d.AgentId, "agent"), d.Reason, $"answer by {Cards.Builders.CardText.Time(d.Deadline)}", false)).ToList(),
            await HealthAsync(team.Id, since, now, ct).ConfigureAwait(false));
        return digest with { Workshops = await Workshops.WorkshopSuggestions.ForDigestAsync(db, flags, names, _workshops, now, ct).ConfigureAwait(false) };
    }

    // A week of the team's compliance flags (the only kind a script check raises): the finding lives in the plan's JSON, so
    // the plans are read and counted here.
    private async Task<int> DisagreementsAsync(Guid teamId, DateTimeOffset now, CancellationToken ct)
    {
        var weekAgo = now.AddDays(-7);
        var plans = await db.Flags.AsNoTracking()
            .Where(f => f.TeamId == teamId && f.Kind == FlagKind.Compliance && f.RaisedAt >= weekAgo)
            .Select(f => f.Plan)
            .ToListAsync(ct).ConfigureAwait(false);
        return plans.Count(p => p.Transcript?.Disagreement is not null);
    }

    private async Task<LoopHealth> HealthAsync(Guid teamId, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        var coached = await db.Flags.AsNoTracking()
            .Where(f => f.TeamId == teamId && ((f.SessionLoggedAt != null && f.SessionLoggedAt >= since) || (f.ApprovedAt != null && f.ApprovedAt >= since)))
            .Select(f => new { f.CallTime, f.SessionLoggedAt, f.ApprovedAt, f.PracticeCompletedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        var agents = db.People.AsNoTracking().Where(p => p.TeamId == teamId).Select(p => p.Id);
        var scores = await db.CriterionScores.AsNoTracking()
            .Where(s => agents.Contains(s.AgentId) && !s.Overturned && s.CallTime >= since)
            .Select(s => new { s.CriterionId, s.CallTime, s.Score })
            .ToListAsync(ct).ConfigureAwait(false);
        var drifting = scores.GroupBy(s => s.CriterionId)
            .Select(g => (Id: g.Key, Trend: LoopMetrics.Trend(g.Select(s => new ScorePoint(s.CallTime, s.Score)), now, (int)(now - since).TotalDays)))
            .Where(t => t.Trend.IsDrifting)
            .OrderBy(t => t.Trend.SlopePerWeek)
            .Select(t => new CriterionDrift(t.Id, t.Trend.Weeks.Select(w => w.Average).ToList(), t.Trend.SlopePerWeek!.Value))
            .ToList();
        var timing = LoopMetrics.TimeToCoaching(coached.Where(c => c.SessionLoggedAt >= since).Select(c => (c.CallTime, c.SessionLoggedAt)));
        var practice = LoopMetrics.PracticeCompletionRate(coached.Where(c => c.ApprovedAt is not null)
            .Select(c => (c.ApprovedAt!.Value, c.PracticeCompletedAt)), since, now);
        return new LoopHealth(timing.AverageHours, practice, drifting, await DisagreementsAsync(teamId, now, ct).ConfigureAwait(false));
    }
}
