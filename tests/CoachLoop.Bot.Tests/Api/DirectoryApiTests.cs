using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

public sealed class DirectoryApiTests
{
    [Fact]
    public async Task OnePersonCanBeUpsertedBare()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync();
        var person = new JsonObject
        {
            ["email"] = "Dana@Example.com", ["name"] = "Dana", ["role"] = "agent", ["team"] = "north",
            ["timeZone"] = "America/Chicago", ["typicalCallsPerDay"] = 30, ["slackUserId"] = "U42",
        };

        var response = await client.PutAsJsonAsync("/api/v1/directory/people", person);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await Json.ReadAsync(response))[0];
        Assert.Equal(("dana@example.com", "north"), (saved.GetProperty("email").GetString(), saved.GetProperty("team").GetString()));
        Assert.Equal("U42", await app.WithDbAsync(db => db.ChatIdentities.Select(c => c.ExternalUserId).SingleAsync()));
    }

    [Fact]
    public async Task CsvImportFillsTheDirectory()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync();
        const string csv = """
            email,name,role,team,externalId,timeZone,typicalCallsPerDay,slackUserId,teamsAadObjectId
            lee@example.com,"Lee, Morgan",manager,north,,Europe/Paris,0,U1,
            kim@example.com,Kim,agent,north,AG-7,Europe/Paris,22,,0f3a-aad
            """;

        // A new directory has no teams: creating them is asked for.
        var response = await client.PostAsync("/api/v1/directory/import?createTeams=true", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var people = await app.WithDbAsync(db => db.People.OrderBy(p => p.Email).ToListAsync());
        Assert.Equal(["Kim", "Lee, Morgan"], people.Select(p => p.Name));
        Assert.Equal(22, people[0].TypicalCallsPerDay);
        var north = await app.WithDbAsync(db => db.Teams.SingleAsync());
        Assert.Equal(people[1].Id, north.ManagerId);
    }

    [Fact]
    public async Task CsvWithBadLinesChangesNothingAndNamesEachLine()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync();
        const string csv = """
            email,name,role,team,externalId,timeZone,typicalCallsPerDay
            ok@example.com,Okay,agent,north,,UTC,10
            nope,No,wizard,north,,UTC,many
            """;

        var response = await client.PostAsync("/api/v1/directory/import?createTeams=true", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["line 3.email", "line 3.role", "line 3.typicalCallsPerDay"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task CsvWithAnUnknownColumnIsRefused()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);
        var client = await app.CreateApiClientAsync();

        var response = await client.PostAsync("/api/v1/directory/import",
            new StringContent("email,name,shoeSize\na@example.com,A,42\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("shoeSize", (await Json.ReadAsync(response)).GetProperty("errors").GetProperty("header")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingATeamShowsItsPeople()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var people = await Json.ReadAsync(await client.GetAsync($"/api/v1/directory/people?team={Samples.TeamKey}"));

        Assert.Equal(["ana@example.com", "ben@example.com", "morgan@example.com", "riley@example.com"],
            people.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("email").GetString()));
    }
}
