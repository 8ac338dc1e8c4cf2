using System.Text;
using System.Text.Json.Nodes;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>Where a person's digest goes (chat, email or both) is a directory field of the People API and the CSV import.</summary>
public sealed class DigestDeliveryDirectoryTests
{
    [Fact]
    public async Task ThePeopleApiSetsShowsAndKeepsTheDigestDelivery()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var set = await client.PutAsJsonAsync("/api/v1/directory/people", Morgan("email"));
        var kept = await client.PutAsJsonAsync("/api/v1/directory/people", Morgan(null));
        var listed = await Json.ReadAsync(await client.GetAsync("/api/v1/directory/people?team=east"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (set.StatusCode, kept.StatusCode));
        Assert.Equal("email", (await Json.ReadAsync(set))[0].GetProperty("digestDelivery").GetString());
        var morgan = listed.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("email").GetString() == "morgan@example.com");
        Assert.Equal("email", morgan.GetProperty("digestDelivery").GetString());
        Assert.Equal("chat", listed.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("email").GetString() == "ana@example.com")
            .GetProperty("digestDelivery").GetString());
    }

    [Fact]
    public async Task AnUnknownDeliveryIsAProblemNamingTheFieldAndChangesNothing()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();

        var response = await client.PutAsJsonAsync("/api/v1/directory/people", Morgan("fax"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("digestDelivery", (await Json.ReadAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Single(),
            StringComparison.Ordinal);
        Assert.Equal(DigestDelivery.Chat, await DeliveryAsync(app, "morgan@example.com"));
    }

    [Fact]
    public async Task TheCsvImportTakesAnOptionalDigestDeliveryColumnAndNamesABadCell()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var client = await app.CreateApiClientAsync();
        const string good = """
            email,name,role,team,externalId,timeZone,typicalCallsPerDay,digestDelivery
            morgan@example.com,Morgan Lee,manager,east,,Europe/London,0,both
            max@example.com,Max Weber,manager,west,,America/New_York,0,
            """;
        const string bad = """
            email,name,role,team,externalId,timeZone,typicalCallsPerDay,digestDelivery
            morgan@example.com,Morgan Lee,manager,east,,Europe/London,0,pigeon
            """;
        const string without = """
            email,name,role,team,externalId,timeZone,typicalCallsPerDay
            morgan@example.com,Morgan Lee,manager,east,,Europe/London,0
            """;

        var imported = await client.PostAsync("/api/v1/directory/import", new StringContent(good, Encoding.UTF8, "text/csv"));
        var refused = await client.PostAsync("/api/v1/directory/import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        var withoutColumn = await client.PostAsync("/api/v1/directory/import", new StringContent(without, Encoding.UTF8, "text/csv"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK), (imported.StatusCode, refused.StatusCode, withoutColumn.StatusCode));
        var errors = (await Json.ReadAsync(refused)).GetProperty("errors");
        Assert.Contains("chat, email or both", errors.GetProperty("line 2.digestDelivery")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(DigestDelivery.Both, await DeliveryAsync(app, "morgan@example.com"));
        Assert.Equal(DigestDelivery.Chat, await DeliveryAsync(app, "max@example.com"));
    }

    internal static JsonObject Morgan(string? delivery)
    {
        var person = new JsonObject
        {
            ["email"] = "morgan@example.com", ["name"] = "Morgan Lee", ["role"] = "manager", ["team"] = "east", ["timeZone"] = "Europe/London",
        };
        if (delivery is not null)
        {
            person["digestDelivery"] = delivery;
        }

        return person;
    }

    private static Task<DigestDelivery> DeliveryAsync(CoachLoopApp app, string email) =>
        app.WithDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.DigestDelivery).SingleAsync());
}
