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
        group.MapGet("/", ListAsync).WithName("ListFlags");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFlag");
    }

    private static async Task<IResult> ListAsync(string? team, string? agent, string? status, int? limit, CoachingQueries queries,
        CancellationToken ct)
    {
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

        if (limit is < 1 or > CoachingQueries.MaxPageSize)
        {
            return Problems.Validation("limit", $"must be between 1 and {CoachingQueries.MaxPageSize}");
        }

        var flags = await queries.ListFlagsAsync(new FlagFilter(teamId, agentId, statuses, limit ?? 100), ct).ConfigureAwait(false);
        return TypedResults.Ok(flags.Select(f => FlagView.From(f)).ToList());
    }

    private static async Task<Results<Ok<FlagView>, ProblemHttpResult>> GetAsync(Guid id, CoachingQueries queries, CancellationToken ct)
    {
        var flag = await queries.FindFlagAsync(id, ct).ConfigureAwait(false);
        if (flag is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No flag {id}.");
        }

        var history = await queries.HistoryAsync("flag", id, ct).ConfigureAwait(false);
        var folded = flag.Kind == FlagKind.Pattern ? await queries.FoldedIntoAsync(id, ct).ConfigureAwait(false) : null;
        return TypedResults.Ok(FlagView.From(flag, history, folded));
    }
}
