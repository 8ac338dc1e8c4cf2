using CoachLoop.Bot.Telemetry;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Digests;
using CoachLoop.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// A daily digest per manager at their local time. The notice key is the manager and their local date,
/// so a restart, a second host or a repeated hour when clocks fall back cannot send it twice; a digest
/// missed while the host was down goes out when it comes back, the same day.
/// </summary>
public sealed partial class DigestWork(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SchedulingOptions> options, CoachLoopMetrics metrics,
    ILogger<DigestWork> logger)
{
    public static string Key(Guid managerId, DateOnly localDate) => $"{NoticeKinds.Digest}:{managerId:N}:{localDate:yyyy-MM-dd}";

    public Task<int> RunAsync(CancellationToken ct) => RunAsync(asIfDue: false, ct);

    /// <param name="asIfDue">Send today's digest to every manager now, whatever their local time or weekday (development's "run
    /// due work now"); still once per manager and day.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<int> RunAsync(bool asIfDue, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        try
        {
            return await RunOnceAsync(asIfDue, ct).ConfigureAwait(false);
        }
        finally
        {
            metrics.DigestRun(clock.GetElapsedTime(started));
        }
    }

    private async Task<int> RunOnceAsync(bool asIfDue, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        List<(Guid TeamId, Guid ManagerId, string TimeZone)> teams;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
            teams = (await db.Teams.AsNoTracking().Where(t => t.ManagerId != null)
                .Join(db.People.AsNoTracking(), t => t.ManagerId, p => p.Id, (t, p) => new { TeamId = t.Id, ManagerId = p.Id, p.TimeZone })
                .ToListAsync(ct).ConfigureAwait(false)).Select(x => (x.TeamId, x.ManagerId, x.TimeZone)).ToList();
        }

        var due = teams.Select(t => (Team: t, Due: LocalSchedule.IsDailyDue(now, LocalSchedule.Zone(t.TimeZone), settings.DigestTime, settings.SkipWeekends, out var date) || asIfDue, Date: date))
            .Where(t => t.Due).ToList();
        HashSet<string> done;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var keys = due.Select(d => Key(d.Team.ManagerId, d.Date)).ToList();
            done = (await scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>().Notices.AsNoTracking()
                .Where(n => keys.Contains(n.DedupeKey)).Select(n => n.DedupeKey).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        }

        var sent = 0;
        foreach (var (team, _, date) in due.Where(d => !done.Contains(Key(d.Team.ManagerId, d.Date))))
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await SendAsync(scope.ServiceProvider, team.TeamId, team.ManagerId, date, now, ct).ConfigureAwait(false))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(IServiceProvider services, Guid teamId, Guid managerId, DateOnly date, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<CoachLoopDbContext>();
        var team = await db.Teams.AsNoTracking().FirstAsync(t => t.Id == teamId, ct).ConfigureAwait(false);
        var manager = await db.People.AsNoTracking().FirstAsync(p => p.Id == managerId, ct).ConfigureAwait(false);
        var digest = await services.GetRequiredService<DigestComposer>()
            .ComposeAsync(team, manager, date, now, options.Value.HealthWindowDays, ct).ConfigureAwait(false);
        var send = !digest.IsQuiet || options.Value.QuietDay == QuietDayMode.Brief;
        var notices = services.GetRequiredService<NoticeWriter>();
        await notices.AddAsync(Key(managerId, date), NoticeKinds.Digest, Notice.ToPerson, managerId, digest, digest.Compliance.Count > 0, send, ct)
            .ConfigureAwait(false);
        var saved = await notices.TrySaveAsync(ct).ConfigureAwait(false);
        if (saved)
        {
            LogDigest(logger, manager.Email, date, digest.IsQuiet, send);
        }

        return saved && send;
    }


    [LoggerMessage(LogLevel.Information, "Digest for {Manager} on {Date}: quiet={Quiet}, sent={Sent}")]
    private static partial void LogDigest(ILogger logger, string manager, DateOnly date, bool quiet, bool sent);
}
