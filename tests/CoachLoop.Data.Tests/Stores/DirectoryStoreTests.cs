using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Stores;

public sealed class DirectoryStoreTests
{
    private static readonly Actor Admin = new(null, "admin", ActorRole.Admin, "api");

    [Fact]
    public async Task UpsertCreatesTeamsSetsTheManagerAndLinksChatIdentities()
    {
        await using var database = TestDatabase.CreateSqlite();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var people = Samples.People().Select(p => p.Email == "ana@example.com" ? p with { SlackUserId = "U123", TeamsAadObjectId = "aad-1" } : p).ToList();

        var result = await new DirectoryStore(db, new ManualClock()).UpsertAsync(people, Admin);

        Assert.Empty(result.Errors);
        var east = await db.Teams.SingleAsync(t => t.Key == Samples.TeamKey);
        var morgan = await db.People.SingleAsync(p => p.Email == "morgan@example.com");
        var ana = await db.People.SingleAsync(p => p.Email == "ana@example.com");
        Assert.Equal(morgan.Id, east.ManagerId);
        Assert.Equal(east.Id, ana.TeamId);
        Assert.Equal(["slack:U123", "teams:aad-1"],
            (await db.ChatIdentities.Where(c => c.PersonId == ana.Id).ToListAsync()).Select(c => $"{c.Provider}:{c.ExternalUserId}").Order());
        Assert.Equal(8, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task BatchWithAnInvalidRowChangesNothingAndListsEveryReason()
    {
        await using var database = TestDatabase.CreateSqlite();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var people = new List<PersonDetails>
        {
            Samples.Person("ok@example.com", "Okay", PersonRole.Agent, "east", callsPerDay: 10),
            Samples.Person("not-an-email", "", PersonRole.Agent, null, timeZone: "Mars/Olympus"),
        };

        var result = await new DirectoryStore(db, new ManualClock()).UpsertAsync(people, Admin);

        Assert.Equal(["[1].email", "[1].name", "[1].team", "[1].timeZone"], result.Errors.Select(e => e.Field).Order());
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(0, await db.Teams.CountAsync());
    }

    [Fact]
    public async Task UpsertingTheSamePersonAgainUpdatesInPlace()
    {
        await using var database = TestDatabase.CreateSqlite();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var store = new DirectoryStore(db, new ManualClock());
        await store.UpsertAsync([Samples.Person("Ana@Example.com", "Ana", PersonRole.Agent, "east", "AG-1", 8)], Admin);

        await store.UpsertAsync([Samples.Person("ana@example.com", "Ana Ruiz", PersonRole.Agent, "east", "AG-1", 25)], Admin);

        var ana = await db.People.SingleAsync();
        Assert.Equal(("ana@example.com", "Ana Ruiz", 25), (ana.Email, ana.Name, ana.TypicalCallsPerDay));
    }
}
