namespace CoachLoop.Bot.Scheduling;

/// <summary>The kinds of scheduler notice.</summary>
public static class NoticeKinds
{
    public const string Digest = "digest";
    public const string WeeklyReport = "weekly-report";
    public const string FollowUp = "follow-up";
    public const string AgentNote = "agent-note";
    public const string SessionReminder = "session-reminder";
    public const string DisputeEscalation = "dispute-escalation";
    public const string PatternEscalation = "pattern-escalation";
}
