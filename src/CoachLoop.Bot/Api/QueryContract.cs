using System.Reflection;
using System.Security.Claims;
using CoachLoop.Engine.Common;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CoachLoop.Bot.Api;

/// <summary>
/// The query parameters and route values an endpoint takes, read from its handler's own parameters (<c>int? limit</c>,
/// <c>DateTimeOffset? from</c>, a <c>{source}</c> route value), each with the parser of <see cref="QueryParameter.For"/>. Checked
/// by <see cref="QueryContracts"/> before the framework binds anything: a value that does not parse, a parameter the handler
/// does not take, or one given twice is a 400 naming it and the format expected, where the framework's own binding failure
/// would be a bare 400 (or, in Development, an exception answered as a 500).
/// </summary>
internal sealed class QueryContract
{
    private static readonly Type[] Special =
        [typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(CancellationToken), typeof(ClaimsPrincipal), typeof(Stream)];

    private readonly Dictionary<string, QueryParameter> _query;
    private readonly List<QueryParameter> _route;

    private QueryContract(Dictionary<string, QueryParameter> query, List<QueryParameter> route)
    {
        _query = query;
        _route = route;
    }

    public IEnumerable<string> QueryNames => _query.Keys;

    public static QueryContract For(MethodInfo handler, RoutePattern? pattern)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var routeNames = new HashSet<string>(pattern?.Parameters.Select(p => p.Name) ?? [], StringComparer.OrdinalIgnoreCase);
        var query = new Dictionary<string, QueryParameter>(StringComparer.OrdinalIgnoreCase);
        var route = new List<QueryParameter>();
        foreach (var p in handler.GetParameters())
        {
            var attributes = p.GetCustomAttributes(inherit: true);
            if (Special.Contains(p.ParameterType) || attributes.Any(a => a is IFromServiceMetadata or IFromBodyMetadata or IFromHeaderMetadata or IFromFormMetadata))
            {
                continue;
            }

            var name = attributes.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
                ?? attributes.OfType<IFromRouteMetadata>().FirstOrDefault()?.Name ?? p.Name!;
            if (QueryParameter.For(name, p.ParameterType) is not { } parameter)
            {
                continue; // a service or a body: not from the URL
            }

            if (routeNames.Contains(name) || attributes.Any(a => a is IFromRouteMetadata))
            {
                route.Add(parameter);
            }
            else
            {
                query.Add(name, parameter);
            }
        }

        return new QueryContract(query, route);
    }

    /// <summary>Every refused parameter of the request, each with the reason; empty when the URL is fine.</summary>
    public List<ValidationError> Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<ValidationError>();
        foreach (var (key, values) in context.Request.Query)
        {
            if (!_query.TryGetValue(key, out var parameter))
            {
                var takes = _query.Count == 0 ? "this route takes no query parameters" : "this route takes " + string.Join(", ", _query.Keys);
                errors.Add(new(Printable(key), "is not a parameter of this route: " + takes));
            }
            else if (values.Count > 1)
            {
                errors.Add(new(parameter.Name, "is given more than once: give it once"));
            }
            else if (parameter.Refusal(values[0]) is { } refusal)
            {
                errors.Add(new(parameter.Name, refusal));
            }
        }

        foreach (var parameter in _route)
        {
            if (parameter.Refusal(context.Request.RouteValues[parameter.Name] as string) is { } refusal)
            {
                errors.Add(new(parameter.Name, refusal));
            }
        }

        return errors;
    }

    // An unknown name is echoed back as the field: without control characters and not at any length.
    private static string Printable(string key)
    {
        var clean = new string(key.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= 60 ? clean : clean[..60] + "...";
    }
}
