namespace CoachLoop.Engine.Digests;

/// <summary>A group workshop a digest suggests: one criterion of the team, and who would take part and why.</summary>
public sealed record DigestWorkshop(Guid TeamId, string CriterionId, string CriterionName, IReadOnlyList<DigestWorkshopFlag> Flags);

/// <summary>One flag of a suggested workshop: the agent, and the flag's score against the threshold.</summary>
public sealed record DigestWorkshopFlag(Guid FlagId, string Agent, decimal Score, decimal Threshold);
