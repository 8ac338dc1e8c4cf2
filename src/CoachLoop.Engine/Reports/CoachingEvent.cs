namespace CoachLoop.Engine.Reports;

/// <summary>One coaching session: an agent coached on a criterion at <see cref="CoachedAt"/> about a call at <see cref="CallTime"/>.</summary>
public sealed record CoachingEvent(Guid AgentId, string CriterionId, DateTimeOffset CallTime, DateTimeOffset CoachedAt);
