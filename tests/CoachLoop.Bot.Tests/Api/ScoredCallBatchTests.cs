using System.Text.Json.Nodes;
using CoachLoop.Data;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>Batches commit a chunk of calls at a time; every call still gets its own answer and stands or fails alone.</summary>
public sealed class ScoredCallBatchTests
{
    public static TheoryData<DatabaseProvider> Providers => TestProviders.All;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RefusedDuplicateAndConflictingCallsAcrossChunksAnswerAloneAndOnlyTheValidOnesAreStored(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider);
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

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TwoHostsTakingOverlappingBatchesOfTheSameAgentsStoreEachCallOnceAndRaiseEachPatternOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var hostA = await CoachLoopApp.StartAsync(database: database);
        await using var hostB = await CoachLoopApp.StartAsync(seed: false, database: database);
        var clients = new[] { await hostA.CreateApiClientAsync(), await hostB.CreateApiClientAsync() };
        // Every call fails empathy: each agent's calls form one streak, which both hosts extend at once.
        var calls = Enumerable.Range(0, 120).Select(i => Json.Call($"o-{i}", empathy: 40, agent: i % 2 == 0 ? "ana@example.com" : "ben@example.com",
            callTime: $"2026-11-19T{i / 12:00}:{i % 12 * 5:00}:00Z")).ToList();

        var posts = clients.Select((client, h) => Task.Run(async () =>
        {
            // Host A takes the calls in order, host B backwards: they meet in the middle of both agents' streaks.
            var mine = h == 0 ? calls : Enumerable.Reverse(calls).ToList();
            var batch = new JsonArray([.. mine.Select(c => c.DeepClone())]);
            var response = await client.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = batch });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Json.ReadAsync(response)).GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("status").GetString(), i.GetProperty("receipt").GetProperty("scoredCallId").GetString())).ToList();
        })).ToList();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers.SelectMany(a => a), a => Assert.Contains(a.Item1, new[] { "accepted", "duplicate" }));
        var forward = answers[0];
        var backward = Enumerable.Reverse(answers[1]).ToList();
        Assert.Equal(forward.Select(a => a.Item2), backward.Select(a => a.Item2));
        Assert.Equal(120, forward.Zip(backward).Count(p => p.First.Item1 == "accepted" ^ p.Second.Item1 == "accepted"));
        Assert.Equal(120, await hostA.WithDbAsync(db => db.ScoredCalls.CountAsync()));
        var patterns = await hostA.WithDbAsync(db => db.Flags.Where(f => f.Kind == FlagKind.Pattern && f.CriterionId == "empathy")
            .Select(f => f.AgentId).ToListAsync());
        Assert.Equal(2, patterns.Count);
        Assert.Equal(2, patterns.Distinct().Count());
    }
}
