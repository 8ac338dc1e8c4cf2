using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Api;

public sealed class RubricsApiTests
{
    private static JsonObject Rubric(string key, params (string Id, decimal Weight, decimal Threshold)[] criteria) => new()
    {
        ["key"] = key,
        ["name"] = "Sales call",
        ["callType"] = "sales",
        ["criteria"] = new JsonArray(criteria.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Id,
            ["weight"] = c.Weight,
            ["threshold"] = c.Threshold,
            ["kind"] = "quality",
            ["mode"] = "intent",
            ["expectedBehaviour"] = "Ask about budget in the first two minutes.",
            ["scenarios"] = new JsonArray(new JsonObject { ["id"] = "s1", ["scenarioType"] = "budget talk", ["skill"] = "asking about budget", ["sessions"] = 2 }),
        }).ToArray()),
    };

    [Fact]
    public async Task PostingAnExistingKeyMakesTheNextVersionAndKeepsTheOld()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync();

        var v1 = await client.PostAsJsonAsync("/api/v1/rubrics", Rubric("sales", ("budget", 60, 70), ("close", 40, 60)));
        var v2 = await client.PostAsJsonAsync("/api/v1/rubrics", Rubric("sales", ("budget", 50, 70), ("close", 50, 65)));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (v1.StatusCode, v2.StatusCode));
        Assert.Equal("/api/v1/rubrics/sales/versions/2", v2.Headers.Location?.ToString());
        var latest = await Json.ReadAsync(await client.GetAsync("/api/v1/rubrics/sales"));
        var first = await Json.ReadAsync(await client.GetAsync("/api/v1/rubrics/sales/versions/1"));
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal(60, first.GetProperty("criteria")[0].GetProperty("weight").GetDecimal());
    }

    [Fact]
    public async Task InvalidRubricIsRefusedWithEveryReason()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/rubrics", Rubric("sales", ("budget", 60, 170), ("budget", 30, 60)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["criteria", "criteria[0].threshold", "criteria[1].id"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/rubrics/sales")).StatusCode);
    }

    [Fact]
    public async Task RubricWithNoCriteriaIsRefused()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/rubrics", Rubric("empty"));

        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least one criterion", errors.GetProperty("criteria")[0].GetString(), StringComparison.Ordinal);
    }
}
