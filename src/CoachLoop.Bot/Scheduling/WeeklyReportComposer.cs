using System.Globalization;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Bot.Cards.Charts;
using CoachLoop.Data;
using CoachLoop.Engine.Metrics;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Reports;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Scheduling;

/// <summary>
/// Reads what a team's weekly report needs in three queries (the coached flags, the practices of the window, the coached agents'
/// scores on the coached criteria since the oldest baseline) and turns <see cref="WeeklyFigures"/> into the report's content.
/// </summary>
public sealed class WeeklyReportComposer(CoachLoopDbContext db)
{
    /// <summary>How far back a session counts: its 90-day figure needs it this old, and its baseline 30 days more.</summary>
    private const int SessionsDays = 90 + 30;

    public async Task<NoticeContent> ComposeAsync(Team team, Person recipient, DateOnly localDate, DateTimeOffset now, int windowDays, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(recipient);
        var since = now.AddDays(-SessionsDays);
        var sessions = await db.Flags.AsNoTracking()
            .Where(f => f.TeamId == team.Id && f.SessionLoggedAt != null && f.SessionLoggedAt >= since)
            .Select(f => new { f.AgentId, f.CriterionId, f.CallTime, f.SessionLoggedAt, f.Threshold })
            .ToListAsync(ct).ConfigureAwait(false);
        var windowStart = now.AddDays(-windowDays);
        var practices = await db.Flags.AsNoTracking()
            .Where(f => f.TeamId == team.Id && f.ApprovedAt != null && f.ApprovedAt >= windowStart)
            .Select(f => new { f.ApprovedAt, f.PracticeCompletedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        var agents = sessions.Select(s => s.AgentId).Distinct().ToList();
        var criteria = sessions.Select(s => s.CriterionId).Distinct().ToList();
        var scoresSince = since.AddDays(-WeeklyFigures.BaselineDays);
        var scores = agents.Count == 0 ? [] : await db.CriterionScores.AsNoTracking()
            .Where(s => agents.Contains(s.AgentId) && criteria.Contains(s.CriterionId) && !s.Overturned && s.CallTime >= scoresSince)
            .Select(s => new CriterionScorePoint(s.AgentId, s.CriterionId, s.CallTime, s.Score))
            .ToListAsync(ct).ConfigureAwait(false);
        var names = await db.People.AsNoTracking().Where(p => agents.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct).ConfigureAwait(false);
        var figures = WeeklyFigures.Compute(
            sessions.Select(s => new CoachingEvent(s.AgentId, s.CriterionId, s.CallTime, s.SessionLoggedAt!.Value)).ToList(), scores,
            practices.Select(p => (p.ApprovedAt!.Value, p.PracticeCompletedAt)).ToList(), now, windowDays);
        // The threshold a criterion's flags were raised against (the latest, should the rubric have moved) and the days it was coached.
        var marks = sessions.GroupBy(s => s.CriterionId, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => (Threshold: g.MaxBy(s => s.SessionLoggedAt)!.Threshold, Days: g.Select(s => DateOnly.FromDateTime(s.SessionLoggedAt!.Value.UtcDateTime)).ToList()),
            StringComparer.Ordinal);
        return Content(team, recipient, localDate, windowDays, figures, scores, now, names, marks);
    }

    private static NoticeContent Content(Team team, Person recipient, DateOnly localDate, int windowDays, WeeklyFigures figures,
        IReadOnlyList<CriterionScorePoint> scores, DateTimeOffset now, Dictionary<Guid, string> names,
        Dictionary<string, (decimal Threshold, List<DateOnly> Days)> marks)
    {
        var charts = new List<TrendChart>();
        var facts = new List<CardFact>
        {
            new("Call to coaching", figures.AverageHoursToCoaching is { } h
                ? $"{h.ToString("0.#", CultureInfo.InvariantCulture)} h on average ({CardText.Count(figures.SessionsInWindow, "session")} in {windowDays} days)"
                : $"no sessions logged in {windowDays} days"),
            new("Practice completion", figures.PracticeCompletion is { } r ? $"{(r * 100).ToString("0", CultureInfo.InvariantCulture)}%" : "no practice assigned"),
        };
        foreach (var effect in figures.Criteria)
        {
            // The team's weekly averages on the criterion over 90 days, as the sparkline every channel can show.
            var trend = LoopMetrics.Trend(scores.Where(s => s.CriterionId == effect.CriterionId).Select(s => new ScorePoint(s.CallTime, s.Score)), now, 90);
            var line = new CardTrend(trend.Weeks.Select(w => w.Average).ToList(), 0).Sparkline;
            if (trend.Weeks.Count > 0)
            {
                // The same weeks as a picture where the channel shows one; the chart spans the sparkline's 90 days.
                var mark = marks[effect.CriterionId];
                var from = DateOnly.FromDateTime(now.AddDays(-90).UtcDateTime);
                charts.Add(new TrendChart(effect.CriterionId, [.. trend.Weeks.Select(w => new TrendChartWeek(w.WeekStart, w.Average))], mark.Threshold,
                    [.. mark.Days.Where(d => d >= from)]));
            }

            facts.Add(new($"{effect.CriterionId} ({CardText.Count(effect.Sessions, "session")})",
                $"before {N(effect.Before)} \u2192 30 d {N(effect.After30)} \u00b7 60 d {N(effect.After60)} \u00b7 90 d {N(effect.After90)} {line}".TrimEnd()));
        }

        var sections = new List<CardSection>();
        if (figures.Criteria.Count == 0)
        {
            sections.Add(new("No coaching yet", "No session was logged for this team in the last 120 days, so there is nothing to compare."));
        }

        if (figures.NotMoved.Count > 0)
        {
            sections.Add(new("Not moved since coaching", string.Join("; ", figures.NotMoved.Select(n =>
                $"{names.GetValueOrDefault(n.AgentId, "an agent")} on {n.CriterionId}: {N(n.Before)} \u2192 {N(n.After)}"))
                + ". No movement 30 days after coaching can mean a cause other than skill."));
        }

        return new NoticeContent($"Weekly coaching report \u00b7 {team.Name} \u00b7 {CardText.Day(localDate)}", $"for {recipient.Name}", CardTone.Default,
            facts, sections, Charts: charts);
    }

    private static string N(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "\u2014";
}
