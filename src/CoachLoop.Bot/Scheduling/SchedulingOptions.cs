using System.ComponentModel.DataAnnotations;
using CoachLoop.Engine.Digests;

namespace CoachLoop.Bot.Scheduling;

/// <summary>The recurring work: how often Quartz looks for what is due, and the digest and reminder settings.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Each manager's digest goes out at this local time (their directory time zone).</summary>
    public TimeOnly DigestTime { get; set; } = new(8, 0);

    public bool SkipWeekends { get; set; } = true;

    public QuietDayMode QuietDay { get; set; } = QuietDayMode.Brief;

    /// <summary>A session not logged this many working days after the practice was approved gets a reminder.</summary>
    [Range(1, 30)]
    public int SessionReminderWorkingDays { get; set; } = 2;

    /// <summary>A pattern flag still without an approved plan after this many days escalates to the QA lead.</summary>
    [Range(1, 90)]
    public int PatternWithoutPlanDays { get; set; } = 14;

    /// <summary>The weekday of the weekly team report (to managers and QA leads, at <see cref="WeeklyReportTime"/> local time).</summary>
    public DayOfWeek WeeklyReportDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly WeeklyReportTime { get; set; } = new(9, 0);

    /// <summary>The days the weekly report's practice completion and time to coaching cover.</summary>
    [Range(1, 90)]
    public int WeeklyReportWindowDays { get; set; } = 7;

    /// <summary>How far back the loop's health is measured in a digest.</summary>
    [Range(7, 90)]
    public int HealthWindowDays { get; set; } = 28;
}
