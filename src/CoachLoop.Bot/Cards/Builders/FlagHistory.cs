using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// A flag's audit trail in plain words, oldest first, for the card's history: every step keeps who did it and when, so a later
/// action never erases an earlier one ("Practice approved by Morgan Lee" stays after the session is logged).
/// </summary>
internal static class FlagHistory
{
    public static IReadOnlyList<CardHistoryEntry> Entries(FlagCardContext context, bool withDetails = true) =>
    [
        .. context.History.Select(h => new CardHistoryEntry(What(h.Action), Who(h.ActorName), h.At,
            withDetails && ShowsDetail(h.Action) ? h.Detail : null)),
    ];

    /// <summary>A dispute's trail: opened (with the agent's reason), escalated when overdue, upheld or overturned (with the note).</summary>
    public static IReadOnlyList<CardHistoryEntry> Dispute(IReadOnlyList<LastChange> trail) =>
    [
        .. trail.Select(h => new CardHistoryEntry(h.Action switch
        {
            "open" => "Dispute opened",
            "escalate" => "Escalated to the QA leads (overdue)",
            "uphold" => "Upheld",
            "overturn" => "Overturned",
            _ => What(h.Action),
        }, Who(h.ActorName), h.At, h.Action is "uphold" or "overturn" ? h.Detail : null)),
    ];

    public static string What(string action) => action switch
    {
        "raised" => "Flagged",
        "approve-practice" => "Practice approved",
        "swap-scenario" => "Practice scenario swapped",
        "log-session" => "Session logged",
        "complete-practice" => "Practice done",
        "follow-up-due" => "Follow-up scoring due",
        "follow-up" => "Follow-up scored",
        "follow-up-extended" => "Follow-up extended for more calls",
        "agent-accept" => "Score accepted",
        "agent-dispute" => "Score disputed",
        "dispute-upheld" => "Dispute upheld",
        "dispute-overturned" => "Score overturned on dispute",
        "resolve" => "Resolved",
        "dismiss" => "Dismissed",
        "withdraw" => "Withdrawn",
        _ => char.ToUpperInvariant(action[0]) + action[1..].Replace('-', ' '),
    };

    // The system's own steps (flagging, follow-up timing) need no name; a person's always do.
    private static string Who(string actorName) => actorName == Actor.System().Name ? "" : actorName;

    // Details that say something a reader cannot see elsewhere on the card: the new scenario, a reason, a note.
    private static bool ShowsDetail(string action) =>
        action is "swap-scenario" or "agent-dispute" or "dispute-upheld" or "dispute-overturned" or "resolve" or "dismiss";
}
