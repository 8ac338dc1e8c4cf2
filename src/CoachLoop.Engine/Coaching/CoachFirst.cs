namespace CoachLoop.Engine.Coaching;

/// <summary>
/// One primary focus per session: failed compliance first, then the largest weighted gap,
/// weight x (threshold - score). Ties go to the heavier criterion, then to the name, so the
/// order is stable.
/// </summary>
public static class CoachFirst
{
    public static IReadOnlyList<CriterionGap> Order(IEnumerable<CriterionGap> gaps) =>
        gaps.OrderByDescending(g => g.FailedCompliance)
            .ThenByDescending(g => g.WeightedGap)
            .ThenByDescending(g => g.Criterion.Weight)
            .ThenBy(g => g.Criterion.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The criterion to coach first among those that fail, or null when none fails.</summary>
    public static CriterionGap? Pick(IEnumerable<CriterionGap> gaps) => Order(gaps.Where(g => g.Fails)).FirstOrDefault();
}
