using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// The directory CSV import over HTTP: every mistake an admin can make in the file is refused with the line and the fix,
/// and a refused import stores nothing.
/// </summary>
public sealed class DirectoryCsvImportTests
{
    private const string Header = "email,name,role,team,externalId,timeZone,typicalCallsPerDay";

    [Fact]
    public async Task AnUnknownTeamIsRefusedOnItsLineWithTheFixAndNothingIsStored()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var before = await app.WithDbAsync(db => db.People.CountAsync());

        var (status, body) = await ImportAsync(app, $"""
            {Header}
            new@example.com,New Agent,agent,{Samples.TeamKey},AG-50,UTC,20
            typo@example.com,Typo Agent,agent,esat,AG-51,UTC,20
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = Assert.Single(Errors(body)).Value;
        Assert.Equal("line 3.team", Assert.Single(Errors(body)).Key);
        Assert.Contains("'esat'", message, StringComparison.Ordinal);
        Assert.Contains(Samples.TeamKey, message, StringComparison.Ordinal);
        Assert.Contains("createTeams=true", message, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.People.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Teams.AnyAsync(t => t.Key == "esat")));
    }

    [Fact]
    public async Task CreatingTeamsIsAnOptionAndATeamLeftWithoutAManagerIsReported()
    {
        await using var app = await CoachLoopApp.StartAsync(seed: false);

        var (status, body) = await ImportAsync(app, $"""
            {Header}
            lee@example.com,Lee,manager,north,,UTC,
            kim@example.com,Kim,agent,north,AG-1,UTC,20
            jo@example.com,Jo,agent,south,AG-2,UTC,20
            """, "?createTeams=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([("north", "lee@example.com"), ("south", null)],
            body.GetProperty("teamsCreated").EnumerateArray()
                .Select(t => (t.GetProperty("key").GetString(), t.TryGetProperty("manager", out var m) ? m.GetString() : null)).OrderBy(t => t.Item1));
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.Contains("'south' was created without a manager", warning, StringComparison.Ordinal);
        Assert.Equal(3, body.GetProperty("people").GetArrayLength());
        Assert.Equal(2, await app.WithDbAsync(db => db.Teams.CountAsync()));
    }

    [Fact]
    public async Task RepeatedExternalIdsAndEmailsNameBothLines()
    {
        await using var app = await CoachLoopApp.StartAsync();

        var (status, body) = await ImportAsync(app, $"""
            {Header}
            one@example.com,One,agent,{Samples.TeamKey},AG-70,UTC,20
            two@example.com,Two,agent,{Samples.TeamKey},AG-71,UTC,20
            three@example.com,Three,agent,{Samples.TeamKey},AG-70,UTC,20
            ONE@example.com,One Again,agent,{Samples.TeamKey},AG-72,UTC,20
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = Errors(body);
        Assert.Equal(["line 4.externalId", "line 5.email"], errors.Keys.Order());
        Assert.Contains("'AG-70' is also given by line 2", errors["line 4.externalId"], StringComparison.Ordinal);
        Assert.Contains("is also given by line 2", errors["line 5.email"], StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "two@example.com")));
    }

    [Fact]
    public async Task AnExternalIdAStoredPersonHasNamesTheLineAndThatPerson()
    {
        await using var app = await CoachLoopApp.StartAsync();

        var (status, body) = await ImportAsync(app, $"""
            {Header}
            fresh@example.com,Fresh,agent,{Samples.TeamKey},AG-1,UTC,20
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var (field, message) = Assert.Single(Errors(body));
        Assert.Equal("line 2.externalId", field);
        Assert.Contains("ana@example.com", message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "fresh@example.com")));
    }

    [Fact]
    public async Task ChatIdsTakenByAnotherPersonOrRepeatedNameTheirLines()
    {
        await using var app = await CoachLoopApp.StartAsync();
        await ImportAsync(app, $"{Header},slackUserId\nana@example.com,Ana Ruiz,agent,{Samples.TeamKey},AG-1,UTC,25,U-ANA\n");

        var (status, body) = await ImportAsync(app, $"""
            {Header},slackUserId,teamsAadObjectId
            one@example.com,One,agent,{Samples.TeamKey},AG-90,UTC,20,U-ANA,aad-1
            two@example.com,Two,agent,{Samples.TeamKey},AG-91,UTC,20,U-TWO,aad-1
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = Errors(body);
        Assert.Equal(["line 3.teamsAadObjectId"], errors.Keys);
        Assert.Contains("also given by line 2", errors["line 3.teamsAadObjectId"], StringComparison.Ordinal);

        (status, body) = await ImportAsync(app, $"{Header},slackUserId\none@example.com,One,agent,{Samples.TeamKey},AG-90,UTC,20,U-ANA\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("already belongs to ana@example.com", Errors(body)["line 2.slackUserId"], StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "one@example.com")));
    }

    [Fact]
    public async Task AWrongRoleListsTheValidRoles()
    {
        await using var app = await CoachLoopApp.StartAsync();

        var (status, body) = await ImportAsync(app, $"{Header}\nw@example.com,W,wizard,{Samples.TeamKey},,UTC,0\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("'wizard' is not a role; use one of: agent, manager, coach, reviewer, qaLead, admin", Errors(body)["line 2.role"]);
    }

    [Fact]
    public async Task MissingColumnsAreNamedInsteadOfDefaulted()
    {
        await using var app = await CoachLoopApp.StartAsync();

        var (status, body) = await ImportAsync(app, $"email,name,role,team\nana@example.com,Ana Ruiz,agent,{Samples.TeamKey}\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = Errors(body)["header"];
        Assert.Contains("missing columns: externalId, timeZone, typicalCallsPerDay", message, StringComparison.Ordinal);
        // The upsert would otherwise have reset Ana's externalId and call volume.
        var ana = await app.WithDbAsync(db => db.People.SingleAsync(p => p.Email == "ana@example.com"));
        Assert.Equal(("AG-1", 25), (ana.ExternalId, ana.TypicalCallsPerDay));
    }

    [Fact]
    public async Task LinesAreCountedAsInTheFileAcrossQuotedLineBreaksAndAShortLineIsNamed()
    {
        await using var app = await CoachLoopApp.StartAsync();

        var (status, body) = await ImportAsync(app, $"""
            {Header}
            "quoted@example.com","Two
            Lines",agent,{Samples.TeamKey},AG-80,UTC,20
            short@example.com,Short,agent
            bad@example.com,Bad,agent,{Samples.TeamKey},AG-81,Mars/Base,20
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = Errors(body);
        Assert.Equal(["line 4", "line 5.timeZone"], errors.Keys.Order());
        Assert.Contains("has 3 fields where the header has 7", errors["line 4"], StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "quoted@example.com")));
    }

    [Fact]
    public async Task MalformedQuotingIsRefusedOnItsLine()
    {
        await using var app = await CoachLoopApp.StartAsync();

        var (status, body) = await ImportAsync(app, $"{Header}\n\"x@example.com\"oops,X,agent,{Samples.TeamKey},,UTC,1\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("is not valid CSV", Errors(body)["line 2"], StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(CoachLoopApp app, string csv, string query = "")
    {
        var client = await app.CreateApiClientAsync();
        var response = await client.PostAsync("/api/v1/directory/import" + query, new StringContent(csv, Encoding.UTF8, "text/csv"));
        return (response.StatusCode, await Json.ReadAsync(response));
    }

    private static Dictionary<string, string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => string.Join(" | ", p.Value.EnumerateArray().Select(m => m.GetString())));
}
