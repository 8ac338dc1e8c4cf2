using System.Runtime.CompilerServices;
using CoachLoop.Data.Outbox;
using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachLoop.Data.Webhooks;

/// <summary>
/// The one place events are raised: when a save writes an audited state change (the audit rows are staged in the same save),
/// the change's event and a delivery per interested subscription are added to that save. They commit with the change or not
/// at all: an event is never lost, and never sent for a change that rolled back. A failed save drops what it staged, so the
/// retried save stages it once.
/// </summary>
public sealed class WebhookEventStager(WebhookSubscriptionCache subscriptions, TimeProvider clock, OutboxSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<object>> _staged = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stage(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stage(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Unstage(eventData?.Context);

    // A lost optimistic-concurrency race does not count as "failed" to EF: it has its own callback.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Unstage(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Unstage(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Unstage(eventData?.Context);
        return Task.CompletedTask;
    }

    private void Stage(DbContext? context)
    {
        // Nobody subscribed: nothing to look at, and the save costs what it always did.
        if (context is not CoachLoopDbContext db || subscriptions.IsEmpty)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var staged = new List<object>();
        foreach (var entry in db.ChangeTracker.Entries<AuditedEntity>().ToList())
        {
            foreach (var change in entry.Entity.PendingChanges)
            {
                if (WebhookEventTypes.Of(change.EntityType, change.Action) is not { } type || subscriptions.For(type).ToList() is not { Count: > 0 } wanted)
                {
                    continue;
                }

                WebhookOutbox.Add(db, wanted, type, change.At, WebhookPayloads.Data(entry.Entity, change), now, staged);
            }
        }

        if (staged.Count > 0)
        {
            _staged.AddOrUpdate(db, staged);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && _staged.TryGetValue(context, out _))
        {
            _staged.Remove(context);
            signal.Pulse();
        }
    }

    private void Unstage(DbContext? context)
    {
        if (context is null || !_staged.TryGetValue(context, out var staged))
        {
            return;
        }

        _staged.Remove(context);
        foreach (var entity in staged)
        {
            context.Entry(entity).State = EntityState.Detached;
        }
    }
}
