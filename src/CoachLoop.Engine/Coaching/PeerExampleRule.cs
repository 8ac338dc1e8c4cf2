namespace CoachLoop.Engine.Coaching;

/// <summary>
/// Which call shows a flagged agent "what good sounds like": another agent's recent call that scored high on the same
/// criterion of the same rubric, with an evidence quote. A teammate's call first, else one from anywhere in the organisation;
/// never the agent's own. Among those, the most recent call wins, then the higher score, then the score id (deterministic).
/// </summary>
/// <param name="WindowDays">How recent: calls within this many days before the flagged call (and never after the choice).</param>
/// <param name="Margin">"High" means at least the criterion's threshold plus this margin (capped at 100).</param>
public sealed record PeerExampleRule(int WindowDays = PeerExampleRule.DefaultWindowDays, decimal Margin = PeerExampleRule.DefaultMargin)
{
    public const int DefaultWindowDays = 30;
    public const decimal DefaultMargin = 15;

    public static PeerExampleRule Default { get; } = new();

    /// <summary>The lowest score that counts as high for a criterion with <paramref name="threshold"/>.</summary>
    public decimal MinimumScore(decimal threshold) => Math.Min(100m, threshold + Margin);

    /// <summary>The earliest call time that counts as recent for a flag on a call at <paramref name="flaggedCallTime"/>.</summary>
    public DateTimeOffset Since(DateTimeOffset flaggedCallTime) => flaggedCallTime.AddDays(-WindowDays);

    /// <summary>Whether <paramref name="candidate"/> may be shown on a flag of <paramref name="agentId"/>.</summary>
    public bool Qualifies(PeerCandidate candidate, Guid agentId, string rubricKey, string criterionId, decimal threshold,
        DateTimeOffset flaggedCallTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.AgentId != agentId
            && !candidate.Overturned
            && !string.IsNullOrWhiteSpace(candidate.Quote)
            && string.Equals(candidate.RubricKey, rubricKey, StringComparison.Ordinal)
            && string.Equals(candidate.CriterionId, criterionId, StringComparison.Ordinal)
            && candidate.Score >= MinimumScore(threshold)
            && candidate.CallTime >= Since(flaggedCallTime)
            && candidate.CallTime <= now;
    }

    /// <summary>The peer example for a flag, or null when no call qualifies.</summary>
    public PeerCandidate? Choose(IEnumerable<PeerCandidate> candidates, Guid agentId, Guid? teamId, string rubricKey, string criterionId,
        decimal threshold, DateTimeOffset flaggedCallTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates
            .Where(c => Qualifies(c, agentId, rubricKey, criterionId, threshold, flaggedCallTime, now))
            .OrderBy(c => teamId is not null && c.TeamId == teamId ? 0 : 1)
            .ThenByDescending(c => c.CallTime)
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.ScoreId)
            .FirstOrDefault();
    }
}
