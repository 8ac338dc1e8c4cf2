using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Data;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Cards;

/// <summary>Builds the current card for a subject from the database: the only place cards are made from state.</summary>
public sealed class CardFactory(CoachLoopDbContext db, TimeProvider clock)
{
    public const int RecentDays = 28;

    public async Task<Card?> BuildAsync(string kind, Guid subjectId, CancellationToken ct)
    {
        switch (kind)
        {
            case CardKinds.Flag or CardKinds.AgentScore:
                var flag = await db.Flags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == subjectId, ct).ConfigureAwait(false);
                if (flag is null)
                {
                    return null;
                }

                var context = await ContextAsync(flag, withFigures: kind == CardKinds.Flag, ct).ConfigureAwait(false);
                return kind == CardKinds.Flag ? FlagCardBuilder.Build(context) : AgentScoreCardBuilder.Build(context);
            case CardKinds.Dispute:
                var dispute = await db.Disputes.AsNoTracking().FirstOrDefaultAsync(d => d.Id == subjectId, ct).ConfigureAwait(false);
                var disputed = dispute is null ? null
                    : await db.Flags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == dispute.FlagId, ct).ConfigureAwait(false);
                if (dispute is null || disputed is null)
                {
                    return null;
                }

                var decider = dispute.DecidedBy is { } id
                    ? await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false)
                    : null;
                var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "dispute" && a.EntityId == dispute.Id).OrderBy(a => a.Id)
                    .Select(a => new LastChange(a.Action, a.ActorName, a.At, a.Detail)).ToListAsync(ct).ConfigureAwait(false);
                return DisputeCardBuilder.Build(dispute, await ContextAsync(disputed, false, ct).ConfigureAwait(false), decider) with
                {
                    History = FlagHistory.Dispute(trail),
                };
            case CardKinds.OpenFlags:
                return await BuildOpenFlagsAsync(subjectId, ct).ConfigureAwait(false);
            case CardKinds.Notice:
                var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == subjectId, ct).ConfigureAwait(false);
                if (notice?.Kind == Data.Outbox.FlagGroup.Kind)
                {
                    return await new OpenFlagsQuery(db).GroupAsync(notice.Id, Data.Outbox.FlagGroup.Deserialize(notice.Payload), ct).ConfigureAwait(false);
                }

                if (notice?.Kind == Scheduling.NoticeKinds.Digest)
                {
                    return await new DigestCardQuery(db).BuildAsync(notice.Id, notice.Payload, ct).ConfigureAwait(false);
                }

                return notice is null ? null : NoticeCards.Build(notice);
            default:
                return null;
        }
    }

    /// <summary>
    /// The open flags <paramref name="viewerPersonId"/> sees, as one actionable card (kind <see cref="CardKinds.OpenFlags"/>): a
    /// manager's or coach's teams' flags by state with the next step on each row where they may take it, an agent's own scores.
    /// Null when the person is unknown. <paramref name="teamId"/> narrows a manager's list to one team.
    /// </summary>
    public Task<Card?> BuildOpenFlagsAsync(Guid viewerPersonId, CancellationToken ct, Guid? teamId = null) =>
        new OpenFlagsQuery(db).BuildAsync(viewerPersonId, teamId, ct);

    public async Task<FlagCardContext> ContextAsync(Flag flag, bool withFigures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var agentName = await db.People.AsNoTracking().Where(p => p.Id == flag.AgentId).Select(p => p.Name)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false) ?? "the agent";
        var rubric = await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Id == flag.RubricId, ct).ConfigureAwait(false);
        // The whole trail in one query, oldest first: the card keeps who did what and when.
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "flag" && a.EntityId == flag.Id)
            .OrderBy(a => a.Id)
            .Select(a => new LastChange(a.Action, a.ActorName, a.At, a.Detail))
            .ToListAsync(ct).ConfigureAwait(false);
        var managerName = flag.TeamId is { } teamId
            ? await db.Teams.AsNoTracking().Where(t => t.Id == teamId)
                .Join(db.People.AsNoTracking(), t => t.ManagerId, p => p.Id, (t, p) => p.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : null;
        var dispute = flag.DisputeId is { } disputeId
            ? await db.Disputes.AsNoTracking().FirstOrDefaultAsync(d => d.Id == disputeId, ct).ConfigureAwait(false)
            : null;
        var figures = withFigures && flag.Status is FlagStatus.PracticeApproved or FlagStatus.Raised or FlagStatus.Continued
            ? await FiguresAsync(flag, rubric?.OverallThreshold ?? Engine.Rubrics.Rubric.DefaultOverallThreshold, ct).ConfigureAwait(false)
            : null;
        return new FlagCardContext(flag, agentName, rubric?.FindCriterion(flag.CriterionId), history, dispute, figures) { ManagerName = managerName };
    }

    private async Task<RecentFigures> FiguresAsync(Flag flag, decimal reviewThreshold, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-RecentDays);
        var overall = await db.ScoredCalls.AsNoTracking()
            .Where(c => c.AgentId == flag.AgentId && c.CallTime >= since)
            .Select(c => c.OverallScore).ToListAsync(ct).ConfigureAwait(false);
        var criterion = await db.CriterionScores.AsNoTracking()
            .Where(s => s.AgentId == flag.AgentId && s.CriterionId == flag.CriterionId && !s.Overturned && s.CallTime >= since)
            .Select(s => s.Score).ToListAsync(ct).ConfigureAwait(false);
        var compliance = await db.Flags.AsNoTracking()
            .CountAsync(f => f.AgentId == flag.AgentId && f.Kind == FlagKind.Compliance && f.CallTime >= since, ct).ConfigureAwait(false);
        return new RecentFigures(RecentDays,
            overall.Count == 0 ? null : Math.Round(overall.Average(), 1),
            criterion.Count == 0 ? null : Math.Round(criterion.Average(), 1),
            overall.Count(o => o < reviewThreshold), compliance);
    }
}
