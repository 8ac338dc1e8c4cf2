using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// Where a flag stands, as a badge ("Resolved", "Practice approved") and one line naming who made each step that still matters
/// and when, so every copy of the card tells the same story and a later action never erases an earlier one.
/// </summary>
internal static class FlagStatusLine
{
    public static string Describe(FlagCardContext context)
    {
        var flag = context.Flag;
        var state = flag.Status switch
        {
            FlagStatus.Raised => "Waiting for the manager to approve or swap the practice.",
            FlagStatus.PracticeApproved => $"Practice approved{By(context, "approve-practice", "swap-scenario")}. Next: log the coaching session.",
            FlagStatus.SessionLogged => $"Session logged{By(context, "log-session")}; follow-up scoring on {CardText.Day(flag.FollowUpDate)}.",
            FlagStatus.FollowUpDue => "Follow-up scoring is due.",
            FlagStatus.Continued => $"Continued: cycle {flag.Cycle} needs a new practice approved.",
            FlagStatus.Escalated => "Escalated: no movement after two coaching cycles.",
            FlagStatus.Closed when flag.SupersededBy is not null =>
                $"{flag.ClosingNote?.TrimEnd('.')}{(context.Last("supersede") is { } folded ? $", {CardText.Time(folded.At)}" : "")}.",
            FlagStatus.Closed => $"{Badge(context)}{By(context, "resolve", "follow-up")}{(flag.ClosingNote is null ? "." : ": " + flag.ClosingNote)}",
            FlagStatus.Dismissed => $"{Badge(context)}{By(context, "dismiss", "withdraw")}: {flag.ClosingNote}",
            _ => flag.Status.ToString(),
        };
        var practice = flag.PracticeCompletedAt is { } done ? $" Practice done{By(context, "complete-practice")}." : "";
        return state + practice + AgentPart(context);
    }

    /// <summary>The state in a word or two, shown before the title; null for a new flag, whose title says it all.</summary>
    public static string? Badge(FlagCardContext context) => context.Flag.Status switch
    {
        FlagStatus.Raised => null,
        FlagStatus.PracticeApproved => "Practice approved",
        FlagStatus.SessionLogged => "Session logged",
        FlagStatus.FollowUpDue => "Follow-up due",
        FlagStatus.Continued => "Continued",
        FlagStatus.Escalated => "Escalated",
        FlagStatus.Closed when context.Flag.SupersededBy is not null => "Superseded",
        FlagStatus.Closed => context.Last("resolve", "follow-up")?.Action == "resolve" ? "Resolved" : "Closed: target met",
        FlagStatus.Dismissed => context.Last("dismiss", "withdraw")?.Action == "withdraw" ? "Overturned" : "Dismissed",
        _ => context.Flag.Status.ToString(),
    };

    /// <summary>" by Morgan Lee, 30 Nov 2026, 04:38 UTC" for the latest of these steps, or "" when there is none.</summary>
    public static string By(FlagCardContext context, params string[] actions) => context.Last(actions) is { } c
        ? string.IsNullOrEmpty(c.ActorName) || c.ActorName == Engine.Common.Actor.System().Name ? $" {CardText.Time(c.At)}" : $" by {c.ActorName}, {CardText.Time(c.At)}"
        : "";

    private static string AgentPart(FlagCardContext context)
    {
        if (context.Flag.AgentAcceptedAt is { } accepted)
        {
            return $" The agent accepted the score ({CardText.Time(accepted)}).";
        }

        return context.Dispute switch
        {
            { Status: DisputeStatus.Open } d => $" The agent disputes the score; answer due {CardText.Time(d.Deadline)}.",
            { Status: DisputeStatus.Upheld } => " The agent's dispute was upheld: the score stands.",
            { Status: DisputeStatus.Overturned } => " The score was overturned on dispute.",
            _ => "",
        };
    }
}
