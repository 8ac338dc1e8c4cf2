using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace CoachLoop.Bot.Api;

/// <summary>
/// Routing answers a body of a type a route does not accept (its <c>Accepts</c> metadata) with a bare 415 before any handler
/// runs: this says, as a problem, which content types that route accepts.
/// </summary>
internal static class UnsupportedMediaTypes
{
    public static IApplicationBuilder UseUnsupportedMediaTypeDetails(this IApplicationBuilder app)
    {
        var endpoints = app.ApplicationServices.GetRequiredService<EndpointDataSource>();
        return app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType && !context.Response.HasStarted)
            {
                await JsonBody.UnsupportedMediaType(context.Request, Accepted(endpoints, context.Request)).ExecuteAsync(context).ConfigureAwait(false);
            }
        });
    }

    private static string Accepted(EndpointDataSource endpoints, HttpRequest request)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { ContentTypes.Count: > 0 } accepts
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && !methods.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary());
            if (matcher.TryMatch(request.Path, new RouteValueDictionary()))
            {
                return string.Join(" or ", accepts.ContentTypes);
            }
        }

        return JsonBody.ContentType;
    }
}
