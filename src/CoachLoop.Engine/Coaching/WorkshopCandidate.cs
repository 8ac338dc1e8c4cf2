using CoachLoop.Engine.Flags;

namespace CoachLoop.Engine.Coaching;

/// <summary>A flag as the workshop rule sees it.</summary>
/// <param name="InWorkshop">The flag already belongs to a workshop: it is not suggested again.</param>
public sealed record WorkshopCandidate(
    Guid FlagId,
    Guid? TeamId,
    Guid AgentId,
    string AgentName,
    string CriterionId,
    decimal Score,
    decimal Threshold,
    FlagStatus Status,
    DateTimeOffset RaisedAt,
    bool InWorkshop = false);
