using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Data;
using CoachLoop.Data.Diagnostics;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// Flags, people, outbox and coaching log page with an opaque cursor on a stable order: following the next links (in the
/// body and in the Link header) visits every row once, in the order of one big page; nothing is cut silently.
/// </summary>
public sealed class PagingTests
{
    public static TheoryData<DatabaseProvider> Providers => TestProviders.All;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task FlagsPageThroughEveryFlagOnceFollowingTheNextLinks(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider);
        var client = await app.CreateApiClientAsync();
        // The clock stands still: every flag is raised at the same instant, so only the id keeps the order stable.
        await PostBatchAsync(client, 7, compliance: i => i % 3 == 0);

        var all = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?limit=500"));
        var pages = await FollowAsync(client, "/api/v1/flags?limit=3");

        var expected = all.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(7, expected.Count);
        Assert.Equal([3, 3, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.Equal(expected, pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(f => f.GetProperty("id").GetGuid()));
        Assert.Equal([true, true, true, false, false, false, false],
            pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(f => f.GetProperty("urgent").GetBoolean()));
        Assert.False(all.TryGetProperty("next", out _));
    }

    [Fact]
    public async Task TheDefaultPageIsAHundredAndTheRestFollows()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await PostBatchAsync(client, 120);

        var pages = await FollowAsync(client, "/api/v1/flags");

        Assert.Equal([100, 20], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.Equal(120, pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(f => f.GetProperty("id").GetGuid()).Distinct().Count());
    }

    [Theory]
    [InlineData("/api/v1/flags?limit=501", "limit")]
    [InlineData("/api/v1/flags?limit=0", "limit")]
    [InlineData("/api/v1/flags?limit=abc", "limit")]
    [InlineData("/api/v1/outbox?status=pending&limit=1000", "limit")]
    [InlineData("/api/v1/directory/people?limit=-1", "limit")]
    [InlineData("/api/v1/coaching-log?limit=501", "limit")]
    [InlineData("/api/v1/flags?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/v1/flags?cursor=", "cursor")]
    [InlineData("/api/v1/outbox?cursor=%25%25%25", "cursor")]
    [InlineData("/api/v1/directory/people?cursor=AAAAAAAAAAAAAAAAAAAAAAAA", "cursor")]
    [InlineData("/api/v1/coaching-log?cursor=eyJhIjoxfQ", "cursor")]
    public async Task AnOutOfRangeLimitOrAGarbledCursorIsAProblemNamingIt(string url, string field)
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AnEditedCursorOrOneFromAnotherListIsRefused()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        await PostBatchAsync(client, 3);
        var flagsCursor = (await Json.ReadAsync(await client.GetAsync("/api/v1/flags?limit=1"))).GetProperty("nextCursor").GetString()!;
        var peopleCursor = (await Json.ReadAsync(await client.GetAsync("/api/v1/directory/people?limit=1"))).GetProperty("nextCursor").GetString()!;
        var edited = flagsCursor[..^2] + (flagsCursor[^2] == 'A' ? 'B' : 'A') + flagsCursor[^1];

        var answers = new[]
        {
            await client.GetAsync($"/api/v1/flags?cursor={edited}"),
            await client.GetAsync($"/api/v1/flags?cursor={flagsCursor[..^4]}"),
            await client.GetAsync($"/api/v1/flags?cursor={peopleCursor}"),
            await client.GetAsync($"/api/v1/directory/people?cursor={flagsCursor}"),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        foreach (var answer in answers)
        {
            Assert.True((await Json.ReadAsync(answer)).GetProperty("errors").TryGetProperty("cursor", out _));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/flags?cursor={flagsCursor}")).StatusCode);
    }

    [Fact]
    public async Task FlagListItemsCarryTheAgentTeamAndCriterionInOneQueryWhateverThePageSize()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var counters = app.Services.GetRequiredService<SqlCounters>();
        var client = await app.CreateApiClientAsync();
        await PostBatchAsync(client, 40);
        await client.PostAsJsonAsync("/api/v1/scored-calls", Json.Call("sam-1", agent: "sam@example.com", callTime: "2026-11-20T08:00:00Z"));
        await client.GetAsync("/api/v1/flags?limit=1"); // the key verified and the rubric version cached

        var before = counters.Read();
        var small = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?limit=2"));
        var middle = counters.Read();
        var large = await Json.ReadAsync(await client.GetAsync("/api/v1/flags?limit=41"));
        var after = counters.Read();

        var smallCost = (middle - before).Commands;
        var largeCost = (after - middle).Commands;
        Assert.Equal(41, large.GetProperty("items").GetArrayLength());
        Assert.Equal(1, smallCost);
        Assert.Equal(smallCost, largeCost);
        var items = large.GetProperty("items").EnumerateArray().ToList();
        var names = Samples.Rubric().Criteria!.ToDictionary(c => c.Id, c => c.Name);
        Assert.All(items, f => Assert.Equal((f.GetProperty("criterionId").GetString(), names[f.GetProperty("criterionId").GetString()!]),
            (f.GetProperty("criterion").GetProperty("id").GetString(), f.GetProperty("criterion").GetProperty("name").GetString())));
        var sam = items.Single(f => f.GetProperty("callId").GetString() == "sam-1");
        var ana = items.First(f => f.GetProperty("callId").GetString() != "sam-1");
        Assert.Equal(("Sam Patel", "sam@example.com", Samples.OtherTeamKey), (sam.GetProperty("agent").GetProperty("name").GetString(),
            sam.GetProperty("agent").GetProperty("email").GetString(), sam.GetProperty("team").GetProperty("key").GetString()));
        Assert.Equal(("Ana Ruiz", "ana@example.com", Samples.TeamKey), (ana.GetProperty("agent").GetProperty("name").GetString(),
            ana.GetProperty("agent").GetProperty("email").GetString(), ana.GetProperty("team").GetProperty("key").GetString()));
        Assert.Equal(ana.GetProperty("teamId").GetGuid(), ana.GetProperty("team").GetProperty("id").GetGuid());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PeoplePageByEmail(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider);
        var client = await app.CreateApiClientAsync();

        var pages = await FollowAsync(client, "/api/v1/directory/people?limit=4");
        var team = await FollowAsync(client, $"/api/v1/directory/people?team={Samples.TeamKey}&limit=3");

        Assert.Equal([4, 2], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.Equal(Samples.People().Select(p => p.Email).Order(StringComparer.Ordinal), Emails(pages));
        Assert.Equal(["ana@example.com", "ben@example.com", "morgan@example.com", "riley@example.com"], Emails(team));
        Assert.All(team[1..], p => Assert.Contains($"team={Samples.TeamKey}", p.GetProperty("self").GetString(), StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OutboxPagesInIdOrder(DatabaseProvider provider)
    {
        var channel = new ScriptedChannel();
        await using var app = await CoachLoopApp.StartAsync(provider: provider, services: channel.Register);
        var client = await app.CreateApiClientAsync();
        await PostBatchAsync(client, 3);
        var pending = await app.WithDbAsync(db => db.Outbox.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());

        var pages = await FollowAsync(client, "/api/v1/outbox?status=pending&limit=2");

        Assert.True(pending.Count >= 3, $"{pending.Count} pending messages");
        Assert.Equal(pending, pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(m => m.GetProperty("id").GetInt64()));
        Assert.Equal((pending.Count + 1) / 2, pages.Count);
    }

    /// <summary>Posts <paramref name="count"/> failing calls by Ana in one batch: one flag each, none folded into a pattern.</summary>
    internal static async Task PostBatchAsync(HttpClient client, int count, Func<int, bool>? compliance = null)
    {
        var batch = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var call = Json.CallWithoutStreak($"p-{i:000}", i, $"2026-11-{1 + (i / 24 % 19):00}T{i % 24:00}:00:00Z");
            if (compliance?.Invoke(i) == true)
            {
                // Only the disclosure fails: one compliance flag, and the quality streaks are broken by a pass.
                call["scores"]![0]!["score"] = 10;
                call["scores"]![1]!["score"] = 90;
                call["scores"]![3]!["score"] = 85;
            }

            batch.Add(call);
        }

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = batch });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(count, (await Json.ReadAsync(response)).GetProperty("accepted").GetInt32());
    }

    /// <summary>
    /// Every page from <paramref name="url"/> on, following the body's next link; each page's Link header names the same
    /// link. Each page is returned with a "self" property, the URL it was read from.
    /// </summary>
    internal static async Task<List<JsonElement>> FollowAsync(HttpClient client, string url)
    {
        var pages = new List<JsonElement>();
        for (string? self = url; self is not null;)
        {
            Assert.True(pages.Count < 50, "the next links never end");
            var response = await client.GetAsync(self);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            var link = response.Headers.TryGetValues("Link", out var values) ? values.Single() : null;
            var next = page["next"]?.GetValue<string>();
            Assert.Equal(next is null ? null : $"<{next}>; rel=\"next\"", link);
            Assert.Equal(next is null, page["nextCursor"] is null);
            page["self"] = self;
            pages.Add(JsonSerializer.SerializeToElement(page));
            self = next;
        }

        return pages;
    }

    private static List<string?> Emails(List<JsonElement> pages) =>
        pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("email").GetString()).ToList();
}
