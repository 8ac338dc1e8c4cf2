namespace CoachLoop.Engine.Tests.Calls;

public sealed class ScoredCallValidatorTests
{
    private readonly Rubric _rubric = new RubricBuilder().Build();

    private IReadOnlyList<ValidationError> Validate(ScoredCall call, bool agentKnown = true) =>
        ScoredCallValidator.Validate(call, _rubric, agentKnown, Moments.Now);

    private ScoredCallBuilder Call() => new(_rubric);

    [Fact]
    public void DemoCallIsAccepted() => Assert.Empty(Validate(Call().Build()));

    [Fact]
    public void UnknownCriterionIsRefusedAtItsPosition()
    {
        var call = Call().WithScores(new("empathy", 70m, null), new("tone", 70m, null)).Build();

        var error = Assert.Single(Validate(call));
        Assert.Equal("scores[1].criterion", error.Field);
        Assert.Equal("unknown criterion 'tone' in rubric 'support-demo' v1", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingAgentIsRefused(string agent)
    {
        var error = Assert.Single(Validate(Call().WithAgent(agent).Build()));

        Assert.Equal("agent", error.Field);
        Assert.StartsWith("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAgentIsRefusedByName()
    {
        var error = Assert.Single(Validate(Call().WithAgent("ghost@example.com").Build(), agentKnown: false));

        Assert.Equal("agent", error.Field);
        Assert.Contains("unknown agent 'ghost@example.com'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void CriterionScoreOutOfRangeIsRefusedAtItsPosition(int score)
    {
        var error = Assert.Single(Validate(Call().Scoring("empathy", score).Build()));

        Assert.Equal("scores[1].score", error.Field);
        Assert.Equal($"must be between 0 and 100, was {score}", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void CriterionScoresAtTheEdgesOfTheRangeAreAccepted(int score) =>
        Assert.Empty(Validate(Call().Scoring("empathy", score).WithOverall(score).Build()));

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    public void OverallScoreOutOfRangeIsRefused(double overall)
    {
        var error = Assert.Single(Validate(Call().WithOverall((decimal)overall).Build()));

        Assert.Equal("overallScore", error.Field);
    }

    [Fact]
    public void UnknownRubricVersionIsRefusedWithoutJudgingTheScores()
    {
        var call = Call().ForRubric("support-demo", 2).Scoring("tone", 500m).Build();

        var error = Assert.Single(ScoredCallValidator.Validate(call, rubric: null, agentKnown: true, Moments.Now));

        Assert.Equal(("rubric", "unknown rubric 'support-demo' version 2"), (error.Field, error.Message));
    }

    [Fact]
    public void CriterionScoredTwiceIsRefusedAtTheSecondScore()
    {
        var call = Call().WithScores(new("empathy", 70m, null), new("closing", 70m, null), new("empathy", 80m, null)).Build();

        var error = Assert.Single(Validate(call));
        Assert.Equal(("scores[2].criterion", "criterion 'empathy' is scored twice"), (error.Field, error.Message));
    }

    [Fact]
    public void BlankCriterionIdIsRequired()
    {
        var call = Call().WithScores(new CriterionScore(" ", 70m, null)).Build();

        Assert.Equal("scores[0].criterion", Assert.Single(Validate(call)).Field);
    }

    [Fact]
    public void CallWithoutScoresIsRefused()
    {
        var error = Assert.Single(Validate(Call().WithScores().Build()));

        Assert.Equal("scores", error.Field);
    }

    [Fact]
    public void EvidenceNeedsAQuoteAndANonNegativeOffset()
    {
        var call = Call().Scoring("empathy", 45m, new Evidence(" ", TimeSpan.FromSeconds(-1))).Build();

        Assert.Equal(["scores[1].evidence.quote", "scores[1].evidence.offset"], Validate(call).Select(e => e.Field));
    }

    [Fact]
    public void SourceAndCallIdAreRequired()
    {
        var call = Call().WithSource("").WithCallId(" ").Build();

        Assert.Equal(["source", "callId"], Validate(call).Select(e => e.Field));
    }

    [Fact]
    public void CallMoreThanADayInTheFutureIsRefused()
    {
        var error = Assert.Single(Validate(Call().At(Moments.Now.AddDays(1).AddSeconds(1)).Build()));

        Assert.Equal(("callTime", "is in the future"), (error.Field, error.Message));
    }

    [Fact]
    public void CallExactlyADayAheadIsAcceptedForClockSkew() =>
        Assert.Empty(Validate(Call().At(Moments.Now.AddDays(1)).Build()));

    [Fact]
    public void CallWithoutATimeIsRefused() =>
        Assert.Equal("callTime", Assert.Single(Validate(Call().At(default).Build())).Field);

    [Fact]
    public void NegativeDurationIsRefusedButMissingDurationIsFine()
    {
        Assert.Equal("duration", Assert.Single(Validate(Call().WithDuration(TimeSpan.FromSeconds(-1)).Build())).Field);
        Assert.Empty(Validate(Call().WithDuration(null).Build()));
    }

    [Fact]
    public void EveryReasonIsListedInOneResult()
    {
        var call = Call().WithAgent("").WithOverall(120m)
            .WithScores(new("empathy", 45m, null), new("tone", 70m, null), new("closing", -3m, null)).Build();

        Assert.Equal(["agent", "overallScore", "scores[1].criterion", "scores[2].score"], Validate(call).Select(e => e.Field));
    }

    [Fact]
    public void EvidenceOffsetReadsAsHoursMinutesSeconds()
    {
        var evidence = new Evidence("Sorry, that is policy.", new TimeSpan(0, 12, 4));

        Assert.Equal("00:12:04", evidence.OffsetText);
    }

    [Fact]
    public void TextNoProviderStoresIsRefusedByFieldAndAnUnknownAgentIsNotClaimedToo()
    {
        var call = Call().WithSource(new string('s', ScoredCallLimits.Source + 1)).WithCallId("call\u00001").WithAgent("ghost\u0000")
            .WithScores(new("empathy", 70m, new Evidence(new string('q', ScoredCallLimits.Quote + 1), TimeSpan.Zero)), new("x\u0000", 70m, null)).Build();

        var errors = Validate(call, agentKnown: false);

        Assert.Equal(["agent", "callId", "scores[0].evidence.quote", "scores[1].criterion", "source"], errors.Select(e => e.Field).Order());
        Assert.Equal("must be at most 100 characters, was 101", errors.Single(e => e.Field == "source").Message);
        Assert.Contains("NUL", errors.Single(e => e.Field == "agent").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextAtItsLimitIsAccepted() =>
        Assert.Empty(Validate(Call().WithSource(new string('s', ScoredCallLimits.Source)).WithCallId(new string('c', ScoredCallLimits.CallId)).Build()));
}
