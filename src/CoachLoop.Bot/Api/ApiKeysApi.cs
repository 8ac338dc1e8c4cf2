using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachLoop.Bot.Api;

/// <summary>
/// API keys managed over the API, by admin keys only (any other key gets a 403 problem and nothing changes): create (the
/// secret is in that answer only), list (never a secret or hash), revoke and rotate, by the key's unique name.
/// </summary>
internal static class ApiKeysApi
{
    public static void MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").RequireAuthorization(ApiServiceCollectionExtensions.AdminPolicy).WithQueryContract()
            .WithTags("API keys");
        group.MapGet("/", ListAsync).WithName("ListApiKeys").Produces<List<ApiKeyDto>>().ProducesProblem(403);
        group.MapPost("/", CreateAsync).WithName("CreateApiKey").Accepts<CreateApiKeyDto>("application/json")
            .Produces<ApiKeyDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        group.MapPost("/{name}/revoke", RevokeAsync).WithName("RevokeApiKey").Produces<ApiKeyDto>().ProducesProblem(403).ProducesProblem(404);
        group.MapPost("/{name}/rotate", RotateAsync).WithName("RotateApiKey")
            .Produces<ApiKeyDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Ok<List<ApiKeyDto>>> ListAsync(ApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Ok((await keys.ListAsync(ct).ConfigureAwait(false)).Select(k => ApiKeyDto.From(k)).ToList());

    private static async Task<IResult> CreateAsync(HttpRequest request, ApiKeyStore keys, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateApiKeyDto>(request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (ApiKeyStore.NameError(body.Name) is { } error)
        {
            return Problems.Validation("name", error);
        }

        try
        {
            var (key, secret) = await keys.CreateAsync(body.Name!, body.Admin ?? false, ct).ConfigureAwait(false);
            return TypedResults.Created($"/api/v1/api-keys/{key.Name}", ApiKeyDto.From(key, secret));
        }
        catch (DomainException ex)
        {
            return Conflict(ex);
        }
    }

    private static async Task<IResult> RevokeAsync(string name, ApiKeyStore keys, CancellationToken ct) =>
        await keys.RevokeAsync(name, ct).ConfigureAwait(false) is { } key ? TypedResults.Ok(ApiKeyDto.From(key)) : NotFound(name);

    private static async Task<IResult> RotateAsync(string name, ApiKeyStore keys, CancellationToken ct)
    {
        try
        {
            return await keys.RotateAsync(name, ct).ConfigureAwait(false) is var (key, secret) ? TypedResults.Ok(ApiKeyDto.From(key, secret)) : NotFound(name);
        }
        catch (DomainException ex)
        {
            return Conflict(ex);
        }
    }

    private static IResult Conflict(DomainException ex) =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: ex.Message, type: $"urn:coachloop:{ex.Code}");

    private static IResult NotFound(string name) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"There is no API key named '{name}'.");
}
