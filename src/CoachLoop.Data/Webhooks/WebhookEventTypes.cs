namespace CoachLoop.Data.Webhooks;

/// <summary>
/// The documented event types and the audited state changes that raise them: the audit's (entity type, action) pairs are
/// the one source, so an event is staged exactly where its audit row is.
/// </summary>
public static class WebhookEventTypes
{
    public const string FlagRaised = "flag.raised";
    public const string PracticeApproved = "practice.approved";
    public const string SessionLogged = "session.logged";
    public const string FlagResolved = "flag.resolved";
    public const string FlagDismissed = "flag.dismissed";
    public const string DisputeOpened = "dispute.opened";
    public const string DisputeDecided = "dispute.decided";
    public const string FollowUpRecorded = "followup.recorded";

    /// <summary>Sent only by the test endpoint, to every subscription it is asked for; not subscribable.</summary>
    public const string Ping = "ping";

    /// <summary>The version of every payload's shape; a change that breaks a receiver gets a new number.</summary>
    public const int Version = 1;

    public static readonly IReadOnlyList<string> All =
        [FlagRaised, PracticeApproved, SessionLogged, FlagResolved, FlagDismissed, DisputeOpened, DisputeDecided, FollowUpRecorded];

    /// <summary>The event an audited change raises, or null.</summary>
    public static string? Of(string entityType, string action) => (entityType, action) switch
    {
        ("flag", "raised") => FlagRaised,
        ("flag", "approve-practice" or "swap-scenario") => PracticeApproved,
        ("flag", "log-session") => SessionLogged,
        ("flag", "resolve") => FlagResolved,
        ("flag", "dismiss" or "withdraw") => FlagDismissed,
        ("flag", "follow-up" or "follow-up-extended") => FollowUpRecorded,
        ("dispute", "open") => DisputeOpened,
        ("dispute", "uphold" or "overturn") => DisputeDecided,
        _ => null,
    };
}
