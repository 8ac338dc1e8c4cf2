namespace CoachLoop.Data.Stores;

/// <summary>An agent's streak cursor on a criterion as the intake read it; a null revision when there was none yet.</summary>
internal sealed record CursorRead(Guid AgentId, string CriterionId, int? Revision);
