using System.Collections.Concurrent;
using CoachLoop.Bot.Cards;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// The cards of one dispatcher pass, each built once however many of its lanes want it (a flag carded in Slack and in Teams):
/// the first lane to ask builds it with its own scope's services, the others wait for that build (and share its failure).
/// </summary>
public sealed class CardBuilds(Func<IServiceProvider, string, Guid, CancellationToken, Task<Card?>>? build = null)
{
    private readonly Func<IServiceProvider, string, Guid, CancellationToken, Task<Card?>> _build = build
        ?? ((services, kind, subject, ct) => services.GetRequiredService<CardFactory>().BuildAsync(kind, subject, ct));

    private readonly ConcurrentDictionary<(string Kind, Guid Subject), Lazy<Task<Card?>>> _builds = new();

    public Task<Card?> BuildAsync(string kind, Guid subjectId, IServiceProvider services, CancellationToken ct) =>
        _builds.GetOrAdd((kind, subjectId), key => new Lazy<Task<Card?>>(() => _build(services, key.Kind, key.Subject, ct))).Value;
}
