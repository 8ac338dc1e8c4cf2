using System.Globalization;

namespace CoachLoop.Engine.Tests.Coaching;

public sealed class CriterionLineTests
{
    [Fact]
    public void LineReadsNameWeightScoreAndThreshold() =>
        Assert.Equal("Empathy (25% weight) - scored 45, threshold 60", CriterionLine.Format(DemoCriteria.Empathy, 45m));

    [Fact]
    public void FractionsShowUpToTwoDecimalsWithoutTrailingZeros()
    {
        var empathy = DemoCriteria.Empathy with { Weight = 12.5m, Threshold = 60.00m };

        Assert.Equal("Empathy (12.5% weight) - scored 44.75, threshold 60", CriterionLine.Format(empathy, 44.750m));
    }

    [Fact]
    public void LineUsesAPointWhateverTheCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");

            Assert.Equal("Empathy (25% weight) - scored 44.5, threshold 60", CriterionLine.Format(DemoCriteria.Empathy, 44.5m));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void GapLineIsTheCriterionLineForItsScore() =>
        Assert.Equal("Recording disclosure (20% weight) - scored 0, threshold 80", new CriterionGap(DemoCriteria.Disclosure, 0m, null).Line);
}
