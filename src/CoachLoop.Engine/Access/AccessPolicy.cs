using CoachLoop.Engine.People;

namespace CoachLoop.Engine.Access;

/// <summary>
/// Who may do what. The agent's manager and the team's coaches act on flags; only the agent accepts or
/// disputes their own score; the team's reviewers, its manager and QA leads decide disputes. Each check
/// returns null when allowed, or the refusal to show the person.
/// </summary>
public static class AccessPolicy
{
    public const string NotInDirectory = "You are not in the CoachLoop directory, so you cannot act on coaching cards.";

    public static string? CanActOnFlag(Member? member, FlagScope flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (member is null)
        {
            return NotInDirectory;
        }

        if (member.Id == flag.AgentId)
        {
            return "This flag is about your own call: your manager decides the coaching. You can accept or dispute the score from your own card.";
        }

        var managesTeam = flag.TeamManagerId is { } m && m == member.Id;
        var coachesTeam = member.Role == PersonRole.Coach && flag.TeamId is not null && member.TeamId == flag.TeamId;
        return managesTeam || coachesTeam
            ? null
            : $"Only {flag.AgentName}'s manager or a coach of their team can act on this flag.";
    }

    public static string? CanRespondToScore(Member? member, FlagScope flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (member is null)
        {
            return NotInDirectory;
        }

        return member.Id == flag.AgentId ? null : $"Only {flag.AgentName} can accept or dispute their own score.";
    }

    public static string? CanDecideDispute(Member? member, FlagScope flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (member is null)
        {
            return NotInDirectory;
        }

        if (member.Id == flag.AgentId)
        {
            return "You cannot decide a dispute of your own score.";
        }

        var managesTeam = flag.TeamManagerId is { } m && m == member.Id;
        var reviewsTeam = member.Role == PersonRole.Reviewer && flag.TeamId is not null && member.TeamId == flag.TeamId;
        return managesTeam || reviewsTeam || member.Role == PersonRole.QaLead
            ? null
            : $"Only a reviewer of {flag.AgentName}'s team, their manager or a QA lead can decide this dispute.";
    }
}
