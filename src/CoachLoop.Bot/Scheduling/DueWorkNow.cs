namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// Development's "run due work now": follow-ups, session reminders, dispute deadlines, pattern escalations and digests run at
/// once as if everything waiting were due, so the whole loop can be shown on a laptop without waiting days. Each unit keeps its
/// once-only key, so pressing it twice sends nothing twice. Reachable only through the web channel (loopback) when
/// <c>WebChannel:RunDueWorkNow</c> is on, as it is in Development.
/// </summary>
public sealed class DueWorkNow(FollowUpWork followUps, ReminderWork reminders, DigestWork digests)
{
    public async Task<DueWorkRun> RunAsync(CancellationToken ct) => new(
        await followUps.RunAsync(asIfDue: true, ct).ConfigureAwait(false),
        await reminders.RunAsync(asIfDue: true, ct).ConfigureAwait(false),
        await digests.RunAsync(asIfDue: true, ct).ConfigureAwait(false));
}
