namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// A person's open flags as one card that can act: one row per flag by the state it waits in, each with the flag's next step
/// (for those who may take it) and "Open card". The same card answers Teams <c>my flags</c>, fills Slack's App Home and the
/// web channel's open-flags list, and the daily digest and group cards use the same rows.
/// </summary>
public static class OpenFlagsCardBuilder
{
    /// <summary>Rows a list card shows; past that it says how many more there are.</summary>
    public const int MaxRows = 40;

    /// <param name="viewerId">Whose list: the card's subject, so a refresh rebuilds it for the same person.</param>
    /// <param name="title">"Open flags: North team" or "Your open flags".</param>
    /// <param name="rows">Rows already in list order (<see cref="FlagRows.Order"/>), tailored to the viewer.</param>
    /// <param name="version">Changes whenever a listed flag changes, so shared copies of the list are recognisably stale.</param>
    /// <param name="actionsFor">Who the buttons are for, when the list is shown where others see it too.</param>
    public static Card Build(Guid viewerId, string title, IReadOnlyList<CardRow> rows, int version, string? actionsFor = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shown = rows.Take(MaxRows).ToList();
        var subtitle = rows.Count == 0
            ? "Nothing is open: no flag needs anyone right now."
            : string.Join(", ", rows.GroupBy(r => r.Group).Select(g => $"{g.Key}: {g.Count()}"));
        var sections = rows.Count > MaxRows
            ? new List<CardSection> { new("More", $"{CardText.Count(rows.Count - MaxRows, "more open flag")} not shown here: see the web channel or the API.") }
            : [];
        var counted = CardText.Count(rows.Count, "open flag");
        return new Card(CardKinds.OpenFlags, viewerId, version, title, $"{counted} · {subtitle}",
            rows.Any(r => r.Urgent) ? CardTone.Urgent : CardTone.Default, [], null, null, sections, null, [],
            $"{title}: {counted}.")
        {
            Rows = shown,
            ActionsFor = actionsFor,
        };
    }
}
