using CoachLoop.Data;
using CoachLoop.Engine.Access;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Cards;

/// <summary>
/// Who may press a card's buttons, in the access policy's terms: a flag card (and a group of flags) is for the agent's
/// manager and the team's coaches, the agent's own card for the agent, a dispute card for the team's reviewers, its
/// manager and QA leads. Channels use it to show each viewer only the actions they may take: Teams lists these people in
/// the card's per-user refresh, the web channel renders per viewer, Slack (one shared message) names the audience.
/// </summary>
public sealed class CardAudience(CoachLoopDbContext db)
{
    // One request asks the same scope several times (the role check, then the clicker's view of the answer): it is read once.
    private readonly Dictionary<(Guid Agent, Guid? Team), FlagScope> _scopes = [];

    /// <summary>The access scope of a flag: whose it is and who manages that agent's team (one query, remembered for the request).</summary>
    public async Task<FlagScope> ScopeAsync(Flag flag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (_scopes.TryGetValue((flag.AgentId, flag.TeamId), out var known))
        {
            return known;
        }

        // Plain locals only inside the query: EF evaluates any other captured expression (a member of a captured object, a DbSet
        // reached through this) on every execution, by building a delegate each time.
        var (agentId, teamId, teams) = (flag.AgentId, flag.TeamId, db.Teams);
        var found = await db.People.AsNoTracking().Where(p => p.Id == agentId)
            .Select(p => new { p.Name, ManagerId = teams.Where(t => t.Id == teamId).Select(t => t.ManagerId).FirstOrDefault() })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var managerId = found is null && teamId is { } team
            ? await db.Teams.AsNoTracking().Where(t => t.Id == team).Select(t => t.ManagerId).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : found?.ManagerId;
        var scope = new FlagScope(flag.AgentId, found?.Name ?? "the agent", teamId, managerId);
        _scopes[(flag.AgentId, teamId)] = scope;
        return scope;
    }

    /// <summary>The scope of a flag read together with the flag itself; kept for the rest of the request.</summary>
    public FlagScope Remember(Flag flag, string? agentName, Guid? managerId)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var scope = new FlagScope(flag.AgentId, agentName ?? "the agent", flag.TeamId, managerId);
        _scopes[(flag.AgentId, flag.TeamId)] = scope;
        return scope;
    }

    /// <summary>Whether <paramref name="member"/> may act on the card of <paramref name="kind"/> about <paramref name="flag"/>.</summary>
    public static bool MayAct(string kind, Member? member, FlagScope flag) => Refusal(kind, member, flag) is null;

    /// <summary>The refusal the access policy gives this person for this card, or null when they may act.</summary>
    public static string? Refusal(string kind, Member? member, FlagScope flag) => kind switch
    {
        CardKinds.AgentScore => AccessPolicy.CanRespondToScore(member, flag),
        CardKinds.Dispute => AccessPolicy.CanDecideDispute(member, flag),
        _ => AccessPolicy.CanActOnFlag(member, flag),
    };

    /// <summary>
    /// The people who may act on a card about <paramref name="flag"/>, for channels that tailor a shared card per viewer.
    /// Order is stable (manager first, then by name) so that a capped list keeps the same people.
    /// </summary>
    public async Task<IReadOnlyList<Person>> ActorsAsync(string kind, Flag flag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (kind == CardKinds.AgentScore)
        {
            return await db.People.AsNoTracking().Where(p => p.Id == flag.AgentId).ToListAsync(ct).ConfigureAwait(false);
        }

        var scope = await ScopeAsync(flag, ct).ConfigureAwait(false);
        var teamId = flag.TeamId;
        var query = kind == CardKinds.Dispute
            ? db.People.AsNoTracking().Where(p => p.Id == scope.TeamManagerId || p.Role == PersonRole.QaLead
                || (teamId != null && p.TeamId == teamId && p.Role == PersonRole.Reviewer))
            : db.People.AsNoTracking().Where(p => p.Id == scope.TeamManagerId || (teamId != null && p.TeamId == teamId && p.Role == PersonRole.Coach));
        var people = await query.Where(p => p.Id != flag.AgentId).ToListAsync(ct).ConfigureAwait(false);
        return people.OrderBy(p => p.Id == scope.TeamManagerId ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
    }

    /// <summary>Plain words naming who the buttons are for, shown where one message is shared by everyone (Slack).</summary>
    public static string Describe(string kind, string? managerName, string agentName) => kind switch
    {
        CardKinds.AgentScore => $"For {agentName} only",
        CardKinds.Dispute => $"For {(managerName is null ? "the team's manager" : managerName)}, the team's reviewers and QA leads",
        _ => $"For {(managerName is null ? "the team's manager" : managerName)} and the team's coaches",
    };
}
