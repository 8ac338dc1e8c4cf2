using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoachLoop.Bot.Api.OpenApi;

/// <summary>
/// Marks optional what may be absent: the API leaves null fields out of its answers, so a nullable property is never
/// required. The request bodies bind every field as nullable (so that a missing one is named in the problem), so their
/// required fields are listed here, as the validators demand them; the scored call carries an example.
/// </summary>
internal sealed class SchemaDocs : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string[]> RequestRequired = new()
    {
        [typeof(ScoredCallDto)] = ["source", "callId", "agent", "callTime", "rubric", "overallScore", "scores"],
        [typeof(RubricRefDto)] = ["key", "version"],
        [typeof(CriterionScoreDto)] = ["criterion", "score"],
        [typeof(PersonDto)] = ["email", "name", "role"],
        [typeof(RubricDto)] = ["key", "name", "callType", "criteria"],
        [typeof(CriterionDto)] = ["id", "name", "weight", "threshold"],
        [typeof(TeamChannelLink)] = ["conversationId"],
        [typeof(TranscriptDto)] = ["segments"],
        [typeof(TranscriptSegmentDto)] = ["speaker", "start", "text"],
        [typeof(ScriptCheckDto)] = ["phrases"],
        [typeof(KeywordTriggerDto)] = ["label", "phrases"],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        if (RequestRequired.TryGetValue(type, out var required))
        {
            schema.Required = new HashSet<string>(required.Where(properties.ContainsKey), StringComparer.Ordinal);
        }
        else if (schema.Required is { Count: > 0 } listed)
        {
            // The getter's nullable annotation, as System.Text.Json reads it: a nullable reference to another schema is
            // only wrapped in "oneOf: [null, $ref]" after this runs.
            var nullable = context.JsonTypeInfo.Properties.Where(p => p.IsGetNullable).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            schema.Required = new HashSet<string>(
                listed.Where(name => !nullable.Contains(name) && !(properties.TryGetValue(name, out var p) && IsNullable(p))), StringComparer.Ordinal);
        }

        if (type == typeof(ScoredCallDto))
        {
            schema.Examples = [ScoredCallExample()];
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(IOpenApiSchema property) =>
        property.Type is { } t && t.HasFlag(JsonSchemaType.Null)
        || property.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true
        || property.AnyOf?.Any(s => s.Type == JsonSchemaType.Null) == true;

    private static JsonObject ScoredCallExample() => new()
    {
        ["source"] = "acme-qa",
        ["callId"] = "4471",
        ["agent"] = "ana@example.com",
        ["callTime"] = "2026-11-20T07:00:00+00:00",
        ["durationSeconds"] = 540,
        ["queue"] = "billing",
        ["rubric"] = new JsonObject { ["key"] = "support", ["version"] = 1 },
        ["overallScore"] = 75,
        ["scores"] = new JsonArray(
            new JsonObject
            {
                ["criterion"] = "empathy", ["score"] = 45,
                ["evidence"] = new JsonObject { ["quote"] = "That's just our policy.", ["offset"] = "00:12:04" },
            },
            new JsonObject { ["criterion"] = "disclosure", ["score"] = 100 }),
        ["transcript"] = new JsonObject
        {
            ["segments"] = new JsonArray(
                new JsonObject { ["speaker"] = "agent", ["start"] = "00:00:02", ["text"] = "Thanks for calling Acme. This call may be recorded for quality and training purposes." },
                new JsonObject { ["speaker"] = "customer", ["start"] = "00:00:09", ["text"] = "Hi, my bill is wrong again." }),
        },
    };
}
