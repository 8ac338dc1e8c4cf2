namespace CoachLoop.Bot.Demo;

/// <summary>Seeds a demo rubric and team into an empty database, so a fresh clone has something to score against.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }
}
