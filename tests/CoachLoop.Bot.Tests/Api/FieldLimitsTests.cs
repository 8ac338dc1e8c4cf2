using System.Text.Json.Nodes;
using CoachLoop.Data;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// What one provider would store and another refuse (a NUL character, a field longer than its column) is refused by the
/// validator with the field named, the same on SQLite and PostgreSQL, and nothing is stored.
/// </summary>
public sealed class FieldLimitsTests
{
    public static TheoryData<DatabaseProvider, string> Cases()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var field in new[] { "source", "callId", "agent", "queue", "recordingUrl", "quote", "criterion", "rubricKey" })
            {
                data.Add(provider, field + ":nul");
            }

            foreach (var field in new[] { "source", "callId", "agent", "queue", "recordingUrl", "quote" })
            {
                data.Add(provider, field + ":long");
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task AFieldNoProviderStoresIsRefusedByNameAlikeOnEveryProvider(DatabaseProvider provider, string @case)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider, kestrel: true);
        var client = await app.CreateApiClientAsync();
        var (field, kind) = (@case.Split(':')[0], @case.Split(':')[1]);
        var (call, path) = Broken(field, kind);

        var single = await client.PostAsJsonAsync("/api/v1/scored-calls", call);
        var batch = await client.PostAsJsonAsync("/api/v1/scored-calls", new JsonObject { ["calls"] = new JsonArray(Json.Call("fine"), Broken(field, kind).Call) });

        Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
        var message = (await Json.ReadAsync(single)).GetProperty("errors").GetProperty(path)[0].GetString()!;
        Assert.Contains(kind == "nul" ? "NUL" : "at most", message, StringComparison.Ordinal);
        var items = (await Json.ReadAsync(batch)).GetProperty("items");
        Assert.Equal(("accepted", "invalid"), (items[0].GetProperty("status").GetString(), items[1].GetProperty("status").GetString()));
        Assert.True(items[1].GetProperty("errors").TryGetProperty("calls[1]." + path, out _));
        Assert.Equal(["fine"], await app.WithDbAsync(db => db.ScoredCalls.Select(c => c.CallId).ToListAsync()));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FieldsAtTheirLimitAreStoredOnEveryProvider(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider, kestrel: true);
        var client = await app.CreateApiClientAsync();
        var call = Json.Call(new string('c', 200));
        call["source"] = new string('s', 100);
        call["queue"] = new string('q', 100);
        call["recordingUrl"] = "https://rec.example.com/" + new string('r', 2000 - 24);
        call["scores"]![1]!["evidence"]!["quote"] = new string('w', 2000);

        var response = await client.PostAsJsonAsync("/api/v1/scored-calls", call);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DirectoryRubricAndChannelTextIsHeldToItsColumnsToo(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider, kestrel: true);
        var client = await app.CreateApiClientAsync();
        var person = new JsonObject { ["email"] = "x\u0000@example.com", ["name"] = new string('n', 201), ["role"] = "agent", ["team"] = "east" };
        var rubric = new JsonObject
        {
            ["key"] = "sales", ["name"] = "Sales", ["callType"] = "sales",
            ["criteria"] = new JsonArray(new JsonObject
            {
                ["id"] = new string('i', 101), ["name"] = "Budget", ["weight"] = 100, ["threshold"] = 60, ["kind"] = "quality", ["mode"] = "intent",
                ["goodLooksLike"] = "g", ["poorLooksLike"] = "p", ["expectedBehaviour"] = "e",
            }),
        };
        var link = new JsonObject { ["conversationId"] = "C" + new string('1', 400) };
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var people = await client.PutAsJsonAsync("/api/v1/directory/people", person);
        var rubrics = await client.PostAsJsonAsync("/api/v1/rubrics", rubric);
        var channel = await client.PutAsJsonAsync("/api/v1/channels/slack/teams/east", link);
        var csv = await client.PostAsync("/api/v1/directory/import",
            new StringContent("email,name,role,team,externalId,timeZone,typicalCallsPerDay\nz@example.com,Z,agent," + new string('t', 101) + ",z-1,UTC,40\n",
                System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            new[] { people.StatusCode, rubrics.StatusCode, channel.StatusCode, csv.StatusCode });
        Assert.Equal(["email", "name"], (await Json.ReadAsync(people)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.True((await Json.ReadAsync(rubrics)).GetProperty("errors").TryGetProperty("criteria[0].id", out _));
        Assert.True((await Json.ReadAsync(channel)).GetProperty("errors").TryGetProperty("conversationId", out _));
        Assert.True((await Json.ReadAsync(csv)).GetProperty("errors").TryGetProperty("line 2.team", out _));
        Assert.Equal(audit, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ALongTeamsConversationIdIsLinkedOnEveryProvider(DatabaseProvider provider)
    {
        await using var app = await CoachLoopApp.StartAsync(provider: provider, kestrel: true);
        var client = await app.CreateApiClientAsync();
        var conversation = "19:" + new string('a', 120) + "@thread.tacv2";

        var response = await client.PutAsJsonAsync("/api/v1/channels/teams/teams/east",
            new JsonObject { ["conversationId"] = conversation, ["serviceUrl"] = "https://smba.trafficmanager.net/emea/" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(conversation, await app.WithDbAsync(db => db.ChannelRoutes.Select(r => r.ConversationId).SingleAsync()));
    }

    private static (JsonObject Call, string Path) Broken(string field, string kind)
    {
        var call = Json.Call();
        string Text(int max) => kind == "nul" ? "a\u0000b" : new string('x', max + 1);
        switch (field)
        {
            case "quote":
                call["scores"]![1]!["evidence"]!["quote"] = Text(2000);
                return (call, "scores[1].evidence.quote");
            case "criterion":
                call["scores"]![2]!["criterion"] = Text(100);
                return (call, "scores[2].criterion");
            case "rubricKey":
                call["rubric"]!["key"] = Text(100);
                return (call, "rubric.key");
            default:
                var max = field switch { "source" => 100, "callId" => 200, "agent" => 320, "queue" => 100, _ => 2000 };
                call[field] = Text(max);
                return (call, field);
        }
    }
}
