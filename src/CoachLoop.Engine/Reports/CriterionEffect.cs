namespace CoachLoop.Engine.Reports;

/// <summary>
/// A coached criterion across the team: the average of the coached agents' scores in the <see cref="WeeklyFigures.BaselineDays"/>
/// before each coaching, against the average in the 30, 60 and 90 days after it. An "after" figure counts only sessions whose
/// window has fully passed, so a figure never mixes a finished window with one still filling; null when none has.
/// </summary>
public sealed record CriterionEffect(string CriterionId, int Sessions, decimal? Before, decimal? After30, decimal? After60, decimal? After90);
