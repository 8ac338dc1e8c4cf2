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

    /// <summary>
    /// The <paramref name="index"/>th of a series of failing calls whose failing criterion changes every two calls
    /// (empathy, empathy, resolution, resolution, ...), so that no criterion fails three calls in a row of one agent:
    /// for tests about volume and delivery, where a pattern flag would fold the quality flags they count.
    /// </summary>
    public static JsonObject CallWithoutStreak(string callId, int index, string callTime, string agent = "ana@example.com")
    {
        var onResolution = index % 4 >= 2;
        var call = Call(callId, empathy: onResolution ? 90 : 45, agent: agent, callTime: callTime);
        if (onResolution)
        {
            call["scores"]![3]!["score"] = 40;
        }

        return call;
    }

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
