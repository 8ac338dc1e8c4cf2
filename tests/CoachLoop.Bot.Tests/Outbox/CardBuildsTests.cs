using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Outbox;

/// <summary>A dispatcher pass builds each card once, however many lanes want it, while other cards build beside it.</summary>
public sealed class CardBuildsTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().BuildServiceProvider();

    [Fact]
    public async Task LanesWantingOneCardShareOneBuildWhileAnotherCardBuildsBeside()
    {
        var (flag, other) = (Guid.NewGuid(), Guid.NewGuid());
        var calls = new List<Guid>();
        var slow = new TaskCompletionSource<Card?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builds = new CardBuilds((_, kind, subject, _) =>
        {
            lock (calls)
            {
                calls.Add(subject);
            }

            return subject == flag ? slow.Task : Task.FromResult<Card?>(CardOf(kind, subject));
        });

        var slack = builds.BuildAsync(CardKinds.Flag, flag, Services, CancellationToken.None);
        var teams = builds.BuildAsync(CardKinds.Flag, flag, Services, CancellationToken.None);
        var beside = await builds.BuildAsync(CardKinds.Flag, other, Services, CancellationToken.None);

        Assert.Equal(other, beside!.SubjectId);
        Assert.False(slack.IsCompleted);
        slow.SetResult(CardOf(CardKinds.Flag, flag));
        Assert.Same(await slack, await teams);
        Assert.Equal([flag, other], calls);
    }

    [Fact]
    public async Task AFailedBuildFailsEveryLaneThatWaitedForIt()
    {
        var calls = 0;
        var builds = new CardBuilds((_, _, _, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromException<Card?>(new InvalidOperationException("the flag's rubric is gone"));
        });
        var subject = Guid.NewGuid();

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => builds.BuildAsync(CardKinds.Flag, subject, Services, CancellationToken.None));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => builds.BuildAsync(CardKinds.Flag, subject, Services, CancellationToken.None));

        Assert.Same(first, second);
        Assert.Equal(1, calls);
    }

    private static Card CardOf(string kind, Guid subject) =>
        new(kind, subject, 1, "Empathy below threshold", null, CardTone.Default, [], null, null, [], null, [], "Empathy below threshold");
}
