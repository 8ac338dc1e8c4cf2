using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Backfill;

/// <summary>
/// <c>POST /api/v1/scored-calls/imports</c> over real HTTP: NDJSON and CSV, invalid lines named by number with the single post's
/// errors and nothing else lost, duplicates counted, the paged list, and two hosts on one PostgreSQL database.
/// </summary>
public sealed class ImportApiTests
{
    [Fact]
    public async Task AnNdjsonImportStoresEveryValidCallCountsDuplicatesAndNamesInvalidLinesWithTheSinglePostsErrors()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var api = await app.CreateApiClientAsync();
        var valid = Support.Backfill.Calls(30);
        var over = Json.Call("bad-score", overall: 140);
        var unknown = Json.Call("bad-criterion");
        unknown["scores"]![2]!["criterion"] = "charm";
        var noAgent = Json.Call("no-agent");
        noAgent.Remove("agent");
        var lines = valid.Take(10).Select(c => c.ToJsonString()).ToList();
        lines.Add(over.ToJsonString());                 // line 11
        lines.Add("");                                  // line 12: blank, skipped
        lines.Add("{\"source\": \"acme-qa\", nope");    // line 13
        lines.Add(valid[3].ToJsonString());             // line 14: a duplicate of line 4
        lines.Add(unknown.ToJsonString());              // line 15
        lines.Add(noAgent.ToJsonString());              // line 16
        lines.AddRange(valid.Skip(10).Select(c => c.ToJsonString()));

        using var response = await Support.Backfill.SubmitAsync(api, string.Join('\n', lines));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var submitted = await Json.ReadAsync(response);
        Assert.Equal(location, submitted.GetProperty("location").GetString());
        Assert.Equal(35, submitted.GetProperty("lines").GetInt32());

        var job = await Support.Backfill.CompletedAsync(api, location);
        Assert.Equal((30, 1, 4, 35), (job.GetProperty("accepted").GetInt32(), job.GetProperty("duplicates").GetInt32(),
            job.GetProperty("invalid").GetInt32(), job.GetProperty("linesRead").GetInt32()));
        var invalid = job.GetProperty("invalidLines").EnumerateArray().ToDictionary(l => l.GetProperty("line").GetInt32(), l => l.GetProperty("errors"));
        Assert.Equal([11, 13, 15, 16], invalid.Keys.Order());
        Assert.Equal(0, job.GetProperty("invalidNotListed").GetInt32());
        // The same errors, word for word, as posting the line alone.
        foreach (var (line, call) in new[] { (11, over), (15, unknown), (16, noAgent) })
        {
            using var single = await api.PostAsJsonAsync("/api/v1/scored-calls", call);
            Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
            Assert.Equal(Support.Backfill.Text(Support.Backfill.Errors(await Json.ReadAsync(single))), Support.Backfill.Text(invalid[line]));
        }

        Assert.StartsWith("is not valid JSON", invalid[13].GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        // Nothing else lost: every valid call is stored once, none of the invalid ones.
        foreach (var call in valid)
        {
            using var stored = await api.GetAsync($"/api/v1/scored-calls/acme-qa/{call["callId"]}");
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        }

        Assert.Equal(30, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
    }

    [Fact]
    public async Task ACsvImportReadsTheDocumentedColumnsAndNamesARowWithTheWrongFieldCount()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var api = await app.CreateApiClientAsync();
        const string csv = """
            source,callId,agent,callTime,durationSeconds,queue,rubricKey,rubricVersion,overallScore,score.disclosure,quote.disclosure,offset.disclosure,score.empathy,quote.empathy,offset.empathy,failingSentence.empathy,score.discovery,score.resolution,score.ownership
            acme-qa,csv-1,ana@example.com,2026-11-19T08:00:00Z,540,billing,support,1,75,100,"Thanks for calling, this call is recorded.",00:00:04,45,That's just our policy.,00:12:04,You'll need to pay the fee.,80,85,90
            acme-qa,csv-2,AG-2,2026-11-19T09:00:00Z,,,support,1,88,100,,,90,,,,80,85,90
            acme-qa,csv-3,ben@example.com,2026-11-19T10:00:00Z,60,billing,support,1,abc,100,,,90,,,,80,85,90
            acme-qa,csv-4,ben@example.com,2026-11-19T11:00:00Z,60,billing,support,1,80,100
            """;

        using var response = await Support.Backfill.SubmitAsync(api, csv, "text/csv");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await Support.Backfill.CompletedAsync(api, response.Headers.Location!.ToString());

        Assert.Equal("csv", job.GetProperty("format").GetString());
        Assert.Equal((2, 2), (job.GetProperty("accepted").GetInt32(), job.GetProperty("invalid").GetInt32()));
        var invalid = job.GetProperty("invalidLines").EnumerateArray().ToDictionary(l => l.GetProperty("line").GetInt32(), l => l.GetProperty("errors"));
        Assert.Equal(["overallScore"], invalid[4].EnumerateObject().Select(p => p.Name));
        Assert.Contains("has 10 fields where the header has 19", invalid[5].GetProperty("line")[0].GetString(), StringComparison.Ordinal);
        // The evidence columns made the quote and the failing sentence of the empathy flag.
        var receipt = await Json.ReadAsync(await api.GetAsync("/api/v1/scored-calls/acme-qa/csv-1"));
        var flag = Assert.Single(receipt.GetProperty("flags").EnumerateArray());
        Assert.Equal("empathy", flag.GetProperty("criterionId").GetString());
        var stored = await app.WithDbAsync(db => db.CriterionScores.AsNoTracking().Where(s => s.CriterionId == "empathy").Select(s => s.Quote).ToListAsync());
        Assert.Contains("That's just our policy.", stored);
    }

    [Fact]
    public async Task ABadCsvHeaderOrAnEmptyBodyOrAnotherContentTypeIsRefusedAndStoresNoJob()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var api = await app.CreateApiClientAsync();

        using var header = await Support.Backfill.SubmitAsync(api, "source,callId,agent,callTime,rubricKey,overallScore,score.empathy,mood\nx", "text/csv");
        using var empty = await Support.Backfill.SubmitAsync(api, "\n\n");
        using var json = await api.PostAsJsonAsync(Support.Backfill.ImportsPath, Json.Call());

        Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
        var errors = Support.Backfill.Text(await Json.ReadAsync(header));
        Assert.Contains("unknown columns: mood", errors, StringComparison.Ordinal);
        Assert.Contains("missing columns: rubricVersion", errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Contains("application/x-ndjson", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ImportJobs.CountAsync()));
    }

    [Fact]
    public async Task ImportsAreListedNewestFirstAPageAtATime()
    {
        await using var app = await CoachLoopApp.StartAsync(kestrel: true);
        var api = await app.CreateApiClientAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            using var response = await Support.Backfill.SubmitAsync(api, Json.Call($"list-{i}").ToJsonString());
            ids.Add((await Json.ReadAsync(response)).GetProperty("id").GetString()!);
        }

        var first = await Json.ReadAsync(await api.GetAsync(Support.Backfill.ImportsPath + "?limit=2"));
        var next = first.GetProperty("next").GetString()!;
        var second = await Json.ReadAsync(await api.GetAsync(next));

        Assert.Equal([ids[2], ids[1]], first.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.Equal([ids[0]], second.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.False(second.TryGetProperty("next", out _));
        using var missing = await api.GetAsync($"{Support.Backfill.ImportsPath}/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableFact]
    public async Task TwoHostsOnOnePostgresDatabaseRunEachImportOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await CoachLoopApp.StartAsync(database: database, kestrel: true,
            settings: new Dictionary<string, string?> { ["Outbox:HostName"] = "host-a", ["Intake:Backfill:PollInterval"] = "00:00:00.050" });
        await using var b = await CoachLoopApp.StartAsync(database: database, kestrel: true, seed: false,
            settings: new Dictionary<string, string?> { ["Outbox:HostName"] = "host-b", ["Intake:Backfill:PollInterval"] = "00:00:00.050" });
        var (apiA, apiB) = (await a.CreateApiClientAsync(), await b.CreateApiClientAsync());
        var calls = Support.Backfill.Calls(400);

        // Four jobs, two submitted to each host, so that both hosts' workers look for work at once.
        var locations = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await Support.Backfill.SubmitAsync(i % 2 == 0 ? apiA : apiB, Support.Backfill.Ndjson(calls.Skip(i * 100).Take(100)));
            locations.Add(response.Headers.Location!.ToString());
        }

        var jobs = new List<JsonElement>();
        foreach (var location in locations)
        {
            jobs.Add(await Support.Backfill.CompletedAsync(apiA, location));
        }

        Assert.All(jobs, j => Assert.Equal((100, 0, 0), (j.GetProperty("accepted").GetInt32(), j.GetProperty("duplicates").GetInt32(), j.GetProperty("invalid").GetInt32())));
        Assert.Equal(400, await a.WithDbAsync(db => db.ScoredCalls.CountAsync()));
    }
}
