using CoachLoop.Data;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Api;

/// <summary>The directory: upsert people (JSON) or import them (CSV, see <see cref="DirectoryCsv"/>), all or nothing; list a team.</summary>
internal static class DirectoryApi
{
    public const int MaxRows = 5000;

    public static void MapDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/directory").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Directory");
        group.MapPut("/people", UpsertAsync).WithName("UpsertPeople").Accepts<PeopleDto>("application/json")
            .Produces<IReadOnlyList<PersonDto>>().ProducesValidationProblem();
        group.MapPost("/import", ImportAsync).WithName("ImportPeopleCsv").Accepts<string>("text/csv")
            .Produces<DirectoryImportDto>().ProducesValidationProblem();
    }

    private static async Task<IResult> UpsertAsync(HttpContext context, DirectoryStore store,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (parsed, problem) = await JsonBody.ParseAsync(context.Request, ct).ConfigureAwait(false);
        if (parsed is not { } body)
        {
            return problem!;
        }

        // One person may be sent bare; several go in {"people": [...]}.
        var options = json.Value.SerializerOptions;
        List<PersonDto> people;
        if (body.ValueKind == System.Text.Json.JsonValueKind.Object && body.TryGetProperty("people", out _))
        {
            var (many, error) = JsonBody.Bind<PeopleDto>(body, options);
            if (many?.People is null)
            {
                return Problems.Validation([error ?? new ValidationError("people", "must be an array")]);
            }

            people = many.People;
        }
        else
        {
            var (single, error) = JsonBody.Bind<PersonDto>(body, options);
            if (single is null)
            {
                return Problems.Validation([error!]);
            }

            people = [single];
        }

        return await SaveAsync(people.Select(p => p.ToDetails()).ToList(), store, context, "people", ct).ConfigureAwait(false);
    }

    // All or nothing: any bad line (or an unknown team, unless createTeams=true) stores nothing and names every line at fault.
    private static async Task<IResult> ImportAsync(HttpContext context, DirectoryStore store, bool? createTeams, CancellationToken ct)
    {
        if (!MediaTypeIs(context.Request, "text/csv"))
        {
            return JsonBody.UnsupportedMediaType(context.Request, "text/csv (UTF-8)");
        }

        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Problems.Validation("body", "must not contain NUL characters (\\u0000)");
        }

        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text), writable: false);
        var csv = await DirectoryCsv.ReadAsync(body, MaxRows, ct).ConfigureAwait(false);
        if (csv.Errors.Count > 0)
        {
            return Problems.Validation(csv.Errors);
        }

        var result = await store.UpsertAsync(csv.People, ApiActor.From(context), new DirectoryUpsertOptions(csv.Lines, createTeams ?? false), ct)
            .ConfigureAwait(false);
        if (result.Errors.Count > 0)
        {
            return Problems.Validation(result.Errors);
        }

        var people = await ToDtosAsync(result.Saved, context, ct).ConfigureAwait(false);
        return TypedResults.Ok(DirectoryImportDto.From(people, result.CreatedTeams, result.Saved));
    }

    private static async Task<IResult> SaveAsync(List<PersonDetails> people, DirectoryStore store, HttpContext context, string itemName,
        CancellationToken ct)
    {
        if (people.Count > MaxRows)
        {
            return Problems.Validation(itemName, $"at most {MaxRows} people per request");
        }

        var result = await store.UpsertAsync(people, ApiActor.From(context), ct).ConfigureAwait(false);
        if (result.Errors.Count > 0)
        {
            return Problems.Validation(result.Errors);
        }

        return TypedResults.Ok(await ToDtosAsync(result.Saved, context, ct).ConfigureAwait(false));
    }

    private static async Task<List<PersonDto>> ToDtosAsync(IReadOnlyList<Person> saved, HttpContext context, CancellationToken ct)
    {
        var db = context.RequestServices.GetRequiredService<CoachLoopDbContext>();
        var teamKeys = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Key, ct).ConfigureAwait(false);
        return saved.Select(p => PersonDto.From(p, p.TeamId is { } t ? teamKeys.GetValueOrDefault(t) : null)).ToList();
    }

    private static bool MediaTypeIs(HttpRequest request, string mediaType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && parsed.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
}
