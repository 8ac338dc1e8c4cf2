using CoachLoop.Data;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.FollowUps;
using CoachLoop.Engine.Flags;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// The coaching log over HTTP: the CSV download (read back with a CSV parser) names the criterion, score and threshold in
/// their own columns, the agent and team, the coach and the practice, under a file name; the JSON log pages.
/// </summary>
public sealed class CoachingLogExportTests
{
    private static readonly Actor Manager = new(Guid.CreateVersion7(), "Morgan Lee", ActorRole.Manager, "web");
    public static TheoryData<DatabaseProvider> Providers => PagingTests.Providers;

    private const string Period = "from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z";

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TheCsvHasItsOwnColumnsForCriterionScoreThresholdAgentTeamCoachAndPracticeAndAFileName(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider);
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("4471"));
        await CoachAsync(app, "4471", practiceDone: true);

        var response = await client.GetAsync($"/api/v1/coaching-log?format=csv&team={Samples.TeamKey}&{Period}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("coaching-log-east-20261101-20261231.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = ReadCsv(await response.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(rows);
        Assert.Equal(("empathy", "Empathy", "45", "60"), (row["criterion_id"], row["criterion_name"], row["score"], row["threshold"]));
        Assert.Equal(("ana@example.com", "Ana Ruiz", Samples.TeamKey), (row["agent"], row["agent_name"], row["team"]));
        Assert.Equal(("Morgan Lee", "true", "sessionLogged"), (row["coach"], row["practice_done"], row["status"]));
        Assert.Equal(("2026-11-20", "2026-11-27"), (row["held_on"], row["follow_up_date"]));
        Assert.Equal("00:12:04", row["evidence_offset"]);
        // A self-assessment starting like a formula is escaped, and still reads back as one field with its comma and quotes.
        Assert.Equal("'=I rushed, \"policy\" talk", row["agent_self_assessment"]);
    }

    [Fact]
    public async Task TheFollowUpDateIsTheFlagsAfterAnExtension()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("4471"));
        await CoachAsync(app, "4471", practiceDone: false);
        await app.WithDbAsync(async db =>
        {
            var flag = await db.Flags.SingleAsync();
            var now = app.Clock.GetUtcNow();
            flag.MarkFollowUpDue(new DateOnly(2026, 11, 27), Actor.System("test"), now);
            flag.RecordFollowUp(new FollowUpResult(45, null, null, 0, 0, NextAction.NotEnoughData),
                Samples.Criterion("empathy", "Empathy", 25, 60), Actor.System("test"), now);
            Assert.Equal(FlagStatus.SessionLogged, flag.Status);
            return await db.SaveChangesAsync();
        });

        var csv = ReadCsv(await client.GetByteArrayAsync($"/api/v1/coaching-log?format=csv&{Period}"));
        var json = await Json.ReadAsync(await client.GetAsync($"/api/v1/coaching-log?{Period}"));

        Assert.Equal(("2026-12-04", "false"), (Assert.Single(csv)["follow_up_date"], csv[0]["practice_done"]));
        Assert.Equal("2026-12-04", json.GetProperty("items")[0].GetProperty("followUpDate").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task TheJsonLogPagesAndItsNextLinkKeepsTheDefaultPeriod(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider);
        var client = await app.CreateApiClientAsync();
        await PagingTests.PostBatchAsync(client, 3);
        foreach (var callId in new[] { "p-000", "p-001", "p-002" })
        {
            await CoachAsync(app, callId, practiceDone: false);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var pages = await PagingTests.FollowAsync(client, "/api/v1/coaching-log?limit=2");

        Assert.Equal(["p-000", "p-001", "p-002"],
            pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(r => r.GetProperty("callId").GetString()));
        Assert.Contains("from=", pages[1].GetProperty("self").GetString(), StringComparison.Ordinal);
        Assert.Contains("to=", pages[1].GetProperty("self").GetString(), StringComparison.Ordinal);
        var first = pages[0].GetProperty("items")[0];
        Assert.Equal(("Morgan Lee", "Ana Ruiz", Samples.TeamKey), (first.GetProperty("coach").GetString(),
            first.GetProperty("agentName").GetString(), first.GetProperty("team").GetString()));
    }

    [Fact]
    public async Task TheCsvIsTheWholePeriodAndRefusesPaging()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.GetAsync($"/api/v1/coaching-log?format=csv&limit=10&{Period}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty("limit", out _));
    }

    /// <summary>The flag of <paramref name="callId"/> through approval and a session held on 20 November, by Morgan Lee.</summary>
    private static Task<int> CoachAsync(CoachLoopApp app, string callId, bool practiceDone) => app.WithDbAsync(async db =>
    {
        var flag = await db.Flags.SingleAsync(f => f.CallId == callId);
        var now = app.Clock.GetUtcNow();
        flag.ApprovePractice(Manager, now);
        flag.LogSession(new CoachingSession("empathy", "Acknowledge frustration first", "=I rushed, \"policy\" talk", "Name the feeling, then solve",
            flag.Plan.Practice!, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 20)), Manager, now);
        if (practiceDone)
        {
            flag.CompletePractice(Manager, now);
        }

        return await db.SaveChangesAsync();
    });

    private static List<Dictionary<string, string>> ReadCsv(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, null);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(CoachLoop.Bot.Api.CoachingLogCsv.Columns.ToDictionary(c => c, c => reader.GetString(c)));
        }

        return rows;
    }
}
