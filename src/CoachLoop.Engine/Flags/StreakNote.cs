namespace CoachLoop.Engine.Flags;

/// <summary>A change to an existing pattern flag's streak that a new call makes, instead of raising another flag.</summary>
/// <param name="FlagId">The pattern flag of the streak.</param>
/// <param name="CriterionId">The streak's criterion.</param>
/// <param name="Kind">Extended by a failing call, or split by a passing one.</param>
/// <param name="Call">The new call.</param>
/// <param name="Run">For an extension: the whole run of failing calls around the new call, in call order.</param>
/// <param name="Reasons">Why the call failed, in plain words (empty for a split).</param>
public sealed record StreakNote(Guid FlagId, string CriterionId, StreakNoteKind Kind, HistoryCall Call, IReadOnlyList<HistoryCall> Run,
    IReadOnlyList<string> Reasons);
