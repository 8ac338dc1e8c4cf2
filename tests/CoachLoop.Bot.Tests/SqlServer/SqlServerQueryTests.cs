using CoachLoop.Bot.Channels.Slack;
using CoachLoop.Bot.Outbox;
using CoachLoop.Bot.Scheduling;
using CoachLoop.Data;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Flags;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Tests.SqlServer;

/// <summary>
/// The claims and the "what is due" and list queries as EF translates them for SQL Server, captured before they would be sent
/// (<see cref="SqlServerCapture"/>: no server runs here). A query EF cannot translate throws here; the claims carry the hints
/// that make a second host skip the rows the first is claiming; nothing SQLite's or PostgreSQL's dialect reaches SQL Server.
/// </summary>
public sealed class SqlServerQueryTests
{
    private static readonly string[] NotTSql = ["LIMIT ", "ON CONFLICT", "RETURNING", "::", "FOR UPDATE", "SKIP LOCKED", "ILIKE", "\""];

    private readonly SqlServerCapture _capture = new() { RowsAffected = 2 };
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task AnOutboxClaimUpdatesOnlyFreeDueRowsAndSkipsRowsAnotherHostIsClaiming()
    {
        await using var db = _capture.CreateContext();

        var claimed = await new OutboxStore(db, _clock).ClaimAsync([1, 2], "host-a", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(2, claimed);
        var sql = Assert.Single(_capture.Commands);
        Assert.StartsWith("UPDATE [o]", sql, StringComparison.Ordinal);
        Assert.Contains("FROM [outbox_messages] AS [o] WITH (ROWLOCK, UPDLOCK, READPAST, READCOMMITTEDLOCK)", sql, StringComparison.Ordinal);
        // The claim's condition is in the same statement as its update: a row is claimed once, whatever the hints.
        Assert.Contains("[o].[status] = N'Pending' AND [o].[next_attempt_at] <= @", sql, StringComparison.Ordinal);
        Assert.Contains("([o].[lease_until] IS NULL OR [o].[lease_until] < @", sql, StringComparison.Ordinal);
        Assert.Contains("[o].[attempts] = [o].[attempts] + 1", sql, StringComparison.Ordinal);
        AssertTSql(sql);
    }

    [Fact]
    public async Task ASlackClickClaimUpdatesOnlyFreeClicksAndSkipsClicksAnotherHostIsClaiming()
    {
        await using var db = _capture.CreateContext();

        var claimed = await new SlackInboxStore(db, _clock).ClaimAsync([7, 8], "host-a", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(new HashSet<long> { 7, 8 }, claimed);
        var sql = Assert.Single(_capture.Commands);
        Assert.Contains("FROM [inbound_clicks] AS [i] WITH (ROWLOCK, UPDLOCK, READPAST, READCOMMITTEDLOCK)", sql, StringComparison.Ordinal);
        Assert.Contains("[i].[done_at] IS NULL AND ([i].[lease_until] IS NULL OR [i].[lease_until] < @", sql, StringComparison.Ordinal);
        AssertTSql(sql);
    }

    [Fact]
    public async Task UpdatesThatAreNotClaimsTakeNoHints()
    {
        await using (var db = _capture.CreateContext())
        {
            var inbox = new SlackInboxStore(db, _clock);
            await inbox.ClaimAsync([7, 8], "host-a", TimeSpan.FromMinutes(1), CancellationToken.None);
            _capture.Clear();
            // After a claim, in the same flow: the mark ends with the claim.
            await inbox.MarkDoneAsync([7], "host-a", CancellationToken.None);
            await inbox.RetryLaterAsync(7, "host-a", TimeSpan.FromSeconds(5), CancellationToken.None);
            await new OutboxStore(db, _clock).ReleaseEarlierLeasesAsync("host", "host-a", CancellationToken.None);
        }

        Assert.Equal(3, _capture.Commands.Count);
        Assert.All(_capture.Commands, sql => Assert.DoesNotContain("READPAST", sql, StringComparison.Ordinal));
        Assert.Equal("SELECT 1", SqlServerClaimHints.AddHints("SELECT 1"));
        Assert.Equal(1, await SqlServerClaimHints.ClaimAsync(() => Task.FromResult(1)));
    }

    [Fact]
    public async Task WhatIsDueTranslatesForSqlServer()
    {
        await using (var db = _capture.CreateContext())
        {
            Assert.Empty(await new OutboxStore(db, _clock).DueAsync(10, CancellationToken.None));
            Assert.Empty(await new SlackInboxStore(db, _clock).PendingAsync(10, CancellationToken.None));
        }

        await using var services = Services();
        Assert.Equal(0, await services.GetRequiredService<FollowUpWork>().RunAsync(CancellationToken.None));
        Assert.Equal(0, await services.GetRequiredService<ReminderWork>().RunAsync(CancellationToken.None));

        var sql = _capture.Commands;
        Assert.Contains(sql, s => s.Contains("SELECT TOP(@", StringComparison.Ordinal) && s.Contains("NOT EXISTS", StringComparison.Ordinal)
            && s.Contains("ORDER BY [o].[urgent] DESC, [o].[id]", StringComparison.Ordinal));
        Assert.Contains(sql, s => s.Contains("[f].[follow_up_date] <= @", StringComparison.Ordinal));
        Assert.Contains(sql, s => s.Contains("FROM [disputes] AS [d]", StringComparison.Ordinal));
        Assert.True(sql.Count >= 5, sql.Count + ":\n" + string.Join("\n---\n", sql));
        Assert.All(sql, AssertTSql);
    }

    [Fact]
    public async Task ListsAndLookupsTranslateForSqlServer()
    {
        await using (var db = _capture.CreateContext())
        {
            var queries = new CoachingQueries(db, new RubricCache());
            var at = _clock.GetUtcNow();
            await queries.ListFlagsAsync(new FlagFilter(Guid.NewGuid(), Guid.NewGuid(), [FlagStatus.Raised, FlagStatus.SessionLogged], 50,
                new FlagPosition(true, at, Guid.NewGuid())));
            await queries.CoachingLogAsync(Guid.NewGuid(), at.AddDays(-7), at, 50, new CoachingLogPosition(at.AddDays(-1), Guid.NewGuid()));
            await queries.HistoryAsync("flag", Guid.NewGuid());
            await queries.FoldedIntoAsync(Guid.NewGuid());
            await queries.FindTeamAsync("team-a");
            await queries.FindPersonAsync("Agent@Example.com");
            await new OutboxStore(db, _clock).ListAsync(OutboxStatus.Dead, 20, CancellationToken.None);
            await new SlackInboxStore(db, _clock).PruneAsync(at.AddDays(-1), CancellationToken.None);
        }

        var sql = _capture.Commands;
        Assert.True(sql.Count >= 8, string.Join("\n---\n", sql));
        Assert.All(sql, AssertTSql);
        // Keyset paging compares in the order it sorts by, on SQL Server's own uniqueidentifier order.
        Assert.Contains(sql, s => s.Contains("ORDER BY [f].[urgent] DESC, [f].[raised_at] DESC, [f].[id] DESC", StringComparison.Ordinal)
            && s.Contains("[f].[id] < @", StringComparison.Ordinal));
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddScoped(_ => _capture.CreateContext());
        services.AddSingleton(Options.Create(new SchedulingOptions()));
        services.AddSingleton<FollowUpWork>();
        services.AddSingleton<ReminderWork>();
        return services.BuildServiceProvider();
    }

    private static void AssertTSql(string sql) =>
        Assert.All(NotTSql, word => Assert.DoesNotContain(word, sql, StringComparison.Ordinal));
}
