namespace CoachLoop.Engine.FollowUps;

/// <summary>
/// When the coached criterion is scored again, and how the result is judged. Defaults are the
/// rulebook's; any may be configured per team, but no follow-up is ever set beyond
/// <see cref="AbsoluteMaxDays"/> days: behaviour reverts without reinforcement.
/// </summary>
public sealed record FollowUpPolicy
{
    public const int AbsoluteMaxDays = 21;

    public static FollowUpPolicy Default { get; } = new();

    /// <summary>Agents at or above this many calls a day get the short window.</summary>
    public int HighVolumeCallsPerDay { get; init; } = 20;
    public int HighVolumeDays { get; init; } = 7;
    public int LowVolumeDays { get; init; } = 14;

    /// <summary>Fewest calls scored since coaching to judge a follow-up.</summary>
    public int MinCallsToJudge { get; init; } = 5;

    /// <summary>A change in the average smaller than this many points is "no movement".</summary>
    public decimal MinMeaningfulDelta { get; init; } = 5m;

    /// <summary>Review cycles without movement before escalating.</summary>
    public int CyclesBeforeEscalation { get; init; } = 2;
}
