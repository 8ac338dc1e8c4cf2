namespace CoachLoop.Engine.Flags;

/// <summary>One scored call of an agent on one criterion, as the pattern rule sees it.</summary>
/// <param name="ScoredCallId">The stored call.</param>
/// <param name="Source">The QA system; with <paramref name="CallId"/> it breaks ties between calls at the same time.</param>
/// <param name="CallId">The source system's call id.</param>
/// <param name="CallTime">When the call took place: streaks run in call time, not arrival order.</param>
/// <param name="Score">The criterion's score on that call.</param>
/// <param name="PatternFlagId">The pattern flag whose streak already names this call, if any.</param>
public sealed record HistoryCall(Guid ScoredCallId, string Source, string CallId, DateTimeOffset CallTime, decimal Score,
    Guid? PatternFlagId = null);
