using System.Text.Json;
using CoachLoop.Bot.Api;
using CoachLoop.Bot.Telemetry;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Backfill;

/// <summary>
/// Applies a batch of an import's lines through the same intake as <c>POST /api/v1/scored-calls</c> (the API's reader and
/// precheck, then <see cref="ScoredCallIntake"/> over the request-scoped store), and records the job's progress in the same
/// commit as the batch's calls: after a kill -9 the job resumes exactly after the last committed batch.
/// </summary>
internal sealed class ImportBatch(ScoredCallIntake intake, ICallIntakeStore store, ImportJobStore jobs, CoachLoopMetrics metrics, TimeProvider clock)
{
    /// <summary>The progress after the batch, or null when this worker lost its claim (nothing of the batch was recorded).</summary>
    public async Task<ImportProgress?> ApplyAsync(Guid jobId, string owner, ImportProgress before, IReadOnlyList<ImportLine> lines,
        long startedAt, DateTimeOffset cardCallsFrom, ImportOptions options, CancellationToken ct)
    {
        if (store is EfCallIntakeStore ef)
        {
            ef.CardCallsFrom = cardCallsFrom;
        }

        var refused = new List<(ImportLine Line, IReadOnlyList<ValidationError> Errors)>();
        var bound = new List<(ImportLine Line, ScoredCall Call)>();
        foreach (var line in lines)
        {
            var (call, errors) = await BindAsync(line, ct).ConfigureAwait(false);
            if (call is null)
            {
                refused.Add((line, errors!));
            }
            else
            {
                bound.Add((line, call));
            }
        }

        var calls = bound.Select(b => b.Call).ToList();
        var results = new IntakeResult[calls.Count];
        ImportProgress? after = null;
        var together = await store.TryTogetherAsync(async token =>
        {
            for (var i = 0; i < calls.Count; i++)
            {
                results[i] = await intake.IngestAsync(calls[i], token).ConfigureAwait(false);
            }

            after = Progress(before, refused, bound, results, startedAt, options);
            if (!await jobs.RecordAsync(jobId, owner, before.LinesRead, after, options.Lease, token).ConfigureAwait(false))
            {
                throw new ImportClaimLostException();
            }
        }, ct).ConfigureAwait(false);
        if (together)
        {
            Count(refused, results);
            return after;
        }

        // The batch could not commit as a unit (a call another writer raced): its calls go in one by one, each failure its own,
        // and the progress is recorded after them. A kill between the two finds these calls stored: taken again, they count as duplicates.
        var single = await intake.IngestManyAsync(calls,
            (_, ex) => IntakeResult.Invalid([new ValidationError("callId", $"could not be stored: {ex.Message}")]), ct).ConfigureAwait(false);
        after = Progress(before, refused, bound, [.. single], startedAt, options);
        Count(refused, single);
        return await jobs.RecordAsync(jobId, owner, before.LinesRead, after, options.Lease, ct).ConfigureAwait(false) ? after : null;
    }

    /// <summary>Imported calls count in the same metrics as posted ones (calls ingested, flags raised), once they are stored.</summary>
    private void Count(List<(ImportLine Line, IReadOnlyList<ValidationError> Errors)> refused, IEnumerable<IntakeResult> results)
    {
        foreach (var (_, errors) in refused)
        {
            metrics.Ingested(IntakeResult.Invalid(errors));
        }

        foreach (var result in results)
        {
            metrics.Ingested(result);
        }
    }

    /// <summary>The call of a line as the single post reads it, or its errors with the single post's field names and texts.</summary>
    private async Task<(ScoredCall? Call, IReadOnlyList<ValidationError>? Errors)> BindAsync(ImportLine line, CancellationToken ct)
    {
        if (line.Json is null)
        {
            return (null, [new ValidationError(line.ErrorField ?? "line", line.Error ?? "is not a scored call")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.Json);
        }
        catch (JsonException ex)
        {
            return (null, [new ValidationError("body", $"is not valid JSON: {JsonBody.FirstSentence(ex.Message)}")]);
        }

        using (document)
        {
            var (call, errors) = ScoredCallReader.Read(document.RootElement);
            var refusal = await ScoredCallPrecheck.RefuseAsync(call, errors, store, clock, ct).ConfigureAwait(false);
            return refusal is null ? (call, null) : (null, refusal.Errors.Select(ScoredCallPrecheck.Renamed).ToList());
        }
    }

    private ImportProgress Progress(ImportProgress before, List<(ImportLine Line, IReadOnlyList<ValidationError> Errors)> refused,
        List<(ImportLine Line, ScoredCall Call)> bound, IReadOnlyList<IntakeResult> results, long startedAt, ImportOptions options)
    {
        var after = before.Copy();
        var invalid = refused.Select(r => (r.Line.Line, r.Errors)).ToList();
        for (var i = 0; i < results.Count; i++)
        {
            switch (results[i].Outcome)
            {
                case IntakeOutcome.Accepted:
                    after.Accepted++;
                    break;
                case IntakeOutcome.Duplicate:
                    after.Duplicates++;
                    break;
                default:
                    invalid.Add((bound[i].Line.Line, results[i].Errors.Select(ScoredCallPrecheck.Renamed).ToList()));
                    break;
            }
        }

        foreach (var (line, errors) in invalid.OrderBy(i => i.Line))
        {
            after.AddInvalid(new InvalidLine(line, Problems.ToDictionary(errors)), options.MaxListedInvalidLines);
        }

        after.LinesRead += refused.Count + bound.Count;
        after.ActiveMilliseconds += (long)clock.GetElapsedTime(startedAt).TotalMilliseconds;
        return after;
    }
}
