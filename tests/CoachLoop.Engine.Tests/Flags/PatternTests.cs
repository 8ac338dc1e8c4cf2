namespace CoachLoop.Engine.Tests.Flags;

public sealed class PatternTests
{
    private readonly Rubric _rubric = new RubricBuilder().Build();

    private IReadOnlyList<FlagDraft> Evaluate(decimal empathy, params decimal[] earlierNewestFirst) =>
        FlagRules.Evaluate(_rubric, new ScoredCallBuilder(_rubric).Scoring("empathy", empathy).Build(),
            new HistoryBuilder().NewestFirst("empathy", earlierNewestFirst).Build());

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
    public void FourthFailingCallOfAStreakWithoutItsFlagRaisesThePatternThen()
    {
        // No flag names the earlier calls (say their pattern was never raised): the streak is 4 long and has none yet.
        var draft = Assert.Single(Evaluate(45m, 50m, 40m, 55m));

        Assert.Equal((FlagKind.Pattern, 4), (draft.Kind, draft.StreakLength));
        Assert.Equal("below threshold in 4 consecutive scored calls", draft.Reasons[^1]);
    }

    [Fact]
    public void FourthFailingCallOfAFlaggedStreakIsNotedOnItsFlagAndRaisesNothing()
    {
        var pattern = Guid.CreateVersion7();
        var history = new HistoryBuilder()
            .Call("empathy", "1", Moments.CallTime.AddHours(-3), 50m, pattern)
            .Call("empathy", "2", Moments.CallTime.AddHours(-2), 40m, pattern)
            .Call("empathy", "3", Moments.CallTime.AddHours(-1), 55m, pattern).Build();

        var decision = FlagRules.Decide(_rubric, new ScoredCallBuilder(_rubric).Scoring("empathy", 45m).Build(), history, Guid.CreateVersion7());

        Assert.Empty(decision.Drafts);
        var note = Assert.Single(decision.Notes);
        Assert.Equal((pattern, StreakNoteKind.Extended, "4471", 4), (note.FlagId, note.Kind, note.Call.CallId, note.Run.Count));
        Assert.Equal(["Empathy below threshold (45 < 60)"], note.Reasons);
    }

    [Fact]
    public void PassingCallScoredLateInsideAFlaggedStreakIsNotedAsASplit()
    {
        var pattern = Guid.CreateVersion7();
        var history = new HistoryBuilder()
            .Call("empathy", "1", Moments.CallTime.AddHours(-2), 50m, pattern)
            .Call("empathy", "3", Moments.CallTime.AddHours(1), 40m, pattern).Build();

        var decision = FlagRules.Decide(_rubric, new ScoredCallBuilder(_rubric).Scoring("empathy", 75m).Build(), history, Guid.CreateVersion7());

        Assert.Empty(decision.Drafts);
        Assert.Equal((pattern, StreakNoteKind.Split), decision.Notes.Select(n => (n.FlagId, n.Kind)).Single());
    }

    [Fact]
    public void LateCallBetweenTwoFailingCallsCompletesTheStreakAroundIt()
    {
        // Calls at 10:00 and 12:00 failed; the 11:00 call is scored late and fails: three in a row by call time.
        var history = new HistoryBuilder()
            .Call("empathy", "t1", Moments.CallTime.AddHours(-1), 50m)
            .Call("empathy", "t3", Moments.CallTime.AddHours(1), 40m).Build();

        var draft = Assert.Single(FlagRules.Evaluate(_rubric, new ScoredCallBuilder(_rubric).Scoring("empathy", 45m).Build(), history));

        Assert.Equal((FlagKind.Pattern, 3), (draft.Kind, draft.StreakLength));
        Assert.Equal(["t1", "4471", "t3"], draft.Streak!.Calls.Select(c => c.CallId));
    }

    [Theory]
    [InlineData("qa-auto", "9", true)] // "4471" < "9" ordinally: the passing call comes after this one, the streak holds
    [InlineData("qa-auto", "10", false)] // "10" < "4471": the passing call sits between the failing ones
    [InlineData("qa-a", "9", false)] // the source decides first: "qa-a" < "qa-auto"
    public void CallsAtTheSameTimeFollowEachOtherBySourceThenCallIdOrdinally(string source, string passingCallId, bool pattern)
    {
        var history = new HistoryBuilder()
            .Call("empathy", "a", Moments.CallTime.AddHours(-2), 50m)
            .Call("empathy", "b", Moments.CallTime.AddHours(-1), 50m)
            .Call("empathy", passingCallId, Moments.CallTime, 90m, source: source).Build();

        var draft = Assert.Single(FlagRules.Evaluate(_rubric, new ScoredCallBuilder(_rubric).Scoring("empathy", 45m).Build(), history));

        Assert.Equal(pattern, draft.Kind == FlagKind.Pattern);
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
        Assert.Equal(0, PatternRule.Around(At(0, 60m), 60m, [At(-1, 10m), At(-2, 10m), At(-3, 10m)]).Length);

    [Fact]
    public void StreakCountsOnlyTheUnbrokenRunOfFailuresOnBothSides() =>
        Assert.Equal(["-2", "-1", "0", "1"],
            PatternRule.Around(At(0, 45m), 60m, [At(-4, 10m), At(-3, 60m), At(-2, 59.9m), At(-1, 50m), At(1, 10m), At(2, 60m), At(3, 1m)])
                .Calls.Select(c => c.CallId));

    private static HistoryCall At(int hours, decimal score) =>
        new(Guid.CreateVersion7(), "qa", hours.ToString(System.Globalization.CultureInfo.InvariantCulture), Moments.CallTime.AddHours(hours), score);
}
