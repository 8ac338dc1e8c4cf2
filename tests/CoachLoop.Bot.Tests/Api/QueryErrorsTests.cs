using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>Bad query parameters and route values are 400 problems naming the parameter and the format, never a 500.</summary>
public sealed class QueryErrorsTests
{
    [Theory]
    [InlineData("/api/v1/flags?limit=abc", "limit", "whole number")]
    [InlineData("/api/v1/coaching-log?from=yesterday", "from", "ISO 8601")]
    [InlineData("/api/v1/agents/ana@example.com/scorecard?from=notadate", "from", "ISO 8601")]
    [InlineData("/api/v1/agents/ana@example.com/scorecard?to=2026-11-20T00:00:00", "to", "with offset")]
    [InlineData("/api/v1/outbox?limit=1e3", "limit", "whole number")]
    [InlineData("/api/v1/flags?limit=", "limit", "whole number from 1 to 500")]
    [InlineData("/api/v1/rubrics/LONG", "key", "longer than 2000")]
    [InlineData("/api/v1/scored-calls/acme-qa/LONG", "callId", "longer than 2000")]
    [InlineData("/api/v1/directory/people?team=ea%00st", "team", "NUL")]
    public async Task BadValueIsA400NamingTheParameterAndTheExpectedFormat(string url, string parameter, string expected)
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();

        var response = await client.GetAsync(url.Replace("LONG", new string('x', 2001), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = (await Json.ReadAsync(response)).GetProperty("errors").GetProperty(parameter)[0].GetString();
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownQueryParametersAreRefusedByNameWithTheOnesTheRouteTakes()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();

        var flags = await client.GetAsync("/api/v1/flags?stauts=open&team=east&page=2");
        var rubrics = await client.GetAsync("/api/v1/rubrics?key=support");

        Assert.Equal(HttpStatusCode.BadRequest, flags.StatusCode);
        var errors = (await Json.ReadAsync(flags)).GetProperty("errors");
        Assert.Equal(["page", "stauts"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("team, agent, status, limit", errors.GetProperty("stauts")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, rubrics.StatusCode);
        Assert.Contains("takes no query parameters", (await Json.ReadAsync(rubrics)).GetProperty("errors").GetProperty("key")[0].GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryErrorOfTheQueryIsInOneAnswerAndARepeatedParameterIsOneOfThem()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();

        var response = await client.GetAsync("/api/v1/coaching-log?from=yesterday&to=tomorrow&team=east&team=west");

        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["from", "team", "to"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("more than once", errors.GetProperty("team")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodQueriesStillAnswerAsBefore()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();

        var flags = await client.GetAsync("/api/v1/flags?team=east&status=open,practiceApproved&limit=5&AGENT=ana@example.com");
        var log = await client.GetAsync("/api/v1/coaching-log?from=2026-11-01T00:00:00%2B01:00&to=2026-11-20T00:00:00Z&format=json");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (flags.StatusCode, log.StatusCode));
    }

    [Fact]
    public async Task AStatusHasOneSpellingInTheFilterItsErrorAndTheAnswers()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call());

        var refused = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?status=bogus"));
        var byNumber = await client.GetAsync("/api/v1/flags?status=0");
        var raised = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?status=raised"));

        var message = refused.GetProperty("errors").GetProperty("status")[0].GetString()!;
        Assert.Contains("practiceApproved, sessionLogged, followUpDue", message, StringComparison.Ordinal);
        Assert.DoesNotContain("PracticeApproved", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, byNumber.StatusCode);
        Assert.Equal("raised", raised.GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheCoachingLogSpellsStatusesAsTheApiDoes()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("4471"));
        await app.WithDbAsync(async db =>
        {
            var flag = await db.Flags.SingleAsync();
            var manager = new CoachLoop.Engine.Common.Actor(Guid.CreateVersion7(), "Morgan Lee", CoachLoop.Engine.Common.ActorRole.Manager, "web");
            flag.ApprovePractice(manager, app.Clock.GetUtcNow());
            flag.LogSession(new CoachLoop.Engine.Coaching.CoachingSession("empathy", "Acknowledge first", "I rushed", "Name the feeling",
                flag.Plan.Practice!, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 20)), manager, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var csv = await client.GetStringAsync("/api/v1/coaching-log?format=csv&from=2026-11-01T00:00:00Z&to=2026-11-21T00:00:00Z");
        var json = await Json.ReadAsync(await client.GetAsync("/api/v1/coaching-log?from=2026-11-01T00:00:00Z&to=2026-11-21T00:00:00Z"));

        Assert.Contains(",sessionLogged,", csv.Split('\n')[1], StringComparison.Ordinal);
        Assert.Equal("sessionLogged", json.GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task EveryRouteOfTheApiAndTheWebChannelChecksItsQuery()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true, settings: new Dictionary<string, string?> { ["WebChannel:Enabled"] = "true" });

        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/web/api", StringComparison.Ordinal)))
            .ToList();

        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} routes found");
        Assert.All(endpoints, e => Assert.True(e.Metadata.Any(m => m.GetType().Name == "QueryContract"), e.RoutePattern.RawText));
    }
}
