using System.Globalization;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Rubrics;
using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Engine.Flags;

/// <summary>
/// Decides which flags a scored call raises. Pure: the rubric, the call and the agent's history in,
/// flag drafts out. Compliance failures each raise their own urgent flag, apart from quality; the
/// quality gaps raise one flag whose focus is chosen coach-first; a criterion whose failing streak
/// (by call time) reaches N raises a pattern flag instead of a plain one, once per streak: a call that
/// joins a streak a pattern flag already names is noted on that flag instead. Calls above every
/// threshold raise none.
/// </summary>
public static class FlagRules
{
    private const int RecentWindow = 6;

    /// <summary>The flags to raise; see <see cref="Decide"/> for the notes on existing pattern flags too.</summary>
    public static IReadOnlyList<FlagDraft> Evaluate(Rubric rubric, ScoredCall call, AgentHistory history,
        int patternStreak = PatternRule.DefaultStreak) =>
        Decide(rubric, call, history, Guid.Empty, patternStreak).Drafts;

    /// <param name="scoredCallId">The id the new call will be stored under; pattern streaks name it.</param>
    public static FlagDecision Decide(Rubric rubric, ScoredCall call, AgentHistory history, Guid scoredCallId,
        int patternStreak = PatternRule.DefaultStreak)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(history);

        var gaps = call.Scores
            .Select(s => new CriterionGap(rubric.FindCriterion(s.CriterionId)
                ?? throw new ArgumentException($"criterion '{s.CriterionId}' is not in the rubric", nameof(call)), s.Score, s.Evidence))
            .ToList();
        var calls = gaps.ToDictionary(g => g.Criterion.Id,
            g => new HistoryCall(scoredCallId, call.Source.Trim(), call.CallId.Trim(), call.CallTime, g.Score));
        var streaks = gaps.ToDictionary(g => g.Criterion.Id,
            g => PatternRule.Around(calls[g.Criterion.Id], g.Criterion.Threshold, history.For(g.Criterion.Id)));
        // Compliance streaks stay compliance flags: they neither raise nor extend pattern flags.
        bool Extends(CriterionGap g) => !g.Criterion.IsCompliance && g.Fails && streaks[g.Criterion.Id].FlagId is not null;
        bool IsPattern(CriterionGap g) => !g.Criterion.IsCompliance && g.Fails && !Extends(g) && streaks[g.Criterion.Id].Length >= patternStreak;

        var drafts = new List<FlagDraft>();
        var notes = new List<StreakNote>();
        var failing = CoachFirst.Order(gaps.Where(g => g.Fails));
        var transcript = TranscriptChecks.Run(rubric, call.Transcript);

        // A compliance criterion flags when its QA score fails or when CoachLoop's own script check fails; when the two
        // disagree the flag says so.
        var compliances = CoachFirst.Order(gaps.Where(g => g.FailedCompliance
            || (g.Criterion.IsCompliance && transcript.Scripts.TryGetValue(g.Criterion.Id, out var f) && !f.Passed)));
        foreach (var compliance in compliances)
        {
            var finding = ScriptVerdict.Compare(compliance, transcript.Scripts.GetValueOrDefault(compliance.Criterion.Id));
            var reasons = new List<string>();
            if (compliance.FailedCompliance)
            {
                reasons.Add($"compliance: {compliance.Criterion.Name} failed ({Num(compliance.Score)} < {Num(compliance.Criterion.Threshold)})");
            }

            if (finding is { Passed: false })
            {
                reasons.Add($"compliance: {compliance.Criterion.Name} script check failed: {finding.Summary}");
            }

            if (finding?.Disagreement is { } disagreement)
            {
                reasons.Add(disagreement);
            }

            if (streaks[compliance.Criterion.Id].Length >= patternStreak)
            {
                reasons.Add(StreakReason(streaks[compliance.Criterion.Id].Length));
            }

            drafts.Add(Draft(FlagKind.Compliance, compliance, reasons, [], history, calls, streaks, withStreak: false) with { Finding = finding });
        }

        drafts.AddRange(transcript.Keywords.Select(hit => KeywordDraft(call, hit)));

        foreach (var split in gaps.Where(g => !g.Fails && streaks[g.Criterion.Id].SplitFlagId is not null))
        {
            notes.Add(new StreakNote(streaks[split.Criterion.Id].SplitFlagId!.Value, split.Criterion.Id, StreakNoteKind.Split,
                calls[split.Criterion.Id], [], []));
        }

        var quality = failing.Where(g => !g.Criterion.IsCompliance).ToList();
        var overallBelow = call.OverallScore < rubric.OverallThreshold;
        var overallReason = $"overall score {Num(call.OverallScore)} below {Num(rubric.OverallThreshold)}";

        // A criterion whose streak already has its pattern flag is noted there, not flagged again; the call's
        // quality focus is chosen coach-first among the rest. With no quality criterion failing, an overall
        // miss is coached on the quality criterion closest to failing.
        var candidates = quality.Where(g => !Extends(g)).ToList();
        var focus = candidates.Count > 0
            ? candidates[0]
            : quality.Count == 0 && overallBelow ? CoachFirst.Order(gaps.Where(g => !g.Criterion.IsCompliance)).FirstOrDefault() : null;

        foreach (var extending in quality.Where(Extends))
        {
            var reasons = new List<string> { BelowReason(extending) };
            if (overallBelow && focus is null)
            {
                reasons.Insert(0, overallReason);
            }

            var streak = streaks[extending.Criterion.Id];
            notes.Add(new StreakNote(streak.FlagId!.Value, extending.Criterion.Id, StreakNoteKind.Extended, calls[extending.Criterion.Id],
                streak.Calls, reasons));
        }

        if (focus is null)
        {
            return new FlagDecision(drafts, notes);
        }

        var focusReasons = new List<string>();
        if (overallBelow)
        {
            focusReasons.Add(overallReason);
        }

        if (focus.Fails)
        {
            focusReasons.Add(BelowReason(focus));
        }

        var focusKind = IsPattern(focus) ? FlagKind.Pattern : FlagKind.Quality;
        if (focusKind == FlagKind.Pattern)
        {
            focusReasons.Add(StreakReason(streaks[focus.Criterion.Id].Length));
        }

        var noted = quality.Where(g => g != focus).Concat(failing.Where(g => g.FailedCompliance)).ToList();
        drafts.Add(Draft(focusKind, focus, focusReasons, noted, history, calls, streaks, focusKind == FlagKind.Pattern));

        // Other quality criteria that just completed a pattern still get their own escalation.
        foreach (var other in candidates.Where(g => g != focus && IsPattern(g)))
        {
            drafts.Add(Draft(FlagKind.Pattern, other, [BelowReason(other), StreakReason(streaks[other.Criterion.Id].Length)],
                [], history, calls, streaks, withStreak: true));
        }

        return new FlagDecision(drafts, notes);
    }

    private static FlagDraft Draft(FlagKind kind, CriterionGap focus, List<string> reasons, IReadOnlyList<CriterionGap> others,
        AgentHistory history, Dictionary<string, HistoryCall> calls, Dictionary<string, PatternStreak> streaks, bool withStreak)
    {
        var id = focus.Criterion.Id;
        var current = calls[id];
        var earlier = history.For(id).Where(c => CallOrder.Instance.Compare(c, current) < 0).Order(CallOrder.Instance).ToList();
        var recent = earlier.Skip(Math.Max(0, earlier.Count - (RecentWindow - 1))).Select(c => c.Score).Append(focus.Score).ToList();
        return new FlagDraft(kind, focus, reasons, others, recent, streaks[id].Length, withStreak ? streaks[id] : null);
    }

    // The flag is coached on the trigger's criterion; its score is the call's on it, or the overall score when the call has
    // none (the QA system need not score every criterion). The quote is the segment, not the QA evidence.
    private static FlagDraft KeywordDraft(ScoredCall call, KeywordHit hit)
    {
        var criterion = hit.Criterion;
        var score = call.Scores.FirstOrDefault(s => string.Equals(s.CriterionId, criterion.Id, StringComparison.Ordinal))?.Score ?? call.OverallScore;
        return new FlagDraft(FlagKind.Keyword, new CriterionGap(criterion, score, null), [$"keyword: {hit.Trigger.Label}: {hit.Finding.Summary}"],
            [], [score], 0, null, hit.Finding);
    }

    private static string BelowReason(CriterionGap gap) =>
        $"{gap.Criterion.Name} below threshold ({Num(gap.Score)} < {Num(gap.Criterion.Threshold)})";

    private static string StreakReason(int streak) => $"below threshold in {streak} consecutive scored calls";

    private static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
