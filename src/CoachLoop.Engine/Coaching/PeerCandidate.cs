namespace CoachLoop.Engine.Coaching;

/// <summary>A scored criterion of another agent's call that might serve as a peer example.</summary>
/// <param name="ScoreId">The criterion score row.</param>
/// <param name="AgentId">Whose call it was.</param>
/// <param name="TeamId">The agent's team now (null when they have none).</param>
/// <param name="RubricKey">The rubric the call was scored against (any version).</param>
/// <param name="CriterionId">The scored criterion.</param>
/// <param name="Score">The score, 0-100.</param>
/// <param name="Quote">The evidence quote; a candidate without one cannot show what good sounds like.</param>
/// <param name="CallTime">When the call took place.</param>
/// <param name="Overturned">A score overturned on dispute counts toward nothing, peer examples included.</param>
public sealed record PeerCandidate(
    Guid ScoreId,
    Guid AgentId,
    Guid? TeamId,
    string RubricKey,
    string CriterionId,
    decimal Score,
    string? Quote,
    DateTimeOffset CallTime,
    bool Overturned = false);
