namespace CoachLoop.Engine.Coaching;

/// <summary>One workshop instead of several one-to-ones: a team, a criterion, and the open flags it would coach.</summary>
/// <param name="Flags">The flags, by agent name then raise time.</param>
public sealed record WorkshopSuggestion(Guid TeamId, string CriterionId, IReadOnlyList<WorkshopCandidate> Flags)
{
    /// <summary>How many different agents the workshop would coach.</summary>
    public int AgentCount => Flags.Select(f => f.AgentId).Distinct().Count();
}
