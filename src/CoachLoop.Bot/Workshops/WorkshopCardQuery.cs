using CoachLoop.Bot.Cards;
using CoachLoop.Data;
using CoachLoop.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Workshops;

/// <summary>Loads a workshop with its flags, their agents, its team and the criterion's name, and builds its card.</summary>
internal sealed class WorkshopCardQuery(CoachLoopDbContext db, RubricCache rubrics)
{
    public async Task<Card?> BuildAsync(Guid workshopId, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct).ConfigureAwait(false);
        if (workshop is null)
        {
            return null;
        }

        var ids = workshop.FlagIds.ToList();
        var flags = await db.Flags.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct).ConfigureAwait(false);
        var agentIds = flags.Select(f => f.AgentId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => agentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct).ConfigureAwait(false);
        var teamId = workshop.TeamId;
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var rubric = flags.Count == 0 ? null : await rubrics.FindAsync(db, flags[0].RubricId, ct).ConfigureAwait(false);
        var criterion = rubric?.FindCriterion(workshop.CriterionId);
        var ordered = flags.Select(f => (f, names.GetValueOrDefault(f.AgentId, "agent"))).OrderBy(x => x.Item2, StringComparer.Ordinal)
            .ThenBy(x => x.f.RaisedAt).ToList();
        return WorkshopCardBuilder.Build(workshop, criterion?.Name ?? workshop.CriterionId, team ?? "team", flags.FirstOrDefault()?.Plan.ExpectedBehaviour, ordered);
    }
}
