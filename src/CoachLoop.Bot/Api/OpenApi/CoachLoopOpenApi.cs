using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoachLoop.Bot.Api.OpenApi;

/// <summary>
/// The served OpenAPI document (<c>/openapi/v1.json</c>): the bearer API-key scheme, a summary for every operation, the
/// problem answers each can give, examples, and fields the API may leave out marked optional.
/// </summary>
internal static class CoachLoopOpenApi
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddCoachLoopOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer(DescribeAsync);
        options.AddOperationTransformer<OperationDocs>();
        options.AddSchemaTransformer<SchemaDocs>();
    });

    private static async Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "CoachLoop API";
        document.Info.Description =
            "Turns contact-center QA scores into coaching actions. Every /api/v1 route needs an API key as a bearer token " +
            "(`Authorization: Bearer <key>`, made with `dotnet run --project src/CoachLoop.Bot -- create-api-key NAME`). " +
            "Refused requests answer RFC 7807 problems (`application/problem+json`) whose `errors` name each refused field; a refusal changes nothing. " +
            "Lists page with an opaque `cursor`: follow `next` in the body (or the `Link: <...>; rel=\"next\"` header) until it is absent.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "CoachLoop API key",
            Description = "An API key, sent as `Authorization: Bearer <key>`. Keys are stored hashed; a revoked key is refused with 401.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var problem in new[] { typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), typeof(HttpValidationProblemDetails) })
        {
            if (!document.Components.Schemas.ContainsKey(problem.Name))
            {
                document.Components.Schemas[problem.Name] = await context.GetOrCreateSchemaAsync(problem, null, ct).ConfigureAwait(false);
            }
        }
    }
}
