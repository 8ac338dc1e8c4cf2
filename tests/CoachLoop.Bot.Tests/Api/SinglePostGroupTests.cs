using System.Data.Common;
using CoachLoop.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// Single posts arriving while another is being written share the next commit (group commit): the rate of single posts is not
/// bound by one transaction per post. Each post still gets its own answer: a refused call is refused alone.
/// </summary>
public sealed class SinglePostGroupTests
{
    [Fact]
    public async Task PostsArrivingDuringAWriteShareTheNextTransactionAndEachGetsItsOwnAnswer()
    {
        var held = new HeldFirstTransaction();
        await using var app = await CoachLoopApp.StartAsync(services: s => s.ConfigureDbContext<CoachLoopDbContext>(b => b.AddInterceptors(held)));
        var client = await app.CreateApiClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/scored-calls", Json.CallWithoutStreak("warm", 0,
            "2026-11-19T00:00:00Z"))).StatusCode);

        held.Arm();
        var posts = Enumerable.Range(1, 8).Select(i => client.PostAsJsonAsync("/api/v1/scored-calls",
            Json.CallWithoutStreak($"g-{i}", i, $"2026-11-19T{i:00}:00:00Z", agent: i == 5 ? "ghost@example.com" : "ana@example.com"))).ToList();
        // The first post's transaction waits until the others have surely arrived and queued behind it.
        await held.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        held.Release.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("agent", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(8, await app.WithDbAsync(db => db.ScoredCalls.CountAsync()));
        // One transaction per post before group commit (8); now the first post's and one for those that queued behind it.
        Assert.InRange(held.Count, 1, 4);
    }

    /// <summary>Counts the transactions begun once armed; the first of them waits for <see cref="Release"/>.</summary>
    private sealed class HeldFirstTransaction : DbTransactionInterceptor
    {
        private int _armed;
        private int _count;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result)
        {
            Hold().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            await Hold();
            return result;
        }

        private async Task Hold()
        {
            if (Volatile.Read(ref _armed) == 1 && Interlocked.Increment(ref _count) == 1)
            {
                Started.SetResult();
                await Release.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
        }
    }
}
