using CoachLoop.Bot.Api;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Outbox;

/// <summary>The outbox, visible: what is waiting, what was dead-lettered and why; a dead message can be sent again.</summary>
internal static class OutboxApi
{
    public static void MapOutbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outbox").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Outbox");
        group.MapGet("/", ListAsync).WithName("ListOutbox");
        group.MapPost("/{id:long}/retry", RetryAsync).WithName("RetryOutboxMessage");
    }

    private static async Task<IResult> ListAsync(string? status, int? limit, CoachLoopDbContext db, CancellationToken ct)
    {
        var wanted = OutboxStatus.Dead;
        if (status is not null && !StatusNames.TryParse(status, out wanted))
        {
            return Problems.Validation("status", $"must be one of {StatusNames.List<OutboxStatus>()}");
        }

        var rows = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == wanted)
            .OrderBy(m => m.Id)
            .Take(Math.Clamp(limit ?? 100, 1, 500))
            .Join(db.CardPosts.AsNoTracking(), m => m.CardPostId, p => p.Id, (m, p) => new OutboxView(m.Id, p.Channel, p.ConversationId,
                p.CardKind, p.SubjectId, m.Operation, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt))
            .ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(rows.OrderBy(r => r.Id).ToList());
    }

    private static async Task<IResult> RetryAsync(long id, CoachLoopDbContext db, TimeProvider clock, Data.Outbox.OutboxSignal signal,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var updated = await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Dead)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), ct).ConfigureAwait(false);
        if (updated == 0)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No dead-lettered outbox message {id}.");
        }

        signal.Pulse();
        return TypedResults.Accepted($"/api/v1/outbox?status=pending");
    }
}

internal sealed record OutboxView(long Id, string Channel, string ConversationId, string CardKind, Guid SubjectId, OutboxOperation Operation,
    OutboxStatus Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);
