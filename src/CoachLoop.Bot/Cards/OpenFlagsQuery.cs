using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Data;
using CoachLoop.Engine.Access;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Cards;

/// <summary>
/// Loads flags as rows for one viewer: whose flags they see (an agent their own; a manager, coach or reviewer their teams'),
/// and on which rows the buttons are theirs to press (the access policy, per flag). A handful of queries, whatever the list size.
/// </summary>
internal sealed class OpenFlagsQuery(CoachLoopDbContext db)
{
    public async Task<Card?> BuildAsync(Guid viewerPersonId, Guid? teamId, CancellationToken ct)
    {
        var viewer = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == viewerPersonId, ct).ConfigureAwait(false);
        if (viewer is null)
        {
            return null;
        }

        if (viewer.Role == PersonRole.Agent)
        {
            var own = (await db.Flags.AsNoTracking().Where(f => f.AgentId == viewer.Id).ToListAsync(ct).ConfigureAwait(false)).Where(f => f.IsOpen).ToList();
            return OpenFlagsCardBuilder.Build(viewer.Id, "Your open flags", FlagRows.Order(own.Select(f => (FlagRows.Agent(f), f))), Version(own));
        }

        var teams = await db.Teams.AsNoTracking().Where(t => t.ManagerId == viewer.Id || t.Id == viewer.TeamId).ToListAsync(ct).ConfigureAwait(false);
        if (teamId is { } only)
        {
            teams = [.. teams.Where(t => t.Id == only)];
        }

        var teamIds = teams.Select(t => (Guid?)t.Id).ToList();
        var flags = (await db.Flags.AsNoTracking().Where(f => teamIds.Contains(f.TeamId)).ToListAsync(ct).ConfigureAwait(false))
            .Where(f => f.IsOpen).ToList();
        var rows = await RowsAsync(flags, viewer, ct).ConfigureAwait(false);
        var title = teams.Count == 1 ? $"Open flags: {teams[0].Name}" : "Your teams' open flags";
        var managerName = teams.Count == 1 && teams[0].ManagerId is { } m
            ? await db.People.AsNoTracking().Where(p => p.Id == m).Select(p => p.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : null;
        return OpenFlagsCardBuilder.Build(viewer.Id, title, rows, Version(flags), CardAudience.Describe(CardKinds.Flag, managerName, "the agent"));
    }

    /// <summary>
    /// The group card of <paramref name="flagIds"/>, shared by the manager channel: rows with buttons for the flags' actors, named
    /// on the card, each row naming its own flag and revision.
    /// </summary>
    public async Task<Card> GroupAsync(Guid noticeId, IReadOnlyList<Guid> flagIds, CancellationToken ct)
    {
        var flags = await db.Flags.AsNoTracking().Where(f => flagIds.Contains(f.Id)).ToListAsync(ct).ConfigureAwait(false);
        var rows = await RowsAsync(flags, null, ct).ConfigureAwait(false);
        var teamId = flags.Select(f => f.TeamId).FirstOrDefault(t => t is not null);
        var managerName = teamId is null ? null : await db.Teams.AsNoTracking().Where(t => t.Id == teamId)
            .Join(db.People.AsNoTracking(), t => t.ManagerId, p => p.Id, (t, p) => p.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return FlagGroupCardBuilder.Build(noticeId, rows, Version(flags), CardAudience.Describe(CardKinds.Flag, managerName, "the agent"));
    }

    /// <summary>
    /// Manager rows for <paramref name="flags"/> in list order: with buttons where <paramref name="viewer"/> may act, or on every
    /// open flag when <paramref name="viewer"/> is null (a card shared by a channel, which names its audience instead).
    /// </summary>
    public async Task<IReadOnlyList<CardRow>> RowsAsync(IReadOnlyList<Flag> flags, Person? viewer, CancellationToken ct)
    {
        var agentIds = flags.Select(f => f.AgentId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => agentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct).ConfigureAwait(false);
        var teamIds = flags.Select(f => f.TeamId).Distinct().ToList();
        var managers = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.ManagerId, ct).ConfigureAwait(false);
        var member = viewer is null ? null : Member.From(viewer);
        return FlagRows.Order(flags.Select(f =>
        {
            var name = names.GetValueOrDefault(f.AgentId, "the agent");
            var scope = new FlagScope(f.AgentId, name, f.TeamId, f.TeamId is { } t ? managers.GetValueOrDefault(t) : null);
            return (FlagRows.Manager(f, name, viewer is null || CardAudience.MayAct(CardKinds.Flag, member, scope)), f);
        }));
    }

    /// <summary>Moves whenever a listed flag changes or the list gains or loses one.</summary>
    public static int Version(IReadOnlyList<Flag> flags) => unchecked(flags.Sum(f => f.Revision + 1) * 31 + flags.Count);
}
