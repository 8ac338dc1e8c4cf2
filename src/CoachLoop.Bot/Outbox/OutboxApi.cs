using System.Globalization;
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
        group.MapGet("/", ListAsync).WithName("ListOutbox").Produces<Page<OutboxView>>();
        group.MapPost("/{id:long}/retry", RetryAsync).WithName("RetryOutboxMessage").Produces(202);
    }

    private static async Task<IResult> ListAsync(string? status, string? limit, string? cursor, HttpContext context, CoachLoopDbContext db,
        CancellationToken ct)
    {
        var (page, pageProblem) = PageRequest.Read(limit, cursor, "outbox", 1);
        if (page is null)
        {
            return pageProblem!;
        }

        var afterId = 0L;
        if (page.After is [var key] && !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out afterId))
        {
            return PageRequest.BadCursor();
        }

        var wanted = OutboxStatus.Dead;
        if (status is not null && !StatusNames.TryParse(status, out wanted))
        {
            return Problems.Validation("status", $"must be one of {StatusNames.List<OutboxStatus>()}");
        }

        var rows = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == wanted && m.Id > afterId)
            .Join(db.CardPosts.AsNoTracking(), m => m.CardPostId, p => p.Id, (m, p) => new { m, p })
            .OrderBy(x => x.m.Id)
            .Take(page.Limit + 1)
            .Select(x => new OutboxView(x.m.Id, x.p.Channel, x.p.ConversationId, x.p.CardKind, x.p.SubjectId, x.m.Operation, x.m.Status,
                x.m.Attempts, x.m.NextAttemptAt, x.m.LastError, x.m.CreatedAt, x.m.SentAt))
            .ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Answer(context, rows, page.Limit, r => r,
            r => PageCursor.Encode("outbox", r.Id.ToString(CultureInfo.InvariantCulture))));
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
