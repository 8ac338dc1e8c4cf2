using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CoachLoop.Bot.Tests.Transcripts;

/// <summary>The sample rubric with a script check on its disclosure and a keyword trigger on empathy, and calls with transcripts.</summary>
public static class ScriptCheckJson
{
    public const string Disclosure = "this call may be recorded for quality and training purposes";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Version 2 of the sample rubric, as posted to /api/v1/rubrics.</summary>
    public static JsonObject Rubric()
    {
        var rubric = JsonSerializer.SerializeToNode(Samples.Rubric(), Options)!.AsObject();
        var criteria = rubric["criteria"]!.AsArray();
        criteria[0]!["scriptCheck"] = new JsonObject { ["phrases"] = new JsonArray(Disclosure), ["withinSeconds"] = 30 };
        criteria[1]!["keywordTriggers"] = new JsonArray(new JsonObject
        {
            ["label"] = "legal threat", ["phrases"] = new JsonArray("speak to a lawyer"), ["speaker"] = "customer",
        });
        return rubric;
    }

    /// <summary>A call on version 2 whose QA scores pass (empathy 90, disclosure 100), with the given transcript segments.</summary>
    public static JsonObject Call(string callId, params (string Speaker, string Start, string Text)[] segments)
    {
        var call = Json.Call(callId, empathy: 90, overall: 92);
        call["rubric"]!["version"] = 2;
        call["transcript"] = new JsonObject
        {
            ["segments"] = new JsonArray([.. segments.Select(s => (JsonNode)new JsonObject { ["speaker"] = s.Speaker, ["start"] = s.Start, ["text"] = s.Text })]),
        };
        return call;
    }
}
