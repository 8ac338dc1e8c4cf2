using CoachLoop.Data.Stores;
using CoachLoop.Engine.Flags;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachLoop.Bot.Api;

/// <summary>Flags by team, agent and status; one flag with its history.</summary>
internal static class FlagsApi
{
    public static void MapFlags(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/flags").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Flags");
        group.MapGet("/", ListAsync).WithName("ListFlags").Produces<Page<FlagView>>();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFlag");
    }

    private static async Task<IResult> ListAsync(string? team, string? agent, string? status, string? limit, string? cursor,
        HttpContext context, CoachingQueries queries, CancellationToken ct)
    {
        var (page, pageProblem) = PageRequest.Read(limit, cursor, "flags", 3);
        if (page is null)
        {
            return pageProblem!;
        }

        FlagPosition? after = null;
        if (page.After is [var urgent, var raised, var id])
        {
            if (urgent is not ("0" or "1") || PageRequest.Instant(raised) is not { } raisedAt || !Guid.TryParse(id, out var flagId))
            {
                return PageRequest.BadCursor();
            }

            after = new FlagPosition(urgent == "1", raisedAt, flagId);
        }

        var (teamId, teamProblem) = await TeamFilter.ResolveAsync(team, queries, ct).ConfigureAwait(false);
        if (teamProblem is not null)
        {
            return teamProblem;
        }

        Guid? agentId = null;
        if (!string.IsNullOrWhiteSpace(agent))
        {
            agentId = (await queries.FindPersonAsync(agent, ct).ConfigureAwait(false))?.Id;
            if (agentId is null)
            {
                return Problems.Validation("agent", $"unknown agent '{agent}'");
            }
        }

        var statuses = new List<FlagStatus>();
        foreach (var part in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("open", StringComparison.OrdinalIgnoreCase))
            {
                statuses.AddRange(Enum.GetValues<FlagStatus>().Where(s => s is not (FlagStatus.Closed or FlagStatus.Dismissed)));
            }
            else if (StatusNames.TryParse<FlagStatus>(part, out var parsed))
            {
                statuses.Add(parsed);
            }
            else
            {
                return Problems.Validation("status", $"'{part}' is not a status (open, {StatusNames.List<FlagStatus>()})");
            }
        }

        var rows = await queries.ListFlagsAsync(new FlagFilter(teamId, agentId, statuses, page.Limit + 1, after), ct).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Answer(context, rows, page.Limit, r => FlagView.From(r),
            r => PageCursor.Encode("flags", r.Flag.Urgent ? "1" : "0", PageRequest.Key(r.Flag.RaisedAt), r.Flag.Id.ToString())));
    }

    private static async Task<Results<Ok<FlagView>, ProblemHttpResult>> GetAsync(Guid id, CoachingQueries queries, Cards.CardFactory cards, CancellationToken ct)
    {
        var row = await queries.FindFlagRowAsync(id, ct).ConfigureAwait(false);
        if (row?.Flag is not { } flag)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No flag {id}.");
        }

        var history = await queries.HistoryAsync("flag", id, ct).ConfigureAwait(false);
        var folded = flag.Kind == FlagKind.Pattern ? await queries.FoldedIntoAsync(id, ct).ConfigureAwait(false) : null;
        var peer = await cards.PeerAsync(flag, ct).ConfigureAwait(false);
        return TypedResults.Ok(FlagView.From(row, history, folded) with { PeerExample = peer is null ? null : PeerExampleApiView.From(peer, cards.PeerMode) });
    }
}
