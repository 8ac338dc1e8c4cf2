namespace CoachLoop.Engine.FollowUps;

/// <summary>Before, after, delta and the decision, as recorded on the flag.</summary>
public sealed record FollowUpResult(
    decimal? Baseline,
    decimal? After,
    decimal? Delta,
    int CallsSince,
    int CyclesWithoutMovement,
    NextAction Next);
