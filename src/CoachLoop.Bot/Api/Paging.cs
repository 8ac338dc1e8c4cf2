using Microsoft.AspNetCore.Http.Extensions;

namespace CoachLoop.Bot.Api;

/// <summary>Turns the rows a list read (one more than the limit, to know whether more follow) into a page with its next link.</summary>
internal static class Paging
{
    public static Page<TView> Answer<TRow, TView>(HttpContext context, IReadOnlyList<TRow> rows, int limit, Func<TRow, TView> view,
        Func<TRow, string> cursorOf, IReadOnlyList<KeyValuePair<string, string>>? pinned = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        var items = rows.Take(limit).Select(view).ToList();
        if (rows.Count <= limit)
        {
            return new Page<TView>(items, null, null);
        }

        var cursor = cursorOf(rows[limit - 1]);
        var next = NextLink(context.Request, cursor, pinned ?? []);
        context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        return new Page<TView>(items, next, cursor);
    }

    // The same request with the cursor replaced (and the pinned parameters set), relative to the host, so it holds behind a
    // proxy that rewrites the host.
    private static string NextLink(HttpRequest request, string cursor, IReadOnlyList<KeyValuePair<string, string>> pinned)
    {
        var query = new QueryBuilder(request.Query
            .Where(q => !q.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase) && !pinned.Any(p => p.Key.Equals(q.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        foreach (var (key, value) in pinned)
        {
            query.Add(key, value);
        }

        query.Add("cursor", cursor);
        return request.PathBase.Add(request.Path) + query.ToQueryString().Value;
    }
}
