using System.Collections.Concurrent;
using CoachLoop.Bot.Cards;

namespace CoachLoop.Bot.Outbox;

/// <summary>
/// The cards of one dispatcher pass, each built once however many of its lanes want it (a flag carded in Slack and in Teams):
/// the first lane to ask builds it with its own scope's services, the others wait for that build.
/// </summary>
public sealed class CardBuilds
{
    private readonly ConcurrentDictionary<(string Kind, Guid Subject), Lazy<Task<Card?>>> _builds = new();

    public Task<Card?> BuildAsync(string kind, Guid subjectId, IServiceProvider services, CancellationToken ct) =>
        _builds.GetOrAdd((kind, subjectId), key => new Lazy<Task<Card?>>(
            () => services.GetRequiredService<CardFactory>().BuildAsync(key.Kind, key.Subject, ct))).Value;
}
