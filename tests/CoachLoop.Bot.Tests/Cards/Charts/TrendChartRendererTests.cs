using CoachLoop.Bot.Cards.Charts;
using SkiaSharp;

namespace CoachLoop.Bot.Tests.Cards.Charts;

/// <summary>The weekly report's trend chart: a PNG of a fixed size, the same bytes for the same data, the threshold drawn where it is.</summary>
public sealed class TrendChartRendererTests
{
    private static readonly TrendChart Empathy = new("empathy",
        [new(new DateOnly(2026, 9, 7), 52), new(new DateOnly(2026, 9, 14), 48.5m), new(new DateOnly(2026, 10, 5), 61), new(new DateOnly(2026, 11, 16), 74)],
        70, [new DateOnly(2026, 10, 1)]);

    [Fact]
    public void AChartIsASmallPngOfTheFixedSizeAndTheSameDataDrawsTheSameBytes()
    {
        var image = TrendChartRenderer.Render(Empathy, "trend-1");
        var again = TrendChartRenderer.Render(Empathy, "trend-1");
        var other = TrendChartRenderer.Render(Empathy with { Threshold = 40 }, "trend-1");

        Assert.Equal((TrendChartRenderer.Width, TrendChartRenderer.Height), Png.Size(image.Png));
        Assert.Equal((image.Width, image.Height), Png.Size(image.Png));
        Assert.Equal(image.Png, again.Png);
        Assert.NotEqual(image.Png, other.Png);
        Assert.InRange(image.Png.Length, 1_000, 100_000);
    }

    [Fact]
    public void TheThresholdIsARedLineAndTheWeeksABlueOne()
    {
        var image = TrendChartRenderer.Render(Empathy, "trend-1");

        using var bitmap = SKBitmap.Decode(image.Png);
        var pixels = Enumerable.Range(0, bitmap.Height).SelectMany(y => Enumerable.Range(0, bitmap.Width).Select(x => bitmap.GetPixel(x, y))).ToList();
        Assert.Contains(pixels, p => p.Red > 150 && p.Green < 80 && p.Blue < 80);
        Assert.Contains(pixels, p => p.Blue > 150 && p.Red < 60);
        // Without a threshold nothing red is drawn: the red pixels above are the threshold line.
        using var plain = SKBitmap.Decode(TrendChartRenderer.Render(Empathy with { Threshold = null }, "trend-1").Png);
        Assert.DoesNotContain(Enumerable.Range(0, plain.Height).SelectMany(y => Enumerable.Range(0, plain.Width).Select(x => plain.GetPixel(x, y))),
            p => p.Red > 150 && p.Green < 80 && p.Blue < 80);
    }

    [Fact]
    public void TheAltTextSaysTheChartInWords()
    {
        var alt = TrendChartRenderer.AltText(Empathy);

        Assert.Equal("empathy: weekly team average \u2585\u2584\u2585\u2586 52, 48.5, 61, 74 (threshold 70); coached 1 Oct", alt);
    }
}
