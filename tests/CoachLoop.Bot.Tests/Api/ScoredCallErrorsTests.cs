using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>A refused scored call is answered with every error of the request at once, each in the words of the API.</summary>
public sealed class ScoredCallErrorsTests
{
    [Fact]
    public async Task AMissingOverallScoreNoLongerHidesABadScoreAnUnknownCriterionOrABadDate()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();
        var call = Json.Call();
        call.Remove("overallScore");
        call["scores"]![1]!["score"] = 140;
        call["scores"]!.AsArray().Add(Json.Score("charisma", 50));
        call["callTime"] = "not-a-date";

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", call);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["callTime", "overallScore", "scores[1].score", "scores[5].criterion"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
    }

    [Fact]
    public async Task EachCallOfABatchListsAllItsErrors()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();
        var bad = Json.Call("bad");
        bad.Remove("overallScore");
        bad["scores"]![0]!["criterion"] = "charisma";
        bad["agent"] = "ghost@example.com";

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = new JsonArray(Json.Call("ok"), bad) });

        var item = (await Json.ReadAsync(response)).GetProperty("items")[1];
        Assert.Equal("invalid", item.GetProperty("status").GetString());
        Assert.Equal(["calls[1].agent", "calls[1].overallScore", "calls[1].scores[0].criterion"],
            item.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("not-a-date")]
    [InlineData("2026-11-20T07:00:00")]
    [InlineData("2026-11-20")]
    [InlineData("20/11/2026 07:00")]
    public async Task ABadCallTimeSaysTheExpectedFormatNotATypeName(string callTime)
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call(callTime: callTime));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Json.ReadAsync(response)).GetProperty("errors").GetProperty("callTime")[0].GetString()!;
        Assert.Contains("ISO 8601 date-time with offset", message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Dto", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overallScore", "\"80\"")]
    [InlineData("durationSeconds", "\"540\"")]
    [InlineData("source", "42")]
    [InlineData("scores", "{}")]
    public async Task AValueOfTheWrongJsonTypeIsRefusedEvenWhenItWouldConvert(string field, string value)
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();
        var call = Json.Call();
        call[field] = JsonNode.Parse(value);

        var response = await client.PostAsync("/api/v1/scored-calls", Json.Raw(call.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a JSON", (await Json.ReadAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task AnotherContentTypeIs415SayingWhichIsAccepted(string? contentType)
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Json.Call().ToJsonString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = new(contentType);
        }

        var response = await client.PostAsync("/api/v1/scored-calls", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
    }

    [Theory]
    [InlineData("/api/v1/directory/import", "application/json", "text/csv")]
    [InlineData("/api/v1/rubrics", "text/csv", "application/json")]
    public async Task OtherRoutesSayWhichContentTypeTheyAcceptToo(string url, string sent, string accepted)
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, sent));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains($"accepts a body of type {accepted}", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
