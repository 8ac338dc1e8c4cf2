namespace CoachLoop.Bot.Cards.Charts;

/// <summary>
/// What a trend chart shows, stored with a notice (the picture is drawn when the card is built, so a stored report stays small):
/// weekly averages, the threshold they are judged against, and the days coaching happened.
/// </summary>
public sealed record TrendChart(string Title, IReadOnlyList<TrendChartWeek> Weeks, decimal? Threshold, IReadOnlyList<DateOnly> CoachedOn);

/// <summary>One week's average on a trend chart; weeks start on Monday.</summary>
public sealed record TrendChartWeek(DateOnly WeekStart, decimal Average);
