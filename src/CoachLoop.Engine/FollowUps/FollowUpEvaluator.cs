namespace CoachLoop.Engine.FollowUps;

/// <summary>Compares the criterion average since coaching with the baseline before it.</summary>
public static class FollowUpEvaluator
{
    /// <param name="threshold">The criterion's pass threshold.</param>
    /// <param name="baselineScores">Scores on the criterion before coaching (overturned ones excluded).</param>
    /// <param name="scoresSince">Scores on the criterion since coaching (overturned ones excluded).</param>
    /// <param name="previousCyclesWithoutMovement">Review cycles already judged without movement.</param>
    public static FollowUpResult Evaluate(decimal threshold, IReadOnlyCollection<decimal> baselineScores,
        IReadOnlyCollection<decimal> scoresSince, int previousCyclesWithoutMovement, FollowUpPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(baselineScores);
        ArgumentNullException.ThrowIfNull(scoresSince);
        policy ??= FollowUpPolicy.Default;
        decimal? baseline = baselineScores.Count == 0 ? null : Round(baselineScores.Average());
        if (scoresSince.Count < policy.MinCallsToJudge)
        {
            return new(baseline, null, null, scoresSince.Count, previousCyclesWithoutMovement, NextAction.NotEnoughData);
        }

        var after = Round(scoresSince.Average());
        decimal? delta = baseline is null ? null : after - baseline.Value;
        if (after >= threshold)
        {
            return new(baseline, after, delta, scoresSince.Count, 0, NextAction.Close);
        }

        // Without a baseline, movement cannot be judged: the cycle neither proves progress nor counts toward escalation.
        var stalled = delta switch
        {
            null => previousCyclesWithoutMovement,
            { } d when d >= policy.MinMeaningfulDelta => 0,
            _ => previousCyclesWithoutMovement + 1,
        };
        var next = stalled >= policy.CyclesBeforeEscalation ? NextAction.Escalate : NextAction.Continue;
        return new(baseline, after, delta, scoresSince.Count, stalled, next);
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
