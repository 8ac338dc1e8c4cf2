using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Data;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Cards;

/// <summary>Builds the current card for a subject from the database: the only place cards are made from state.</summary>
public sealed class CardFactory(CoachLoopDbContext db, RubricCache rubrics, TimeProvider clock, IOptions<CardOptions>? options = null)
{
    private readonly PeerExampleMode _peerMode = options?.Value.PeerExamples ?? PeerExampleMode.Anonymous;

    // A flag's peer example by the score's key: one indexed lookup. An overturned score no longer shows.
    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, Task<PeerRow?>>> PeerOf = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid scoreId) => db.CriterionScores.AsNoTracking().Where(s => s.Id == scoreId && !s.Overturned && s.Quote != null)
            .Join(db.People.AsNoTracking(), s => s.AgentId, p => p.Id, (s, p) => new PeerRow(p.Name, p.TeamId, s.Quote!, s.OffsetSeconds, s.Score, s.CallTime))
            .FirstOrDefault()));

    public const int RecentDays = 28;

    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, Task<Flag?>>> FlagById = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid id) => db.Flags.AsNoTracking().FirstOrDefault(f => f.Id == id)));

    // The agent's and the team manager's names in one query.
    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, Guid?, Task<Names?>>> NamesOf = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid agentId, Guid? teamId) => db.People.AsNoTracking().Where(p => p.Id == agentId)
            .Select(p => new Names(p.Name, db.Teams.Where(t => t.Id == teamId).Join(db.People, t => t.ManagerId, m => m.Id, (t, m) => m.Name).FirstOrDefault()))
            .FirstOrDefault()));

    // The whole trail in one query, oldest first: the card keeps who did what and when.
    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, IAsyncEnumerable<LastChange>>> TrailOf = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid flagId) => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "flag" && a.EntityId == flagId)
            .OrderBy(a => a.Id)
            .Select(a => new LastChange(a.Action, a.ActorName, a.At, a.Detail))));

    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, string, DateTimeOffset, decimal, Task<FigureSums?>>> FiguresOf = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid agentId, string criterionId, DateTimeOffset since, decimal reviewThreshold) => db.People.AsNoTracking()
            .Where(p => p.Id == agentId)
            .Select(p => new FigureSums(
                db.ScoredCalls.Count(c => c.AgentId == agentId && c.CallTime >= since),
                // Summed as floating point in SQL and turned back into decimal before dividing: the same average the scores give.
                db.ScoredCalls.Where(c => c.AgentId == agentId && c.CallTime >= since).Sum(c => (double?)(double)c.OverallScore),
                db.ScoredCalls.Count(c => c.AgentId == agentId && c.CallTime >= since && c.OverallScore < reviewThreshold),
                db.CriterionScores.Count(s => s.AgentId == agentId && s.CriterionId == criterionId && !s.Overturned && s.CallTime >= since),
                db.CriterionScores.Where(s => s.AgentId == agentId && s.CriterionId == criterionId && !s.Overturned && s.CallTime >= since)
                    .Sum(s => (double?)(double)s.Score),
                db.Flags.Count(f => f.AgentId == agentId && f.Kind == FlagKind.Compliance && f.CallTime >= since)))
            .FirstOrDefault()));

    public async Task<Card?> BuildAsync(string kind, Guid subjectId, CancellationToken ct)
    {
        switch (kind)
        {
            case CardKinds.Flag or CardKinds.AgentScore:
                ct.ThrowIfCancellationRequested();
                var flag = await FlagById.For(db)(db, subjectId).ConfigureAwait(false);
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

                if (notice?.Kind == Workshops.WorkshopNotices.Kind)
                {
                    return await new Workshops.WorkshopCardQuery(db, rubrics).BuildAsync(notice.Id, ct).ConfigureAwait(false);
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
        ct.ThrowIfCancellationRequested();
        var teamId = flag.TeamId;
        var names = await NamesOf.For(db)(db, flag.AgentId, teamId).ConfigureAwait(false);
        var managerName = names is null && teamId is not null
            ? await db.Teams.AsNoTracking().Where(t => t.Id == teamId)
                .Join(db.People.AsNoTracking(), t => t.ManagerId, p => p.Id, (t, p) => p.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : names?.Manager;
        var rubric = await rubrics.FindAsync(db, flag.RubricId, ct).ConfigureAwait(false);
        var history = new List<LastChange>();
        await foreach (var change in TrailOf.For(db)(db, flag.Id).WithCancellation(ct).ConfigureAwait(false))
        {
            history.Add(change);
        }

        var dispute = flag.DisputeId is { } disputeId
            ? await db.Disputes.AsNoTracking().FirstOrDefaultAsync(d => d.Id == disputeId, ct).ConfigureAwait(false)
            : null;
        var figures = withFigures && flag.Status is FlagStatus.PracticeApproved or FlagStatus.Raised or FlagStatus.Continued
            ? await FiguresAsync(flag, rubric?.OverallThreshold ?? Engine.Rubrics.Rubric.DefaultOverallThreshold, ct).ConfigureAwait(false)
            : null;
        return new FlagCardContext(flag, names?.Name ?? "the agent", rubric?.FindCriterion(flag.CriterionId), history, dispute, figures)
        {
            ManagerName = managerName,
            Peer = await PeerAsync(flag, ct).ConfigureAwait(false),
            PeerMode = _peerMode,
        };
    }

    /// <summary>
    /// The agent's figures over the last <see cref="RecentDays"/> days, aggregated in the database in one query (over the
    /// agent-and-time indexes) rather than by reading every score of the window.
    /// </summary>
    private async Task<RecentFigures> FiguresAsync(Flag flag, decimal reviewThreshold, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var figures = await FiguresOf.For(db)(db, flag.AgentId, flag.CriterionId, clock.GetUtcNow().AddDays(-RecentDays), reviewThreshold).ConfigureAwait(false);
        return figures is null
            ? new RecentFigures(RecentDays, null, null, 0, 0)
            : new RecentFigures(RecentDays, Average(figures.OverallSum, figures.Calls), Average(figures.CriterionSum, figures.Scores),
                figures.Below, figures.Compliance);
    }

    /// <summary>How peer examples name the peer here (setting <c>Cards:PeerExamples</c>).</summary>
    public PeerExampleMode PeerMode => _peerMode;

    /// <summary>The flag's peer example as its cards show it; null when it has none, it no longer counts, or the setting is off.</summary>
    public async Task<PeerExampleView?> PeerAsync(Flag flag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (_peerMode == PeerExampleMode.Off || flag.PeerScoreId is not { } scoreId)
        {
            return null;
        }

        ct.ThrowIfCancellationRequested();
        var row = await PeerOf.For(db)(db, scoreId).ConfigureAwait(false);
        return row is null ? null
            : new PeerExampleView(row.Name, flag.TeamId is not null && row.TeamId == flag.TeamId, row.Quote, row.OffsetSeconds, row.Score, row.CallTime);
    }

    private static decimal? Average(double? sum, int count) => count == 0 || sum is null ? null : Math.Round((decimal)sum.Value / count, 1);

    private sealed record Names(string Name, string? Manager);

    private sealed record PeerRow(string Name, Guid? TeamId, string Quote, int? OffsetSeconds, decimal Score, DateTimeOffset CallTime);

    private sealed record FigureSums(int Calls, double? OverallSum, int Below, int Scores, double? CriterionSum, int Compliance);
}
