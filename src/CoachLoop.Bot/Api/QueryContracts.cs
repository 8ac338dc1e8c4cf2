namespace CoachLoop.Bot.Api;

/// <summary>Declares that an endpoint's URL is checked against its <see cref="QueryContract"/>, and checks it on each request.</summary>
internal static class QueryContracts
{
    /// <summary>Every endpoint of <paramref name="builder"/> refuses what its handler does not take or cannot parse from the URL.</summary>
    public static TBuilder WithQueryContract<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var handler = endpoint.Metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault()
                ?? throw new InvalidOperationException($"{endpoint.DisplayName}: a query contract needs a route handler.");
            endpoint.Metadata.Add(QueryContract.For(handler, (endpoint as RouteEndpointBuilder)?.RoutePattern));
        });
        return builder;
    }

    /// <summary>Refuses a request whose URL breaks its endpoint's contract: 400, every parameter named, before any binding.</summary>
    public static IApplicationBuilder UseQueryContracts(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<QueryContract>() is { } contract && contract.Check(context) is { Count: > 0 } errors)
        {
            await Problems.Validation(errors, "Nothing was read or changed. Fix the query parameters or route values listed in 'errors'.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    });
}
