using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>Request bodies the way a QA system would write them, as JSON.</summary>
public static class Json
{
    public static JsonObject Call(string callId = "call-1", decimal empathy = 45, decimal disclosure = 100, string agent = "ana@example.com",
        string callTime = "2026-11-20T07:00:00Z", decimal overall = 75) => new()
    {
        ["source"] = "acme-qa",
        ["callId"] = callId,
        ["agent"] = agent,
        ["callTime"] = callTime,
        ["durationSeconds"] = 540,
        ["queue"] = "billing",
        ["rubric"] = new JsonObject { ["key"] = Samples.RubricKey, ["version"] = 1 },
        ["overallScore"] = overall,
        ["scores"] = new JsonArray(
            Score("disclosure", disclosure, "Thanks for calling, this call is recorded.", "00:00:04"),
            Score("empathy", empathy, "That's just our policy. You'll need to pay the fee by Friday.", "00:12:04"),
            Score("discovery", 80), Score("resolution", 85), Score("ownership", 90)),
    };

    public static JsonObject Score(string criterion, decimal score, string? quote = null, string? offset = null)
    {
        var o = new JsonObject { ["criterion"] = criterion, ["score"] = score };
        if (quote is not null)
        {
            o["evidence"] = new JsonObject { ["quote"] = quote, ["offset"] = offset };
        }

        return o;
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static StringContent Raw(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
