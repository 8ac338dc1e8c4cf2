using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// The agent's own card, in a direct message: the scored criterion with the exact words, and accept or
/// dispute. The practice shows only once a manager approved it: a suggestion is not an assignment. Once the manager closes
/// the flag the card says so, drops the urgency, and tells the agent whether the score can still be disputed.
/// </summary>
public static class AgentScoreCardBuilder
{
    public static Card Build(FlagCardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flag = context.Flag;
        var plan = flag.Plan;
        var name = context.Criterion?.Name ?? flag.CriterionId;
        var sections = new List<CardSection> { new("What good looks like", plan.ExpectedBehaviour) };
        if (PeerExampleSection.ForAgent(context) is { } peer)
        {
            sections.Add(peer);
        }
        if (flag.ApprovedAt is not null && plan.Practice is { } practice)
        {
            sections.Add(new("Your practice", practice));
        }

        var actions = new List<CardAction>();
        if (flag.IsOpen && flag.AgentAcceptedAt is null && flag.DisputeId is null)
        {
            var data = CardText.Data(CardKinds.AgentScore, flag.Id, flag.Revision);
            actions.Add(new(CardVerbs.AcceptScore, "Accept", CardActionStyle.Primary, data, []));
            actions.Add(new(CardVerbs.DisputeScore, "Dispute", CardActionStyle.Default, data,
                [new("reason", "Why is the score wrong? Point at the moment in the call.", CardInputKind.MultilineText, true,
                    MaxLength: FlagActions.MaxText, ErrorMessage: "A dispute needs a reason.")]));
        }

        var title = $"Your score on {name}";
        var badge = flag.IsOpen ? null : FlagStatusLine.Badge(context);
        var status = string.Join(" ", new[] { Closure(context), Response(context) }.Where(s => s is not null));
        return new Card(CardKinds.AgentScore, flag.Id, flag.Revision, title, $"Call {flag.CallId} · {CardText.Time(flag.CallTime)}",
            flag.Urgent && flag.IsOpen ? CardTone.Urgent : flag.Status == FlagStatus.Closed ? CardTone.Good : CardTone.Default,
            [new("Criterion", plan.CriterionLine)],
            plan.Quote is null ? null : new CardQuote(plan.Quote, plan.QuoteOffset), null, sections, status.Length == 0 ? null : status, actions,
            $"{(badge is null ? "" : badge + ": ")}{title}: {plan.CriterionLine}")
        {
            Badge = badge,
            History = FlagHistory.Entries(context, withDetails: false),
            ActionsFor = actions.Count > 0 ? CardAudience.Describe(CardKinds.AgentScore, context.ManagerName, context.AgentName) : null,
        };
    }

    /// <summary>What the manager (or the follow-up) did to close the flag, in the agent's terms; null while it is open.</summary>
    private static string? Closure(FlagCardContext context)
    {
        var flag = context.Flag;
        var note = flag.ClosingNote is { } n ? $": {CardText.Sentence(n)}" : ".";
        return flag.Status switch
        {
            FlagStatus.Closed when context.Last("resolve", "follow-up")?.Action == "follow-up" =>
                $"Closed{FlagStatusLine.By(context, "follow-up")}: your scores since coaching met the target.",
            FlagStatus.Closed => $"Your manager resolved this flag{FlagStatusLine.By(context, "resolve")}{note}",
            FlagStatus.Dismissed when context.Last("dismiss", "withdraw")?.Action == "withdraw" =>
                $"The flag was withdrawn{FlagStatusLine.By(context, "withdraw")} because the score was overturned.",
            FlagStatus.Dismissed => $"Your manager dismissed this flag{FlagStatusLine.By(context, "dismiss")}: no coaching is planned for it.",
            _ => null,
        };
    }

    /// <summary>
    /// Where the agent's own answer stands. A closed flag can no longer be disputed (the Engine refuses it: a dispute is a
    /// response to an open flag), but a dispute opened before the manager closed it still runs to its decision.
    /// </summary>
    private static string? Response(FlagCardContext context)
    {
        var flag = context.Flag;
        if (flag.AgentAcceptedAt is { } accepted)
        {
            return $"You accepted this score ({CardText.Time(accepted)}).";
        }

        return context.Dispute switch
        {
            { Status: DisputeStatus.Open } d => $"You disputed this score: \"{d.Reason}\". A reviewer answers by {CardText.Time(d.Deadline)}" +
                (flag.IsOpen ? "." : "; the dispute still stands although the flag is closed."),
            { Status: DisputeStatus.Upheld } d => $"Your dispute was reviewed: the score stands{Note(d)}.",
            { Status: DisputeStatus.Overturned } d => $"Your dispute was accepted: the score no longer counts{Note(d)}.",
            _ => flag.IsOpen
                ? "Does this match the call? Accept it, or dispute it with the moment in the transcript."
                : "The flag is closed, so this score can no longer be disputed.",
        };
    }

    private static string Note(Dispute d) => d.DecisionNote is null ? "" : $" ({d.DecisionNote})";
}
