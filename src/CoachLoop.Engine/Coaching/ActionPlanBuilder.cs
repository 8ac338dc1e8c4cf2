using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.FollowUps;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Engine.Coaching;

/// <summary>Drafts the action plan for a flag. A suggestion only: a manager approves or swaps the practice.</summary>
public static class ActionPlanBuilder
{
    public static ActionPlan Build(FlagDraft draft, ScoredCall call, int typicalCallsPerDay, DateTimeOffset now,
        FollowUpPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(call);
        var focus = draft.Focus;
        var scenario = SuggestScenario(focus.Criterion, exceptScenarioId: null);
        // The QA system's evidence first; a script check's closest segment when the QA system gave none.
        var evidence = focus.Evidence ?? (draft.Finding is { Quote: { } q, Offset: { } o }
            ? new Evidence(q, TimeSpan.ParseExact(o, @"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture))
            : null);
        return new ActionPlan(
            call.CallId,
            call.CallTime,
            focus.Criterion.Id,
            focus.Line,
            evidence is null ? null : QuoteTrimmer.Trim(evidence.Quote, evidence.FailingSentence),
            evidence?.OffsetText,
            focus.Criterion.ExpectedBehaviour,
            scenario,
            scenario?.Describe(),
            FollowUpSchedule.DateFor(DateOnly.FromDateTime(now.UtcDateTime), typicalCallsPerDay, policy),
            DescribeHistory(draft),
            draft.Reasons,
            draft.OtherGaps.Select(g => g.Line).ToList(),
            draft.RecentScores,
            draft.Finding);
    }

    /// <summary>The first scenario of the catalogue, or the first one that differs from the one that did not work.</summary>
    public static PracticeScenario? SuggestScenario(Criterion criterion, string? exceptScenarioId)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Scenarios.FirstOrDefault(s => !string.Equals(s.Id, exceptScenarioId, StringComparison.Ordinal))
            ?? criterion.Scenarios.FirstOrDefault();
    }

    private static string DescribeHistory(FlagDraft draft)
    {
        var earlier = draft.RecentScores.Take(draft.RecentScores.Count - 1).ToList();
        var threshold = draft.Focus.Criterion.Threshold;
        var failedBefore = earlier.Count(s => s < threshold);
        if (earlier.Count == 0)
        {
            return "new weakness: first scored call on this criterion";
        }

        return failedBefore == 0
            ? $"new weakness: passed the last {earlier.Count} scored call{(earlier.Count == 1 ? "" : "s")}"
            : $"recurring: below threshold in {failedBefore} of the previous {earlier.Count} scored calls";
    }
}
