using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Cards.BlockKit;

/// <summary>
/// Block Kit's documented limits (blocks reference, views reference), checked over a payload: the TypeScript types check the
/// shape but not lengths or counts, so this does.
/// </summary>
public static class BlockKitLimits
{
    public static IReadOnlyList<string> MessageProblems(JsonArray blocks, string text)
    {
        var problems = new List<string>();
        if (blocks.Count > 50)
        {
            problems.Add($"{blocks.Count} blocks (max 50)");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("no fallback text");
        }

        CheckBlocks(blocks, problems);
        return problems;
    }

    public static IReadOnlyList<string> ViewProblems(JsonObject view)
    {
        var problems = new List<string>();
        var blocks = view["blocks"]!.AsArray();
        if (blocks.Count > 100)
        {
            problems.Add($"{blocks.Count} blocks in a view (max 100)");
        }

        foreach (var key in new[] { "title", "submit", "close" })
        {
            Max(problems, view[key]?["text"], 24, $"view {key}");
        }

        Max(problems, view["private_metadata"], 3000, "private_metadata");
        if (blocks.Any(b => b!["type"]!.GetValue<string>() == "input") && view["type"]!.GetValue<string>() == "modal" && view["submit"] is null)
        {
            problems.Add("a modal with inputs needs submit");
        }

        CheckBlocks(blocks, problems);
        return problems;
    }

    private static void CheckBlocks(JsonArray blocks, List<string> problems)
    {
        var ids = new HashSet<string>();
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            if (block["block_id"]?.GetValue<string>() is { } id && (!ids.Add(id) || id.Length > 255))
            {
                problems.Add($"block_id {id} repeated or too long");
            }

            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    Max(problems, block["text"]!["text"], 150, "header");
                    break;
                case "section":
                    Max(problems, block["text"]?["text"], 3000, "section text");
                    var fields = block["fields"]?.AsArray() ?? [];
                    if (fields.Count > 10)
                    {
                        problems.Add($"{fields.Count} fields (max 10)");
                    }

                    foreach (var field in fields)
                    {
                        Max(problems, field!["text"], 2000, "field");
                    }

                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    if (elements.Count > 10)
                    {
                        problems.Add("context with more than 10 elements");
                    }

                    foreach (var element in elements)
                    {
                        Max(problems, element!["text"], 2000, "context text");
                    }

                    break;
                case "actions":
                    var items = block["elements"]!.AsArray();
                    if (items.Count > 25)
                    {
                        problems.Add("actions with more than 25 elements");
                    }

                    foreach (var item in items)
                    {
                        Element(item!.AsObject(), problems);
                    }

                    break;
                case "input":
                    Max(problems, block["label"]!["text"], 2000, "label");
                    Element(block["element"]!.AsObject(), problems);
                    break;
            }
        }
    }

    private static void Element(JsonObject element, List<string> problems)
    {
        Max(problems, element["action_id"], 255, "action_id");
        Max(problems, element["text"]?["text"], 75, "button text");
        Max(problems, element["value"], 2000, "button value");
        Max(problems, element["placeholder"]?["text"], 150, "placeholder");
        var options = element["options"]?.AsArray() ?? [];
        if (options.Count > 100)
        {
            problems.Add("more than 100 options");
        }

        foreach (var option in options)
        {
            Max(problems, option!["text"]!["text"], 75, "option text");
            Max(problems, option["value"], 75, "option value");
        }
    }

    private static void Max(List<string> problems, JsonNode? node, int max, string what)
    {
        if (node?.GetValue<string>() is { } text && (text.Length > max || text.Length == 0))
        {
            problems.Add($"{what} is {text.Length} characters (1..{max})");
        }
    }
}
