using System.Collections.Concurrent;
using CoachLoop.Bot.Cards;
using CoachLoop.Data;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// The cards of one dispatcher pass, each built once however many of its lanes want it (a flag carded in Slack and in Teams):
/// the first lane to ask builds it with its own scope's services, the others wait for that build (and share its failure).
/// </summary>
public sealed class CardBuilds(Func<IServiceProvider, string, Guid, CancellationToken, Task<Card?>>? build = null)
{
    private readonly Func<IServiceProvider, string, Guid, CancellationToken, Task<Card?>> _build = build ?? BuildAsync;

    private readonly ConcurrentDictionary<(string Kind, Guid Subject), Lazy<Task<Card?>>> _builds = new();

    public Task<Card?> BuildAsync(string kind, Guid subjectId, IServiceProvider services, CancellationToken ct) =>
        _builds.GetOrAdd((kind, subjectId), key => new Lazy<Task<Card?>>(() => _build(services, key.Kind, key.Subject, ct))).Value;

    /// <summary>The card's reads share one open connection, as they did on the dispatcher's loop.</summary>
    private static async Task<Card?> BuildAsync(IServiceProvider services, string kind, Guid subject, CancellationToken ct)
    {
        await using var open = await OpenConnection.OpenAsync(services.GetRequiredService<CoachLoopDbContext>(), ct).ConfigureAwait(false);
        return await services.GetRequiredService<CardFactory>().BuildAsync(kind, subject, ct).ConfigureAwait(false);
    }
}
