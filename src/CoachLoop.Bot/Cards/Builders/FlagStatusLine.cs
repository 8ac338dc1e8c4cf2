using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>One line saying where a flag stands and who moved it last, so every copy of the card tells the same story.</summary>
internal static class FlagStatusLine
{
    public static string Describe(FlagCardContext context)
    {
        var flag = context.Flag;
        var by = context.LastChange is { } c ? $" by {c.ActorName}, {CardText.Time(c.At)}" : "";
        var state = flag.Status switch
        {
            FlagStatus.Raised => "Waiting for the manager to approve or swap the practice.",
            FlagStatus.PracticeApproved => $"Practice approved{ApprovedBy(context)}. Next: log the coaching session.",
            FlagStatus.SessionLogged => $"Session logged; follow-up scoring on {CardText.Day(flag.FollowUpDate)}.",
            FlagStatus.FollowUpDue => "Follow-up scoring is due.",
            FlagStatus.Continued => $"Continued: cycle {flag.Cycle} needs a new practice approved.",
            FlagStatus.Escalated => "Escalated: no movement after two coaching cycles.",
            FlagStatus.Closed => $"Closed{by}{(flag.ClosingNote is null ? "." : ": " + flag.ClosingNote)}",
            FlagStatus.Dismissed => $"Dismissed{by}: {flag.ClosingNote}",
            _ => flag.Status.ToString(),
        };
        return state + AgentPart(context);
    }

    private static string ApprovedBy(FlagCardContext context) =>
        context.LastChange is { Action: "approve-practice" or "swap-scenario" } c ? $" by {c.ActorName}, {CardText.Time(c.At)}"
        : context.Flag.ApprovedAt is { } at ? $" {CardText.Time(at)}" : "";

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
