using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Rubrics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Api;

/// <summary>Rubric versions: create (or add a version), list the latest, read one version.</summary>
internal static class RubricsApi
{
    public static void MapRubrics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rubrics").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Rubrics");
        group.MapPost("/", CreateAsync).WithName("CreateRubricVersion").Accepts<RubricDto>("application/json")
            .Produces<Rubric>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("/", ListAsync).WithName("ListRubrics");
        group.MapGet("/{key}", GetAsync).WithName("GetRubric");
        group.MapGet("/{key}/versions/{version:int}", GetVersionAsync).WithName("GetRubricVersion");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, RubricStore store, CancellationToken ct)
    {
        var (dto, problem) = await JsonBody.ReadAsync<RubricDto>(context.Request, ct).ConfigureAwait(false);
        if (dto is null)
        {
            return problem!;
        }

        try
        {
            var result = await store.CreateVersionAsync(dto.ToDefinition(), ApiActor.From(context), ct).ConfigureAwait(false);
            return result.Rubric is { } rubric
                ? TypedResults.Created($"/api/v1/rubrics/{rubric.Key}/versions/{rubric.Version}", rubric)
                : Problems.Validation(result.Errors);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem(statusCode: 409, title: "Version taken",
                detail: "Another version of this rubric was created at the same moment; post again to make the next one.");
        }
    }

    private static async Task<Ok<IReadOnlyList<Rubric>>> ListAsync(RubricStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListLatestAsync(ct).ConfigureAwait(false));

    private static async Task<Results<Ok<Rubric>, ProblemHttpResult>> GetAsync(string key, RubricStore store, CancellationToken ct) =>
        await store.FindAsync(key, null, ct).ConfigureAwait(false) is { } rubric
            ? TypedResults.Ok(rubric)
            : TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No rubric '{key}'.");

    private static async Task<Results<Ok<Rubric>, ProblemHttpResult>> GetVersionAsync(string key, int version, RubricStore store,
        CancellationToken ct) =>
        await store.FindAsync(key, version, ct).ConfigureAwait(false) is { } rubric
            ? TypedResults.Ok(rubric)
            : TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No rubric '{key}' version {version}.");
}
