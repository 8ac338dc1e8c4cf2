namespace CoachLoop.Engine.Tests.Builders;

/// <summary>Fixed instants: no test reads the real clock.</summary>
public static class Moments
{
    /// <summary>Wednesday 15 October 2025, 12:04 UTC: the call in the rulebook's audit example.</summary>
    public static readonly DateTimeOffset CallTime = new(2025, 10, 15, 12, 4, 0, TimeSpan.Zero);

    /// <summary>The next morning: the flag is raised and handled.</summary>
    public static readonly DateTimeOffset Now = new(2025, 10, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The UTC date of <see cref="Now"/>, the day coaching happens.</summary>
    public static readonly DateOnly Today = new(2025, 10, 16);

    /// <summary>A week after <see cref="Today"/>: the default follow-up scoring day.</summary>
    public static readonly DateOnly FollowUpDay = new(2025, 10, 23);

    public static readonly DateTimeOffset FollowUpMorning = new(2025, 10, 23, 8, 0, 0, TimeSpan.Zero);
}
