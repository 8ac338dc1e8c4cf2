using System.Globalization;
using System.Text;
using CoachLoop.Data.Stores;

namespace CoachLoop.Bot.Api;

/// <summary>Agent scorecards per period and the coaching-log export (CSV or JSON).</summary>
internal static class ReportsApi
{
    public const int MaxDays = 366;

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithQueryContract().WithTags("Reports");
        group.MapGet("/agents/{agent}/scorecard", ScorecardAsync).WithName("AgentScorecard");
        group.MapGet("/coaching-log", CoachingLogAsync).WithName("CoachingLog");
    }

    private static async Task<IResult> ScorecardAsync(string agent, DateTimeOffset? from, DateTimeOffset? to, CoachingQueries queries,
        TimeProvider clock, CancellationToken ct)
    {
        if (Period(from, to, clock) is not { } period)
        {
            return Problems.Validation("from", $"must be before 'to', at most {MaxDays} days apart");
        }

        var person = await queries.FindPersonAsync(agent, ct).ConfigureAwait(false);
        if (person is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No agent '{agent}'.");
        }

        return TypedResults.Ok(await queries.ScorecardAsync(person, period.From, period.To, ct).ConfigureAwait(false));
    }

    private static async Task<IResult> CoachingLogAsync(string? team, DateTimeOffset? from, DateTimeOffset? to, string? format,
        HttpRequest request, CoachingQueries queries, TimeProvider clock, CancellationToken ct)
    {
        if (Period(from, to, clock) is not { } period)
        {
            return Problems.Validation("from", $"must be before 'to', at most {MaxDays} days apart");
        }

        var (teamId, teamProblem) = await TeamFilter.ResolveAsync(team, queries, ct).ConfigureAwait(false);
        if (teamProblem is not null)
        {
            return teamProblem;
        }

        var wantsCsv = format?.Equals("csv", StringComparison.OrdinalIgnoreCase) == true
            || (format is null && request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        if (format is not null && !wantsCsv && !format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Validation("format", "must be csv or json");
        }

        var rows = (await queries.CoachingLogAsync(teamId, period.From, period.To, ct).ConfigureAwait(false))
            .Select(r => r with { Status = StatusNames.Of(r.Status) }).ToList();
        return wantsCsv
            ? TypedResults.Text(ToCsv(rows), "text/csv; charset=utf-8")
            : TypedResults.Ok(rows);
    }

    private static (DateTimeOffset From, DateTimeOffset To)? Period(DateTimeOffset? from, DateTimeOffset? to, TimeProvider clock)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-30);
        return start < end && (end - start).TotalDays <= MaxDays ? (start, end) : null;
    }

    private static string ToCsv(IReadOnlyList<CoachingLogRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("flag_id,agent,call_id,call_time,criterion,evidence_offset,evidence_quote,targeted_behaviour,agent_self_assessment,agreed_behaviour,practice,held_on,follow_up_date,status,score_delta");
        foreach (var r in rows)
        {
            sb.AppendJoin(',', new[]
            {
                r.FlagId.ToString(), r.Agent, r.CallId, r.CallTime.ToString("O", CultureInfo.InvariantCulture), r.Criterion,
                r.EvidenceOffset ?? "", r.EvidenceQuote ?? "", r.TargetedBehaviour, r.AgentSelfAssessment, r.AgreedBehaviour, r.Practice,
                r.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.FollowUpDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Status, r.ScoreDelta?.ToString(CultureInfo.InvariantCulture) ?? "",
            }.Select(Escape)).Append('\n');
        }

        return sb.ToString();
    }

    // Quote every field that needs it, and defuse spreadsheet formulas in user-supplied text.
    private static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
