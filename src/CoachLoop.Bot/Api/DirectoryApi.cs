using System.Globalization;
using CoachLoop.Data;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Api;

/// <summary>The directory: upsert people (JSON) or import them (CSV), all or nothing; list a team.</summary>
internal static class DirectoryApi
{
    public const int MaxRows = 5000;

    private static readonly string[] Columns =
        ["email", "name", "role", "team", "externalId", "timeZone", "typicalCallsPerDay", "slackUserId", "teamsAadObjectId"];

    public static void MapDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/directory").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy).WithTags("Directory");
        group.MapPut("/people", UpsertAsync).WithName("UpsertPeople").Accepts<PeopleDto>("application/json")
            .Produces<IReadOnlyList<PersonDto>>().ProducesValidationProblem();
        group.MapPost("/import", ImportAsync).WithName("ImportPeopleCsv").Accepts<string>("text/csv")
            .Produces<IReadOnlyList<PersonDto>>().ProducesValidationProblem();
    }

    private static async Task<IResult> UpsertAsync(HttpContext context, DirectoryStore store,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (parsed, parseError) = await JsonBody.ParseAsync(context.Request, ct).ConfigureAwait(false);
        if (parsed is not { } body)
        {
            return Problems.Validation([parseError!]);
        }

        // One person may be sent bare; several go in {"people": [...]}.
        var options = json.Value.SerializerOptions;
        List<PersonDto> people;
        if (body.ValueKind == System.Text.Json.JsonValueKind.Object && body.TryGetProperty("people", out _))
        {
            var (many, error) = JsonBody.Bind<PeopleDto>(body, options);
            if (many?.People is null)
            {
                return Problems.Validation([error ?? new ValidationError("people", "must be an array")]);
            }

            people = many.People;
        }
        else
        {
            var (single, error) = JsonBody.Bind<PersonDto>(body, options);
            if (single is null)
            {
                return Problems.Validation([error!]);
            }

            people = [single];
        }

        return await SaveAsync(people.Select(p => p.ToDetails()).ToList(), store, context, "people", ct).ConfigureAwait(false);
    }

    private static async Task<IResult> ImportAsync(HttpContext context, DirectoryStore store, CancellationToken ct)
    {
        using var reader = new StreamReader(context.Request.Body);
        var rows = CsvReader.Parse(await reader.ReadToEndAsync(ct).ConfigureAwait(false));
        if (rows.Count < 2)
        {
            return Problems.Validation("body", $"a CSV with a header line ({string.Join(',', Columns)}) and at least one row is required");
        }

        if (rows.Count - 1 > MaxRows)
        {
            return Problems.Validation("body", $"at most {MaxRows} rows per import");
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0 || !header.Contains("email", StringComparer.OrdinalIgnoreCase))
        {
            return Problems.Validation("header", $"columns must be among {string.Join(',', Columns)} and include email; unknown: {string.Join(',', unknown)}");
        }

        var errors = new List<ValidationError>();
        var people = new List<PersonDetails>();
        for (var i = 1; i < rows.Count; i++)
        {
            var prefix = $"line {i + 1}.";
            string? Cell(string column)
            {
                var index = header.FindIndex(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));
                return index >= 0 && index < rows[i].Count && rows[i][index].Trim().Length > 0 ? rows[i][index].Trim() : null;
            }

            var role = (PersonRole)(-1);
            if (Cell("role") is { } roleText && !Enum.TryParse(roleText, ignoreCase: true, out role))
            {
                errors.Add(new(prefix + "role", $"'{roleText}' is not a role"));
            }

            var calls = 0;
            if (Cell("typicalCallsPerDay") is { } callsText && !int.TryParse(callsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out calls))
            {
                errors.Add(new(prefix + "typicalCallsPerDay", $"'{callsText}' is not a whole number"));
            }

            var details = new PersonDetails(Cell("email") ?? "", Cell("name") ?? "", role, Cell("team"), Cell("externalId"),
                Cell("timeZone") ?? "UTC", calls, Cell("slackUserId"), Cell("teamsAadObjectId"));
            errors.AddRange(details.Validate(prefix).Where(e => !errors.Any(x => x.Field == e.Field)));
            people.Add(details);
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await SaveAsync(people, store, context, "line", ct).ConfigureAwait(false);
    }

    private static async Task<IResult> SaveAsync(List<PersonDetails> people, DirectoryStore store, HttpContext context, string itemName,
        CancellationToken ct)
    {
        if (people.Count > MaxRows)
        {
            return Problems.Validation(itemName, $"at most {MaxRows} people per request");
        }

        try
        {
            var result = await store.UpsertAsync(people, ApiActor.From(context), ct).ConfigureAwait(false);
            if (result.Errors.Count > 0)
            {
                return Problems.Validation(result.Errors);
            }

            var db = context.RequestServices.GetRequiredService<CoachLoopDbContext>();
            var teamKeys = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Key, ct).ConfigureAwait(false);
            return TypedResults.Ok(result.Saved.Select(p => PersonDto.From(p, p.TeamId is { } t ? teamKeys.GetValueOrDefault(t) : null)).ToList());
        }
        catch (DomainException ex)
        {
            return Problems.Validation(ex.Code.EndsWith("identity-taken", StringComparison.Ordinal) ? "chatIdentity" : itemName, ex.Message);
        }
    }
}
