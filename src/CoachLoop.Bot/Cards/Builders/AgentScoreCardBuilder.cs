using CoachLoop.Engine.Disputes;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// The agent's own card, in a direct message: the scored criterion with the exact words, and accept or
/// dispute. The practice shows only once a manager approved it: a suggestion is not an assignment.
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
        if (flag.ApprovedAt is not null && plan.Practice is { } practice)
        {
            sections.Add(new("Your practice", practice));
        }

        var status = flag.AgentAcceptedAt is { } accepted
            ? $"You accepted this score ({CardText.Time(accepted)})."
            : context.Dispute switch
            {
                { Status: DisputeStatus.Open } d => $"You disputed this score: \"{d.Reason}\". A reviewer answers by {CardText.Time(d.Deadline)}.",
                { Status: DisputeStatus.Upheld } d => $"Your dispute was reviewed: the score stands{Note(d)}.",
                { Status: DisputeStatus.Overturned } d => $"Your dispute was accepted: the score no longer counts{Note(d)}.",
                _ => flag.IsOpen ? "Does this match the call? Accept it, or dispute it with the moment in the transcript." : null,
            };
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
        return new Card(CardKinds.AgentScore, flag.Id, flag.Revision, title, $"Call {flag.CallId} · {CardText.Time(flag.CallTime)}",
            flag.Urgent ? CardTone.Urgent : CardTone.Default, [new("Criterion", plan.CriterionLine)],
            plan.Quote is null ? null : new CardQuote(plan.Quote, plan.QuoteOffset), null, sections, status, actions,
            $"{title}: {plan.CriterionLine}");
    }

    private static string Note(Dispute d) => d.DecisionNote is null ? "" : $" ({d.DecisionNote})";
}
