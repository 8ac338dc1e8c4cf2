using CoachLoop.Engine.Calls;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;

namespace CoachLoop.Testing;

/// <summary>Valid-by-default sample data: a 5-criterion support rubric, a team with a manager, agents and a reviewer.</summary>
public static class Samples
{
    public const string RubricKey = "support";
    public const string TeamKey = "east";
    public const string OtherTeamKey = "west";

    public static RubricDefinition Rubric() => new(RubricKey, "Support call", "support", 65m,
    [
        Criterion("disclosure", "Recorded-line disclosure", 20, 80, CriterionKind.Compliance, EvaluationMode.Script),
        Criterion("empathy", "Empathy", 25, 60),
        Criterion("discovery", "Discovery", 20, 65),
        Criterion("resolution", "Resolution", 25, 70),
        Criterion("ownership", "Ownership", 10, 60),
    ]);

    public static Criterion Criterion(string id, string name, decimal weight, decimal threshold,
        CriterionKind kind = CriterionKind.Quality, EvaluationMode mode = EvaluationMode.Intent) =>
        new(id, name, weight, threshold, kind, mode, $"good {name}", $"poor {name}", $"Show {name.ToLowerInvariant()} in observable terms.",
            [new($"{id}-a", $"{id} drill", $"practising {id}", 3), new($"{id}-b", $"{id} roleplay", $"rehearsing {id}", 2)]);

    public static IReadOnlyList<PersonDetails> People() =>
    [
        Person("morgan@example.com", "Morgan Lee", PersonRole.Manager, TeamKey),
        Person("ana@example.com", "Ana Ruiz", PersonRole.Agent, TeamKey, "AG-1", 25),
        Person("ben@example.com", "Ben Okafor", PersonRole.Agent, TeamKey, "AG-2", 8),
        Person("riley@example.com", "Riley Chen", PersonRole.Reviewer, TeamKey),
        Person("max@example.com", "Max Weber", PersonRole.Manager, OtherTeamKey, timeZone: "America/New_York"),
        Person("sam@example.com", "Sam Patel", PersonRole.Agent, OtherTeamKey, "AG-9", 30, "America/New_York"),
    ];

    public static PersonDetails Person(string email, string name, PersonRole role, string? team, string? externalId = null,
        int callsPerDay = 0, string timeZone = "Europe/London") =>
        new(email, name, role, team, externalId, timeZone, callsPerDay, null, null);

    /// <summary>A call by Ana that fails empathy (45 &lt; 60) and nothing else.</summary>
    public static ScoredCall Call(string callId = "call-1", decimal empathy = 45, decimal disclosure = 100, string agent = "ana@example.com",
        DateTimeOffset? at = null, decimal overall = 75) =>
        new("acme-qa", callId, agent, at ?? ManualClock.DefaultStart.AddHours(-2), TimeSpan.FromMinutes(9), "billing", RubricKey, 1, overall,
        [
            new("disclosure", disclosure, new("Thanks for calling, this call is recorded.", TimeSpan.FromSeconds(4))),
            new("empathy", empathy, new("That's just our policy. You'll need to pay the fee by Friday.", new TimeSpan(0, 12, 4))),
            new("discovery", 80, null),
            new("resolution", 85, null),
            new("ownership", 90, null),
        ]);
}
