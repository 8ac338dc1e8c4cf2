using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// Reminders and escalations: a session not logged two working days after approval; a dispute not
/// answered by its deadline (to the QA lead); a pattern flag without an approved plan for 14 days.
/// </summary>
public sealed class ReminderWork(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SchedulingOptions> options)
{
    public Task<int> RunAsync(CancellationToken ct) => RunAsync(asIfDue: false, ct);

    /// <param name="asIfDue">Treat every waiting session, open dispute and unplanned pattern flag as overdue now (development's
    /// "run due work now"); each still goes out once.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<int> RunAsync(bool asIfDue, CancellationToken ct) =>
        await SessionRemindersAsync(asIfDue, ct).ConfigureAwait(false)
        + await DisputeDeadlinesAsync(asIfDue, ct).ConfigureAwait(false)
        + await PatternEscalationsAsync(asIfDue, ct).ConfigureAwait(false);

    private async Task<int> SessionRemindersAsync(bool asIfDue, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = options.Value.SessionReminderWorkingDays;
        var candidates = await QueryAsync(db => db.Flags.AsNoTracking()
            .Where(f => f.Status == FlagStatus.PracticeApproved && f.ApprovedAt != null && (asIfDue || f.ApprovedAt <= now.AddDays(-days)))
            .Select(f => new { f.Id, f.ApprovedAt, f.Cycle, f.TeamId, f.AgentId, f.CallId, f.CriterionId }).ToListAsync(ct)).ConfigureAwait(false);
        var sent = 0;
        foreach (var f in candidates.Where(f => f.TeamId is not null && (asIfDue || LocalSchedule.AddWorkingDays(DateOnly.FromDateTime(f.ApprovedAt!.Value.UtcDateTime), days) <= today)))
        {
            sent += await OnceAsync($"{NoticeKinds.SessionReminder}:{f.Id:N}:c{f.Cycle}", async (db, notices, outbox) =>
            {
                var agent = await NameAsync(db, f.AgentId, ct).ConfigureAwait(false);
                await notices.AddAsync($"{NoticeKinds.SessionReminder}:{f.Id:N}:c{f.Cycle}", NoticeKinds.SessionReminder, Notice.ToTeam, f.TeamId!.Value,
                    new NoticeContent($"Reminder: log the coaching session with {agent}", $"Call {f.CallId} · {f.CriterionId}", CardTone.Attention,
                        [new("Practice approved", f.ApprovedAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
                        [new("Why", $"No session is logged {days} working days after the practice was approved; feedback works best within a day or two.")]),
                    urgent: false, send: true, ct).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<int> DisputeDeadlinesAsync(bool asIfDue, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = await QueryAsync(db => db.Disputes.AsNoTracking()
            .Where(d => d.Status == DisputeStatus.Open && !d.Escalated && (asIfDue || d.Deadline < now)).Select(d => d.Id).ToListAsync(ct)).ConfigureAwait(false);
        var sent = 0;
        foreach (var id in overdue)
        {
            sent += await OnceAsync($"{NoticeKinds.DisputeEscalation}:{id:N}", async (db, notices, outbox) =>
            {
                var dispute = await db.Disputes.FirstAsync(d => d.Id == id, ct).ConfigureAwait(false);
                var flag = await db.Flags.AsNoTracking().FirstAsync(f => f.Id == dispute.FlagId, ct).ConfigureAwait(false);
                dispute.Escalate(Actor.System("scheduler"), now);
                var agent = await NameAsync(db, dispute.AgentId, ct).ConfigureAwait(false);
                var content = new NoticeContent($"Overdue dispute: {agent} on {flag.CriterionId}", $"Call {flag.CallId}", CardTone.Urgent,
                    [new("Deadline", dispute.Deadline.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)), new("Criterion", flag.Plan.CriterionLine)],
                    [new("The agent's reason", dispute.Reason), new("Why you", "The dispute was not answered by its deadline, so it comes to the QA lead.")]);
                await NotifyQaLeadsAsync(db, notices, $"{NoticeKinds.DisputeEscalation}:{id:N}", NoticeKinds.DisputeEscalation, flag.TeamId, content, ct).ConfigureAwait(false);
                await outbox.RefreshAsync(dispute.Id, ct).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<int> PatternEscalationsAsync(bool asIfDue, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var limit = now.AddDays(-options.Value.PatternWithoutPlanDays);
        var stuck = await QueryAsync(db => db.Flags.AsNoTracking()
            .Where(f => f.Kind == FlagKind.Pattern && f.Status == FlagStatus.Raised && (asIfDue || f.RaisedAt <= limit))
            .Select(f => new { f.Id, f.AgentId, f.TeamId, f.CriterionId, f.RaisedAt, f.Plan }).ToListAsync(ct)).ConfigureAwait(false);
        var sent = 0;
        foreach (var f in stuck)
        {
            sent += await OnceAsync($"{NoticeKinds.PatternEscalation}:{f.Id:N}", async (db, notices, outbox) =>
            {
                var agent = await NameAsync(db, f.AgentId, ct).ConfigureAwait(false);
                var content = new NoticeContent($"Pattern without a plan: {agent} on {f.CriterionId}", null, CardTone.Urgent,
                    [new("Raised", f.RaisedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("Criterion", f.Plan.CriterionLine)],
                    [new("Why you", $"The same criterion failed three calls in a row and no action plan was approved in {options.Value.PatternWithoutPlanDays} days.")]);
                await NotifyQaLeadsAsync(db, notices, $"{NoticeKinds.PatternEscalation}:{f.Id:N}", NoticeKinds.PatternEscalation, f.TeamId, content, ct).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);
        }

        return sent;
    }

    /// <summary>To every QA lead directly; with none in the directory, to the team's manager channel so it is not lost.</summary>
    private static async Task NotifyQaLeadsAsync(CoachLoopDbContext db, NoticeWriter notices, string key, string kind, Guid? teamId, NoticeContent content,
        CancellationToken ct)
    {
        var leads = await db.People.AsNoTracking().Where(p => p.Role == PersonRole.QaLead).Select(p => p.Id).ToListAsync(ct).ConfigureAwait(false);
        if (leads.Count == 0 && teamId is { } team)
        {
            await notices.AddAsync(key, kind, Notice.ToTeam, team, content, urgent: true, send: true, ct).ConfigureAwait(false);
            return;
        }

        var first = true;
        foreach (var lead in leads)
        {
            await notices.AddAsync(first ? key : $"{key}:{lead:N}", kind, Notice.ToPerson, lead, content, urgent: true, send: true, ct).ConfigureAwait(false);
            first = false;
        }
    }

    /// <summary>Runs one unit of work in its own scope unless its notice already exists; 1 when this host made it.</summary>
    private async Task<int> OnceAsync(string key, Func<CoachLoopDbContext, NoticeWriter, OutboxWriter, Task<bool>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        var notices = scope.ServiceProvider.GetRequiredService<NoticeWriter>();
        if (await notices.ExistsAsync(key, ct).ConfigureAwait(false))
        {
            return 0;
        }

        var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        return await work(db, notices, outbox).ConfigureAwait(false) && await notices.TrySaveAsync(ct).ConfigureAwait(false) ? 1 : 0;
    }

    private async Task<T> QueryAsync<T>(Func<CoachLoopDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>()).ConfigureAwait(false);
    }

    private static Task<string> NameAsync(CoachLoopDbContext db, Guid personId, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).FirstAsync(ct);
}
