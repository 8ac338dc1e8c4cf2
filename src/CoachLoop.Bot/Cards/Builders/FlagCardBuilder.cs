using CoachLoop.Engine.Flags;
using CoachLoop.Engine.FollowUps;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// The card in the manager's channel: what was flagged, the evidence, the agent's recent history on
/// the criterion, the suggested practice and the follow-up date, and the actions the flag allows now.
/// </summary>
public static class FlagCardBuilder
{
    public static Card Build(FlagCardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flag = context.Flag;
        var plan = flag.Plan;
        var name = context.Criterion?.Name ?? flag.CriterionId;
        var title = flag.Kind switch
        {
            FlagKind.Compliance => $"Compliance: {name}",
            FlagKind.Pattern => $"Pattern: {name} below threshold in a row",
            FlagKind.Keyword => TranscriptSection.Title(plan) ?? $"Keyword alert: {name}",
            _ => $"Coaching: {name}",
        };
        var facts = new List<CardFact>
        {
            new("Criterion", plan.CriterionLine),
            new(flag.IsOpen ? "Why" : "Why it was flagged", string.Join("; ", plan.Reasons)),
            new("History", plan.History),
            new("Follow-up scoring", CardText.Day(flag.FollowUpDate)),
        };
        if (plan.OtherGaps.Count > 0)
        {
            facts.Add(new("Also noted", string.Join("; ", plan.OtherGaps)));
        }

        if (context.Recent is { } r)
        {
            facts.Add(new($"Last {r.Days} days", Figures(r, flag.CriterionId)));
        }

        var sections = new List<CardSection>();
        if (TranscriptSection.For(plan) is { } transcript)
        {
            sections.Add(transcript);
        }

        sections.Add(new("Expected behaviour", plan.ExpectedBehaviour));
        if (PeerExampleSection.ForManager(context) is { } peer)
        {
            sections.Add(peer);
        }

        if (flag.Streak.Count > 0)
        {
            sections.Add(new(StreakText.Heading, StreakText.Describe(flag.Streak)));
        }

        if (plan.Practice is { } practice)
        {
            sections.Add(new(flag.ApprovedAt is null ? "Suggested practice" : "Approved practice", practice));
        }

        if (flag.Session is { } session)
        {
            sections.Add(new("Session", $"Agreed: {CardText.Sentence(session.AgreedBehaviour)} Practice: {CardText.Sentence(session.Practice)} Follow-up scoring {CardText.Day(session.FollowUpDate)}."));
        }

        if (flag.LastFollowUp is { } f)
        {
            sections.Add(new("Follow-up", FollowUp(f)));
        }

        var tone = flag.Status switch
        {
            FlagStatus.Closed => CardTone.Good,
            _ when flag.Urgent && flag.IsOpen => CardTone.Urgent,
            FlagStatus.Escalated or FlagStatus.FollowUpDue => CardTone.Attention,
            _ when flag.Kind == FlagKind.Pattern && flag.IsOpen => CardTone.Attention,
            _ => CardTone.Default,
        };
        var subtitle = $"{context.AgentName} · call {flag.CallId} · {CardText.Time(flag.CallTime)}";
        var badge = FlagStatusLine.Badge(context);
        var actions = FlagActions.For(context);
        return new Card(CardKinds.Flag, flag.Id, flag.Revision, title, subtitle, tone, facts,
            plan.Quote is null ? null : new CardQuote(plan.Quote, plan.QuoteOffset),
            plan.RecentScores.Count > 0 ? new CardTrend(plan.RecentScores, flag.Threshold) : null,
            sections, FlagStatusLine.Describe(context), actions,
            $"{(badge is null ? "" : badge + ": ")}{title} for {context.AgentName}: {plan.CriterionLine}. {FlagStatusLine.Describe(context)}")
        {
            Badge = badge,
            History = FlagHistory.Entries(context),
            ActionsFor = actions.Count > 0 ? CardAudience.Describe(CardKinds.Flag, context.ManagerName, context.AgentName) : null,
        };
    }

    private static string Figures(RecentFigures r, string criterionId) =>
        $"overall avg {(r.OverallAverage is { } o ? CardText.Number(o) : "n/a")}, {criterionId} avg " +
        $"{(r.CriterionAverage is { } c ? CardText.Number(c) : "n/a")}, {CardText.Count(r.CallsBelowThreshold, "call")} below the review threshold, " +
        $"{CardText.Count(r.ComplianceFlags, "compliance flag")}";

    private static string FollowUp(FollowUpResult f) =>
        $"Baseline {(f.Baseline is { } b ? CardText.Number(b) : "n/a")}, since coaching {(f.After is { } a ? CardText.Number(a) : "n/a")} " +
        $"over {CardText.Count(f.CallsSince, "call")}, delta {(f.Delta is { } d ? CardText.Number(d) : "n/a")}: {f.Next switch
        {
            NextAction.Close => "target met, closed",
            NextAction.Continue => "not there yet, try another practice",
            NextAction.Escalate => "no movement after two cycles, escalated",
            _ => "not enough calls scored yet",
        }}.";
}
