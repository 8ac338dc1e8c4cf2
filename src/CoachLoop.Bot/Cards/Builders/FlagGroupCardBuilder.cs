using CoachLoop.Engine.Flags;

namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// When many non-urgent flags reach one manager channel in a short time, they arrive as one growing card
/// instead of a wall of cards. Each flag stays actionable from the web channel, Slack App Home, the
/// digest and the API; compliance flags always come on their own.
/// </summary>
public static class FlagGroupCardBuilder
{
    public const int MaxLines = 25;

    public static Card Build(Guid noticeId, IReadOnlyList<(Flag Flag, string Agent)> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var facts = flags.Take(MaxLines)
            .Select(f => new CardFact(f.Agent, $"{f.Flag.Plan.CriterionLine} · call {f.Flag.CallId} · {f.Flag.Status}"))
            .ToList();
        if (flags.Count > MaxLines)
        {
            facts.Add(new("…", $"and {flags.Count - MaxLines} more"));
        }

        var title = $"{flags.Count} coaching flags grouped";
        return new Card(CardKinds.Notice, noticeId, flags.Count, title, "Many flags arrived at once, so they come together here.",
            CardTone.Default, facts, null, null,
            [new("Acting on them", "Open each flag from the team's open flags (web channel, Slack App Home or the daily digest). Compliance flags are never grouped.")],
            null, [], $"{title}: {string.Join("; ", flags.Take(5).Select(f => $"{f.Agent} {f.Flag.CriterionId}"))}");
    }
}
