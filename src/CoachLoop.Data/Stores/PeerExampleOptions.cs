using System.ComponentModel.DataAnnotations;
using CoachLoop.Engine.Coaching;

namespace CoachLoop.Data.Stores;

/// <summary>How a flag's peer example is chosen when the flag is raised (see <see cref="PeerExampleRule"/>).</summary>
public sealed class PeerExampleOptions
{
    public const string Section = "Coaching:PeerExamples";

    /// <summary>Only calls within this many days before the flagged call count as recent.</summary>
    [Range(1, 365)]
    public int WindowDays { get; set; } = PeerExampleRule.DefaultWindowDays;

    /// <summary>A peer's score counts as high at the criterion's threshold plus this margin (capped at 100).</summary>
    [Range(0, 100)]
    public decimal Margin { get; set; } = PeerExampleRule.DefaultMargin;

    public PeerExampleRule ToRule() => new(WindowDays, Margin);
}
