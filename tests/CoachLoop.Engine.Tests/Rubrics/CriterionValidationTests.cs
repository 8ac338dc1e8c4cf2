namespace CoachLoop.Engine.Tests.Rubrics;

public sealed class CriterionValidationTests
{
    /// <summary>Validates the demo rubric with its second criterion (empathy) replaced, even when the id changes.</summary>
    private static IReadOnlyList<ValidationError> ValidateWithEmpathy(Criterion empathy) =>
        RubricValidator.Validate(new RubricBuilder()
            .WithCriteria([DemoCriteria.Greeting, empathy, DemoCriteria.Resolution, DemoCriteria.Disclosure, DemoCriteria.Closing])
            .Definition());

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void CriterionWeightMustBeMoreThanZero(int weight)
    {
        var errors = ValidateWithEmpathy(DemoCriteria.Empathy with { Weight = weight });

        Assert.Equal(["criteria[1].weight", "criteria"], errors.Select(e => e.Field));
    }

    [Fact]
    public void CriterionWeightAboveOneHundredIsRefused()
    {
        var errors = ValidateWithEmpathy(DemoCriteria.Empathy with { Weight = 101m });

        Assert.Contains(errors, e => e.Field == "criteria[1].weight" && e.Message.Contains("101", StringComparison.Ordinal));
    }

    [Fact]
    public void CriterionNeedsIdNameAndExpectedBehaviour()
    {
        var errors = ValidateWithEmpathy(DemoCriteria.Empathy with { Id = " ", Name = "", ExpectedBehaviour = "  " });

        Assert.Equal(["criteria[1].id", "criteria[1].name", "criteria[1].expectedBehaviour"], errors.Select(e => e.Field));
    }

    [Fact]
    public void UndefinedKindAndModeAreRefused()
    {
        var errors = ValidateWithEmpathy(DemoCriteria.Empathy with { Kind = (CriterionKind)7, Mode = (EvaluationMode)9 });

        Assert.Equal(["criteria[1].kind", "criteria[1].mode"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ScenarioCatalogueErrorsNameTheScenario()
    {
        var scenarios = new PracticeScenario[]
        {
            new("billing-dispute", "billing dispute", "acknowledging frustration", 0),
            new("Billing-Dispute", "", "naming the feeling", 21),
            new(" ", "late delivery", " ", 1),
        };

        var errors = ValidateWithEmpathy(DemoCriteria.Empathy with { Scenarios = scenarios });

        Assert.Equal(
            [
                "criteria[1].scenarios[0].sessions",
                "criteria[1].scenarios[1].id",
                "criteria[1].scenarios[1].scenarioType",
                "criteria[1].scenarios[1].sessions",
                "criteria[1].scenarios[2].id",
                "criteria[1].scenarios[2].skill",
            ],
            errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void ScenarioSessionsFromOneToTwentyAreAccepted(int sessions)
    {
        var errors = ValidateWithEmpathy(DemoCriteria.Empathy with { Scenarios = [new("s", "billing dispute", "listening", sessions)] });

        Assert.Empty(errors);
    }

    [Fact]
    public void CriterionWithoutPracticeScenariosIsAccepted()
    {
        var errors = ValidateWithEmpathy(DemoCriteria.Empathy with { Scenarios = [] });

        Assert.Empty(errors);
    }
}
