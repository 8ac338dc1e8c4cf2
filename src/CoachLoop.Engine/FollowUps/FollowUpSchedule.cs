namespace CoachLoop.Engine.FollowUps;

/// <summary>The follow-up scoring date: 7 days for agents with 20+ calls a day, 14 for fewer, never beyond 21.</summary>
public static class FollowUpSchedule
{
    /// <summary>How much later a follow-up moves, once, when too few calls were scored to judge it.</summary>
    public const int ExtensionDays = 7;

    public static int DaysFor(int typicalCallsPerDay, FollowUpPolicy? policy = null)
    {
        policy ??= FollowUpPolicy.Default;
        var days = typicalCallsPerDay >= policy.HighVolumeCallsPerDay ? policy.HighVolumeDays : policy.LowVolumeDays;
        return Math.Clamp(days, 1, FollowUpPolicy.AbsoluteMaxDays);
    }

    /// <summary>The follow-up date counted from the day of coaching (or of the plan).</summary>
    public static DateOnly DateFor(DateOnly from, int typicalCallsPerDay, FollowUpPolicy? policy = null) =>
        from.AddDays(DaysFor(typicalCallsPerDay, policy));

    /// <summary>The latest follow-up date allowed for coaching on <paramref name="from"/>.</summary>
    public static DateOnly Latest(DateOnly from) => from.AddDays(FollowUpPolicy.AbsoluteMaxDays);

    /// <summary>Moves a follow-up later by <paramref name="days"/>, but never past the 21-day cap from coaching.</summary>
    public static DateOnly Extend(DateOnly coachedOn, DateOnly current, int days)
    {
        var latest = Latest(coachedOn);
        var extended = current.AddDays(days);
        return extended > latest ? latest : extended;
    }
}
