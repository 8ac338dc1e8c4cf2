using System.Globalization;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Api;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Data.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Webhooks;

/// <summary>
/// A subscription's test endpoint (a "ping" event through the outbox like any other) and its delivery log: each event's
/// delivery, newest first, with its outbox state (pending, sent, dead) and every attempt (time, HTTP status, error, duration).
/// </summary>
internal static class WebhookDeliveriesApi
{
    private const int AttemptsShown = 50;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/test", TestAsync).WithName("TestWebhook").Produces<WebhookTestDto>(202).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409);
        group.MapGet("/{id:guid}/deliveries", ListAsync).WithName("ListWebhookDeliveries").Produces<Page<WebhookDeliveryDto>>()
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }

    private static async Task<IResult> TestAsync(Guid id, CoachLoopDbContext db, OutboxSignal signal, TimeProvider clock, CancellationToken ct)
    {
        if (await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct).ConfigureAwait(false) is not { } subscription)
        {
            return WebhooksApi.NotFound(id);
        }

        if (!subscription.Enabled)
        {
            return TypedResults.Problem(statusCode: 409, title: "Conflict", detail: "The subscription is disabled: enable it to test it.",
                type: "urn:coachloop:webhook.disabled");
        }

        var now = clock.GetUtcNow();
        var eventId = WebhookOutbox.Add(db, [id], WebhookEventTypes.Ping, now, new JsonObject { ["subscriptionId"] = id }, now);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        signal.Pulse();
        var deliveries = $"{WebhooksApi.Route}/{id}/deliveries";
        return TypedResults.Accepted(deliveries, new WebhookTestDto(eventId, deliveries));
    }

    private static async Task<IResult> ListAsync(Guid id, string? limit, string? cursor, HttpContext context, CoachLoopDbContext db, CancellationToken ct)
    {
        var (page, pageProblem) = PageRequest.Read(limit, cursor, "webhook-deliveries", 1);
        if (page is null)
        {
            return pageProblem!;
        }

        var beforeId = long.MaxValue;
        if (page.After is [var key] && !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out beforeId))
        {
            return PageRequest.BadCursor();
        }

        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct).ConfigureAwait(false))
        {
            return WebhooksApi.NotFound(id);
        }

        var conversation = id.ToString("D");
        var rows = await db.CardPosts.AsNoTracking()
            .Where(p => p.Channel == WebhookSubscription.WebhookChannel && p.ConversationId == conversation)
            .Join(db.Outbox.AsNoTracking(), p => p.Id, m => m.CardPostId, (p, m) => new { p, m })
            .Join(db.WebhookEvents.AsNoTracking(), x => x.p.SubjectId, e => e.Id, (x, e) => new { x.m, e.Id, e.Type })
            .Where(x => x.m.Id < beforeId)
            .OrderByDescending(x => x.m.Id)
            .Take(page.Limit + 1)
            .ToListAsync(ct).ConfigureAwait(false);
        var messageIds = rows.Select(r => r.m.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => a.SubscriptionId == id && messageIds.Contains(a.OutboxMessageId))
                .OrderBy(a => a.Id).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(a => a.OutboxMessageId);
        return TypedResults.Ok(Paging.Answer(context, rows, page.Limit,
            r => new WebhookDeliveryDto(r.m.Id, r.Id, r.Type, r.m.Status, r.m.Attempts, r.m.CreatedAt, r.m.NextAttemptAt, r.m.SentAt, r.m.LastError,
                attempts[r.m.Id].TakeLast(AttemptsShown).Select(a => new WebhookAttemptDto(a.Attempt, a.At, a.StatusCode, a.Error, a.DurationMs)).ToList()),
            r => PageCursor.Encode("webhook-deliveries", r.m.Id.ToString(CultureInfo.InvariantCulture))));
    }
}
