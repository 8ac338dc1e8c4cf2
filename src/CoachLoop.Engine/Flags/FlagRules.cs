using System.Globalization;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Flags;

/// <summary>
/// Decides which flags a scored call raises. Pure: the rubric, the call and the agent's history in,
/// flag drafts out. Compliance failures each raise their own urgent flag, apart from quality; the
/// quality gaps raise one flag whose focus is chosen coach-first; a criterion whose failing streak
/// reaches N raises a pattern flag instead of a plain one. Calls above every threshold raise none.
/// </summary>
public static class FlagRules
{
    private const int RecentWindow = 6;

    public static IReadOnlyList<FlagDraft> Evaluate(Rubric rubric, ScoredCall call, AgentHistory history,
        int patternStreak = PatternRule.DefaultStreak)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(history);

        var gaps = call.Scores
            .Select(s => new CriterionGap(rubric.FindCriterion(s.CriterionId)
                ?? throw new ArgumentException($"criterion '{s.CriterionId}' is not in the rubric", nameof(call)), s.Score, s.Evidence))
            .ToList();
        var streaks = gaps.ToDictionary(g => g.Criterion.Id,
            g => PatternRule.StreakLength(g.Score, g.Criterion.Threshold, history.For(g.Criterion.Id)));
        bool IsPattern(CriterionGap g) => streaks[g.Criterion.Id] == patternStreak;

        var drafts = new List<FlagDraft>();
        var failing = CoachFirst.Order(gaps.Where(g => g.Fails));

        foreach (var compliance in failing.Where(g => g.FailedCompliance))
        {
            var reasons = new List<string> { $"compliance: {compliance.Criterion.Name} failed ({Num(compliance.Score)} < {Num(compliance.Criterion.Threshold)})" };
            if (IsPattern(compliance))
            {
                reasons.Add(StreakReason(patternStreak));
            }

            drafts.Add(Draft(FlagKind.Compliance, compliance, reasons, [], history, streaks));
        }

        var quality = failing.Where(g => !g.Criterion.IsCompliance).ToList();
        var overallBelow = call.OverallScore < rubric.OverallThreshold;
        if (quality.Count == 0 && !overallBelow)
        {
            return drafts;
        }

        // With no quality criterion failing, an overall miss is coached on the quality criterion closest to failing.
        var focus = quality.Count > 0
            ? quality[0]
            : CoachFirst.Order(gaps.Where(g => !g.Criterion.IsCompliance)).FirstOrDefault();
        if (focus is null)
        {
            return drafts;
        }

        var focusReasons = new List<string>();
        if (overallBelow)
        {
            focusReasons.Add($"overall score {Num(call.OverallScore)} below {Num(rubric.OverallThreshold)}");
        }

        if (focus.Fails)
        {
            focusReasons.Add($"{focus.Criterion.Name} below threshold ({Num(focus.Score)} < {Num(focus.Criterion.Threshold)})");
        }

        var focusKind = IsPattern(focus) ? FlagKind.Pattern : FlagKind.Quality;
        if (focusKind == FlagKind.Pattern)
        {
            focusReasons.Add(StreakReason(patternStreak));
        }

        var noted = quality.Where(g => g != focus).Concat(failing.Where(g => g.FailedCompliance)).ToList();
        drafts.Add(Draft(focusKind, focus, focusReasons, noted, history, streaks));

        // Other quality criteria that just completed a pattern still get their own escalation.
        foreach (var other in quality.Where(g => g != focus && IsPattern(g)))
        {
            drafts.Add(Draft(FlagKind.Pattern, other,
                [$"{other.Criterion.Name} below threshold ({Num(other.Score)} < {Num(other.Criterion.Threshold)})", StreakReason(patternStreak)],
                [], history, streaks));
        }

        return drafts;
    }

    private static FlagDraft Draft(FlagKind kind, CriterionGap focus, List<string> reasons, IReadOnlyList<CriterionGap> others,
        AgentHistory history, Dictionary<string, int> streaks)
    {
        var recent = history.For(focus.Criterion.Id).Take(RecentWindow - 1).Reverse().Append(focus.Score).ToList();
        return new FlagDraft(kind, focus, reasons, others, recent, streaks[focus.Criterion.Id]);
    }

    private static string StreakReason(int streak) => $"below threshold in {streak} consecutive scored calls";

    private static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
