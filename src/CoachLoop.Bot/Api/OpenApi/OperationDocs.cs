using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoachLoop.Bot.Api.OpenApi;

/// <summary>
/// Per operation: its summary, the bearer requirement where a key is needed, the problem answers it can give
/// (400 bad input, 401 no or bad key, 404 an unknown id in the path, 409 a move the state does not allow, 413 a body over
/// the cap), and what the paging parameters mean.
/// </summary>
internal sealed class OperationDocs : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (string.IsNullOrEmpty(operation.Summary) && operation.OperationId is { } name && OperationSummaries.ByName.TryGetValue(name, out var summary))
        {
            operation.Summary = summary;
        }

        DescribePaging(operation);
        var needsKey = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var method = description.HttpMethod ?? "GET";
        var hasBody = method is "POST" or "PUT" or "PATCH" && operation.RequestBody is not null;
        var hasInput = hasBody || description.ParameterDescriptions.Any(p => p.Source.Id is "Query" or "Header");
        // A list's path names a collection, not one thing: it has no 404.
        var hasPathId = description.ParameterDescriptions.Any(p => p.Source.Id == "Path") && operation.OperationId?.StartsWith("List", StringComparison.Ordinal) != true;
        operation.Responses ??= [];
        if (hasInput)
        {
            Add(operation, context, 400, typeof(HttpValidationProblemDetails), ProblemExamples.Invalid);
        }

        if (needsKey)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CoachLoopOpenApi.BearerScheme, context.Document)] = [] }];
            Add(operation, context, 401, typeof(ProblemDetails), ProblemExamples.Unauthorized);
        }

        if (hasPathId)
        {
            Add(operation, context, 404, typeof(ProblemDetails), ProblemExamples.NotFound);
        }

        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            Add(operation, context, 409, typeof(ProblemDetails), ProblemExamples.Conflict);
        }

        if (hasBody)
        {
            Add(operation, context, 413, typeof(ProblemDetails), ProblemExamples.TooLarge);
        }

        return Task.CompletedTask;
    }

    private static void DescribePaging(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            // Read as text so that "abc" is a 400 naming it, not a binding failure; documented as the number it must be.
            if (parameter.Name == "limit")
            {
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1",
                    Maximum = PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = PageRequest.DefaultLimit,
                };
            }

            parameter.Description ??= parameter.Name switch
            {
                "limit" => $"Rows per page, {1} to {PageRequest.MaxLimit}; {PageRequest.DefaultLimit} when absent.",
                "cursor" => "Where the page starts: the `nextCursor` of the page before, unchanged (or follow its `next` link). " +
                    "An edited or foreign cursor is refused with 400.",
                _ => null,
            };
        }
    }

    // A status the endpoint already declares (its own ProducesProblem) keeps its schema; the example is added either way.
    // The problem schemas are referenced by name; the document transformer makes sure both are in the components.
    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, Type schemaType,
        JsonNode example)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.TryGetValue(key, out var existing))
        {
            existing = new OpenApiResponse
            {
                Description = ProblemExamples.Describe(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schemaType.Name, context.Document) },
                },
            };
            operation.Responses[key] = existing;
        }

        if (existing.Content?.TryGetValue("application/problem+json", out var media) == true && media.Example is null)
        {
            media.Example = example.DeepClone();
        }
    }
}
