using CoachLoop.Data;
using CoachLoop.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Api;

/// <summary>The directory, listed a page at a time by email (the import and upsert are in <see cref="DirectoryApi"/>).</summary>
internal static class PeopleApi
{
    public static void MapPeople(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/directory").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Directory")
            .MapGet("/people", ListAsync).WithName("ListPeople").Produces<Page<PersonDto>>();
    }

    private static async Task<IResult> ListAsync(string? team, string? limit, string? cursor, HttpContext context, CoachLoopDbContext db,
        CoachingQueries queries, CancellationToken ct)
    {
        var (page, pageProblem) = PageRequest.Read(limit, cursor, "people", 1);
        if (page is null)
        {
            return pageProblem!;
        }

        var (teamId, teamProblem) = await TeamFilter.ResolveAsync(team, queries, ct).ConfigureAwait(false);
        if (teamProblem is not null)
        {
            return teamProblem;
        }

        var query = db.People.AsNoTracking();
        if (teamId is not null)
        {
            query = query.Where(p => p.TeamId == teamId);
        }

        // Emails are unique and stored normalised, so they alone are a stable order. The comparison runs in SQL, with the
        // same collation as the ORDER BY; no culture of this process is involved.
        if (page.After is [var email])
        {
#pragma warning disable CA1309
            query = query.Where(p => string.Compare(p.Email, email) > 0);
#pragma warning restore CA1309
        }

        var rows = await (
                from p in query
                join t in db.Teams on p.TeamId equals (Guid?)t.Id into teams
                from t in teams.DefaultIfEmpty()
                orderby p.Email
                select new { Person = p, TeamKey = t == null ? null : t.Key })
            .Take(page.Limit + 1)
            .ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Answer(context, rows, page.Limit, r => PersonDto.From(r.Person, r.TeamKey),
            r => PageCursor.Encode("people", r.Person.Email)));
    }
}
