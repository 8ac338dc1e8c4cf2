using CoachLoop.Data;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Common;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Api;

/// <summary>Links a CoachLoop team to its manager channel in Slack or Teams, so flag cards for its agents go there.</summary>
internal static class ChannelRoutesApi
{
    private static readonly string[] Channels = ["slack", "teams"];

    // The sizes of the ChannelRoutes columns, and of the audit entry's "after" that records the conversation.
    private const int MaxConversationId = 400, MaxTenant = 100, MaxServiceUrl = 400, MaxAuditValue = 64;

    public static void MapChannelRoutes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/channels").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Channels");
        group.MapPut("/{channel}/teams/{teamKey}", LinkTeamAsync).WithName("LinkTeamChannel").Accepts<TeamChannelLink>(JsonBody.ContentType)
            .Produces<TeamChannelLink>();
        group.MapGet("/{channel}/teams", ListAsync).WithName("ListTeamChannels").Produces<IReadOnlyList<TeamChannelRoute>>();
    }

    private static async Task<IResult> LinkTeamAsync(string channel, string teamKey, CoachLoopDbContext db, TimeProvider clock,
        HttpContext context, CancellationToken ct)
    {
        if (!Channels.Contains(channel))
        {
            return Problems.Validation("channel", "must be slack or teams");
        }

        var (body, problem) = await JsonBody.ReadAsync<TeamChannelLink>(context.Request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new List<ValidationError>();
        TextLimits.Check(errors, "conversationId", body.ConversationId, MaxConversationId);
        TextLimits.Check(errors, "tenant", body.Tenant, MaxTenant);
        TextLimits.Check(errors, "serviceUrl", body.ServiceUrl, MaxServiceUrl);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (string.IsNullOrWhiteSpace(body.ConversationId))
        {
            return Problems.Validation("conversationId", "is required: the Slack channel id (C...) or the Teams channel conversation id");
        }

        if (channel == "teams" && !Uri.TryCreate(body.ServiceUrl, UriKind.Absolute, out _))
        {
            return Problems.Validation("serviceUrl", "is required for Teams: the serviceUrl of the team's conversation");
        }

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Key == teamKey, ct).ConfigureAwait(false);
        if (team is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No team '{teamKey}'.");
        }

        var now = clock.GetUtcNow();
        var route = await db.ChannelRoutes.FirstOrDefaultAsync(r => r.Channel == channel && r.RouteKind == ChannelRoute.TeamRoute
            && r.SubjectId == team.Id, ct).ConfigureAwait(false);
        if (route is null)
        {
            route = new ChannelRoute { Id = Guid.CreateVersion7(now), Channel = channel, RouteKind = ChannelRoute.TeamRoute, SubjectId = team.Id, CreatedAt = now };
            db.ChannelRoutes.Add(route);
        }

        route.ConversationId = body.ConversationId.Trim();
        route.Tenant = body.Tenant?.Trim() ?? "";
        route.ServiceUrl = body.ServiceUrl;
        route.UpdatedAt = now;
        db.AuditEntries.Add(CoachLoopDbContext.ToAuditEntry(new StateChange("team", team.Id, $"link-{channel}", ApiActor.From(context), now,
            null, null, route.ConversationId.Length <= MaxAuditValue ? route.ConversationId : route.ConversationId[..(MaxAuditValue - 3)] + "...")));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new TeamChannelLink(route.ConversationId, route.Tenant, route.ServiceUrl));
    }

    private static async Task<IResult> ListAsync(string channel, CoachLoopDbContext db, CancellationToken ct)
    {
        if (!Channels.Contains(channel))
        {
            return Problems.Validation("channel", "must be slack or teams");
        }

        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Key, ct).ConfigureAwait(false);
        var routes = await db.ChannelRoutes.AsNoTracking().Where(r => r.Channel == channel && r.RouteKind == ChannelRoute.TeamRoute)
            .ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(routes.Select(r => new TeamChannelRoute(teams.GetValueOrDefault(r.SubjectId), r.ConversationId, r.Tenant, r.ServiceUrl)).ToList());
    }
}

internal sealed record TeamChannelLink(string? ConversationId, string? Tenant, string? ServiceUrl);
