using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Migrations;

/// <summary>Migration 0020 adds where a person's digest goes: everyone stored before keeps getting it in chat, and nothing else moves.</summary>
public sealed class DigestDeliveryMigrationTests
{
    [SkippableTheory]
    [MemberData(nameof(MigrationTests.Providers), MemberType = typeof(MigrationTests))]
    public async Task PeopleStoredBeforeKeepTheirRowsAndGetTheirDigestInChat(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync("0016_webhooks");
        var id = Guid.Parse("0197a000-0000-7000-8000-000000000020");
        var at = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        await using (var old = database.CreateContext())
        {
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO people (id, email, name, role, time_zone, typical_calls_per_day, updated_at) VALUES ({0}, 'morgan@example.com', 'Morgan Lee', 'Manager', 'Europe/London', 0, {1})",
                provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id, provider == DatabaseProvider.Sqlite ? at.UtcTicks : at);
        }

        await database.MigrateAsync();

        await using var db = database.CreateContext();
        var person = await db.People.AsNoTracking().SingleAsync();
        Assert.Equal((id, "Morgan Lee", PersonRole.Manager, "Europe/London", DigestDelivery.Chat),
            (person.Id, person.Name, person.Role, person.TimeZone, person.DigestDelivery));
    }
}
