namespace CoachLoop.Browser.Tests.Support;

/// <summary>The demo directory as the "Who are you?" picker lists it (src/CoachLoop.Bot/Demo/DemoData.cs).</summary>
public static class People
{
    public const string Morgan = "Morgan Lee (Manager, support-east)";
    public const string Riley = "Riley Chen (Reviewer, support-east)";
    public const string Ana = "Ana Ruiz (Agent, support-east)";
    public const string Sam = "Sam Patel (Agent, support-west)";
    public const string Unrelated = "Someone unrelated (not in the directory)";

    public const string AnaEmail = "ana@example.com";
}
