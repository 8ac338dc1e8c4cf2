using System.Globalization;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.Builders;
using CoachLoop.Engine.Digests;

namespace CoachLoop.Bot.Workshops;

/// <summary>
/// The digest's workshop part: one row per suggestion, listing who and why (each agent's score against the threshold), with
/// "Schedule workshop" until it is scheduled, then the day it is scheduled for and "Open card" on the workshop.
/// </summary>
public static class WorkshopRows
{
    public const string Group = "Workshops suggested";

    /// <param name="digestId">The digest notice; empty for a digest composed on demand (no button: nothing stored to act on).</param>
    /// <param name="scheduled">The workshops already scheduled for some of a suggestion's flags, by flag id.</param>
    public static IReadOnlyList<CardRow> For(Guid digestId, int version, Digest digest, IReadOnlyDictionary<Guid, (Guid Id, DateOnly Day)> scheduled)
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
            var actions = new List<CardAction>();
            if (taken is { } open)
            {
                actions.Add(new(CardVerbs.OpenCard, FlagRows.OpenCardTitle, CardActionStyle.Default, CardText.Data(CardKinds.Notice, open.Item1, 0), []));
            }
            else if (digestId != Guid.Empty)
            {
                var data = new Dictionary<string, string>(CardText.Data(CardKinds.Notice, digestId, version), StringComparer.Ordinal)
                {
                    [WorkshopNotices.CriterionKey] = w.CriterionId,
                };
                actions.Add(new(CardVerbs.ScheduleWorkshop, "Schedule workshop", CardActionStyle.Primary, data, []));
            }

            rows.Add(new CardRow(Group, $"{w.CriterionName}: {agents.ToString(CultureInfo.InvariantCulture)} agents", text, actions));
        }

        return rows;
    }
}
