using System.Globalization;
using CoachLoop.Bot.Cards.BlockKit;
using CoachLoop.Data;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Slack;

/// <summary>
/// A person's open items, as lines of escaped mrkdwn: for a manager (or coach, reviewer, QA lead) the team's open flags,
/// the approvals waiting and the follow-ups due; for an agent their own open flags and disputes. Shared by the App Home
/// and <c>/coach</c>.
/// </summary>
public sealed class SlackOpenItems(CoachLoopDbContext db, TimeProvider clock)
{
    public const int MaxLines = 15;

    public async Task<OpenItems> LoadAsync(Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var mine = (await db.Flags.AsNoTracking().Where(f => f.AgentId == person.Id).ToListAsync(ct).ConfigureAwait(false))
            .Where(f => f.IsOpen).OrderByDescending(f => f.Urgent).ThenByDescending(f => f.RaisedAt).ToList();
        var disputes = await db.Disputes.AsNoTracking().Where(d => d.AgentId == person.Id).ToListAsync(ct).ConfigureAwait(false);
        var teamIds = await db.Teams.AsNoTracking().Where(t => t.ManagerId == person.Id).Select(t => t.Id).ToListAsync(ct).ConfigureAwait(false);
        if (person.Role != PersonRole.Agent && person.TeamId is { } own && !teamIds.Contains(own))
        {
            teamIds.Add(own);
        }

        var team = person.Role == PersonRole.Agent ? [] : (await db.Flags.AsNoTracking().Where(f => f.TeamId != null && teamIds.Contains(f.TeamId.Value))
            .ToListAsync(ct).ConfigureAwait(false)).Where(f => f.IsOpen).OrderByDescending(f => f.Urgent).ThenByDescending(f => f.RaisedAt).ToList();
        var agentIds = team.Select(f => f.AgentId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => agentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct).ConfigureAwait(false);
        string Line(Flag f) => FlagLine(f, names.GetValueOrDefault(f.AgentId));
        return new OpenItems(
            person.Role != PersonRole.Agent,
            mine.Select(f => FlagLine(f, null)).ToList(),
            disputes.OrderByDescending(d => d.OpenedAt).Select(DisputeLine).ToList(),
            team.Select(Line).ToList(),
            team.Where(f => f.Status is FlagStatus.Raised or FlagStatus.Continued).Select(Line).ToList(),
            team.Where(f => f.Status == FlagStatus.FollowUpDue || (f.Status == FlagStatus.SessionLogged && f.FollowUpDate <= today)).Select(Line).ToList());
    }

    private static string FlagLine(Flag flag, string? agent)
    {
        var who = agent is null ? "" : $"*{BlockKitText.Escape(agent)}*: ";
        var urgent = flag.Urgent ? BlockKitRenderer.UrgentMarker + " " : "";
        var score = flag.Score.ToString("0.#", CultureInfo.InvariantCulture) + " / " + flag.Threshold.ToString("0.#", CultureInfo.InvariantCulture);
        return $"{urgent}{who}{BlockKitText.Escape(flag.Plan.CriterionLine)} (score {score}, {Status(flag.Status)}, call {BlockKitText.Escape(flag.CallId)})";
    }

    private static string DisputeLine(Dispute dispute) => dispute.Status switch
    {
        DisputeStatus.Open => $"Dispute on call criterion {BlockKitText.Escape(dispute.CriterionId)}: waiting for a reviewer, due {Cards.Builders.CardText.Time(dispute.Deadline)}",
        _ => $"Dispute on call criterion {BlockKitText.Escape(dispute.CriterionId)}: {dispute.Status.ToString().ToLowerInvariant()}",
    };

    private static string Status(FlagStatus status) => status switch
    {
        FlagStatus.Raised => "waiting for approval",
        FlagStatus.PracticeApproved => "practice approved",
        FlagStatus.SessionLogged => "session logged",
        FlagStatus.FollowUpDue => "follow-up due",
        FlagStatus.Continued => "continued",
        FlagStatus.Escalated => "escalated",
        _ => status.ToString().ToLowerInvariant(),
    };
}
