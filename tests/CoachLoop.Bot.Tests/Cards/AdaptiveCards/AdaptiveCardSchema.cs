using System.Text.Json.Nodes;
using NJsonSchema;

namespace CoachLoop.Bot.Tests.Cards.AdaptiveCards;

/// <summary>
/// Validates cards against the official Adaptive Cards 1.5 schema, <c>shared/schemas/adaptive-card-1.5.json</c>, which stays
/// byte for byte as published. The slips listed in <c>shared/schemas/SOURCES.md</c> are allowed for in memory, and so is the
/// Teams-only <c>msteams</c> property on the top-level card, nothing else.
/// </summary>
public static class AdaptiveCardSchema
{
    public const string RelativePath = "shared/schemas/adaptive-card-1.5.json";

    private static readonly string[] NonStandardKeywords = ["version", "features", "example"];

    private static readonly Lazy<Task<JsonSchema>> Schema = new(async () => await JsonSchema.FromJsonAsync(Patch(Load()).ToJsonString()));

    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonNode card)
    {
        var schema = await Schema.Value;
        return schema.Validate(card.ToJsonString()).Select(e => e.ToString()).ToList();
    }

    public static async Task AssertValidAsync(JsonNode card)
    {
        var errors = await ValidateAsync(card);
        Assert.True(errors.Count == 0, $"{string.Join(Environment.NewLine, errors)}{Environment.NewLine}{card.ToJsonString()}");
    }

    /// <summary>
    /// shared/ is a sibling of the repository root (or of a worktree): looks for <c>dir/../shared</c> and <c>dir/shared</c> from
    /// the test binaries upwards.
    /// </summary>
    public static string FindFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "..", RelativePath), Path.Combine(dir.FullName, RelativePath) })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new FileNotFoundException($"No {RelativePath} beside the repository or above {AppContext.BaseDirectory}.");
    }

    public static JsonObject Load() => JsonNode.Parse(File.ReadAllText(FindFile()))!.AsObject();

    /// <summary>The official schema with the known slips allowed for; the argument is left as it was.</summary>
    public static JsonObject Patch(JsonObject official)
    {
        var schema = official.DeepClone().AsObject();

        // Declared draft-06, but names its identifier with the draft-04 spelling.
        if (schema["id"] is { } id)
        {
            schema.Remove("id");
            schema["$id"] = id;
        }

        Walk(schema, node =>
        {
            foreach (var keyword in NonStandardKeywords)
            {
                node.Remove(keyword);
            }

            // Container and TableCell declare "rtl?"; every renderer reads "rtl".
            if (node["properties"] is JsonObject properties && properties["rtl?"] is { } rtl)
            {
                properties.Remove("rtl?");
                properties["rtl"] = rtl;
            }
        });

        var definitions = schema["definitions"]!.AsObject();

        // Renderers and the official samples use the plural; a card with the singular would silently get no header row.
        var table = definitions["Table"]!["properties"]!.AsObject();
        var firstRow = table["firstRowAsHeader"]!;
        table.Remove("firstRowAsHeader");
        table["firstRowAsHeaders"] = firstRow;

        // A 1.5 value in the renderers (Teams' type-ahead), missing from the enum.
        definitions["ChoiceInputStyle"]!["anyOf"]![0]!["enum"]!.AsArray().Add("filtered");

        // Teams' msteams belongs to the top-level card only: a copy of AdaptiveCard takes it, nested cards stay strict.
        var teamsCard = definitions["AdaptiveCard"]!.DeepClone().AsObject();
        teamsCard["properties"]!["msteams"] = JsonNode.Parse(
            """
            {
              "type": "object",
              "properties": { "width": { "enum": ["Full"] }, "entities": { "type": "array", "items": { "type": "object" } } },
              "additionalProperties": false
            }
            """);
        definitions["TeamsAdaptiveCard"] = teamsCard;
        schema["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/TeamsAdaptiveCard" });
        return schema;
    }

    /// <summary>Visits every subschema, and only subschemas: property names such as "version" or "id" are left alone.</summary>
    private static void Walk(JsonNode? node, Action<JsonObject> visit)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        visit(schema);
        foreach (var map in new[] { "properties", "definitions" })
        {
            if (schema[map] is JsonObject children)
            {
                foreach (var (_, child) in children.ToList())
                {
                    Walk(child, visit);
                }
            }
        }

        foreach (var single in new[] { "items", "additionalProperties", "not" })
        {
            Walk(schema[single], visit);
        }

        foreach (var list in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[list] is JsonArray children)
            {
                foreach (var child in children)
                {
                    Walk(child, visit);
                }
            }
        }
    }
}
