namespace CoachLoop.Engine.Tests.Coaching;

public sealed class CoachFirstTests
{
    private static CriterionGap Gap(Criterion criterion, decimal score) => new(criterion, score, null);

    private static IEnumerable<string> OrderedNames(params CriterionGap[] gaps) =>
        CoachFirst.Order(gaps).Select(g => g.Criterion.Name);

    [Fact]
    public void FailedComplianceComesFirstEvenWithASmallerWeightedGap()
    {
        // Disclosure: 20 x (80 - 70) = 200. Empathy: 25 x (60 - 20) = 1000.
        var order = OrderedNames(Gap(DemoCriteria.Empathy, 20m), Gap(DemoCriteria.Disclosure, 70m));

        Assert.Equal(["Recording disclosure", "Empathy"], order);
    }

    [Fact]
    public void LargestWeightedGapComesNext()
    {
        // Greeting 10 x 20 = 200, empathy 25 x 15 = 375, resolution 30 x 10 = 300.
        var order = OrderedNames(Gap(DemoCriteria.Greeting, 50m), Gap(DemoCriteria.Empathy, 45m), Gap(DemoCriteria.Resolution, 55m));

        Assert.Equal(["Empathy", "Resolution", "Greeting"], order);
    }

    [Fact]
    public void WeightedGapOutranksTheRawGap()
    {
        // Greeting misses by 30 points (10 x 30 = 300) but resolution's 11-point miss weighs more (30 x 11 = 330).
        var order = OrderedNames(Gap(DemoCriteria.Greeting, 40m), Gap(DemoCriteria.Resolution, 54m));

        Assert.Equal(["Resolution", "Greeting"], order);
    }

    [Fact]
    public void HeavierCriterionWinsATieOnWeightedGap()
    {
        // Both 200: greeting 10 x 20, closing (weighted 20 here) 20 x 10.
        var heavyClosing = DemoCriteria.Closing with { Weight = 20m };

        Assert.Equal(["Closing", "Greeting"], OrderedNames(Gap(DemoCriteria.Greeting, 50m), Gap(heavyClosing, 50m)));
        Assert.Equal(["Closing", "Greeting"], OrderedNames(Gap(heavyClosing, 50m), Gap(DemoCriteria.Greeting, 50m)));
    }

    [Fact]
    public void NameBreaksATieBetweenEqualWeightsWhateverTheInputOrder()
    {
        var listening = DemoCriteria.Empathy with { Id = "listening", Name = "Active listening" };

        Assert.Equal(["Active listening", "Empathy"], OrderedNames(Gap(DemoCriteria.Empathy, 45m), Gap(listening, 45m)));
        Assert.Equal(["Active listening", "Empathy"], OrderedNames(Gap(listening, 45m), Gap(DemoCriteria.Empathy, 45m)));
    }

    [Fact]
    public void PassingComplianceDoesNotJumpTheQueue()
    {
        var order = OrderedNames(Gap(DemoCriteria.Disclosure, 95m), Gap(DemoCriteria.Empathy, 45m));

        Assert.Equal(["Empathy", "Recording disclosure"], order);
    }

    [Fact]
    public void PickChoosesAmongFailingCriteriaOnly()
    {
        // Greeting passes with the least negative margin, but only failing criteria can be picked.
        var picked = CoachFirst.Pick([Gap(DemoCriteria.Greeting, 71m), Gap(DemoCriteria.Closing, 59m)]);

        Assert.Equal("closing", picked?.Criterion.Id);
    }

    [Fact]
    public void PickReturnsNothingWhenEveryCriterionPasses() =>
        Assert.Null(CoachFirst.Pick([Gap(DemoCriteria.Empathy, 60m), Gap(DemoCriteria.Disclosure, 80m)]));

    [Fact]
    public void GapKnowsWhetherItFailsCompliance()
    {
        Assert.True(Gap(DemoCriteria.Disclosure, 79m).FailedCompliance);
        Assert.False(Gap(DemoCriteria.Disclosure, 80m).FailedCompliance);
        Assert.False(Gap(DemoCriteria.Empathy, 10m).FailedCompliance);
        Assert.Equal(375m, Gap(DemoCriteria.Empathy, 45m).WeightedGap);
    }
}
