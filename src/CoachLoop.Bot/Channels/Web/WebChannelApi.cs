using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachLoop.Bot.Actions;
using CoachLoop.Bot.Cards.AdaptiveCards;
using CoachLoop.Data;
using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>The web channel's endpoints: who can I be, my feeds, a card action, and a demo API key for the simulate form.</summary>
internal static class WebChannelApi
{
    public static void MapWebChannel(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/web/api").AddEndpointFilter(LoopbackOnly).ExcludeFromDescription();
        group.MapGet("/people", PeopleAsync);
        group.MapGet("/feeds", FeedsAsync);
        group.MapPost("/actions", ActAsync);
        group.MapPost("/dev-key", DevKeyAsync);
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

    private static async Task<IResult> PeopleAsync(CoachLoopDbContext db, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct).ConfigureAwait(false);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Role).ThenBy(p => p.Name).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(people.Select(p => new WebPerson(p.Id.ToString(), p.Name, p.Role.ToString(),
            p.TeamId is { } t ? teams.GetValueOrDefault(t) : null)).ToList());
    }

    private static async Task<IResult> FeedsAsync(string? @as, CoachLoopDbContext db, CancellationToken ct)
    {
        var person = Guid.TryParse(@as, out var id) ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false) : null;
        if (person is null)
        {
            return TypedResults.Ok(Array.Empty<WebFeed>());
        }

        var teams = await db.Teams.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var feeds = new List<WebFeed>();
        foreach (var team in teams.Where(t => WebConversations.CanSee(person, t, WebConversations.TeamChannel(t.Id))))
        {
            feeds.Add(await FeedAsync(db, WebConversations.TeamChannel(team.Id), $"#{team.Key} (manager channel)", ct).ConfigureAwait(false));
        }

        feeds.Add(await FeedAsync(db, WebConversations.Direct(person.Id), $"Direct messages: {person.Name}", ct).ConfigureAwait(false));
        return TypedResults.Ok(feeds);
    }

    private static async Task<WebFeed> FeedAsync(CoachLoopDbContext db, string conversationId, string title, CancellationToken ct)
    {
        var messages = await db.WebMessages.AsNoTracking().Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.PostedAt).ThenByDescending(m => m.Id).Take(100).ToListAsync(ct).ConfigureAwait(false);
        return new WebFeed(conversationId, title, messages.Select(m => new WebFeedMessage(m.Id.ToString(), m.CardKind, m.SubjectId.ToString(),
            m.Revision, m.UpdatedAt, JsonNode.Parse(m.CardJson)!)).ToList());
    }

    private static async Task<IResult> ActAsync(WebActionRequest body, CardActionPipeline pipeline, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Verb) || body.Data is null || string.IsNullOrWhiteSpace(body.Key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["verb"] = ["verb, data and key are required"] });
        }

        var data = body.Data.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ToString(),
            StringComparer.Ordinal);
        var result = await pipeline.HandleAsync(new CardActionRequest(ChatIdentity.Web, "", body.As ?? "", body.Verb, data, body.Key), ct)
            .ConfigureAwait(false);
        return TypedResults.Ok(new WebActionResponse(result.Outcome.ToString().ToLowerInvariant(), result.Message,
            result.Card is null ? null : AdaptiveCardRenderer.Render(result.Card), result.Errors));
    }

    private static async Task<IResult> DevKeyAsync(WebDemoKey key, CancellationToken ct) =>
        TypedResults.Ok(new { key = await key.GetAsync(ct).ConfigureAwait(false) });
}

internal sealed record WebPerson(string Id, string Name, string Role, string? Team);

internal sealed record WebFeed(string Id, string Title, IReadOnlyList<WebFeedMessage> Messages);

internal sealed record WebFeedMessage(string Id, string Kind, string SubjectId, int Revision, DateTimeOffset UpdatedAt, JsonNode Card);

internal sealed record WebActionRequest(string? As, string? Verb, Dictionary<string, JsonElement>? Data, string? Key);

internal sealed record WebActionResponse(string Outcome, string Message, JsonObject? Card, IReadOnlyDictionary<string, string>? Errors);
