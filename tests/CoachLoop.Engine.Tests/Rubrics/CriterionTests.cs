namespace CoachLoop.Engine.Tests.Rubrics;

public sealed class CriterionTests
{
    [Fact]
    public void ScoreExactlyAtThresholdPasses() => Assert.False(DemoCriteria.Empathy.Fails(60m));

    [Fact]
    public void ScoreJustBelowThresholdFails() => Assert.True(DemoCriteria.Empathy.Fails(59.9m));

    [Fact]
    public void WeightedGapIsWeightTimesThresholdMinusScore()
    {
        Assert.Equal(375m, DemoCriteria.Empathy.WeightedGap(45m));
        Assert.Equal(-250m, DemoCriteria.Empathy.WeightedGap(70m));
    }

    [Fact]
    public void OnlyTheComplianceKindIsCompliance() =>
        Assert.Equal(["disclosure"], DemoCriteria.All.Where(c => c.IsCompliance).Select(c => c.Id));

    [Fact]
    public void RubricFindsCriteriaByExactId()
    {
        var rubric = new RubricBuilder().Build();

        Assert.Equal("Empathy", rubric.FindCriterion("empathy")?.Name);
        Assert.Null(rubric.FindCriterion("Empathy"));
        Assert.Null(rubric.FindCriterion("tone"));
    }

    [Fact]
    public void ScenarioIsFoundByIdInTheCatalogue()
    {
        Assert.Equal("late delivery", DemoCriteria.Empathy.FindScenario("late-delivery")?.ScenarioType);
        Assert.Null(DemoCriteria.Empathy.FindScenario("outage"));
    }

    [Fact]
    public void PracticeIsDescribedAsSessionsOfHyphenatedScenarioOnSkill()
    {
        var scenario = DemoCriteria.Empathy.Scenarios[0];

        Assert.Equal("3 billing-dispute role-plays on acknowledging frustration before offering a resolution", scenario.Describe());
    }

    [Fact]
    public void SinglePracticeSessionIsSingular()
    {
        var scenario = DemoCriteria.Disclosure.Scenarios[0];

        Assert.Equal("1 call-opening role-play on reading the recording disclosure verbatim", scenario.Describe());
    }

    [Fact]
    public void RestoredRubricKeepsItsStoredValues()
    {
        var id = Guid.CreateVersion7(Moments.Now);

        var rubric = Rubric.Restore(id, "support-demo", 4, "Support", "support", 70m, DemoCriteria.All, Moments.CallTime);

        Assert.Equal((id, 4, 70m, Moments.CallTime), (rubric.Id, rubric.Version, rubric.OverallThreshold, rubric.CreatedAt));
    }
}
