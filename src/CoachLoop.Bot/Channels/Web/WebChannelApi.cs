using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Api;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Data;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>
/// The web channel's endpoints: who can I be, my feeds (each card as that person sees it), a card action, and a demo API key
/// for the simulate form; the open-flags view, "digest now" and the development tools are in <see cref="WebToolsApi"/>.
/// </summary>
internal static class WebChannelApi
{
    public static void MapWebChannel(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/web/api").WithQueryContract().AddEndpointFilter(LoopbackOnly).ExcludeFromDescription();
        group.MapGet("/people", PeopleAsync);
        group.MapGet("/feeds", FeedsAsync);
        group.MapPost("/actions", ActAsync);
        group.MapPost("/dev-key", DevKeyAsync).AddEndpointFilter(FromOwnPage);
        group.MapWebTools();
        app.MapGet("/web", () => Results.Redirect("/web/index.html")).ExcludeFromDescription();
    }

    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Loopback callers only, and by a loopback host name: a page elsewhere cannot reach in through DNS rebinding.
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        var host = context.HttpContext.Request.Host.Host;
        var localName = host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        return (remote is null || IPAddress.IsLoopback(remote)) && localName
            ? await next(context).ConfigureAwait(false)
            : TypedResults.Problem(statusCode: 403, title: "Local only", detail: "The web channel answers only on this machine.");
    }

    /// <summary>The header the web channel's page sends with every POST.</summary>
    public const string PageHeader = "X-CoachLoop-Web";

    /// <summary>
    /// Body-less POSTs must carry <see cref="PageHeader"/>: a page on another site can send a simple POST to localhost without
    /// asking (fetch no-cors, a form), but not one with a custom header, which needs a CORS preflight this host never grants.
    /// (A card action needs a JSON body, which is not a simple request either.)
    /// </summary>
    public static async ValueTask<object?> FromOwnPage(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.Request.Headers.ContainsKey(PageHeader)
            ? await next(context).ConfigureAwait(false)
            : TypedResults.Problem(statusCode: 400, title: "Missing header", detail: $"The web channel's page sends {PageHeader} with this request.");
    }

    private static async Task<IResult> PeopleAsync(CoachLoopDbContext db, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct).ConfigureAwait(false);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Role).ThenBy(p => p.Name).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(people.Select(p => new WebPerson(p.Id.ToString(), p.Name, p.Role.ToString(),
            p.TeamId is { } t ? teams.GetValueOrDefault(t) : null)).ToList());
    }

    private static async Task<IResult> FeedsAsync(string? @as, CoachLoopDbContext db, WebCardViews views, CancellationToken ct)
    {
        var person = await views.PersonAsync(@as, ct).ConfigureAwait(false);
        if (person is null)
        {
            return TypedResults.Ok(Array.Empty<WebFeed>());
        }

        var teams = await db.Teams.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var feeds = new List<WebFeed>();
        foreach (var team in teams.Where(t => WebConversations.CanSee(person, t, WebConversations.TeamChannel(t.Id))))
        {
            feeds.Add(await FeedAsync(db, views, person, WebConversations.TeamChannel(team.Id), $"#{team.Key} (manager channel)", ct).ConfigureAwait(false));
        }

        feeds.Add(await FeedAsync(db, views, person, WebConversations.Direct(person.Id), $"Direct messages: {person.Name}", ct).ConfigureAwait(false));
        return TypedResults.Ok(feeds);
    }

    private static async Task<WebFeed> FeedAsync(CoachLoopDbContext db, WebCardViews views, Person viewer, string conversationId, string title,
        CancellationToken ct)
    {
        var messages = await db.WebMessages.AsNoTracking().Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.PostedAt).ThenByDescending(m => m.Id).Take(100).ToListAsync(ct).ConfigureAwait(false);
        var shown = new List<WebFeedMessage>(messages.Count);
        foreach (var m in messages)
        {
            // The stored card was rendered for everyone; the viewer gets the current one with only the buttons they may press.
            var card = await views.RenderAsync(viewer, m.CardKind, m.SubjectId, ct).ConfigureAwait(false) ?? JsonNode.Parse(m.CardJson)!;
            shown.Add(new WebFeedMessage(m.Id.ToString(), m.CardKind, m.SubjectId.ToString(), m.Revision, m.UpdatedAt, card));
        }

        return new WebFeed(conversationId, title, shown);
    }

    private static async Task<IResult> ActAsync(HttpRequest request, CardActionPipeline pipeline, WebCardViews views, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<WebActionRequest>(request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(body.Verb) || body.Data is null || string.IsNullOrWhiteSpace(body.Key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["verb"] = ["verb, data and key are required"] });
        }

        // The action's key and verb are stored in columns of these sizes (ProcessedActions.Key, InboundClicks.Verb).
        var errors = new List<ValidationError>();
        TextLimits.Check(errors, "key", body.Key, 200);
        TextLimits.Check(errors, "verb", body.Verb, 64);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var data = body.Data.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ToString(),
            StringComparer.Ordinal);
        var result = await pipeline.HandleAsync(new CardActionRequest(ChatIdentity.Web, "", body.As ?? "", body.Verb, data, body.Key), ct)
            .ConfigureAwait(false);
        // The card comes back as the person whose feed it is shown in sees it (the actor, unless they look at someone else's).
        var viewer = await views.PersonAsync(body.Viewer ?? body.As, ct).ConfigureAwait(false);
        var card = await result.CardAsync(ct).ConfigureAwait(false) is { } built
            ? AdaptiveCardRenderer.Render(await views.ForAsync(viewer, built, ct).ConfigureAwait(false)) : null;
        return TypedResults.Ok(new WebActionResponse(result.Outcome.ToString().ToLowerInvariant(), result.Message, card, result.Errors));
    }

    private static async Task<IResult> DevKeyAsync(WebDemoKey key, CancellationToken ct) =>
        TypedResults.Ok(new { key = await key.GetAsync(ct).ConfigureAwait(false) });
}

internal sealed record WebPerson(string Id, string Name, string Role, string? Team);

internal sealed record WebFeed(string Id, string Title, IReadOnlyList<WebFeedMessage> Messages);

internal sealed record WebFeedMessage(string Id, string Kind, string SubjectId, int Revision, DateTimeOffset UpdatedAt, JsonNode Card);

internal sealed record WebActionRequest(string? As, string? Verb, Dictionary<string, JsonElement>? Data, string? Key, string? Viewer = null);

internal sealed record WebActionResponse(string Outcome, string Message, JsonObject? Card, IReadOnlyDictionary<string, string>? Errors);
