using System.Globalization;
using CoachLoop.Data.Stores;

namespace CoachLoop.Bot.Api;

/// <summary>Agent scorecards per period and the coaching-log export (CSV or JSON).</summary>
internal static class ReportsApi
{
    public const int MaxDays = 366;

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Reports");
        group.MapGet("/agents/{agent}/scorecard", ScorecardAsync).WithName("AgentScorecard").Produces<Scorecard>();
        group.MapGet("/coaching-log", CoachingLogAsync).WithName("CoachingLog")
            .Produces<Page<CoachingLogRow>>()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The same 200 as a CSV download (format=csv, or Accept: text/csv).
                operation.Responses?["200"].Content?.TryAdd("text/csv", new Microsoft.OpenApi.OpenApiMediaType
                {
                    Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
                });
                return Task.CompletedTask;
            });
    }

    private static async Task<IResult> ScorecardAsync(string agent, DateTimeOffset? from, DateTimeOffset? to, CoachingQueries queries,
        TimeProvider clock, CancellationToken ct)
    {
        if (Period(from, to, clock) is not { } period)
        {
            return Problems.Validation("from", $"must be before 'to', at most {MaxDays} days apart");
        }

        var person = await queries.FindPersonAsync(agent, ct).ConfigureAwait(false);
        if (person is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No agent '{agent}'.");
        }

        return TypedResults.Ok(await queries.ScorecardAsync(person, period.From, period.To, ct).ConfigureAwait(false));
    }

    private static async Task<IResult> CoachingLogAsync(string? team, DateTimeOffset? from, DateTimeOffset? to, string? format, string? limit,
        string? cursor, HttpContext context, CoachingQueries queries, TimeProvider clock, CancellationToken ct)
    {
        if (Period(from, to, clock) is not { } period)
        {
            return Problems.Validation("from", $"must be before 'to', at most {MaxDays} days apart");
        }

        var (teamId, teamProblem) = await TeamFilter.ResolveAsync(team, queries, ct).ConfigureAwait(false);
        if (teamProblem is not null)
        {
            return teamProblem;
        }

        var wantsCsv = format?.Equals("csv", StringComparison.OrdinalIgnoreCase) == true
            || (format is null && context.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (format is not null && !wantsCsv && !format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Validation("format", "must be csv or json");
        }

        if (wantsCsv)
        {
            return limit is null && cursor is null
                ? CsvDownload(queries, teamId, team, period, context.RequestAborted)
                : Problems.Validation(limit is null ? "cursor" : "limit", "the CSV export is the whole period; limit and cursor page the JSON log");
        }

        var (page, pageProblem) = PageRequest.Read(limit, cursor, "coaching-log", 2);
        if (page is null)
        {
            return pageProblem!;
        }

        CoachingLogPosition? after = null;
        if (page.After is [var logged, var id])
        {
            if (PageRequest.Instant(logged) is not { } loggedAt || !Guid.TryParse(id, out var flagId))
            {
                return PageRequest.BadCursor();
            }

            after = new CoachingLogPosition(loggedAt, flagId);
        }

        var rows = await queries.CoachingLogAsync(teamId, period.From, period.To, page.Limit + 1, after, ct).ConfigureAwait(false);
        // The next link names the period, so that a default one ("the last 30 days") does not move on between pages.
        return TypedResults.Ok(Paging.Answer(context, rows, page.Limit, r => r,
            r => PageCursor.Encode("coaching-log", PageRequest.Key(r.SessionLoggedAt), r.FlagId.ToString()),
            [new("from", period.From.ToString("O", CultureInfo.InvariantCulture)), new("to", period.To.ToString("O", CultureInfo.InvariantCulture))]));
    }

    // The whole period, read a page at a time and written as it is read, so a year of sessions never sits in memory.
    private static IResult CsvDownload(CoachingQueries queries, Guid? teamId, string? team, (DateTimeOffset From, DateTimeOffset To) period,
        CancellationToken ct)
    {
        var name = string.Create(CultureInfo.InvariantCulture,
            $"coaching-log-{(teamId is null ? "all-teams" : team!.Trim())}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv");
        return TypedResults.Stream(body => CoachingLogCsv.WriteAsync(body, AllPagesAsync(queries, teamId, period, ct), ct),
            "text/csv; charset=utf-8", name);
    }

    private static async IAsyncEnumerable<IReadOnlyList<CoachingLogRow>> AllPagesAsync(CoachingQueries queries, Guid? teamId,
        (DateTimeOffset From, DateTimeOffset To) period, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        CoachingLogPosition? after = null;
        while (true)
        {
            var rows = await queries.CoachingLogAsync(teamId, period.From, period.To, CoachingQueries.MaxPageSize, after, ct).ConfigureAwait(false);
            yield return rows;
            if (rows.Count < CoachingQueries.MaxPageSize)
            {
                yield break;
            }

            after = new CoachingLogPosition(rows[^1].SessionLoggedAt, rows[^1].FlagId);
        }
    }

    private static (DateTimeOffset From, DateTimeOffset To)? Period(DateTimeOffset? from, DateTimeOffset? to, TimeProvider clock)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-30);
        return start < end && (end - start).TotalDays <= MaxDays ? (start, end) : null;
    }
}
