using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// On the follow-up date: the coached criterion's average since coaching against the baseline before it,
/// the next action (close, continue, escalate, or extend once when too few calls were scored), the result
/// to the manager's channel and a short note to the agent.
/// </summary>
public sealed class FollowUpWork(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int BaselineDays = 28;

    public Task<int> RunAsync(CancellationToken ct) => RunAsync(asIfDue: false, ct);

    /// <param name="asIfDue">Evaluate every logged session now, whatever its follow-up date (development's "run due work now").</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<int> RunAsync(bool asIfDue, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>().Flags.AsNoTracking()
                .Where(f => f.Status == FlagStatus.SessionLogged && (asIfDue || f.FollowUpDate <= today))
                .OrderBy(f => f.FollowUpDate).Select(f => f.Id).Take(500).ToListAsync(ct).ConfigureAwait(false);
        }

        var done = 0;
        foreach (var id in due)
        {
            // One scope per flag: a flag another host evaluated first does not spoil the rest.
            await using var scope = scopes.CreateAsyncScope();
            if (await EvaluateAsync(scope.ServiceProvider, id, now, today, asIfDue, ct).ConfigureAwait(false))
            {
                done++;
            }
        }

        return done;
    }

    private static async Task<bool> EvaluateAsync(IServiceProvider services, Guid flagId, DateTimeOffset now, DateOnly today, bool asIfDue,
        CancellationToken ct)
    {
        var db = services.GetRequiredService<CoachLoopDbContext>();
        var flag = await db.Flags.FirstAsync(f => f.Id == flagId, ct).ConfigureAwait(false);
        if (flag.Status != FlagStatus.SessionLogged || flag.Session is null || flag.TeamId is null)
        {
            return false;
        }

        if (!asIfDue && flag.FollowUpDate > today)
        {
            // Another host evaluated it since the due list was read, and extended its follow-up: not due any more.
            return false;
        }

        var rubric = await db.Rubrics.AsNoTracking().FirstAsync(r => r.Id == flag.RubricId, ct).ConfigureAwait(false);
        var criterion = rubric.FindCriterion(flag.CriterionId)!;
        var coachedAt = flag.SessionLoggedAt!.Value;
        var scores = await db.CriterionScores.AsNoTracking()
            .Where(s => s.AgentId == flag.AgentId && s.CriterionId == flag.CriterionId && !s.Overturned && s.CallTime >= coachedAt.AddDays(-BaselineDays))
            .Select(s => new { s.CallTime, s.Score }).ToListAsync(ct).ConfigureAwait(false);
        var result = FollowUpEvaluator.Evaluate(flag.Threshold, scores.Where(s => s.CallTime < coachedAt).Select(s => s.Score).ToList(),
            scores.Where(s => s.CallTime >= coachedAt).Select(s => s.Score).ToList(), flag.CyclesWithoutMovement);
        var actor = Actor.System("scheduler");
        flag.MarkFollowUpDue(asIfDue && flag.FollowUpDate is { } date && date > today ? date : today, actor, now);
        flag.RecordFollowUp(result, criterion, actor, now);

        var notices = services.GetRequiredService<NoticeWriter>();
        var agent = await db.People.AsNoTracking().Where(p => p.Id == flag.AgentId).Select(p => p.Name).FirstAsync(ct).ConfigureAwait(false);
        var key = $"{flag.Id:N}:r{flag.Revision}";
        await notices.AddAsync($"{NoticeKinds.FollowUp}:{key}", NoticeKinds.FollowUp, Notice.ToTeam, flag.TeamId.Value,
            FollowUpNotices.ForManager(flag, agent, criterion.Name, result), urgent: false, send: true, ct).ConfigureAwait(false);
        await notices.AddAsync($"{NoticeKinds.AgentNote}:{key}", NoticeKinds.AgentNote, Notice.ToPerson, flag.AgentId,
            FollowUpNotices.ForAgent(flag, criterion.Name, result), urgent: false, send: true, ct).ConfigureAwait(false);
        await services.GetRequiredService<OutboxWriter>().RefreshAsync(flag.Id, ct).ConfigureAwait(false);
        return await notices.TrySaveAsync(ct).ConfigureAwait(false);
    }
}
