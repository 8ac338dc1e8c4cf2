using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Calls;

/// <summary>Everything the intake writes for one accepted call.</summary>
/// <param name="Flags">The flags the call raises.</param>
/// <param name="ChangedFlags">Existing flags the call changes: pattern flags whose streak it extends or splits, quality flags folded into a pattern flag.</param>
public sealed record NewCall(
    Guid ScoredCallId,
    ScoredCall Call,
    string ContentHash,
    Rubric Rubric,
    Person Agent,
    IReadOnlyList<Flag> Flags,
    IReadOnlyList<Flag> ChangedFlags,
    CallReceipt Receipt,
    DateTimeOffset ReceivedAt);
