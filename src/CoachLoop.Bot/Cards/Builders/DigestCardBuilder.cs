using System.Globalization;
using CoachLoop.Engine.Digests;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// The manager's daily digest as a card that can act: every flag that still needs someone as a row, compliance first and then
/// by state, each with its next step and "Open card"; disputes waiting for an answer, each with "Open card"; then the loop's health.
/// </summary>
public static class DigestCardBuilder
{
    public const string ComplianceGroup = "Compliance";
    public const string DisputesGroup = "Disputes waiting for an answer";

    /// <param name="noticeId">The digest notice: the card's subject.</param>
    /// <param name="digest">What was composed for the day.</param>
    /// <param name="rows">The digest's flags and disputes as rows, in their current state and in list order.</param>
    /// <param name="version">Moves whenever a listed flag changes.</param>
    public static Card Build(Guid noticeId, Digest digest, IReadOnlyList<CardRow> rows, int version)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(rows);
        var title = $"Your coaching digest \u00b7 {CardText.Day(digest.LocalDate)}";
        var sections = new List<CardSection>();
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
        if (health.ScriptDisagreements > 0)
        {
            facts.Add(new("QA calibration", $"{CardText.Count(health.ScriptDisagreements, "script check")} disagreed with QA scores this week"));
        }

        foreach (var drift in health.TrendingDown)
        {
            var trend = new CardTrend(drift.WeeklyAverages, 0);
            facts.Add(new($"{drift.CriterionId} trending down", $"{trend.Sparkline} {string.Join(", ", drift.WeeklyAverages.Select(a => a.ToString("0.#", CultureInfo.InvariantCulture)))} ({drift.SlopePerWeek:0.#}/week)"));
        }

        var flags = rows.Count(r => r.Group is not DisputesGroup and not Workshops.WorkshopRows.Group);
        var summary = digest.IsQuiet
            ? $"{title}: nothing needs you today."
            : $"{title}: {CardText.Count(digest.Compliance.Count, "compliance flag")}, {CardText.Count(flags, "flag")} in all, " +
              $"{CardText.Count(digest.AwaitingApproval.Count, "practice", "practices")} to approve, {CardText.Count(digest.DueToday.Count, "session or follow-up", "sessions or follow-ups")} due, " +
              $"{CardText.Count(digest.DisputesWaiting.Count, "dispute")} waiting.";
        return new Card(CardKinds.Notice, noticeId, version, title, $"{digest.TeamName} \u00b7 for {digest.ManagerName}",
            rows.Any(r => r.Urgent) ? CardTone.Urgent : CardTone.Default, facts, null, null, sections, null, [], summary)
        {
            Rows = FlagRows.Counted(rows),
        };
    }
}
