namespace CoachLoop.Bot.Cards;

/// <summary>The verbs of card actions (Action.Execute verbs in Adaptive Cards, action ids in Slack).</summary>
public static class CardVerbs
{
    public const string ApprovePractice = "approvePractice";
    public const string SwapScenario = "swapScenario";
    public const string LogSession = "logSession";
    public const string CompletePractice = "completePractice";
    public const string Resolve = "resolve";
    public const string Dismiss = "dismiss";
    public const string AcceptScore = "acceptScore";
    public const string DisputeScore = "disputeScore";
    public const string UpholdDispute = "upholdDispute";
    public const string OverturnDispute = "overturnDispute";

    /// <summary>On a digest's workshop suggestion: schedules one workshop for its flags.</summary>
    public const string ScheduleWorkshop = "scheduleWorkshop";

    /// <summary>On a workshop's card: logs a coaching session on each of its flags, in one transaction.</summary>
    public const string LogWorkshop = "logWorkshop";

    /// <summary>
    /// Shows the full card of the subject named in the action's data (a row of a group, open-flags or digest card), for the
    /// clicker: no state change, nothing recorded. Adaptive Cards answer the invoke with that card; Slack posts it to the clicker.
    /// </summary>
    public const string OpenCard = "openCard";

    /// <summary>Universal Actions refresh: the client asks for the current card.</summary>
    public const string Refresh = "refresh";

    public static IReadOnlyList<string> All { get; } =
    [
        ApprovePractice, SwapScenario, LogSession, CompletePractice, Resolve, Dismiss, AcceptScore, DisputeScore, UpholdDispute,
        OverturnDispute, ScheduleWorkshop, LogWorkshop, OpenCard, Refresh,
    ];
}
