using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// The weekly team report, to each team's manager and to the QA leads (of that team, or of no team: all teams), on
/// <see cref="SchedulingOptions.WeeklyReportDay"/> at <see cref="SchedulingOptions.WeeklyReportTime"/> in the recipient's time
/// zone. Once per team, recipient and week, by the notice key, as the digest; missed while down, it goes out when the host is
/// back the same day. Delivered like the digest: chat, email or both, by the recipient's <see cref="DigestDelivery"/>.
/// </summary>
public sealed class WeeklyReportWork(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SchedulingOptions> options)
{
    public static string Key(Guid teamId, Guid personId, DateOnly localDate) =>
        $"{NoticeKinds.WeeklyReport}:{teamId:N}:{personId:N}:{localDate:yyyy-MM-dd}";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        List<(Team Team, Person Person, DateOnly Date)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
            var teams = await db.Teams.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            var managerIds = teams.Select(t => t.ManagerId).OfType<Guid>().ToList();
            var people = await db.People.AsNoTracking().Where(p => managerIds.Contains(p.Id) || p.Role == PersonRole.QaLead).ToListAsync(ct)
                .ConfigureAwait(false);
            due = [.. teams.SelectMany(t => people.Where(p => p.Id == t.ManagerId || (p.Role == PersonRole.QaLead && (p.TeamId is null || p.TeamId == t.Id)))
                    .Select(p => (Team: t, Person: p)))
                .Select(x => (x.Team, x.Person, Due: IsDue(now, x.Person.TimeZone, settings, out var date), Date: date))
                .Where(x => x.Due).Select(x => (x.Team, x.Person, x.Date))];
            var keys = due.Select(d => Key(d.Team.Id, d.Person.Id, d.Date)).ToList();
            var done = (await db.Notices.AsNoTracking().Where(n => keys.Contains(n.DedupeKey)).Select(n => n.DedupeKey).ToListAsync(ct)
                .ConfigureAwait(false)).ToHashSet();
            due = [.. due.Where(d => !done.Contains(Key(d.Team.Id, d.Person.Id, d.Date)))];
        }

        var sent = 0;
        foreach (var (team, person, date) in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var content = await scope.ServiceProvider.GetRequiredService<WeeklyReportComposer>()
                .ComposeAsync(team, person, date, now, settings.WeeklyReportWindowDays, ct).ConfigureAwait(false);
            var notices = scope.ServiceProvider.GetRequiredService<NoticeWriter>();
            await notices.AddAsync(Key(team.Id, person.Id, date), NoticeKinds.WeeklyReport, Notice.ToPerson, person.Id, content, urgent: false, send: true, ct)
                .ConfigureAwait(false);
            if (await notices.TrySaveAsync(ct).ConfigureAwait(false))
            {
                sent++;
            }
        }

        return sent;
    }

    private static bool IsDue(DateTimeOffset now, string timeZone, SchedulingOptions settings, out DateOnly localDate)
    {
        return LocalSchedule.IsDailyDue(now, LocalSchedule.Zone(timeZone), settings.WeeklyReportTime, skipWeekends: false, out localDate)
            && localDate.DayOfWeek == settings.WeeklyReportDay;
    }
}
