using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Migrations;

/// <summary>Migration 0011 links the list notices already stored to the flags they show, so that clicks keep refreshing them.</summary>
public sealed class NoticeFlagsMigrationTests
{
    [SkippableTheory]
    [MemberData(nameof(MigrationTests.Providers), MemberType = typeof(MigrationTests))]
    public async Task GroupCardsAndDigestsStoredBeforeTheUpgradeAreLinkedToTheirFlags(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync("0009_chat_user_ids");
        var legacy = await LegacyRows.WriteAsync(database);
        var (group, digest, reminder) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var old = database.CreateContext())
        {
            old.Notices.AddRange(
                Notice(group, "flag-group", $"[\"{legacy.FlagId}\"]"),
                Notice(digest, "digest", $"{{\"managerId\":\"{Guid.NewGuid()}\",\"awaitingApproval\":[{{\"subjectId\":\"{legacy.FlagId}\",\"agent\":\"Old\"}}]}}"),
                Notice(reminder, "session-reminder", $"{{\"flagId\":\"{legacy.FlagId}\"}}"));
            await old.SaveChangesAsync();
        }

        await database.MigrateAsync();

        await using var db = database.CreateContext();
        var links = await db.NoticeFlags.AsNoTracking().Select(l => new { l.NoticeId, l.FlagId }).ToListAsync();
        Assert.Equal(
            new[] { (group, legacy.FlagId), (digest, legacy.FlagId) }.OrderBy(l => l.Item1).ToList(),
            links.Select(l => (l.NoticeId, l.FlagId)).OrderBy(l => l.NoticeId).ToList());
    }

    private static Notice Notice(Guid id, string kind, string payload) => new()
    {
        Id = id, DedupeKey = $"{kind}:{id:N}", Kind = kind, Audience = Records.Notice.ToTeam, AudienceId = Guid.NewGuid(), Payload = payload,
        Sent = true, CreatedAt = new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero),
    };
}
