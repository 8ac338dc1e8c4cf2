using System.Globalization;
using CoachLoop.Bot.Api;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Data.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Webhooks;

/// <summary>
/// Webhook subscriptions managed over the API, by admin keys only: create (the secret, generated or supplied, is in that answer
/// only), list, get, update or disable, delete (its queued deliveries go with it). The test endpoint and the delivery log are in
/// <see cref="WebhookDeliveriesApi"/>.
/// </summary>
internal static class WebhooksApi
{
    public const string Route = "/api/v1/webhooks";

    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).RequireAuthorization(ApiServiceCollectionExtensions.AdminPolicy).WithQueryContract().WithTags("Webhooks");
        group.MapPost("/", CreateAsync).WithName("CreateWebhook").Accepts<WebhookInputDto>("application/json")
            .Produces<WebhookDto>(201).ProducesValidationProblem().ProducesProblem(403);
        group.MapGet("/", ListAsync).WithName("ListWebhooks").Produces<Page<WebhookDto>>().ProducesValidationProblem().ProducesProblem(403);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").Produces<WebhookDto>().ProducesProblem(403).ProducesProblem(404);
        group.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateWebhook").Accepts<WebhookInputDto>("application/json")
            .Produces<WebhookDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").Produces(204).ProducesProblem(403).ProducesProblem(404);
        WebhookDeliveriesApi.Map(group);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, CoachLoopDbContext db, WebhookSecrets secrets, WebhookSubscriptionCache cache,
        TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<WebhookInputDto>(request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (WebhookInput.Errors(body, creating: true) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors, "Nothing was stored. Fix the fields listed in 'errors'.");
        }

        var now = clock.GetUtcNow();
        var secret = body.Secret ?? WebhookSecrets.Generate();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), Url = body.Url!, EventTypes = WebhookInput.Types(body.Events!), Secret = secrets.Protect(secret),
            Description = body.Description, Enabled = body.Enabled ?? true, CreatedAt = now, UpdatedAt = now,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await cache.RefreshAsync(ct).ConfigureAwait(false);
        return TypedResults.Created($"{Route}/{subscription.Id}", WebhookDto.From(subscription, secret));
    }

    private static async Task<IResult> ListAsync(string? limit, string? cursor, HttpContext context, CoachLoopDbContext db, CancellationToken ct)
    {
        var (page, pageProblem) = PageRequest.Read(limit, cursor, "webhooks", 2);
        if (page is null)
        {
            return pageProblem!;
        }

        var query = db.WebhookSubscriptions.AsNoTracking();
        if (page.After is [var at, var key])
        {
            if (PageRequest.Instant(at) is not { } after || !Guid.TryParse(key, out var afterId))
            {
                return PageRequest.BadCursor();
            }

            query = query.Where(s => s.CreatedAt > after || (s.CreatedAt == after && s.Id.CompareTo(afterId) > 0));
        }

        var rows = await query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(page.Limit + 1).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Answer(context, rows, page.Limit, s => WebhookDto.From(s),
            s => PageCursor.Encode("webhooks", PageRequest.Key(s.CreatedAt), s.Id.ToString("D"))));
    }

    private static async Task<IResult> GetAsync(Guid id, CoachLoopDbContext db, CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct).ConfigureAwait(false) is { } subscription
            ? TypedResults.Ok(WebhookDto.From(subscription))
            : NotFound(id);

    private static async Task<IResult> UpdateAsync(Guid id, HttpRequest request, CoachLoopDbContext db, WebhookSecrets secrets, WebhookSubscriptionCache cache,
        TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<WebhookInputDto>(request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (WebhookInput.Errors(body, creating: false) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors, "Nothing was changed. Fix the fields listed in 'errors'.");
        }

        if (await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct).ConfigureAwait(false) is not { } subscription)
        {
            return NotFound(id);
        }

        subscription.Url = body.Url ?? subscription.Url;
        subscription.EventTypes = body.Events is { } events ? WebhookInput.Types(events) : subscription.EventTypes;
        subscription.Secret = body.Secret is { } secret ? secrets.Protect(secret) : subscription.Secret;
        subscription.Description = body.Description ?? subscription.Description;
        subscription.Enabled = body.Enabled ?? subscription.Enabled;
        subscription.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await cache.RefreshAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(WebhookDto.From(subscription, body.Secret));
    }

    private static async Task<IResult> DeleteAsync(Guid id, CoachLoopDbContext db, WebhookSubscriptionCache cache, CancellationToken ct)
    {
        var conversation = id.ToString("D");
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Its deliveries (card posts) take their queued outbox messages with them: nothing more is sent to it.
        await db.CardPosts.Where(p => p.Channel == WebhookSubscription.WebhookChannel && p.ConversationId == conversation)
            .ExecuteDeleteAsync(ct).ConfigureAwait(false);
        var deleted = await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        if (deleted == 0)
        {
            return NotFound(id);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        await cache.RefreshAsync(ct).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    internal static IResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"There is no webhook subscription {id.ToString("D", CultureInfo.InvariantCulture)}.");
}
