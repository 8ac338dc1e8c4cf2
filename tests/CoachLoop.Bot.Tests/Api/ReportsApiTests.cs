using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

public sealed class ReportsApiTests
{
    private static readonly Actor Manager = new(Guid.CreateVersion7(), "Morgan Lee", ActorRole.Manager, "web");

    [Fact]
    public async Task ScorecardAveragesNonOverturnedScoresPerCriterion()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("c1", empathy: 40, callTime: "2026-11-10T10:00:00Z", overall: 70));
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("c2", empathy: 60, callTime: "2026-11-12T10:00:00Z", overall: 80));
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("c3", empathy: 0, callTime: "2026-11-13T10:00:00Z", overall: 60));
        await app.WithDbAsync(async db =>
        {
            var overturned = await db.CriterionScores.Join(db.ScoredCalls.Where(c => c.CallId == "c3"), s => s.ScoredCallId, c => c.Id, (s, _) => s)
                .SingleAsync(s => s.CriterionId == "empathy");
            overturned.Overturned = true;
            return await db.SaveChangesAsync();
        });

        var card = await Json.ReadAsync(await client.GetAsync("/api/v1/agents/ana@example.com/scorecard?from=2026-11-01T00:00:00Z&to=2026-11-20T00:00:00Z"));

        var empathy = card.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterionId").GetString() == "empathy");
        Assert.Equal((3, 70m), (card.GetProperty("calls").GetInt32(), card.GetProperty("overallAverage").GetDecimal()));
        Assert.Equal((50m, 2), (empathy.GetProperty("average").GetDecimal(), empathy.GetProperty("scores").GetInt32()));
        Assert.Equal(2, card.GetProperty("flags").GetInt32()); // c2 sits exactly at the empathy threshold: no flag
    }

    [Fact]
    public async Task CoachingLogExportsSessionsAsCsvAndJson()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("4471"));
        await app.WithDbAsync(async db =>
        {
            var flag = await db.Flags.SingleAsync();
            var now = app.Clock.GetUtcNow();
            flag.ApprovePractice(Manager, now);
            flag.LogSession(new CoachingSession("empathy", "Acknowledge frustration first", "=I rushed, \"policy\" talk", "Name the feeling, then solve",
                flag.Plan.Practice!, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 20)), Manager, now);
            return await db.SaveChangesAsync();
        });

        var csv = await client.GetStringAsync("/api/v1/coaching-log?format=csv&from=2026-11-01T00:00:00Z&to=2026-11-21T00:00:00Z");
        var json = await Json.ReadAsync(await client.GetAsync($"/api/v1/coaching-log?team={Samples.TeamKey}&from=2026-11-01T00:00:00Z&to=2026-11-21T00:00:00Z"));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("flag_id,agent,agent_name,team,call_id,call_time,criterion_id,criterion_name,score,threshold", lines[0], StringComparison.Ordinal);
        Assert.Contains("ana@example.com,Ana Ruiz,east,4471,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=I rushed, \"\"policy\"\" talk\"", lines[1], StringComparison.Ordinal);
        var row = json.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("00:12:04", "2026-11-27"), (row.GetProperty("evidenceOffset").GetString(), row.GetProperty("followUpDate").GetString()));
    }

    [Fact]
    public async Task ReportsRefuseBadPeriodsAndFormats()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var backwards = await client.GetAsync("/api/v1/agents/ana@example.com/scorecard?from=2026-11-20T00:00:00Z&to=2026-11-01T00:00:00Z");
        var format = await client.GetAsync("/api/v1/coaching-log?format=xml");
        var unknown = await client.GetAsync("/api/v1/agents/ghost@example.com/scorecard");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (backwards.StatusCode, format.StatusCode, unknown.StatusCode));
    }
}
