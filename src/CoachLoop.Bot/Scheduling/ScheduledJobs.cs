using CoachLoop.Bot.Telemetry;
using Quartz;

namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// Quartz only says "look now"; what is due lives in the CoachLoop database and each unit is claimed
/// there (a notice's unique key, a flag's revision), so the jobs are safe to fire on every host.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DueWorkJob(FollowUpWork followUps, ReminderWork reminders) : IJob
{
    public static readonly JobKey Key = new("due-work", "coachloop");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = CoachLoopActivities.Source.StartActivity(CoachLoopActivities.DueWorkJob);
        await followUps.RunAsync(cancellationToken).ConfigureAwait(false);
        await reminders.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}

[DisallowConcurrentExecution]
internal sealed class DigestJob(DigestWork digests, WeeklyReportWork weeklyReports) : IJob
{
    public static readonly JobKey Key = new("digests", "coachloop");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = CoachLoopActivities.Source.StartActivity(CoachLoopActivities.DigestJob);
        var sent = await digests.RunAsync(cancellationToken).ConfigureAwait(false);
        // The weekly report rides the digests' tick: both are per person at a local time, claimed by their notice keys.
        sent += await weeklyReports.RunAsync(cancellationToken).ConfigureAwait(false);
        activity?.SetTag(CoachLoopTags.Sent, sent);
    }
}
