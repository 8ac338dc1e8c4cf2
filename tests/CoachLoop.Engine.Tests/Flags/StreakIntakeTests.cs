namespace CoachLoop.Engine.Tests.Flags;

/// <summary>
/// Patterns through the real intake, calls arriving in any order: consecutive is by call time with ties broken
/// by (source, call id), one streak raises one pattern flag ever, and the streak's quality flags fold into it.
/// </summary>
public sealed class StreakIntakeTests
{
    private readonly Rubric _rubric = new RubricBuilder().Build();
    private readonly MemoryIntakeStore _store;
    private readonly ScoredCallIntake _intake;

    public StreakIntakeTests()
    {
        var agent = Person.Create("dana@example.com", Moments.Now);
        agent.Update(new PersonDetailsBuilder().Build(), null, Moments.Now);
        _store = new MemoryIntakeStore(_rubric, agent);
        _intake = new ScoredCallIntake(_store, new FixedClock());
    }

    [Fact]
    public async Task FourFailingCallsWhereTwoShareATimeRaiseOnePatternNamingAllFour()
    {
        await Score("a", 1, 40m);
        await Score("b", 2, 45m);
        await Score("c", 2, 50m);
        await Score("d", 3, 55m);

        var pattern = Assert.Single(_store.Patterns);
        Assert.Equal(["a", "b", "c", "d"], pattern.Streak.Select(c => c.CallId));
        Assert.Equal([40m, 45m, 50m, 55m], pattern.Streak.Select(c => c.Score));
        Assert.Equal("c", pattern.CallId);
    }

    [Fact]
    public async Task ThirdAndFourthCallsSharingATimeRaiseOnePatternNotTwo()
    {
        await Score("a", 1, 40m);
        await Score("b", 2, 45m);
        await Score("c", 3, 50m);
        var fourth = await Score("d", 3, 55m);

        Assert.Empty(fourth.Receipt!.Flags);
        Assert.Equal(["a", "b", "c", "d"], Assert.Single(_store.Patterns).Streak.Select(c => c.CallId));
    }

    [Fact]
    public async Task LateManualReviewBetweenTwoFailingCallsCompletesTheStreakByCallTime()
    {
        await Score("t1", 1, 40m);
        await Score("t3", 3, 50m);
        var review = await Score("t2", 2, 45m, source: "manual-review");

        var raised = Assert.Single(review.Receipt!.Flags);
        var pattern = Assert.Single(_store.Patterns);
        Assert.Equal((FlagKind.Pattern, pattern.Id), (raised.Kind, raised.FlagId));
        Assert.Equal(["t1", "t2", "t3"], pattern.Streak.Select(c => c.CallId));
        Assert.Equal(["qa-auto", "manual-review", "qa-auto"], pattern.Streak.Select(c => c.Source));
    }

    [Fact]
    public async Task EveryArrivalOrderRaisesOnePatternNamingTheSameCallsInCallOrder()
    {
        (string Id, int Hour, decimal Score)[] calls = [("a", 1, 40m), ("b", 2, 45m), ("c", 2, 50m), ("d", 3, 55m)];
        foreach (var order in Permutations(calls))
        {
            var test = new StreakIntakeTests();
            foreach (var (id, hour, score) in order)
            {
                await test.Score(id, hour, score);
            }

            var pattern = Assert.Single(test._store.Patterns);
            Assert.Equal(["a", "b", "c", "d"], pattern.Streak.Select(c => c.CallId));
            Assert.Empty(test._store.Open("empathy", FlagKind.Quality));
        }
    }

    [Fact]
    public async Task FourthAndFifthFailingCallsExtendTheFlagWhichNotesThem()
    {
        for (var hour = 1; hour <= 3; hour++)
        {
            await Score($"c{hour}", hour, 40m);
        }

        var fourth = await Score("c4", 4, 45m);
        var fifth = await Score("c5", 5, 50m);

        Assert.Empty(fourth.Receipt!.Flags);
        Assert.Empty(fifth.Receipt!.Flags);
        var pattern = Assert.Single(_store.Patterns);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], pattern.Streak.Select(c => c.CallId));
        Assert.Equal(["raised", "streak-extended", "streak-extended"], pattern.PendingChanges.Select(c => c.Action));
        Assert.StartsWith("call c5 (15 Oct 17:04 UTC, 50) extends the streak to 5 calls", pattern.PendingChanges[^1].Detail);
        Assert.Equal(FlagStatus.Raised, pattern.Status);
    }

    [Fact]
    public async Task PassingCallEndsTheStreakAndTheNextStreakRaisesANewFlag()
    {
        decimal[] scores = [40m, 45m, 50m, 55m, 90m, 40m, 45m, 50m];
        for (var i = 0; i < scores.Length; i++)
        {
            await Score($"c{i + 1}", i + 1, scores[i]);
        }

        Assert.Equal([["c1", "c2", "c3", "c4"], ["c6", "c7", "c8"]],
            _store.Patterns.Select(p => p.Streak.Select(c => c.CallId).ToArray()).ToArray());
    }

    [Fact]
    public async Task OverturnedScoresDoNotCountTowardTheStreak()
    {
        await Score("c1", 1, 40m);
        await Score("c2", 2, 40m);
        _store.Overturn("c2", "empathy");

        var third = await Score("c3", 3, 40m);
        var fourth = await Score("c4", 4, 40m);

        Assert.Equal(FlagKind.Quality, Assert.Single(third.Receipt!.Flags).Kind);
        Assert.Equal(FlagKind.Pattern, Assert.Single(fourth.Receipt!.Flags).Kind);
        Assert.Equal(["c1", "c3", "c4"], Assert.Single(_store.Patterns).Streak.Select(c => c.CallId));
    }

    [Fact]
    public async Task LatePassingCallInsideAStreakSplitsItButTheRaisedFlagStands()
    {
        for (var hour = 1; hour <= 4; hour++)
        {
            await Score($"c{hour}", hour * 2, 40m);
        }

        var pattern = Assert.Single(_store.Patterns);
        var split = await Score("late-pass", 5, 90m);
        var after = await Score("c5", 10, 40m);

        // Kept: it was true when raised, and the calls it names still failed. Calls after the split still extend it:
        // they are next to calls it names, and one streak never raises a second flag.
        Assert.Empty(split.Receipt!.Flags);
        Assert.Empty(after.Receipt!.Flags);
        Assert.Same(pattern, Assert.Single(_store.Patterns));
        Assert.Equal(FlagStatus.Raised, pattern.Status);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], pattern.Streak.Select(c => c.CallId));
        Assert.Equal(["raised", "streak-extended", "streak-split", "streak-extended"], pattern.PendingChanges.Select(c => c.Action));
    }

    [Fact]
    public async Task OpenQualityFlagsOfTheStreakFoldIntoThePatternClosedAsSuperseded()
    {
        var first = await Score("c1", 1, 40m);
        var second = await Score("c2", 2, 45m);
        var dismissed = _store.Flags.Single(f => f.Id == first.Receipt!.Flags[0].FlagId);
        dismissed.Dismiss("coached in person", Actors.Manager, Moments.Now);

        await Score("c3", 3, 50m);

        var pattern = Assert.Single(_store.Patterns);
        var folded = _store.Flags.Single(f => f.Id == second.Receipt!.Flags[0].FlagId);
        Assert.Equal((FlagStatus.Closed, pattern.Id), (folded.Status, folded.SupersededBy));
        Assert.Equal(("supersede", "Closed"), (folded.PendingChanges[^1].Action, folded.PendingChanges[^1].After));
        Assert.Equal((FlagStatus.Dismissed, (Guid?)null), (dismissed.Status, dismissed.SupersededBy));
        Assert.Empty(_store.Open("empathy", FlagKind.Quality));
    }

    [Fact]
    public async Task ComplianceStreaksStayUrgentComplianceFlagsAndNeverFold()
    {
        for (var hour = 1; hour <= 4; hour++)
        {
            await _intake.IngestAsync(new ScoredCallBuilder(_rubric).WithCallId($"c{hour}").At(Moments.CallTime.AddHours(hour))
                .Scoring("disclosure", 0m).Build());
        }

        Assert.Empty(_store.Patterns);
        var compliance = _store.Open("disclosure", FlagKind.Compliance).ToList();
        Assert.Equal(4, compliance.Count);
        Assert.All(compliance, f => Assert.True(f.Urgent));
    }

    [Fact]
    public async Task CallExtendingAStreakLeavesItsQualityFocusToTheNextFailingCriterion()
    {
        for (var hour = 1; hour <= 3; hour++)
        {
            await Score($"c{hour}", hour, 40m);
        }

        // Empathy (gap 25 x 15) would be the focus, but its streak has its flag: resolution (gap 30 x 1) gets the quality flag.
        var fourth = await _intake.IngestAsync(new ScoredCallBuilder(_rubric).WithCallId("c4").At(Moments.CallTime.AddHours(4))
            .Scoring("empathy", 45m).Scoring("resolution", 64m).Build());

        var raised = Assert.Single(fourth.Receipt!.Flags);
        Assert.Equal((FlagKind.Quality, "resolution"), (raised.Kind, raised.CriterionId));
        Assert.Equal(4, Assert.Single(_store.Patterns).Streak.Count);
    }

    private Task<IntakeResult> Score(string callId, int hour, decimal empathy, string source = "qa-auto") =>
        _intake.IngestAsync(new ScoredCallBuilder(_rubric).WithSource(source).WithCallId(callId).At(Moments.CallTime.AddHours(hour))
            .Scoring("empathy", empathy).Build());

    private static IEnumerable<T[]> Permutations<T>(T[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (T[])[item, .. rest]));
}
