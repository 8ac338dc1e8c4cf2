using System.ComponentModel.DataAnnotations;
using CoachLoop.Engine.Coaching;

namespace CoachLoop.Bot.Workshops;

/// <summary>When a digest suggests a group workshop instead of one-to-ones (see <see cref="WorkshopRule"/>).</summary>
public sealed class WorkshopOptions
{
    public const string Section = "Coaching:Workshop";

    /// <summary>How many different agents of one team need an open flag on the same criterion.</summary>
    [Range(2, 100)]
    public int MinAgents { get; set; } = WorkshopRule.DefaultMinAgents;

    /// <summary>Only flags raised within this many days count.</summary>
    [Range(1, 90)]
    public int WindowDays { get; set; } = WorkshopRule.DefaultWindowDays;

    public WorkshopRule ToRule() => new(MinAgents, WindowDays);
}
