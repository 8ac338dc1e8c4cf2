using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

public sealed class ScoredCallsApiTests
{
    [Fact]
    public async Task PostedCallReturnsItsFlagWithTheActionPlan()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/scored-calls/acme-qa/call-1", response.Headers.Location?.ToString());
        var flag = (await Json.ReadAsync(response)).GetProperty("flags").EnumerateArray().Single();
        var plan = flag.GetProperty("plan");
        Assert.Equal("quality", flag.GetProperty("kind").GetString());
        Assert.Equal("Empathy (25% weight) - scored 45, threshold 60", plan.GetProperty("criterionLine").GetString());
        Assert.Equal("00:12:04", plan.GetProperty("quoteOffset").GetString());
        Assert.Equal("3 empathy-drill role-plays on practising empathy", plan.GetProperty("practice").GetString());
        Assert.Equal("2026-11-27", plan.GetProperty("followUpDate").GetString());
    }

    [Fact]
    public async Task ComplianceFailureFlagsApartAndUrgentEvenWithAHighOverallScore()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call(empathy: 90, disclosure: 0, overall: 88));

        var flags = (await Json.ReadAsync(response)).GetProperty("flags").EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var flag = Assert.Single(flags);
        Assert.Equal(("compliance", true, "disclosure"),
            (flag.GetProperty("kind").GetString(), flag.GetProperty("urgent").GetBoolean(), flag.GetProperty("criterionId").GetString()));
    }

    [Fact]
    public async Task CallAboveEveryThresholdRaisesNoFlag()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call(empathy: 60, overall: 65));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty((await Json.ReadAsync(response)).GetProperty("flags").EnumerateArray());
        Assert.Equal(0, await app.WithDbAsync(db => db.Flags.CountAsync()));
    }

    [Fact]
    public async Task SameCallAgainReturnsTheFirstResultAndStoresNothingNew()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var first = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call());

        app.Clock.Advance(TimeSpan.FromHours(1));
        var again = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Flags.CountAsync()));
    }

    [Fact]
    public async Task SameCallIdWithDifferentContentIsAConflictAndChangesNothing()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call(empathy: 45));

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call(empathy: 20));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stored = await app.WithDbAsync(db => db.CriterionScores.SingleAsync(s => s.CriterionId == "empathy"));
        Assert.Equal(45, stored.Score);
    }

    [Fact]
    public async Task InvalidCallIsRefusedWithEveryFieldNamedAndNothingStored()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var call = Json.Call();
        call.Remove("agent");
        call["scores"]!.AsArray().Add(Json.Score("charisma", 50));
        call["scores"]![1]!["score"] = 120;

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", call);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["agent", "scores[1].score", "scores[5].criterion"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
    }

    [Fact]
    public async Task UnknownAgentIsRefusedByName()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call(agent: "ghost@example.com"));

        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ghost@example.com", errors.GetProperty("agent")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"source":"a","callId":"1","agent":"ana@example.com","overallScore":"high"}""", "overallScore")]
    [InlineData("""{"source":"a","callId":"1","scores":[{"criterion":"empathy","score":{}}]}""", "scores[0].score")]
    [InlineData("""{"source":"a",""", "body")]
    public async Task MalformedJsonIsRefusedNamingTheField(string body, string field)
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsync("/api/v1/scored-calls", Json.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task BatchAnswersPerItemAndKeepsTheValidOnes()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("dup"));
        var bad = Json.Call("bad");
        bad["overallScore"] = -3;
        var batch = new JsonObject { ["calls"] = new JsonArray(Json.Call("ok-1"), bad, Json.Call("dup"), Json.Call("ok-2", empathy: 90)) };

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(["accepted", "invalid", "duplicate", "accepted"],
            body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()));
        Assert.True(body.GetProperty("items")[1].GetProperty("errors").TryGetProperty("calls[1].overallScore", out _));
        Assert.Equal((3, 1), (body.GetProperty("accepted").GetInt32(), body.GetProperty("refused").GetInt32()));
        Assert.Equal(["dup", "ok-1", "ok-2"], await app.WithDbAsync(db => db.ScoredCalls.Select(c => c.CallId).OrderBy(c => c).ToListAsync()));
    }

    [Fact]
    public async Task ConcurrentPostsOfOneCallStoreItOnce()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("burst"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal(1, await app.WithDbAsync(db => db.Flags.CountAsync()));
    }

    [Fact]
    public async Task ThirdConsecutiveLowEmpathyCallRaisesOnePatternFlagThatTheFourthExtends()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var kinds = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call($"c{i}", empathy: 40, callTime: $"2026-11-1{i}T10:00:00Z"));
            var flags = (await Json.ReadAsync(response)).GetProperty("flags");
            kinds.Add(string.Join(",", flags.EnumerateArray().Select(f => f.GetProperty("kind").GetString())));
        }

        Assert.Equal(["quality", "quality", "pattern", ""], kinds);
    }

    [Fact]
    public async Task StoredCallCanBeReadBackByItsIds()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        var posted = await Json.ReadAsync(await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call()));

        var read = await Json.ReadAsync(await client.GetAsync("/api/v1/scored-calls/acme-qa/call-1"));
        var missing = await client.GetAsync("/api/v1/scored-calls/acme-qa/nope");

        Assert.Equal(posted.GetProperty("scoredCallId").GetString(), read.GetProperty("scoredCallId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
