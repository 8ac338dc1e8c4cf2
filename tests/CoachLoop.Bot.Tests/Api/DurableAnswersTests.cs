using System.Text.Json.Nodes;
using CoachLoop.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// SQLite commits skip their fsync (synchronous=NORMAL); an answer that acknowledges a write goes out only after a flush has made
/// it durable, and an answer that follows no new commit does not wait for one.
/// </summary>
public sealed class DurableAnswersTests
{
    [Fact]
    public async Task AnAnswerAfterACommitWaitsForAFlushAndOneAfterNoCommitDoesNot()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync();
        var durable = app.Services.GetRequiredService<DurableCommits>();

        var before = durable.Flushes;
        var created = await client.PostAsJsonAsync("/api/v1/rubrics", Rubric("sales"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var afterPost = durable.Flushes;
        Assert.True(afterPost > before, "the 201 went out before the rubric's commit was flushed");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/rubrics/sales")).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/v1/rubrics", new JsonObject { ["key"] = "empty" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(afterPost, durable.Flushes);
    }

    private static JsonObject Rubric(string key) => new()
    {
        ["key"] = key,
        ["name"] = "Sales call",
        ["callType"] = "sales",
        ["criteria"] = new JsonArray(new JsonObject
        {
            ["id"] = "budget", ["name"] = "Budget", ["weight"] = 100, ["threshold"] = 70, ["kind"] = "quality", ["mode"] = "intent",
            ["expectedBehaviour"] = "Ask about budget in the first two minutes.",
            ["scenarios"] = new JsonArray(new JsonObject { ["id"] = "s1", ["scenarioType"] = "budget talk", ["skill"] = "asking about budget", ["sessions"] = 2 }),
        }),
    };
}
