namespace CoachLoop.Engine.Flags;

/// <summary>
/// One call a pattern flag's streak names: which call, when, and its score on the flag's criterion. A
/// call's score on a criterion belongs to at most one streak, so one streak can raise one flag only.
/// </summary>
public sealed class StreakCall
{
    private StreakCall() { }

    public StreakCall(HistoryCall call, string criterionId, DateTimeOffset addedAt)
    {
        ArgumentNullException.ThrowIfNull(call);
        ScoredCallId = call.ScoredCallId;
        CriterionId = criterionId;
        Source = call.Source;
        CallId = call.CallId;
        CallTime = call.CallTime;
        Score = call.Score;
        AddedAt = addedAt;
    }

    public Guid ScoredCallId { get; private set; }
    public string CriterionId { get; private set; } = "";
    public string Source { get; private set; } = "";
    public string CallId { get; private set; } = "";
    public DateTimeOffset CallTime { get; private set; }
    public decimal Score { get; private set; }

    /// <summary>When the call joined the streak: with the flag, or later as an extension.</summary>
    public DateTimeOffset AddedAt { get; private set; }

    public HistoryCall ToHistoryCall(Guid flagId) => new(ScoredCallId, Source, CallId, CallTime, Score, flagId);
}
