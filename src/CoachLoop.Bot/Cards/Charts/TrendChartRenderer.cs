using System.Globalization;
using ScottPlot;

namespace CoachLoop.Bot.Cards.Charts;

/// <summary>
/// Draws a <see cref="TrendChart"/> as a small PNG with ScottPlot: the weekly averages as a line on a fixed 0-100 scale (so two
/// charts compare at a glance), the threshold as a dashed red line, coaching days as dotted vertical lines. The size is fixed and
/// the input alone decides the picture, so the same report draws the same bytes on any host.
/// </summary>
public static class TrendChartRenderer
{
    public const int Width = 480;
    public const int Height = 240;

    public static CardImage Render(TrendChart chart, string name)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = new Plot();
        try
        {
            var xs = chart.Weeks.Select(w => X(w.WeekStart)).ToArray();
            var ys = chart.Weeks.Select(w => (double)w.Average).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.Color = Color.FromHex("#0f6cbd");
            line.LegendText = "team weekly average";
            if (chart.Threshold is { } threshold)
            {
                var limit = plot.Add.HorizontalLine((double)threshold, 1.5f, Color.FromHex("#a4262c"), LinePattern.Dashed);
                limit.LegendText = "threshold " + threshold.ToString("0.#", CultureInfo.InvariantCulture);
            }

            foreach (var (day, i) in chart.CoachedOn.Distinct().Order().Select((d, i) => (d, i)))
            {
                var coached = plot.Add.VerticalLine(X(day), 1, Color.FromHex("#107c10"), LinePattern.Dotted);
                coached.LegendText = i == 0 ? "coaching" : "";
            }

            // Below the plot, in one row, so the legend never hides a point.
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.FontSize = 10;
            plot.Legend.OutlineWidth = 0;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.ShowLegend(Edge.Bottom);
            var bottom = plot.Axes.DateTimeTicksBottom();
            if (bottom.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            {
                ticks.LabelFormatter = d => d.ToString("d MMM", CultureInfo.InvariantCulture);
            }

            plot.Axes.SetLimitsY(0, 100);
            if (xs.Length > 0)
            {
                // A week either side so the first and last points are not drawn on the frame.
                plot.Axes.SetLimitsX(xs.Min() - 7, xs.Max() + 7);
            }

            plot.Title(chart.Title, size: 14);
            var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
            return new CardImage(name, png, Width, Height, AltText(chart));
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>The chart in words (also what Slack and Teams show instead): the sparkline, the figures, the threshold, the coaching days.</summary>
    public static string AltText(TrendChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var sparkline = new CardTrend(chart.Weeks.Select(w => w.Average).ToList(), chart.Threshold ?? 0).Sparkline;
        var figures = string.Join(", ", chart.Weeks.Select(w => w.Average.ToString("0.#", CultureInfo.InvariantCulture)));
        var text = $"{chart.Title}: weekly team average {sparkline} {figures}";
        if (chart.Threshold is { } threshold)
        {
            text += $" (threshold {threshold.ToString("0.#", CultureInfo.InvariantCulture)})";
        }

        if (chart.CoachedOn.Count > 0)
        {
            text += "; coached " + string.Join(", ", chart.CoachedOn.Distinct().Order().Select(d => d.ToString("d MMM", CultureInfo.InvariantCulture)));
        }

        return text;
    }

    private static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToOADate();
}
