namespace CoachLoop.Engine.Flags;

/// <summary>
/// The same agent below threshold on the same criterion in N consecutive scored calls makes one
/// pattern flag: it fires on the call that makes the streak exactly N long, so the 4th and 5th
/// failing calls do not raise it again, and a passing call starts a new count.
/// </summary>
public static class PatternRule
{
    public const int DefaultStreak = 3;

    /// <param name="previousScoresNewestFirst">The agent's earlier scores on the criterion, overturned ones excluded.</param>
    public static int StreakLength(decimal currentScore, decimal threshold, IEnumerable<decimal> previousScoresNewestFirst)
    {
        ArgumentNullException.ThrowIfNull(previousScoresNewestFirst);
        if (currentScore >= threshold)
        {
            return 0;
        }

        return 1 + previousScoresNewestFirst.TakeWhile(s => s < threshold).Count();
    }

    public static bool Fires(decimal currentScore, decimal threshold, IEnumerable<decimal> previousScoresNewestFirst,
        int streak = DefaultStreak) =>
        StreakLength(currentScore, threshold, previousScoresNewestFirst) == streak;
}
