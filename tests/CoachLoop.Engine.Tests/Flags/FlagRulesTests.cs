namespace CoachLoop.Engine.Tests.Flags;

public sealed class FlagRulesTests
{
    private readonly Rubric _rubric = new RubricBuilder().Build();

    private ScoredCallBuilder Call() => new(_rubric);

    private IReadOnlyList<FlagDraft> Evaluate(ScoredCallBuilder call, AgentHistory? history = null) =>
        FlagRules.Evaluate(_rubric, call.Build(), history ?? AgentHistory.Empty);

    [Fact]
    public void CallAboveEveryThresholdRaisesNoFlag() => Assert.Empty(Evaluate(Call()));

    [Fact]
    public void ScoresExactlyAtEveryThresholdDoNotFlag()
    {
        var call = Call().Scoring("greeting", 70m).Scoring("empathy", 60m).Scoring("resolution", 65m)
            .Scoring("disclosure", 80m).Scoring("closing", 60m).WithOverall(65m);

        Assert.Empty(Evaluate(call));
    }

    [Fact]
    public void CriterionScoreJustBelowItsThresholdRaisesAQualityFlag()
    {
        var draft = Assert.Single(Evaluate(Call().Scoring("empathy", 59.5m)));

        Assert.Equal((FlagKind.Quality, false, "empathy"), (draft.Kind, draft.Urgent, draft.Focus.Criterion.Id));
        Assert.Equal(["Empathy below threshold (59.5 < 60)"], draft.Reasons);
        Assert.Equal(1, draft.StreakLength);
    }

    [Fact]
    public void CompliancePassesFlagEvenWhenOverallScoreIsHigh()
    {
        var draft = Assert.Single(Evaluate(Call().Scoring("disclosure", 0m).WithOverall(85m)));

        Assert.Equal((FlagKind.Compliance, true, "disclosure"), (draft.Kind, draft.Urgent, draft.Focus.Criterion.Id));
        Assert.Equal(["compliance: Recording disclosure failed (0 < 80)"], draft.Reasons);
    }

    [Fact]
    public void ComplianceFlagIsUrgentAndSeparateFromTheQualityFlag()
    {
        var drafts = Evaluate(Call().Scoring("disclosure", 0m).Scoring("empathy", 45m).WithOverall(82m));

        Assert.Equal([FlagKind.Compliance, FlagKind.Quality], drafts.Select(d => d.Kind));
        Assert.Equal([true, false], drafts.Select(d => d.Urgent));
        Assert.Equal(["disclosure", "empathy"], drafts.Select(d => d.Focus.Criterion.Id));
        Assert.Empty(drafts[0].OtherGaps);
        Assert.Equal(["disclosure"], drafts[1].OtherGaps.Select(g => g.Criterion.Id));
    }

    [Fact]
    public void EachFailedComplianceCriterionRaisesItsOwnUrgentFlagLargestGapFirst()
    {
        var rubric = new RubricBuilder()
            .Replacing(DemoCriteria.Closing with { Name = "Identity check", Kind = CriterionKind.Compliance }).Build();
        var call = new ScoredCallBuilder(rubric).Scoring("disclosure", 70m).Scoring("closing", 20m).Build();

        var drafts = FlagRules.Evaluate(rubric, call, AgentHistory.Empty);

        Assert.Equal(["closing", "disclosure"], drafts.Select(d => d.Focus.Criterion.Id));
        Assert.All(drafts, d => Assert.Equal((FlagKind.Compliance, true), (d.Kind, d.Urgent)));
    }

    [Fact]
    public void OverallScoreBelowThresholdAloneFlagsTheQualityCriterionClosestToFailing()
    {
        // Weighted margins: greeting -200, empathy -25, resolution -750, closing -450; disclosure is compliance.
        var call = Call().Scoring("empathy", 61m).Scoring("disclosure", 81m).WithOverall(60m);

        var draft = Assert.Single(Evaluate(call));

        Assert.Equal((FlagKind.Quality, false, "empathy"), (draft.Kind, draft.Urgent, draft.Focus.Criterion.Id));
        Assert.False(draft.Focus.Fails);
        Assert.Equal(["overall score 60 below 65"], draft.Reasons);
        Assert.Empty(draft.OtherGaps);
    }

    [Fact]
    public void OverallScoreExactlyAtThresholdDoesNotFlag() => Assert.Empty(Evaluate(Call().WithOverall(65m)));

    [Fact]
    public void OverallScoreJustBelowThresholdFlags() =>
        Assert.Equal(["overall score 64.9 below 65"], Assert.Single(Evaluate(Call().WithOverall(64.9m))).Reasons);

    [Fact]
    public void QualityFlagFocusesOnTheLargestWeightedGapAndNotesTheOthers()
    {
        // Weighted gaps: empathy 25 x 15 = 375, resolution 30 x 10 = 300, closing 15 x 10 = 150, greeting 10 x 1 = 10.
        var call = Call().Scoring("greeting", 69m).Scoring("empathy", 45m).Scoring("resolution", 55m).Scoring("closing", 50m);

        var draft = Assert.Single(Evaluate(call));

        Assert.Equal("empathy", draft.Focus.Criterion.Id);
        Assert.Equal(["resolution", "closing", "greeting"], draft.OtherGaps.Select(g => g.Criterion.Id));
    }

    [Fact]
    public void OverallAndCriterionReasonsAreBothGiven()
    {
        var draft = Assert.Single(Evaluate(Call().Scoring("empathy", 45m).WithOverall(50m)));

        Assert.Equal(["overall score 50 below 65", "Empathy below threshold (45 < 60)"], draft.Reasons);
    }

    [Fact]
    public void RecentScoresRunOldestFirstAndEndWithThisCall()
    {
        var history = new HistoryBuilder().NewestFirst("empathy", 70m, 65m, 50m).Build();

        var draft = Assert.Single(Evaluate(Call().Scoring("empathy", 45m), history));

        Assert.Equal([50m, 65m, 70m, 45m], draft.RecentScores);
    }

    [Fact]
    public void RecentScoresKeepOnlyTheLastSixCalls()
    {
        var history = new HistoryBuilder().NewestFirst("empathy", 80m, 81m, 82m, 83m, 84m, 85m, 86m).Build();

        var draft = Assert.Single(Evaluate(Call().Scoring("empathy", 45m), history));

        Assert.Equal([84m, 83m, 82m, 81m, 80m, 45m], draft.RecentScores);
    }

    [Fact]
    public void EvidenceOfTheFocusCriterionTravelsWithTheDraft()
    {
        var draft = Assert.Single(Evaluate(Call().Scoring("empathy", 45m, FlagBuilder.EmpathyEvidence)));

        Assert.Equal(FlagBuilder.EmpathyEvidence, draft.Focus.Evidence);
    }

    [Fact]
    public void ScoreForACriterionOutsideTheRubricIsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => Evaluate(Call().Scoring("tone", 10m)));
}
