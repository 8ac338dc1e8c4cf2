namespace CoachLoop.Data.Stores;

/// <summary>
/// One coaching session of the log: the flag's call, criterion (id, name, score, threshold) and evidence, the agent and
/// team, who coached, what was agreed, whether the practice was done, and the flag's follow-up date as it stands now
/// (moved on by an extension).
/// </summary>
public sealed record CoachingLogRow(Guid FlagId, Guid AgentId, string Agent, string? AgentName, string? Team, string? TeamName, string CallId,
    DateTimeOffset CallTime, string CriterionId, string? CriterionName, decimal Score, decimal Threshold, string Criterion, string? EvidenceOffset,
    string? EvidenceQuote, string? Coach, string TargetedBehaviour, string AgentSelfAssessment, string AgreedBehaviour, string Practice,
    bool PracticeDone, DateTimeOffset? PracticeDoneAt, DateOnly HeldOn, DateTimeOffset SessionLoggedAt, DateOnly FollowUpDate, CoachLoop.Engine.Flags.FlagStatus Status,
    decimal? ScoreDelta);
