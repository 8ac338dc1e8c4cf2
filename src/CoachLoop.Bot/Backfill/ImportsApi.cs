using CoachLoop.Bot.Api;
using CoachLoop.Engine.Common;
using Microsoft.Net.Http.Headers;

namespace CoachLoop.Bot.Backfill;

/// <summary>
/// <c>POST /api/v1/scored-calls/imports</c>: a backfill as NDJSON or CSV, one scored call per line. The lines are stored (in
/// call-time order) before the 202; a worker applies them (<see cref="ImportWorker"/>). <c>GET .../imports/{id}</c> shows the
/// progress, <c>GET .../imports</c> lists imports newest first, a page at a time.
/// </summary>
internal static class ImportsApi
{
    public const string Ndjson = "application/x-ndjson";
    public const string Csv = "text/csv";
    public const string Path = "/api/v1/scored-calls/imports";

    public static void MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract()
            .WithTags("Scored calls");
        group.MapPost("/", SubmitAsync).WithName("ImportScoredCalls").WithSummary("Import scored calls (NDJSON or CSV) as a background job")
            .Accepts<string>(Ndjson, Csv).Produces<ImportJobView>(202).ProducesValidationProblem().ProducesProblem(413).ProducesProblem(415);
        group.MapGet("/", ListAsync).WithName("ListImports").WithSummary("List imports, newest first").Produces<Page<ImportJobView>>()
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).WithName("GetImport").WithSummary("An import's progress").Produces<ImportJobView>().ProducesProblem(404);
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, string? fileName, ImportJobStore jobs, ImportSignal signal, CancellationToken ct)
    {
        var format = MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? media.MediaType.Value?.ToLowerInvariant() : null;
        if (format is not (Ndjson or Csv))
        {
            return JsonBody.UnsupportedMediaType(request, $"{Ndjson} or {Csv} (UTF-8)");
        }

        if (fileName is { Length: > 200 } || fileName?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return Problems.Validation("fileName", "must be at most 200 characters, without NUL characters");
        }

        List<ImportLine> lines;
        if (format == Csv)
        {
            var (rows, errors) = await CsvCalls.ReadAsync(request.Body, ct).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            lines = rows;
        }
        else
        {
            lines = await NdjsonLines.ReadAsync(request.Body, ct).ConfigureAwait(false);
        }

        if (lines.Count == 0)
        {
            return Problems.Validation([new ValidationError("body", format == Csv
                ? "holds no calls: send a header line and one scored call per row"
                : "holds no calls: send one scored call (a JSON object) per line")]);
        }

        // Call-time order, so the history each call is judged against is the history before it; the line number keeps ties stable.
        var ordered = lines.OrderBy(l => l.CallTime ?? DateTimeOffset.MinValue).ThenBy(l => l.Line).ToList();
        var job = await jobs.CreateAsync(format == Csv ? "csv" : "ndjson", fileName, ordered, ct).ConfigureAwait(false);
        signal.Pulse();
        return TypedResults.Accepted(ImportJobView.LocationOf(job.Id), ImportJobView.From(job));
    }

    private static async Task<IResult> GetAsync(Guid id, ImportJobStore jobs, CancellationToken ct) =>
        await jobs.FindAsync(id, ct).ConfigureAwait(false) is { } job
            ? TypedResults.Ok(ImportJobView.From(job))
            : TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No import '{id}'.");

    private static async Task<IResult> ListAsync(string? limit, string? cursor, HttpContext context, ImportJobStore jobs, CancellationToken ct)
    {
        var (page, problem) = PageRequest.Read(limit, cursor, "imports", 2);
        if (page is null)
        {
            return problem!;
        }

        DateTimeOffset? before = null;
        Guid? beforeId = null;
        if (page.After is [var at, var id])
        {
            (before, beforeId) = (PageRequest.Instant(at), Guid.TryParse(id, out var g) ? g : null);
            if (before is null || beforeId is null)
            {
                return PageRequest.BadCursor();
            }
        }

        var rows = await jobs.ListAsync(page.Limit + 1, before, beforeId, ct).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Answer(context, rows, page.Limit, ImportJobView.From,
            j => PageCursor.Encode("imports", PageRequest.Key(j.CreatedAt), j.Id.ToString())));
    }
}
