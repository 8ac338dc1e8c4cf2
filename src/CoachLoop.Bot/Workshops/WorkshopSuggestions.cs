using CoachLoop.Data;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Digests;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Workshops;

/// <summary>Runs the Engine's workshop rule over a team's open flags: which of them already belong to a workshop is one query.</summary>
public static class WorkshopSuggestions
{
    /// <summary>The candidates the rule needs for <paramref name="flags"/>, marking those already in a workshop.</summary>
    public static async Task<IReadOnlyList<WorkshopCandidate>> CandidatesAsync(CoachLoopDbContext db, IReadOnlyCollection<Flag> flags,
        IReadOnlyDictionary<Guid, string> names, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(names);
        var ids = flags.Where(f => WorkshopRule.AwaitsSession(f.Status)).Select(f => f.Id).ToList();
        var taken = await db.WorkshopFlags.AsNoTracking().Where(w => ids.Contains(w.FlagId)).Select(w => w.FlagId).ToListAsync(ct).ConfigureAwait(false);
        return [.. flags.Select(f => new WorkshopCandidate(f.Id, f.TeamId, f.AgentId, names.GetValueOrDefault(f.AgentId, "agent"), f.CriterionId,
            f.Score, f.Threshold, f.Status, f.RaisedAt, taken.Contains(f.Id)))];
    }

    /// <summary>The digest's workshop part: each suggestion with the criterion's name and who and why.</summary>
    public static async Task<IReadOnlyList<DigestWorkshop>> ForDigestAsync(CoachLoopDbContext db, IReadOnlyCollection<Flag> openFlags,
        IReadOnlyDictionary<Guid, string> names, WorkshopRule rule, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var suggestions = rule.Suggest(await CandidatesAsync(db, openFlags, names, ct).ConfigureAwait(false), now);
        if (suggestions.Count == 0)
        {
            return [];
        }

        var byId = openFlags.ToDictionary(f => f.Id);
        var rubricIds = suggestions.SelectMany(s => s.Flags).Select(f => byId[f.FlagId].RubricId).Distinct().ToList();
        var rubrics = await db.Rubrics.AsNoTracking().Where(r => rubricIds.Contains(r.Id)).ToListAsync(ct).ConfigureAwait(false);
        string NameOf(WorkshopSuggestion s) => rubrics.Select(r => r.FindCriterion(s.CriterionId)?.Name).FirstOrDefault(n => n is not null) ?? s.CriterionId;
        return [.. suggestions.Select(s => new DigestWorkshop(s.TeamId, s.CriterionId, NameOf(s),
            [.. s.Flags.Select(f => new DigestWorkshopFlag(f.FlagId, f.AgentName, f.Score, f.Threshold))]))];
    }
}
