using System.Text.Json.Nodes;

namespace CoachLoop.Browser.Tests.Support;

/// <summary>Scored calls against the demo <c>support</c> rubric, posted through the real API.</summary>
public static class ScoredCalls
{
    public const string EmpathyQuote = "That is just our policy. I cannot change the late fee, you will need to pay it by Friday.";

    /// <summary>Low empathy (a quality flag); with <paramref name="skipDisclosure"/> also the urgent compliance flag.</summary>
    public static JsonObject LowEmpathy(string callId, string agent = People.AnaEmail, bool skipDisclosure = false) => new()
    {
        ["source"] = "browser-tests",
        ["callId"] = callId,
        ["agent"] = agent,
        ["callTime"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"),
        ["durationSeconds"] = 540,
        ["queue"] = "billing",
        ["rubric"] = new JsonObject { ["key"] = "support", ["version"] = 1 },
        ["overallScore"] = 80,
        ["scores"] = new JsonArray
        {
            Score("disclosure", skipDisclosure ? 0 : 100,
                skipDisclosure ? "Hi, thanks for calling, can I get your account number?" : null, "00:00:04"),
            Score("empathy", 45, EmpathyQuote, "00:12:04"),
            Score("discovery", 90),
            Score("resolution", 92),
            Score("ownership", 88),
        },
    };

    /// <summary>
    /// A call by Ana failing only <paramref name="criterion"/> (one non-urgent flag). Rotating the criterion over calls never makes
    /// a streak, so no pattern flag folds them together.
    /// </summary>
    public static JsonObject FailingOne(string callId, string criterion, int minutesAgo) => new()
    {
        ["source"] = "browser-tests",
        ["callId"] = callId,
        ["agent"] = People.AnaEmail,
        ["callTime"] = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToString("O"),
        ["durationSeconds"] = 300,
        ["queue"] = "billing",
        ["rubric"] = new JsonObject { ["key"] = "support", ["version"] = 1 },
        ["overallScore"] = 80,
        ["scores"] = new JsonArray(new[] { "disclosure", "empathy", "discovery", "resolution", "ownership" }
            .Select(c => (JsonNode)Score(c, c == criterion ? 10 : 95)).ToArray()),
    };

    /// <summary>Posts the call and returns the flags raised, by criterion id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PostAsync(HttpClient api, JsonObject call)
    {
        using var response = await api.PostAsJsonAsync("api/v1/scored-calls", call);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"the API answered {(int)response.StatusCode}: {body}");
        var flags = JsonNode.Parse(body)!["flags"]!.AsArray();
        return flags.ToDictionary(f => (string)f!["criterionId"]!, f => (string)f!["flagId"]!);
    }

    /// <summary>The flag as the API shows it, with its audited history.</summary>
    public static async Task<JsonNode> GetFlagAsync(HttpClient api, string flagId) =>
        JsonNode.Parse(await api.GetStringAsync($"api/v1/flags/{flagId}"))!;

    private static JsonObject Score(string criterion, int score, string? quote = null, string? offset = null)
    {
        var entry = new JsonObject { ["criterion"] = criterion, ["score"] = score };
        if (quote is not null)
        {
            entry["evidence"] = new JsonObject { ["quote"] = quote, ["offset"] = offset };
        }

        return entry;
    }
}
