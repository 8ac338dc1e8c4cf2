namespace CoachLoop.Engine.Flags;

/// <summary>
/// The same agent below threshold on the same criterion in N consecutive scored calls makes one pattern
/// flag. "Consecutive" is by <see cref="CallOrder"/>: a call scored late takes its place by call time and
/// can complete or break a streak around it. A streak that a pattern flag already names extends that flag
/// whatever its length; a passing call ends it.
/// </summary>
public static class PatternRule
{
    public const int DefaultStreak = 3;

    /// <summary>The run of failing calls the <paramref name="current"/> call belongs to once placed among the others.</summary>
    /// <param name="current">The new call.</param>
    /// <param name="threshold">Below it a score fails; exactly at it passes.</param>
    /// <param name="others">The agent's other calls on the criterion, overturned ones excluded, in any order.</param>
    public static PatternStreak Around(HistoryCall current, decimal threshold, IEnumerable<HistoryCall> others)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(others);
        var ordered = others
            .Where(o => CallOrder.Instance.Compare(o, current) != 0)
            .Append(current)
            .Order(CallOrder.Instance)
            .ToList();
        var at = ordered.IndexOf(current);
        if (current.Score >= threshold)
        {
            return PatternStreak.None with { SplitFlagId = SplitFlag(ordered, at, threshold) };
        }

        var first = at;
        while (first > 0 && ordered[first - 1].Score < threshold)
        {
            first--;
        }

        var last = at;
        while (last < ordered.Count - 1 && ordered[last + 1].Score < threshold)
        {
            last++;
        }

        var run = ordered.GetRange(first, last - first + 1);
        return new PatternStreak(run, run.FirstOrDefault(c => c.PatternFlagId is not null)?.PatternFlagId, null);
    }

    // A passing call between two calls of the same flagged streak splits it in time.
    private static Guid? SplitFlag(List<HistoryCall> ordered, int at, decimal threshold)
    {
        if (at == 0 || at == ordered.Count - 1)
        {
            return null;
        }

        var before = ordered[at - 1];
        var after = ordered[at + 1];
        return before.Score < threshold && after.Score < threshold && before.PatternFlagId is { } flag && after.PatternFlagId == flag
            ? flag
            : null;
    }
}
