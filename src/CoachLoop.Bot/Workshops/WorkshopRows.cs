using System.Globalization;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Engine.Digests;

namespace CoachLoop.Bot.Workshops;

/// <summary>
/// The digest's workshop part: one row per suggestion, listing who and why (each agent's score against the threshold) and, once
/// scheduled, the day (the workshop's own card, sent when it was scheduled, is where it is logged); <see cref="Schedule"/> is the
/// digest's button that schedules one.
/// </summary>
public static class WorkshopRows
{
    public const string Group = "Workshops suggested";

    /// <param name="scheduled">The workshops already scheduled for some of a suggestion's flags, by flag id.</param>
    public static IReadOnlyList<CardRow> For(Digest digest, IReadOnlyDictionary<Guid, (Guid Id, DateOnly Day)> scheduled)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(scheduled);
        var rows = new List<CardRow>();
        foreach (var w in digest.Workshops)
        {
            var agents = w.Flags.Select(f => f.Agent).Distinct(StringComparer.Ordinal).Count();
            var who = string.Join(", ", w.Flags.Select(f => $"{f.Agent} {CardText.Number(f.Score)} vs {CardText.Number(f.Threshold)}"));
            var taken = w.Flags.Select(f => scheduled.TryGetValue(f.FlagId, out var s) ? s : ((Guid, DateOnly)?)null).FirstOrDefault(s => s is not null);
            var text = $"{who}. One workshop instead of {CardText.Count(agents, "one-to-one", "one-to-ones")}" +
                (taken is { } t ? $"; scheduled for {CardText.Day(t.Item2)}." : ".");
            rows.Add(new CardRow(Group, $"{w.CriterionName}: {agents.ToString(CultureInfo.InvariantCulture)} agents", text, []));
        }

        return rows;
    }

    /// <summary>
    /// "Schedule workshop" on the digest itself: the suggestion (prefilled with the first one not yet scheduled) and the day
    /// (prefilled with the next working day). Null when every suggestion is scheduled, or for a digest composed on demand.
    /// The criterion is an input rather than action data because Slack brings back only the card's reference and the inputs.
    /// </summary>
    public static CardAction? Schedule(Guid digestId, int version, Digest digest, IReadOnlyDictionary<Guid, (Guid Id, DateOnly Day)> scheduled)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(scheduled);
        var open = digest.Workshops.Where(w => !w.Flags.Any(f => scheduled.ContainsKey(f.FlagId))).ToList();
        if (open.Count == 0 || digestId == Guid.Empty)
        {
            return null;
        }

        return new(CardVerbs.ScheduleWorkshop, "Schedule workshop", CardActionStyle.Primary, CardText.Data(CardKinds.Notice, digestId, version),
        [
            new(WorkshopNotices.CriterionKey, "Workshop on", CardInputKind.Choice, true, open[0].CriterionId,
                [.. open.Select(w => new CardChoice($"{w.CriterionName} ({CardText.Count(w.Flags.Select(f => f.Agent).Distinct(StringComparer.Ordinal).Count(), "agent")})", w.CriterionId))]),
            new(WorkshopNotices.DayKey, "Workshop day", CardInputKind.Date, true,
                Engine.Coaching.Workshop.DefaultDate(digest.LocalDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ]);
    }
}
