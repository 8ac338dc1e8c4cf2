namespace CoachLoop.Engine.Tests.FollowUps;

public sealed class FollowUpEvaluatorTests
{
    private static readonly decimal[] Baseline45 = [40m, 50m];

    private static FollowUpResult Evaluate(decimal[] since, int previousCycles = 0, decimal[]? baseline = null,
        FollowUpPolicy? policy = null) =>
        FollowUpEvaluator.Evaluate(60m, baseline ?? Baseline45, since, previousCycles, policy);

    [Fact]
    public void AverageMeetingTheThresholdClosesTheLoop()
    {
        var result = Evaluate([60m, 62m, 58m, 64m, 61m]);

        Assert.Equal(new FollowUpResult(45m, 61m, 16m, 5, 0, NextAction.Close), result);
    }

    [Fact]
    public void AverageExactlyAtThresholdCloses() =>
        Assert.Equal(NextAction.Close, Evaluate([60m, 60m, 60m, 60m, 60m], previousCycles: 1).Next);

    [Fact]
    public void ClosingResetsTheCyclesWithoutMovement() =>
        Assert.Equal(0, Evaluate([70m, 70m, 70m, 70m, 70m], previousCycles: 1).CyclesWithoutMovement);

    [Fact]
    public void MovingTowardsTheThresholdContinuesAndResetsTheStall()
    {
        var result = Evaluate([50m, 52m, 54m, 52m, 52m], previousCycles: 1);

        Assert.Equal(new FollowUpResult(45m, 52m, 7m, 5, 0, NextAction.Continue), result);
    }

    [Fact]
    public void DeltaOfExactlyFivePointsCountsAsMovement()
    {
        var result = Evaluate([50m, 50m, 50m, 50m, 50m], previousCycles: 1);

        Assert.Equal((5m, NextAction.Continue, 0), (result.Delta, result.Next, result.CyclesWithoutMovement));
    }

    [Fact]
    public void FirstCycleWithoutMovementContinuesAndIsCounted()
    {
        var result = Evaluate([47m, 48m, 49m, 47m, 49m]);

        Assert.Equal((3m, NextAction.Continue, 1), (result.Delta, result.Next, result.CyclesWithoutMovement));
    }

    [Fact]
    public void SecondCycleWithoutMovementEscalates()
    {
        var result = Evaluate([47m, 48m, 49m, 47m, 49m], previousCycles: 1);

        Assert.Equal((NextAction.Escalate, 2), (result.Next, result.CyclesWithoutMovement));
    }

    [Fact]
    public void FallingScoresCountAsNoMovement()
    {
        var result = Evaluate([30m, 35m, 40m, 30m, 35m]);

        Assert.Equal((-11m, NextAction.Continue, 1), (result.Delta, result.Next, result.CyclesWithoutMovement));
    }

    [Fact]
    public void FewerThanFiveCallsIsNotEnoughDataAndKeepsTheCount()
    {
        var result = Evaluate([70m, 70m, 70m, 70m], previousCycles: 1);

        Assert.Equal(new FollowUpResult(45m, null, null, 4, 1, NextAction.NotEnoughData), result);
    }

    [Fact]
    public void NoBaselineMeansNoDeltaAndDoesNotCountTowardEscalation()
    {
        var result = Evaluate([55m, 55m, 55m, 55m, 55m], previousCycles: 1, baseline: []);

        Assert.Equal(new FollowUpResult(null, 55m, null, 5, 1, NextAction.Continue), result);
    }

    [Fact]
    public void AveragesAreRoundedToOneDecimal()
    {
        var result = Evaluate([50m, 51m, 51m, 50m, 51m], baseline: [44m, 45m, 45m]);

        Assert.Equal((44.7m, 50.6m, 5.9m), (result.Baseline, result.After, result.Delta));
    }

    [Fact]
    public void TeamPolicyChangesHowFewCallsCanBeJudged()
    {
        var policy = new FollowUpPolicy { MinCallsToJudge = 3 };

        Assert.Equal(NextAction.Close, Evaluate([65m, 66m, 67m], policy: policy).Next);
    }
}
