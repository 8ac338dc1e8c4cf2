namespace CoachLoop.Bot.Workshops;

/// <summary>A scheduled workshop's card is a notice of this kind whose id is the workshop's, sent to its manager.</summary>
public static class WorkshopNotices
{
    public const string Kind = "workshop";

    /// <summary>The action data key naming the suggested criterion on a digest's "Schedule workshop".</summary>
    public const string CriterionKey = "criterionId";

    /// <summary>The input naming the workshop's day; without it (the API, an older card) the next working day.</summary>
    public const string DayKey = "scheduledFor";

    /// <summary>How far ahead a workshop may be scheduled: the flags' window, so the group is still the one suggested.</summary>
    public const int MaxDaysAhead = 14;
}
