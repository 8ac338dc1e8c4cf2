using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>Backfill files as a QA system's export would hold them, and the import API as a client drives it.</summary>
public static class Backfill
{
    public const string ImportsPath = "/api/v1/scored-calls/imports";

    private static readonly string[] Agents = ["AG-1", "ana@example.com", "AG-2", "ben@example.com", "AG-9"];

    /// <summary>
    /// <paramref name="count"/> calls of three agents over the 60 days before <see cref="ManualClock.DefaultStart"/>, in random
    /// order (not call-time order), with failing scores often enough that quality, compliance and pattern flags are raised.
    /// </summary>
    public static List<JsonObject> Calls(int count, int seed = 7)
    {
        var random = new Random(seed);
        var start = ManualClock.DefaultStart.AddDays(-60);
        var calls = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds(random.Next(0, 60 * 24 * 3600 - 7200));
            var call = Json.Call($"bf-{i:D6}", empathy: random.Next(0, 10) < 4 ? 40 + random.Next(0, 19) : 75,
                disclosure: random.Next(0, 50) == 0 ? 0 : 100, agent: Agents[random.Next(Agents.Length)],
                callTime: at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (random.Next(0, 10) < 3)
            {
                call["scores"]![3]!["score"] = 50 + random.Next(0, 19);
            }

            calls.Add(call);
        }

        return calls;
    }

    public static string Ndjson(IEnumerable<JsonNode> calls) => string.Join('\n', calls.Select(c => c.ToJsonString())) + "\n";

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string body, string contentType = "application/x-ndjson")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        return await client.PostAsync(ImportsPath, content);
    }

    /// <summary>Polls the job until it is completed (every state seen on the way goes to <paramref name="seen"/>).</summary>
    public static async Task<JsonElement> CompletedAsync(HttpClient client, string location, List<JsonElement>? seen = null, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            using var response = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var job = await Json.ReadAsync(response);
            seen?.Add(job);
            if (job.GetProperty("status").GetString() == "completed")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, "the import did not complete in time: " + job);
            await Task.Delay(10);
        }
    }

    /// <summary>Every flag as "call id, kind, agent, criterion, status", sorted: what posting and importing must agree on.</summary>
    public static async Task<List<string>> FlagsAsync(CoachLoopDbContext db)
    {
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Email);
        var flags = await db.Flags.AsNoTracking().Select(f => new { f.CallId, f.Kind, f.AgentId, f.CriterionId, f.Status }).ToListAsync();
        return flags.Select(f => $"{f.CallId} {f.Kind} {people[f.AgentId]} {f.CriterionId} {f.Status}").Order(StringComparer.Ordinal).ToList();
    }

    public static JsonElement Errors(JsonElement problem) => problem.GetProperty("errors");

    public static string Text(JsonElement element) => JsonSerializer.Serialize(element);
}
