using CoachLoop.Data.Stores;

namespace CoachLoop.Bot.Api;

/// <summary>The optional <c>team</c> query filter of list and export routes: a known team key, or a problem naming the field.</summary>
internal static class TeamFilter
{
    public static async Task<(Guid? TeamId, IResult? Problem)> ResolveAsync(string? team, CoachingQueries queries, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(team))
        {
            return (null, null);
        }

        var teamId = (await queries.FindTeamAsync(team, ct).ConfigureAwait(false))?.Id;
        return teamId is null ? (null, Problems.Validation("team", $"unknown team '{team}'")) : (teamId, null);
    }
}
