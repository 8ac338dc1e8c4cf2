using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>Batches commit a chunk of calls at a time; every call still gets its own answer and stands or fails alone.</summary>
public sealed class ScoredCallBatchTests
{
    [Fact]
    public async Task RefusedDuplicateAndConflictingCallsAcrossChunksAnswerAloneAndOnlyTheValidOnesAreStored()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.CallWithoutStreak("stored-before", 0, "2026-11-18T07:00:00Z"));
        var calls = new JsonArray();
        for (var i = 0; i < 120; i++)
        {
            calls.Add(Json.CallWithoutStreak($"b-{i}", i, $"2026-11-19T{i / 6:00}:{i % 6 * 10:00}:00Z"));
        }

        calls[10]!["overallScore"] = -3;
        calls[49] = Json.CallWithoutStreak("b-3", 3, "2026-11-19T00:30:00Z");
        calls[50] = Json.CallWithoutStreak("b-4", 4, "2026-11-19T05:00:00Z");
        calls[51]!["agent"] = "ghost@example.com";
        calls[99] = Json.CallWithoutStreak("stored-before", 0, "2026-11-18T07:00:00Z");
        calls[100] = Json.CallWithoutStreak("stored-before", 2, "2026-11-18T07:00:00Z");

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = calls });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await Json.ReadAsync(response)).GetProperty("items").EnumerateArray().ToList();
        var odd = items.Where(i => i.GetProperty("status").GetString() != "accepted")
            .Select(i => (i.GetProperty("index").GetInt32(), i.GetProperty("status").GetString())).ToList();
        Assert.Equal([(10, "invalid"), (49, "duplicate"), (50, "conflict"), (51, "invalid"), (99, "duplicate"), (100, "conflict")], odd);
        Assert.True(items[51].GetProperty("errors").TryGetProperty("calls[51].agent", out _));
        Assert.Equal(items[3].GetProperty("receipt").GetProperty("scoredCallId").GetString(),
            items[49].GetProperty("receipt").GetProperty("scoredCallId").GetString());
        var stored = await app.WithDbAsync(db => db.ScoredCalls.Select(c => c.CallId).ToListAsync());
        Assert.Equal(1 + 120 - 6, stored.Count);
        Assert.DoesNotContain("b-10", stored);
        Assert.DoesNotContain("b-51", stored);
        Assert.Equal(stored.Count, await app.WithDbAsync(db => db.Flags.CountAsync()));
        Assert.Equal(stored.Count * 5, await app.WithDbAsync(db => db.CriterionScores.CountAsync()));
    }

    [Fact]
    public async Task AStreakCompletedInsideOneBatchRaisesOnePatternFlag()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var calls = new JsonArray();
        for (var i = 0; i < 4; i++)
        {
            calls.Add(Json.Call($"s-{i}", empathy: 40, callTime: $"2026-11-1{i + 1}T10:00:00Z"));
        }

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = calls });

        var kinds = (await Json.ReadAsync(response)).GetProperty("items").EnumerateArray()
            .Select(i => string.Join(",", i.GetProperty("receipt").GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString())))
            .ToList();
        Assert.Equal(["quality", "quality", "pattern", ""], kinds);
    }
}
