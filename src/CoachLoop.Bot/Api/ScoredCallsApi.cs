using System.Diagnostics;
using System.Text.Json;
using CoachLoop.Bot.Telemetry;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachLoop.Bot.Api;

/// <summary>
/// <c>POST /api/v1/scored-calls</c>: one call, or a batch as <c>{"calls": [...]}</c>. Idempotent on
/// (source, call id). A batch answers per item; its calls commit a chunk at a time, each call's write standing or failing on its own.
/// </summary>
internal static class ScoredCallsApi
{
    public const int MaxBatch = 500;

    public static void MapScoredCalls(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/scored-calls").RequireAuthorization(ApiServiceCollectionExtensions.MachinePolicy)
            .WithQueryContract().WithTags("Scored calls");
        group.MapPost("/", PostAsync).WithName("PostScoredCalls").Accepts<ScoredCallDto>("application/json")
            .Produces<CallReceipt>(201).Produces<BatchResult>(200).ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("/{source}/{callId}", GetAsync).WithName("GetScoredCall");
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ScoredCallIntake intake, SinglePostGroups groups, ICallIntakeStore store,
        TimeProvider clock, CoachLoopMetrics metrics, CancellationToken ct)
    {
        var (parsed, problem) = await JsonBody.ParseAsync(request, ct).ConfigureAwait(false);
        if (parsed is not { } body)
        {
            return problem!;
        }

        using var activity = CoachLoopActivities.Source.StartActivity(CoachLoopActivities.Intake);
        var check = new Check(store, clock, metrics);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("calls", out var calls))
        {
            activity?.SetTag(CoachLoopTags.BatchSize, calls.ValueKind == JsonValueKind.Array ? calls.GetArrayLength() : 0);
            return await BatchAsync(calls, intake, check, ct).ConfigureAwait(false);
        }

        var result = await IngestOneAsync(body, groups, check, ct).ConfigureAwait(false);
        metrics.Ingested(result);
        Traced(activity, result);
        return result.Outcome switch
        {
            IntakeOutcome.Accepted => TypedResults.Created($"/api/v1/scored-calls/{Uri.EscapeDataString(result.Receipt!.Source)}/{Uri.EscapeDataString(result.Receipt.CallId)}", result.Receipt),
            IntakeOutcome.Duplicate => TypedResults.Ok(result.Receipt),
            IntakeOutcome.Conflict => TypedResults.Problem(statusCode: 409, title: "Call already received with different content",
                detail: result.Errors[0].Message + ". Send a new call id for a re-scored call.", type: "urn:coachloop:call.conflict"),
            _ => Problems.Validation(result.Errors),
        };
    }

    private static async Task<IResult> BatchAsync(JsonElement calls, ScoredCallIntake intake, Check check, CancellationToken ct)
    {
        if (calls.ValueKind != JsonValueKind.Array)
        {
            return Problems.Validation("calls", "must be an array of scored calls");
        }

        var count = calls.GetArrayLength();
        if (count is 0 or > MaxBatch)
        {
            return Problems.Validation("calls", $"must hold between 1 and {MaxBatch} calls, held {count}");
        }

        // Refusals of the body itself are answered before the intake; the rest go in together, a chunk per commit.
        var answers = new IntakeResult[count];
        var bound = new List<ScoredCall>(count);
        var positions = new List<int>(count);
        var index = 0;
        foreach (var element in calls.EnumerateArray())
        {
            var (call, refusal) = await BindAsync(element, $"calls[{index}].", check, ct).ConfigureAwait(false);
            if (call is null)
            {
                answers[index] = refusal!;
            }
            else
            {
                bound.Add(call);
                positions.Add(index);
            }

            index++;
        }

        var results = await intake.IngestManyAsync(bound, ct).ConfigureAwait(false);
        for (var i = 0; i < results.Count; i++)
        {
            answers[positions[i]] = results[i] with { Errors = Prefixed(results[i].Errors, $"calls[{positions[i]}].") };
        }

        foreach (var answer in answers)
        {
            check.Metrics.Ingested(answer);
        }

        var items = answers.Select((result, i) => new BatchItem(i, result.Outcome.ToString().ToLowerInvariant(), result.Receipt,
            result.Errors.Count == 0 ? null : Problems.ToDictionary(result.Errors))).ToList();
        return TypedResults.Ok(new BatchResult(
            items.Count(i => i.Status is "accepted" or "duplicate"), items.Count(i => i.Status is "invalid" or "conflict"), items));
    }

    private static async Task<IntakeResult> IngestOneAsync(JsonElement element, SinglePostGroups groups, Check check, CancellationToken ct)
    {
        var (call, refusal) = await BindAsync(element, "", check, ct).ConfigureAwait(false);
        // Alone, a call goes in with the other posts waiting at the same moment: their reads and writes in one transaction, so
        // concurrent posts share a commit and posts for one agent queue for the write instead of evaluating again and again.
        return call is null ? refusal! : await groups.IngestAsync(call, ct).ConfigureAwait(false);
    }

    private static async Task<(ScoredCall? Call, IntakeResult? Refusal)> BindAsync(JsonElement element, string prefix, Check check, CancellationToken ct)
    {
        var (call, errors) = ScoredCallReader.Read(element);
        var refusal = await ScoredCallPrecheck.RefuseAsync(call, errors, check.Store, check.Clock, ct).ConfigureAwait(false);
        return refusal is null ? (call, null) : (null, refusal with { Errors = Prefixed(refusal.Errors, prefix) });
    }

    private static async Task<Results<Ok<CallReceipt>, ProblemHttpResult>> GetAsync(string source, string callId,
        ICallIntakeStore store, CancellationToken ct)
    {
        var stored = await store.FindCallAsync(source, callId, ct).ConfigureAwait(false);
        return stored is null
            ? TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No call '{callId}' from '{source}'.")
            : TypedResults.Ok(stored.Receipt);
    }

    private static List<ValidationError> Prefixed(IEnumerable<ValidationError> errors, string prefix) =>
        errors.Select(ScoredCallPrecheck.Renamed).Select(e => e with { Field = prefix + e.Field }).ToList();

    private static void Traced(Activity? activity, IntakeResult result)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(CoachLoopTags.Outcome, CoachLoopMetrics.OutcomeName(result.Outcome));
        if (result.Receipt is { } receipt && result.Outcome != IntakeOutcome.Invalid)
        {
            activity.SetTag(CoachLoopTags.Source, receipt.Source);
            activity.SetTag("coachloop.flags.raised", result.Outcome == IntakeOutcome.Accepted ? receipt.Flags.Count : 0);
        }
    }

    private sealed record Check(ICallIntakeStore Store, TimeProvider Clock, CoachLoopMetrics Metrics);
}

internal sealed record BatchItem(int Index, string Status, CallReceipt? Receipt, IDictionary<string, string[]>? Errors);

internal sealed record BatchResult(int Accepted, int Refused, IReadOnlyList<BatchItem> Items);
