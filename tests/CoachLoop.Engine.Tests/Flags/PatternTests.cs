namespace CoachLoop.Engine.Tests.Flags;

public sealed class PatternTests
{
    private readonly Rubric _rubric = new RubricBuilder().Build();

    private IReadOnlyList<FlagDraft> Evaluate(decimal empathy, params decimal[] earlierNewestFirst) =>
        FlagRules.Evaluate(_rubric, new ScoredCallBuilder(_rubric).Scoring("empathy", empathy).Build(),
            new HistoryBuilder().NewestFirst("empathy", earlierNewestFirst).Build());

    /// <summary>Feeds calls one by one, as the intake would, and returns the kind of flag each raised (null: none).</summary>
    private List<FlagKind?> Replay(params decimal[] empathyScoresInCallOrder)
    {
        var kinds = new List<FlagKind?>();
        var earlier = new List<decimal>();
        foreach (var score in empathyScoresInCallOrder)
        {
            var drafts = Evaluate(score, [.. earlier]);
            kinds.Add(drafts.Count == 0 ? null : Assert.Single(drafts).Kind);
            earlier.Insert(0, score);
        }

        return kinds;
    }

    [Fact]
    public void TwoFailingCallsInARowDoNotMakeAPattern()
    {
        var draft = Assert.Single(Evaluate(45m, 50m));

        Assert.Equal((FlagKind.Quality, 2), (draft.Kind, draft.StreakLength));
    }

    [Fact]
    public void ThirdConsecutiveFailingCallMakesOnePatternFlag()
    {
        var draft = Assert.Single(Evaluate(45m, 50m, 40m));

        Assert.Equal((FlagKind.Pattern, 3, false), (draft.Kind, draft.StreakLength, draft.Urgent));
        Assert.Equal(["Empathy below threshold (45 < 60)", "below threshold in 3 consecutive scored calls"], draft.Reasons);
    }

    [Fact]
    public void FourthConsecutiveFailingCallDoesNotRaiseAnotherPattern()
    {
        var draft = Assert.Single(Evaluate(45m, 50m, 40m, 55m));

        Assert.Equal((FlagKind.Quality, 4), (draft.Kind, draft.StreakLength));
    }

    [Fact]
    public void SixFailingCallsInARowRaiseExactlyOnePatternFlagOnTheThird()
    {
        var kinds = Replay(50m, 40m, 55m, 45m, 30m, 52m);

        Assert.Equal([FlagKind.Quality, FlagKind.Quality, FlagKind.Pattern, FlagKind.Quality, FlagKind.Quality, FlagKind.Quality], kinds);
    }

    [Fact]
    public void PassingCallResetsTheStreak()
    {
        var kinds = Replay(50m, 40m, 70m, 45m, 30m, 52m);

        Assert.Equal([FlagKind.Quality, FlagKind.Quality, null, FlagKind.Quality, FlagKind.Quality, FlagKind.Pattern], kinds);
    }

    [Fact]
    public void ScoreExactlyAtThresholdInHistoryBreaksTheStreak()
    {
        var draft = Assert.Single(Evaluate(45m, 50m, 60m, 40m));

        Assert.Equal((FlagKind.Quality, 2), (draft.Kind, draft.StreakLength));
    }

    [Fact]
    public void OverturnedScoreLeftOutOfHistoryNoLongerCompletesAPattern()
    {
        // Calls in order: 50, 40 (overturned on dispute), now 45. The store builds the history without the overturned score.
        var withOverturned = Assert.Single(Evaluate(45m, 40m, 50m));
        var withoutOverturned = Assert.Single(Evaluate(45m, 50m));

        Assert.Equal(FlagKind.Pattern, withOverturned.Kind);
        Assert.Equal((FlagKind.Quality, 2), (withoutOverturned.Kind, withoutOverturned.StreakLength));
    }

    [Fact]
    public void OtherQualityCriterionCompletingAPatternGetsItsOwnEscalation()
    {
        // Empathy (gap 375) is the focus; closing (gap 75) completes its third failing call in a row.
        var call = new ScoredCallBuilder(_rubric).Scoring("empathy", 45m).Scoring("closing", 55m).Build();
        var history = new HistoryBuilder().NewestFirst("closing", 50m, 50m).Build();

        var drafts = FlagRules.Evaluate(_rubric, call, history);

        Assert.Equal([(FlagKind.Quality, "empathy"), (FlagKind.Pattern, "closing")], drafts.Select(d => (d.Kind, d.Focus.Criterion.Id)));
        Assert.Equal(["Closing below threshold (55 < 60)", "below threshold in 3 consecutive scored calls"], drafts[1].Reasons);
        Assert.Equal(["closing"], drafts[0].OtherGaps.Select(g => g.Criterion.Id));
    }

    [Fact]
    public void ComplianceFailingThreeTimesInARowStaysAnUrgentComplianceFlagWithTheStreakReason()
    {
        var call = new ScoredCallBuilder(_rubric).Scoring("disclosure", 0m).Build();
        var history = new HistoryBuilder().NewestFirst("disclosure", 0m, 50m).Build();

        var draft = Assert.Single(FlagRules.Evaluate(_rubric, call, history));

        Assert.Equal((FlagKind.Compliance, true, 3), (draft.Kind, draft.Urgent, draft.StreakLength));
        Assert.Equal("below threshold in 3 consecutive scored calls", draft.Reasons[^1]);
    }

    [Fact]
    public void ConfiguredStreakOfTwoFiresOnTheSecondFailingCall()
    {
        var call = new ScoredCallBuilder(_rubric).Scoring("empathy", 45m).Build();
        var history = new HistoryBuilder().NewestFirst("empathy", 50m).Build();

        var draft = Assert.Single(FlagRules.Evaluate(_rubric, call, history, patternStreak: 2));

        Assert.Equal(FlagKind.Pattern, draft.Kind);
        Assert.Equal("below threshold in 2 consecutive scored calls", draft.Reasons[^1]);
    }

    [Fact]
    public void PassingCallHasNoStreakWhateverTheHistory() =>
        Assert.Equal(0, PatternRule.StreakLength(60m, 60m, [10m, 10m, 10m]));

    [Fact]
    public void StreakCountsOnlyTheUnbrokenRunOfFailures() =>
        Assert.Equal(3, PatternRule.StreakLength(45m, 60m, [50m, 59.9m, 60m, 10m]));

    [Fact]
    public void PatternRuleFiresOnlyWhenTheStreakIsExactlyItsLength()
    {
        Assert.False(PatternRule.Fires(45m, 60m, [50m]));
        Assert.True(PatternRule.Fires(45m, 60m, [50m, 40m]));
        Assert.False(PatternRule.Fires(45m, 60m, [50m, 40m, 30m]));
    }
}
