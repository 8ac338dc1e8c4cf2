using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Finds a new flag's peer example in the database in one query over the (criterion, call time) index: the qualifying scores of
/// the window, a teammate's first, then newest, highest, by id; the first one is the answer. One command per new flag (the
/// intake's cost is counted in commands). The Engine's rule checks what it returns.
/// </summary>
internal static class PeerExamples
{
    // A teammate's first: teamId is the flagged agent's team (an agent without a team has no teammates).
    private static readonly CompiledQuery<Func<CoachLoopDbContext, string, string, Guid, decimal, DateTimeOffset, DateTimeOffset, Guid?, IAsyncEnumerable<PeerCandidate>>> Best =
        new(() => EF.CompileAsyncQuery(
            (CoachLoopDbContext db, string criterionId, string rubricKey, Guid agentId, decimal minScore, DateTimeOffset since, DateTimeOffset until, Guid? teamId) =>
                db.CriterionScores.AsNoTracking()
                    .Where(s => s.CriterionId == criterionId && s.CallTime >= since && s.CallTime <= until && s.Score >= minScore
                        && s.Quote != null && s.Quote != "" && !s.Overturned && s.AgentId != agentId)
                    .Join(db.People.AsNoTracking(), s => s.AgentId, p => p.Id, (s, p) => new { Score = s, p.TeamId })
                    .Join(db.ScoredCalls.AsNoTracking(), x => x.Score.ScoredCallId, c => c.Id, (x, c) => new { x.Score, x.TeamId, c.RubricId })
                    .Join(db.Rubrics.AsNoTracking(), x => x.RubricId, r => r.Id, (x, r) => new { x.Score, x.TeamId, r.Key })
                    .Where(x => x.Key == rubricKey)
                    .OrderBy(x => teamId != null && x.TeamId == teamId ? 0 : 1)
                    .ThenByDescending(x => x.Score.CallTime).ThenByDescending(x => x.Score.Score).ThenBy(x => x.Score.Id)
                    .Select(x => new PeerCandidate(x.Score.Id, x.Score.AgentId, x.TeamId, x.Key, x.Score.CriterionId, x.Score.Score, x.Score.Quote,
                        x.Score.CallTime, x.Score.Overturned))
                    .Take(1)));

    /// <summary>The score id of the flag's peer example, or null when no call qualifies.</summary>
    public static async Task<Guid?> ChooseAsync(CoachLoopDbContext db, Flag flag, string rubricKey, PeerExampleRule rule, DateTimeOffset now,
        CancellationToken ct)
    {
        var candidates = new List<PeerCandidate>(1);
        await foreach (var c in Best.For(db)(db, flag.CriterionId, rubricKey, flag.AgentId, rule.MinimumScore(flag.Threshold), rule.Since(flag.CallTime), now,
            flag.TeamId).WithCancellation(ct).ConfigureAwait(false))
        {
            candidates.Add(c);
        }

        return rule.Choose(candidates, flag.AgentId, flag.TeamId, rubricKey, flag.CriterionId, flag.Threshold, flag.CallTime, now)?.ScoreId;
    }
}
