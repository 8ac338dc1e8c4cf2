using CoachLoop.Engine.Metrics;

namespace CoachLoop.Engine.Reports;

/// <summary>
/// The figures of a team's weekly report, computed from coaching sessions and scores alone (no clock, no database): per coached
/// criterion the team's average before coaching against 30/60/90 days after, practice completion and time from call to
/// coaching over the report's window, and the coached agents whose scores have not moved.
/// </summary>
public sealed record WeeklyFigures(
    IReadOnlyList<CriterionEffect> Criteria,
    decimal? PracticeCompletion,
    double? AverageHoursToCoaching,
    int SessionsInWindow,
    IReadOnlyList<NotMoved> NotMoved)
{
    /// <summary>The days before a coaching session whose scores are its baseline.</summary>
    public const int BaselineDays = 30;

    /// <summary>An agent whose 30-day average rose by less than this many points has "not moved".</summary>
    public const decimal DefaultMinimumMove = 5m;

    private static readonly int[] AfterDays = [30, 60, 90];

    /// <param name="sessions">Every coaching session of the team's agents (any age: a 90-day figure needs sessions 90 days old).</param>
    /// <param name="scores">The team's counted scores from <see cref="BaselineDays"/> before the oldest session on.</param>
    /// <param name="practices">Practices assigned (approved) and when they were completed.</param>
    /// <param name="now">The report's moment.</param>
    /// <param name="windowDays">The window the practice and time-to-coaching figures cover (sessions logged, practices assigned).</param>
    /// <param name="minimumMove">See <see cref="DefaultMinimumMove"/>.</param>
    public static WeeklyFigures Compute(IReadOnlyList<CoachingEvent> sessions, IReadOnlyList<CriterionScorePoint> scores,
        IReadOnlyList<(DateTimeOffset AssignedAt, DateTimeOffset? CompletedAt)> practices, DateTimeOffset now, int windowDays,
        decimal minimumMove = DefaultMinimumMove)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(practices);
        var byAgent = scores.ToLookup(s => (s.AgentId, s.CriterionId));
        var criteria = sessions.GroupBy(s => s.CriterionId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CriterionEffect(g.Key, g.Count(),
                Pooled(g.SelectMany(e => Before(byAgent[(e.AgentId, e.CriterionId)], e.CoachedAt))),
                After(g, byAgent, now, AfterDays[0]), After(g, byAgent, now, AfterDays[1]), After(g, byAgent, now, AfterDays[2])))
            .ToList();
        var from = now.AddDays(-windowDays);
        var inWindow = sessions.Where(s => s.CoachedAt >= from && s.CoachedAt <= now).ToList();
        var timing = LoopMetrics.TimeToCoaching(inWindow.Select(s => (s.CallTime, (DateTimeOffset?)s.CoachedAt)));
        return new WeeklyFigures(criteria, LoopMetrics.PracticeCompletionRate(practices, from, now), timing.AverageHours, inWindow.Count,
            NotMovedAgents(sessions, byAgent, now, minimumMove));
    }

    private static decimal? After(IEnumerable<CoachingEvent> events, ILookup<(Guid, string), CriterionScorePoint> scores, DateTimeOffset now, int days) =>
        Pooled(events.Where(e => e.CoachedAt.AddDays(days) <= now)
            .SelectMany(e => Since(scores[(e.AgentId, e.CriterionId)], e.CoachedAt, days)));

    // Each agent's last coaching on a criterion whose 30-day window has passed, with scores on both sides.
    private static List<NotMoved> NotMovedAgents(IReadOnlyList<CoachingEvent> sessions, ILookup<(Guid, string), CriterionScorePoint> scores,
        DateTimeOffset now, decimal minimumMove) =>
        sessions.Where(e => e.CoachedAt.AddDays(AfterDays[0]) <= now)
            .GroupBy(e => (e.AgentId, e.CriterionId))
            .Select(g => g.MaxBy(e => e.CoachedAt)!)
            .Select(e => (Event: e, Before: Pooled(Before(scores[(e.AgentId, e.CriterionId)], e.CoachedAt)),
                After: Pooled(Since(scores[(e.AgentId, e.CriterionId)], e.CoachedAt, AfterDays[0]))))
            .Where(x => x.Before is not null && x.After is not null && x.After - x.Before < minimumMove)
            .Select(x => new NotMoved(x.Event.AgentId, x.Event.CriterionId, x.Before!.Value, x.After!.Value, x.Event.CoachedAt))
            .OrderBy(n => n.After - n.Before).ThenBy(n => n.CriterionId, StringComparer.Ordinal).ThenBy(n => n.AgentId)
            .ToList();

    // The baseline is [coached - 30 d, coached); "after" is (coached, coached + days]: the session's own moment belongs to neither.
    private static IEnumerable<decimal> Before(IEnumerable<CriterionScorePoint> scores, DateTimeOffset coachedAt) =>
        scores.Where(s => s.CallTime >= coachedAt.AddDays(-BaselineDays) && s.CallTime < coachedAt).Select(s => s.Score);

    private static IEnumerable<decimal> Since(IEnumerable<CriterionScorePoint> scores, DateTimeOffset coachedAt, int days) =>
        scores.Where(s => s.CallTime > coachedAt && s.CallTime <= coachedAt.AddDays(days)).Select(s => s.Score);

    private static decimal? Pooled(IEnumerable<decimal> scores)
    {
        var all = scores.ToList();
        return all.Count == 0 ? null : Math.Round(all.Average(), 1);
    }
}
