using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Engine.Calls;

/// <summary>What the intake answered the first time it stored a call; replayed verbatim for duplicates.</summary>
public sealed record CallReceipt(Guid ScoredCallId, string Source, string CallId, Guid AgentId, IReadOnlyList<RaisedFlag> Flags);

/// <summary>A flag as raised by the intake, with its plan.</summary>
public sealed record RaisedFlag(Guid FlagId, FlagKind Kind, bool Urgent, string CriterionId, IReadOnlyList<string> Reasons, ActionPlan Plan);
