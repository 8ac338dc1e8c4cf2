using System.Globalization;
using CoachLoop.Engine.Digests;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>The manager's daily digest as a card: compliance first, then what waits on them, then the loop's health.</summary>
public static class DigestCardBuilder
{
    public static Card Build(Guid noticeId, Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var title = $"Your coaching digest · {digest.LocalDate.ToString("ddd d MMM", CultureInfo.InvariantCulture)}";
        var sections = new List<CardSection>();
        Add(sections, "Compliance", digest.Compliance);
        Add(sections, "New and open flags", digest.NewAndOpen);
        Add(sections, "Practice waiting for your approval", digest.AwaitingApproval);
        Add(sections, "Sessions and follow-ups due today", digest.DueToday);
        Add(sections, "Disputes waiting for an answer", digest.DisputesWaiting);
        if (digest.IsQuiet)
        {
            sections.Add(new("All clear", "Nothing needs you today: no open flags, approvals, sessions or disputes."));
        }

        var health = digest.Health;
        var facts = new List<CardFact>
        {
            new("Call to coaching", health.AverageHoursToCoaching is { } h ? $"{h:0.#} h on average" : "no sessions logged yet"),
            new("Practice completion", health.PracticeCompletionRate is { } r ? $"{r * 100:0}%" : "no practice assigned yet"),
        };
        foreach (var drift in health.TrendingDown)
        {
            var trend = new CardTrend(drift.WeeklyAverages, 0);
            facts.Add(new($"{drift.CriterionId} trending down", $"{trend.Sparkline} {string.Join(", ", drift.WeeklyAverages.Select(a => a.ToString("0.#", CultureInfo.InvariantCulture)))} ({drift.SlopePerWeek:0.#}/week)"));
        }

        return new Card(CardKinds.Notice, noticeId, 0, title, $"{digest.TeamName} · for {digest.ManagerName}",
            digest.Compliance.Count > 0 ? CardTone.Urgent : CardTone.Default, facts, null, null, sections, null, [],
            digest.IsQuiet ? $"{title}: nothing needs you today." : $"{title}: {digest.Compliance.Count} compliance, {digest.NewAndOpen.Count} open, " +
                $"{digest.AwaitingApproval.Count} to approve, {digest.DueToday.Count} due today, {digest.DisputesWaiting.Count} disputes.");
    }

    private static void Add(List<CardSection> sections, string heading, IReadOnlyList<DigestItem> items)
    {
        if (items.Count > 0)
        {
            sections.Add(new($"{heading} ({items.Count})", string.Join("\n", items.Select(i => $"{i.Agent}: {i.Line} ({i.State})"))));
        }
    }
}
