using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Bot.Demo;

/// <summary>The demo rubric and directory the README's sample call is scored against.</summary>
internal static class DemoData
{
    public const string RubricKey = "support";
    public const string TeamKey = "support-east";

    public static RubricDefinition Rubric { get; } = new(RubricKey, "Customer support call", "support", 65m,
    [
        new("disclosure", "Recorded-line disclosure", 20m, 80m, CriterionKind.Compliance, EvaluationMode.Script,
            "States \"this call is recorded for quality and training\" before any account detail.",
            "Skips or paraphrases the disclosure, or gives it after account details.",
            "Say the recorded-line disclosure word for word within the first 30 seconds, before asking for account details.",
            [new("disclosure-drill", "call opening", "delivering the recorded-line disclosure word for word", 3)]),
        new("empathy", "Empathy", 25m, 60m, CriterionKind.Quality, EvaluationMode.Intent,
            "Names the customer's frustration and acknowledges it before solving.",
            "Jumps to policy or process while the customer is upset.",
            "Acknowledge the customer's frustration in your own words before offering a resolution.",
            [
                new("billing-dispute", "billing dispute", "acknowledging frustration before offering a resolution", 3),
                new("service-outage", "service outage", "naming the impact on the customer before explaining the cause", 2),
            ]),
        new("discovery", "Discovery", 20m, 65m, CriterionKind.Quality, EvaluationMode.Intent,
            "Asks open questions until the root cause is clear.",
            "Assumes the problem and offers a fix before asking.",
            "Ask at least two open questions and restate the problem before proposing a fix.",
            [new("discovery-ladder", "technical fault", "asking open questions before proposing a fix", 3)]),
        new("resolution", "Resolution", 25m, 70m, CriterionKind.Quality, EvaluationMode.Intent,
            "Confirms the fix works and states the next step and its date.",
            "Ends the call without confirming the outcome.",
            "Confirm the fix with the customer and state the next step with a date before closing.",
            [new("close-the-loop", "follow-up callback", "confirming the outcome and the next step", 2)]),
        new("ownership", "Ownership", 10m, 60m, CriterionKind.Quality, EvaluationMode.Intent,
            "Says \"I will\" and takes the action.",
            "Hands the customer to another team without a warm transfer.",
            "Use \"I will\" and own the next action, or warm-transfer with a summary.",
            [new("warm-transfer", "transfer", "warm transfers with a summary", 2)]),
    ]);

    public static IReadOnlyList<PersonDetails> People { get; } =
    [
        new("morgan@example.com", "Morgan Lee", PersonRole.Manager, TeamKey, null, "Europe/London", 0, null, null),
        new("ana@example.com", "Ana Ruiz", PersonRole.Agent, TeamKey, "AG-1001", "Europe/London", 25, null, null),
        new("ben@example.com", "Ben Okafor", PersonRole.Agent, TeamKey, "AG-1002", "Europe/London", 8, null, null),
        new("riley@example.com", "Riley Chen", PersonRole.Reviewer, TeamKey, null, "Europe/London", 0, null, null),
        new("max@example.com", "Max Weber", PersonRole.Manager, "support-west", null, "America/New_York", 0, null, null),
        new("sam@example.com", "Sam Patel", PersonRole.Agent, "support-west", "AG-2001", "America/New_York", 30, null, null),
    ];
}
