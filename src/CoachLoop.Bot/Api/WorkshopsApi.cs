using CoachLoop.Data;
using CoachLoop.Data.Stores;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Api;

/// <summary>Scheduled and logged workshops, newest scheduled first, a page at a time; one workshop.</summary>
internal static class WorkshopsApi
{
    public static void MapWorkshops(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/workshops").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Workshops");
        group.MapGet("/", ListAsync).WithName("ListWorkshops").Produces<Page<WorkshopView>>();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWorkshop");
    }

    private static async Task<IResult> ListAsync(string? team, string? limit, string? cursor, HttpContext context, CoachingQueries queries,
        CoachLoopDbContext db, CancellationToken ct)
    {
        var (page, pageProblem) = PageRequest.Read(limit, cursor, "workshops", 2);
        if (page is null)
        {
            return pageProblem!;
        }

        var query = db.Workshops.AsNoTracking();
        if (page.After is [var at, var id])
        {
            if (PageRequest.Instant(at) is not { } scheduledAt || !Guid.TryParse(id, out var workshopId))
            {
                return PageRequest.BadCursor();
            }

            query = query.Where(w => w.ScheduledAt < scheduledAt || (w.ScheduledAt == scheduledAt && w.Id.CompareTo(workshopId) < 0));
        }

        var (teamId, teamProblem) = await TeamFilter.ResolveAsync(team, queries, ct).ConfigureAwait(false);
        if (teamProblem is not null)
        {
            return teamProblem;
        }

        if (teamId is { } only)
        {
            query = query.Where(w => w.TeamId == only);
        }

        var rows = await query.OrderByDescending(w => w.ScheduledAt).ThenByDescending(w => w.Id).Take(page.Limit + 1).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Answer(context, rows, page.Limit, WorkshopView.From,
            w => PageCursor.Encode("workshops", PageRequest.Key(w.ScheduledAt), w.Id.ToString())));
    }

    private static async Task<Results<Ok<WorkshopView>, ProblemHttpResult>> GetAsync(Guid id, CoachLoopDbContext db, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct).ConfigureAwait(false);
        return workshop is null
            ? TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No workshop {id}.")
            : TypedResults.Ok(WorkshopView.From(workshop));
    }
}
