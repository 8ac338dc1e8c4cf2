using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Migrations;

/// <summary>
/// Migration 0012 makes key names unique: keys stored before it keep their secrets and stop being ambiguous (the web channel
/// made a "web-channel" key per start), and none becomes an admin key.
/// </summary>
public sealed class ApiKeyMigrationTests
{
    [SkippableTheory]
    [MemberData(nameof(MigrationTests.Providers), MemberType = typeof(MigrationTests))]
    public async Task KeysWithTheSameNameGetUniqueNamesAndKeepWorking(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync("0011_notice_flags");
        var ids = Enumerable.Range(1, 4).Select(i => Guid.Parse($"0197a000-0000-7000-8000-00000000000{i}")).ToList();
        var rows = new[] { (ids[0], "web-channel", 1), (ids[1], "web-channel", 2), (ids[2], "ops", 3), (ids[3], "web-channel", 4) };
        await using (var old = database.CreateContext())
        {
            foreach (var (id, name, minute) in rows)
            {
                var at = new DateTimeOffset(2026, 10, 1, 9, minute, 0, TimeSpan.Zero);
                // SQLite keeps ids as upper-case text and times as UTC ticks.
                await old.Database.ExecuteSqlRawAsync("INSERT INTO api_keys (id, name, prefix, hash, created_at) VALUES ({0}, {1}, 'cl_00000', {2}, {3})",
                    provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id, name, $"hash-{minute}",
                    provider == DatabaseProvider.Sqlite ? at.UtcTicks : at);
            }
        }

        await database.MigrateAsync();

        await using var db = database.CreateContext();
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync();
        Assert.Equal(["web-channel", "web-channel-000000000002", "ops", "web-channel-000000000004"], keys.Select(k => k.Name));
        Assert.Equal(["hash-1", "hash-2", "hash-3", "hash-4"], keys.Select(k => k.Hash));
        Assert.All(keys, k => Assert.False(k.IsAdmin));
        Assert.All(keys, k => Assert.Null(k.LastUsedAt));
    }
}
