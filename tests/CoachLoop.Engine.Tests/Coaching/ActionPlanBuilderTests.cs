namespace CoachLoop.Engine.Tests.Coaching;

public sealed class ActionPlanBuilderTests
{
    private readonly Rubric _rubric = new RubricBuilder().Build();

    private ActionPlan Plan(ScoredCallBuilder call, AgentHistory? history = null, int callsPerDay = 25,
        DateTimeOffset? now = null, FollowUpPolicy? policy = null)
    {
        var scored = call.Build();
        var draft = FlagRules.Evaluate(_rubric, scored, history ?? AgentHistory.Empty).Single();
        return ActionPlanBuilder.Build(draft, scored, callsPerDay, now ?? Moments.Now, policy);
    }

    private ScoredCallBuilder EmpathyCall(Evidence? evidence = null) =>
        new ScoredCallBuilder(_rubric).Scoring("empathy", 45m, evidence ?? FlagBuilder.EmpathyEvidence);

    [Fact]
    public void PlanCarriesTheCallTheCriterionLineTheEvidenceAndThePractice()
    {
        var plan = Plan(EmpathyCall().Scoring("resolution", 55m));

        Assert.Equal(("4471", Moments.CallTime, "empathy"), (plan.CallId, plan.CallTime, plan.CriterionId));
        Assert.Equal("Empathy (25% weight) - scored 45, threshold 60", plan.CriterionLine);
        Assert.Equal(FlagBuilder.EmpathyEvidence.Quote, plan.Quote);
        Assert.Equal("00:12:04", plan.QuoteOffset);
        Assert.Equal(DemoCriteria.Empathy.ExpectedBehaviour, plan.ExpectedBehaviour);
        Assert.Equal("billing-dispute", plan.Scenario?.Id);
        Assert.Equal("3 billing-dispute role-plays on acknowledging frustration before offering a resolution", plan.Practice);
        Assert.Equal(["Empathy below threshold (45 < 60)"], plan.Reasons);
        Assert.Equal(["Resolution (30% weight) - scored 55, threshold 65"], plan.OtherGaps);
        Assert.Equal([45m], plan.RecentScores);
    }

    [Fact]
    public void LongQuoteIsTrimmedAroundTheFailingSentence()
    {
        var plan = Plan(EmpathyCall(new Evidence(Quotes.Around(30, 30), new TimeSpan(0, 3, 10), Quotes.FailingSentence)));

        Assert.Equal(40, QuoteTrimmer.CountWords(plan.Quote!));
        Assert.Contains(Quotes.FailingSentence, plan.Quote, StringComparison.Ordinal);
        Assert.Equal("00:03:10", plan.QuoteOffset);
    }

    [Fact]
    public void PlanWithoutEvidenceHasNoQuoteOrOffset()
    {
        var plan = Plan(new ScoredCallBuilder(_rubric).Scoring("empathy", 45m));

        Assert.Equal((null, null), (plan.Quote, plan.QuoteOffset));
    }

    [Theory]
    [InlineData(20, "2025-10-23")]
    [InlineData(200, "2025-10-23")]
    [InlineData(19, "2025-10-30")]
    [InlineData(5, "2025-10-30")]
    public void FollowUpIsSevenDaysForTwentyPlusCallsADayAndFourteenForFewer(int callsPerDay, string expected)
    {
        var plan = Plan(EmpathyCall(), callsPerDay: callsPerDay);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), plan.FollowUpDate);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public void FollowUpNeverGoesBeyondTwentyOneDaysEvenWithAPolicyOfThirty(int callsPerDay)
    {
        var policy = new FollowUpPolicy { HighVolumeDays = 30, LowVolumeDays = 30 };

        var plan = Plan(EmpathyCall(), callsPerDay: callsPerDay, policy: policy);

        Assert.Equal(new DateOnly(2025, 11, 6), plan.FollowUpDate);
        Assert.Equal(21, plan.FollowUpDate.DayNumber - Moments.Today.DayNumber);
    }

    [Fact]
    public void FollowUpCountsFromTheUtcDateOfNow()
    {
        var lateEveningInChicago = new DateTimeOffset(2025, 10, 16, 22, 30, 0, TimeSpan.FromHours(-5));

        var plan = Plan(EmpathyCall(), now: lateEveningInChicago);

        Assert.Equal(new DateOnly(2025, 10, 24), plan.FollowUpDate);
    }

    [Theory]
    [InlineData(new double[0], "new weakness: first scored call on this criterion")]
    [InlineData(new[] { 70d }, "new weakness: passed the last 1 scored call")]
    [InlineData(new[] { 70d, 65d }, "new weakness: passed the last 2 scored calls")]
    [InlineData(new[] { 50d, 70d, 40d }, "recurring: below threshold in 2 of the previous 3 scored calls")]
    public void HistorySaysWhetherTheWeaknessIsNewOrRecurring(double[] earlierNewestFirst, string expected)
    {
        var history = new HistoryBuilder().NewestFirst("empathy", earlierNewestFirst.Select(s => (decimal)s).ToArray()).Build();

        Assert.Equal(expected, Plan(EmpathyCall(), history).History);
    }

    [Fact]
    public void CriterionWithoutScenariosGetsNoPracticeSuggestion()
    {
        var rubric = new RubricBuilder().Replacing(DemoCriteria.Empathy with { Scenarios = [] }).Build();
        var call = new ScoredCallBuilder(rubric).Scoring("empathy", 45m).Build();
        var draft = FlagRules.Evaluate(rubric, call, AgentHistory.Empty).Single();

        var plan = ActionPlanBuilder.Build(draft, call, 25, Moments.Now);

        Assert.Equal((null, null), (plan.Scenario, plan.Practice));
    }

    [Fact]
    public void SuggestionSkipsTheScenarioThatDidNotWork()
    {
        Assert.Equal("billing-dispute", ActionPlanBuilder.SuggestScenario(DemoCriteria.Empathy, null)?.Id);
        Assert.Equal("late-delivery", ActionPlanBuilder.SuggestScenario(DemoCriteria.Empathy, "billing-dispute")?.Id);
        Assert.Equal("billing-dispute", ActionPlanBuilder.SuggestScenario(DemoCriteria.Empathy, "late-delivery")?.Id);
    }

    [Fact]
    public void OnlyScenarioIsSuggestedAgainWhenThereIsNoOther()
    {
        var single = DemoCriteria.Empathy with { Scenarios = [DemoCriteria.Empathy.Scenarios[0]] };

        Assert.Equal("billing-dispute", ActionPlanBuilder.SuggestScenario(single, "billing-dispute")?.Id);
    }
}
