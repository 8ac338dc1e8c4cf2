using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Calls;

/// <summary>Everything the intake writes for one accepted call.</summary>
public sealed record NewCall(
    Guid ScoredCallId,
    ScoredCall Call,
    string ContentHash,
    Rubric Rubric,
    Person Agent,
    IReadOnlyList<Flag> Flags,
    CallReceipt Receipt,
    DateTimeOffset ReceivedAt);
