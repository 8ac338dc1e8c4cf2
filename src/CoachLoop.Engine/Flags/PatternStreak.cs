namespace CoachLoop.Engine.Flags;

/// <summary>Where a new call stands in its agent's failing streak on one criterion.</summary>
/// <param name="Calls">The unbroken run of failing calls around the new call, in call order (empty when it passes).</param>
/// <param name="FlagId">The pattern flag already raised for this run, if any: the run extends it instead of raising another.</param>
/// <param name="SplitFlagId">For a passing call landing between two calls of one pattern flag's streak: that flag.</param>
public sealed record PatternStreak(IReadOnlyList<HistoryCall> Calls, Guid? FlagId, Guid? SplitFlagId)
{
    public static PatternStreak None { get; } = new([], null, null);

    public int Length => Calls.Count;
}
