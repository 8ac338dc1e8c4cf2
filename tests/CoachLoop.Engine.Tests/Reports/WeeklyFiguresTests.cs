using CoachLoop.Engine.Reports;

namespace CoachLoop.Engine.Tests.Reports;

/// <summary>The weekly report's figures on known data, to the decimal.</summary>
public sealed class WeeklyFiguresTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Cas = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly DateTimeOffset AnaCoached = Now.AddDays(-100);
    private static readonly DateTimeOffset BenCoached = Now.AddDays(-40);

    private static WeeklyFigures Figures() => WeeklyFigures.Compute(
        [
            new(Ana, "empathy", AnaCoached.AddDays(-1), AnaCoached),
            new(Ben, "empathy", BenCoached.AddDays(-2), BenCoached),
            new(Ana, "resolution", Now.AddDays(-4), Now.AddDays(-3)),
        ],
        [
            Score(Ana, "empathy", AnaCoached.AddDays(-20), 40), Score(Ana, "empathy", AnaCoached.AddDays(-10), 50),
            Score(Ana, "empathy", AnaCoached.AddDays(10), 60), Score(Ana, "empathy", AnaCoached.AddDays(40), 70), Score(Ana, "empathy", AnaCoached.AddDays(80), 80),
            Score(Ana, "empathy", AnaCoached.AddDays(-31), 5), // before the baseline window
            Score(Ben, "empathy", BenCoached.AddDays(-5), 52), Score(Ben, "empathy", BenCoached.AddDays(20), 54),
            Score(Cas, "empathy", AnaCoached.AddDays(-5), 10), // never coached: in no figure
            Score(Ana, "resolution", Now.AddDays(-10), 60),
        ],
        [(Now.AddDays(-20), Now.AddDays(-18)), (Now.AddDays(-10), null), (Now.AddDays(-40), null)],
        Now, windowDays: 28);

    [Fact]
    public void EachCoachedCriterionComparesTheTeamsAverageBeforeWithThirtySixtyAndNinetyDaysAfter()
    {
        var figures = Figures();

        Assert.Equal(
        [
            new CriterionEffect("empathy", 2, 47.3m, 57.0m, 65.0m, 70.0m),
            new CriterionEffect("resolution", 1, 60.0m, null, null, null),
        ], figures.Criteria);
    }

    [Fact]
    public void PracticeCompletionAndTimeToCoachingCoverTheWindow()
    {
        var figures = Figures();

        Assert.Equal(0.5m, figures.PracticeCompletion);
        Assert.Equal(24.0, figures.AverageHoursToCoaching);
        Assert.Equal(1, figures.SessionsInWindow);
    }

    [Fact]
    public void CoachedAgentsWhoseThirtyDayAverageRoseLessThanTheMinimumHaveNotMoved()
    {
        var figures = Figures();

        var ben = Assert.Single(figures.NotMoved);
        Assert.Equal((Ben, "empathy", 52m, 54m, 2m), (ben.AgentId, ben.CriterionId, ben.Before, ben.After, ben.Delta));
        Assert.Contains(WeeklyFigures.Compute([new(Ana, "empathy", AnaCoached.AddDays(-1), AnaCoached)],
            [Score(Ana, "empathy", AnaCoached.AddDays(-10), 50), Score(Ana, "empathy", AnaCoached.AddDays(10), 60)], [], Now, 28, minimumMove: 11m).NotMoved,
            n => n.AgentId == Ana);
    }

    [Fact]
    public void NoSessionsMeansNoFigures()
    {
        var figures = WeeklyFigures.Compute([], [Score(Ana, "empathy", Now.AddDays(-1), 70)], [], Now, 28);

        Assert.Equal((0, null, null, 0, 0), (figures.Criteria.Count, figures.PracticeCompletion, figures.AverageHoursToCoaching, figures.SessionsInWindow,
            figures.NotMoved.Count));
    }

    private static CriterionScorePoint Score(Guid agent, string criterion, DateTimeOffset at, decimal score) => new(agent, criterion, at, score);
}
