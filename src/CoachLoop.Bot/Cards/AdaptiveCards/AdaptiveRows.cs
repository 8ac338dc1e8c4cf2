using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.AdaptiveCards;

/// <summary>
/// The rows of a list card: a bold heading per group, then per row a line and its own
/// <see href="https://adaptivecards.io/explorer/ActionSet.html">ActionSet</see>, whose Action.Execute data names that row's
/// subject, so each flag of a group is acted on (or opened) straight from the list.
/// </summary>
internal static class AdaptiveRows
{
    public static void Add(JsonArray body, IReadOnlyList<CardRow> rows)
    {
        string? group = null;
        foreach (var row in rows)
        {
            if (row.Group != group)
            {
                group = row.Group;
                body.Add(AdaptiveBody.Heading(group));
            }

            var marker = row.Urgent ? AdaptiveBody.UrgentMarker : "";
            var items = new JsonArray
            {
                AdaptiveBody.Text($"{marker}**{AdaptiveMarkdown.Neutralise(row.Label)}** \u00b7 {AdaptiveMarkdown.Neutralise(row.Text)}", spacing: "small"),
            };
            if (row.Actions.Count > 0)
            {
                items.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = AdaptiveActions.Build(row.Actions) });
            }

            var container = new JsonObject { ["type"] = "Container", ["items"] = items, ["separator"] = true };
            if (row.Urgent)
            {
                container["style"] = "attention";
            }

            body.Add(container);
        }
    }
}
