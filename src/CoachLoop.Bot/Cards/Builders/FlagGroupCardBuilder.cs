namespace CoachLoop.Bot.Cards.Builders;

/// <summary>
/// When many non-urgent flags reach one manager channel in a short time, they arrive as one growing card
/// instead of a wall of cards. Grouping never costs the ability to act: each flag is a row with its next step as a button and
/// "Open card" for its full card, and every row's actions name that flag and its revision. Compliance flags always come on
/// their own.
/// </summary>
public static class FlagGroupCardBuilder
{
    /// <param name="noticeId">The group notice: the card's subject.</param>
    /// <param name="rows">One row per grouped flag, in list order (<see cref="FlagRows.Order"/>).</param>
    /// <param name="version">Moves whenever a grouped flag changes, so every copy is refreshed with current rows.</param>
    /// <param name="actionsFor">Who the buttons are for: the card is shared by the whole manager channel.</param>
    public static Card Build(Guid noticeId, IReadOnlyList<CardRow> rows, int version, string? actionsFor)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var title = $"{CardText.Count(rows.Count, "coaching flag")} grouped";
        var open = rows.Count(r => r.Group != FlagRows.GroupOrder[^1]);
        var subtitle = $"Many flags arrived at once, so they come together here. {CardText.Count(open, "flag")} still open; act on each below or open its card.";
        return new Card(CardKinds.Notice, noticeId, version, title, subtitle, CardTone.Default, [], null, null, [], null, [],
            $"{title}: {string.Join("; ", rows.Take(5).Select(r => $"{r.Label} {r.Text}"))}")
        {
            Rows = [.. rows.Take(OpenFlagsCardBuilder.MaxRows)],
            ActionsFor = actionsFor,
        };
    }
}
