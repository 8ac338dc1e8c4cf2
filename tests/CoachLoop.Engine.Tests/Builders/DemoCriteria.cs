namespace CoachLoop.Engine.Tests.Builders;

/// <summary>
/// The demo support rubric's five criteria, weights 10 + 25 + 30 + 20 + 15 = 100. Disclosure is the
/// compliance criterion (script mode). Vary one with <c>with</c>: <c>DemoCriteria.Empathy with { Weight = 30 }</c>.
/// </summary>
public static class DemoCriteria
{
    public static Criterion Greeting { get; } = new("greeting", "Greeting", 10m, 70m, CriterionKind.Quality, EvaluationMode.Intent,
        "Greets warmly and uses the customer's name", "Opens with the account number request",
        "use the customer's name in the first 30 seconds",
        [
            new("warm-open", "warm open", "using the customer's name in the first 30 seconds", 2),
            new("callback-open", "callback open", "restating why you are calling back", 1),
        ]);

    public static Criterion Empathy { get; } = new("empathy", "Empathy", 25m, 60m, CriterionKind.Quality, EvaluationMode.Intent,
        "Names the customer's frustration before solving", "Goes straight to policy",
        "acknowledge the customer's frustration in your own words before offering a resolution",
        [
            new("billing-dispute", "billing dispute", "acknowledging frustration before offering a resolution", 3),
            new("late-delivery", "late delivery", "naming the customer's feeling in your own words", 2),
        ]);

    public static Criterion Resolution { get; } = new("resolution", "Resolution", 30m, 65m, CriterionKind.Quality, EvaluationMode.Intent,
        "Confirms the fix and the next step", "Ends the call with the issue open",
        "state the fix and the next step, then ask the customer to confirm it works for them",
        [
            new("refund-request", "refund request", "confirming the next step before closing", 2),
            new("outage", "service outage", "giving a time for the next update", 2),
        ]);

    public static Criterion Disclosure { get; } = new("disclosure", "Recording disclosure", 20m, 80m, CriterionKind.Compliance,
        EvaluationMode.Script, "Reads the disclosure verbatim", "Skips or paraphrases the disclosure",
        "read the recording disclosure word for word before taking any details",
        [
            new("disclosure-read", "call opening", "reading the recording disclosure verbatim", 1),
            new("disclosure-recovery", "interrupted opening", "returning to the disclosure after an interruption", 2),
        ]);

    public static Criterion Closing { get; } = new("closing", "Closing", 15m, 60m, CriterionKind.Quality, EvaluationMode.Intent,
        "Summarises and offers more help", "Hangs up after the fix",
        "summarise what was done and ask whether there is anything else",
        [
            new("summary-close", "call closing", "summarising the call in one sentence", 2),
            new("upsell-close", "sales closing", "offering help without pressure", 1),
        ]);

    public static IReadOnlyList<Criterion> All { get; } = [Greeting, Empathy, Resolution, Disclosure, Closing];
}
