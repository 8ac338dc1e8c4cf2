using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Data.Webhooks;

/// <summary>
/// The enabled subscriptions and their event types, held in memory so that staging an event reads no table on the state-change
/// path (a click's card update stays as cheap as it was). Reloaded every <see cref="WebhookOptions.RefreshInterval"/> and at once
/// after a change through this host's API; the first use loads it if nothing did yet.
/// </summary>
public sealed class WebhookSubscriptionCache(IServiceScopeFactory scopes)
{
    private readonly Lock _gate = new();
    private volatile IReadOnlyList<(Guid Id, string[] Types)>? _current;
    private long _started;
    private long _applied;

    /// <summary>Whether no subscription is enabled, known without a read once loaded.</summary>
    public bool IsEmpty => _current is { Count: 0 };

    /// <summary>The enabled subscriptions that want <paramref name="type"/>.</summary>
    public IEnumerable<Guid> For(string type)
    {
        var current = _current ?? Load();
        return current.Where(s => s.Types.Contains(type, StringComparer.Ordinal)).Select(s => s.Id);
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        var sequence = Interlocked.Increment(ref _started);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        var rows = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).Select(s => new { s.Id, s.EventTypes })
            .ToListAsync(ct).ConfigureAwait(false);
        lock (_gate)
        {
            // A read that started before a newer one finished would bring back what the newer one replaced.
            if (sequence > _applied)
            {
                _applied = sequence;
                _current = rows.Select(r => (r.Id, Split(r.EventTypes))).ToList();
            }
        }
    }

    public static string[] Split(string eventTypes) => eventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // Only before the first refresh (a tool that saves changes without the host's refresher): read once, synchronously.
    private IReadOnlyList<(Guid Id, string[] Types)> Load()
    {
        RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _current ?? [];
    }
}
