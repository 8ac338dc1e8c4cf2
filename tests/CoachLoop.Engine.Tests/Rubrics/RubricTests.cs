namespace CoachLoop.Engine.Tests.Rubrics;

public sealed class RubricTests
{
    [Fact]
    public void DemoRubricIsCreatedAsALockedVersionWithItsCriteria()
    {
        var result = new RubricBuilder().WithVersion(3).Create();

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var rubric = result.Rubric!;
        Assert.Equal("support-demo", rubric.Key);
        Assert.Equal(3, rubric.Version);
        Assert.Equal(["greeting", "empathy", "resolution", "disclosure", "closing"], rubric.Criteria.Select(c => c.Id));
        Assert.Equal(100m, rubric.Criteria.Sum(c => c.Weight));
        Assert.Equal(Moments.Now, rubric.CreatedAt);
    }

    [Fact]
    public void OverallThresholdDefaultsToSixtyFiveWhenNotGiven()
    {
        var rubric = new RubricBuilder().WithOverallThreshold(null).Build();

        Assert.Equal(65m, rubric.OverallThreshold);
    }

    [Fact]
    public void KeyNameAndCallTypeAreTrimmed()
    {
        var rubric = new RubricBuilder().WithKey("  sales-v2 ").WithName(" Sales ").WithCallType(" sales\t").Build();

        Assert.Equal(("sales-v2", "Sales", "sales"), (rubric.Key, rubric.Name, rubric.CallType));
    }

    [Fact]
    public void InvalidRubricListsEveryReasonWithItsField()
    {
        // Weights 10 + 25 + 35 + 20 + 15 = 105, greeting duplicated as criteria[4], empathy threshold 120, overall -5.
        var criteria = new[]
        {
            DemoCriteria.Greeting,
            DemoCriteria.Empathy with { Threshold = 120m },
            DemoCriteria.Resolution with { Weight = 35m },
            DemoCriteria.Disclosure,
            DemoCriteria.Closing with { Id = "greeting" },
        };

        var result = new RubricBuilder().WithCriteria(criteria).WithOverallThreshold(-5m).Create();

        Assert.False(result.IsValid);
        Assert.Null(result.Rubric);
        Assert.Equal(
            ["overallThreshold", "criteria[1].threshold", "criteria[4].id", "criteria"],
            result.Errors.Select(e => e.Field));
        Assert.Contains("120", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("duplicate criterion 'greeting'", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal("weights must sum to 100, they sum to 105", result.Errors[3].Message);
    }

    [Fact]
    public void RubricWithoutCriteriaIsRefusedTogetherWithItsOtherReasons()
    {
        var result = new RubricBuilder().WithKey(" ").WithName("").WithCallType("support").WithOverallThreshold(101m)
            .WithCriteria([]).Create();

        Assert.Null(result.Rubric);
        Assert.Equal(["key", "name", "overallThreshold", "criteria"], result.Errors.Select(e => e.Field));
        Assert.Equal("a rubric needs at least one criterion", result.Errors[^1].Message);
    }

    [Fact]
    public void MissingCriteriaListIsRefusedLikeAnEmptyOne()
    {
        var result = new RubricBuilder().WithCriteria(null).Create();

        var error = Assert.Single(result.Errors);
        Assert.Equal("criteria", error.Field);
    }

    [Fact]
    public void WeightsSummingToNinetyNineAreRefused()
    {
        var result = new RubricBuilder().Replacing(DemoCriteria.Closing with { Weight = 14m }).Create();

        var error = Assert.Single(result.Errors);
        Assert.Equal(("criteria", "weights must sum to 100, they sum to 99"), (error.Field, error.Message));
    }

    [Fact]
    public void FractionalWeightsThatSumToExactlyOneHundredAreAccepted()
    {
        var criteria = new[]
        {
            DemoCriteria.Greeting with { Weight = 10.5m },
            DemoCriteria.Empathy with { Weight = 24.5m },
            DemoCriteria.Resolution with { Weight = 33.33m },
            DemoCriteria.Disclosure with { Weight = 16.67m },
            DemoCriteria.Closing,
        };

        var result = new RubricBuilder().WithCriteria(criteria).Create();

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void CriterionThresholdOutsideZeroToHundredIsRefused(int threshold)
    {
        var result = new RubricBuilder().Replacing(DemoCriteria.Empathy with { Threshold = threshold }).Create();

        var error = Assert.Single(result.Errors);
        Assert.Equal("criteria[1].threshold", error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void CriterionThresholdAtTheEdgesOfTheRangeIsAccepted(int threshold)
    {
        var result = new RubricBuilder().Replacing(DemoCriteria.Empathy with { Threshold = threshold }).Create();

        Assert.Equal(threshold, result.Rubric!.FindCriterion("empathy")!.Threshold);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void OverallThresholdOutsideZeroToHundredIsRefused(int threshold)
    {
        var result = new RubricBuilder().WithOverallThreshold(threshold).Create();

        Assert.Equal("overallThreshold", Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData("Empathy")]
    [InlineData(" empathy ")]
    public void CriterionIdsDifferingOnlyInCaseOrSpacesAreDuplicates(string id)
    {
        var criteria = DemoCriteria.All.Take(4).Append(DemoCriteria.Closing with { Id = id }).ToList();

        var result = new RubricBuilder().WithCriteria(criteria).Create();

        Assert.Equal("criteria[4].id", Assert.Single(result.Errors).Field);
    }
}
