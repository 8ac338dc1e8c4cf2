using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.BlockKit;

/// <summary>
/// The rows of a list card within a message's block budget: per row a section and an actions block whose <c>block_id</c> names
/// the row's own subject (so a click acts on that flag); when that does not fit, a section with one button (its first action,
/// usually "Open card") as accessory; past even that, a line saying how many more there are and where to find them.
/// </summary>
internal static class BlockKitRows
{
    public const string MoreLine = "Open the web channel, App Home or `/coach flags` for the rest.";

    public static List<JsonObject> Build(IReadOnlyList<CardRow> rows, int budget)
    {
        var blocks = new List<JsonObject>();
        if (rows.Count == 0)
        {
            return blocks;
        }

        var groups = rows.Select(r => r.Group).Distinct(StringComparer.Ordinal).Count();
        var acting = rows.Count(r => r.Actions.Count > 0);
        int full, shown;
        if (groups + rows.Count + acting <= budget)
        {
            (full, shown) = (rows.Count, rows.Count);
        }
        else if (groups + rows.Count <= budget)
        {
            (full, shown) = (budget - groups - rows.Count, rows.Count);
        }
        else
        {
            (full, shown) = (0, Math.Max(0, budget - groups - 1));
        }

        string? group = null;
        for (var i = 0; i < shown; i++)
        {
            var row = rows[i];
            if (row.Group != group)
            {
                group = row.Group;
                blocks.Add(BlockKitRenderer.Section($"*{BlockKitText.Escape(group)}*"));
            }

            var section = BlockKitRenderer.Section(Line(row));
            var cardRef = row.Actions.Count > 0 ? BlockKitCardRef.FromData(row.Actions[0].Data) : null;
            if (cardRef is null)
            {
                blocks.Add(section);
            }
            else if (i < full)
            {
                blocks.Add(section);
                blocks.Add(BlockKitActions.Build(row.Actions, cardRef)!);
            }
            else
            {
                var open = row.Actions.FirstOrDefault(a => a.Verb == CardVerbs.OpenCard) ?? row.Actions[0];
                section["block_id"] = cardRef.ToString();
                section["accessory"] = BlockKitActions.Element(open);
                blocks.Add(section);
            }
        }

        if (shown < rows.Count)
        {
            blocks.Add(BlockKitRenderer.Context(string.Create(CultureInfo.InvariantCulture, $"_{rows.Count - shown} more not shown here._ {MoreLine}")));
        }

        return blocks;
    }

    private static string Line(CardRow row) =>
        $"{(row.Urgent ? BlockKitRenderer.UrgentMarker + " " : "")}*{BlockKitText.Escape(row.Label)}* \u00b7 {BlockKitText.Escape(row.Text)}";
}
