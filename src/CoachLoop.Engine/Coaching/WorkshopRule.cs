using CoachLoop.Engine.Flags;

namespace CoachLoop.Engine.Coaching;

/// <summary>
/// When at least <see cref="MinAgents"/> agents of one team have open flags on the same criterion raised within
/// <see cref="WindowDays"/> days, one group workshop is suggested instead of that many one-to-ones. "Open" here means still
/// waiting for its coaching session (raised, practice approved, or continued after a follow-up): a flag whose session is
/// logged was coached already. A flag that already belongs to a workshop is not suggested again. Criteria never merge.
/// </summary>
public sealed record WorkshopRule(int MinAgents = WorkshopRule.DefaultMinAgents, int WindowDays = WorkshopRule.DefaultWindowDays)
{
    public const int DefaultMinAgents = 3;
    public const int DefaultWindowDays = 14;

    public static WorkshopRule Default { get; } = new();

    /// <summary>The states in which a flag can still be coached in a workshop.</summary>
    public static bool AwaitsSession(FlagStatus status) => status is FlagStatus.Raised or FlagStatus.PracticeApproved or FlagStatus.Continued;

    /// <summary>The suggestions for the candidates, biggest group first, then by criterion id.</summary>
    public IReadOnlyList<WorkshopSuggestion> Suggest(IEnumerable<WorkshopCandidate> flags, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var since = now.AddDays(-WindowDays);
        return flags
            .Where(f => f.TeamId is not null && AwaitsSession(f.Status) && !f.InWorkshop && f.RaisedAt >= since && f.RaisedAt <= now)
            .GroupBy(f => (Team: f.TeamId!.Value, f.CriterionId))
            .Select(g => new WorkshopSuggestion(g.Key.Team, g.Key.CriterionId,
                [.. g.OrderBy(f => f.AgentName, StringComparer.Ordinal).ThenBy(f => f.RaisedAt).ThenBy(f => f.FlagId)]))
            .Where(s => s.AgentCount >= MinAgents)
            .OrderByDescending(s => s.AgentCount)
            .ThenBy(s => s.CriterionId, StringComparer.Ordinal)
            .ThenBy(s => s.TeamId)
            .ToList();
    }
}
