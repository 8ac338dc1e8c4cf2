using System.Text.Json;
using CoachLoop.Data.Stores;
using CsvHelper;

namespace CoachLoop.Bot.Api;

/// <summary>
/// The coaching log as RFC 4180 CSV (CsvHelper): one row per session, the criterion's id, score and threshold in their own
/// columns, text that a spreadsheet would run as a formula escaped with a leading apostrophe (numbers and dates never are).
/// </summary>
internal static class CoachingLogCsv
{
    public static readonly string[] Columns =
    [
        "flag_id", "agent", "agent_name", "team", "call_id", "call_time", "criterion_id", "criterion_name", "score", "threshold", "criterion",
        "evidence_offset", "evidence_quote", "coach", "targeted_behaviour", "agent_self_assessment", "agreed_behaviour", "practice",
        "practice_done", "practice_done_at", "held_on", "session_logged_at", "follow_up_date", "status", "score_delta",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape, TrueValue = "true", FalseValue = "false",
    };

    /// <summary>Writes the header, then every page <paramref name="pages"/> yields, flushing as the buffer fills.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<IReadOnlyList<CoachingLogRow>> pages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            csv.WriteHeader(Columns);
            await foreach (var page in pages.WithCancellation(ct).ConfigureAwait(false))
            {
                foreach (var r in page)
                {
                    Write(csv, r);
                    await csv.EndRecordAsync(ct).ConfigureAwait(false);
                }
            }

            await csv.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    private static void Write(CsvWriter csv, CoachingLogRow r)
    {
        csv.WriteField(r.FlagId, "D");
        csv.WriteField(r.Agent);
        csv.WriteField(r.AgentName);
        csv.WriteField(r.Team);
        csv.WriteField(r.CallId);
        csv.WriteField(r.CallTime, "O");
        csv.WriteField(r.CriterionId);
        csv.WriteField(r.CriterionName);
        csv.WriteField(r.Score, "");
        csv.WriteField(r.Threshold, "");
        csv.WriteField(r.Criterion);
        csv.WriteField(r.EvidenceOffset);
        csv.WriteField(r.EvidenceQuote);
        csv.WriteField(r.Coach);
        csv.WriteField(r.TargetedBehaviour);
        csv.WriteField(r.AgentSelfAssessment);
        csv.WriteField(r.AgreedBehaviour);
        csv.WriteField(r.Practice);
        csv.WriteField(r.PracticeDone);
        csv.WriteField(r.PracticeDoneAt, "");
        csv.WriteField(r.HeldOn, "");
        csv.WriteField(r.SessionLoggedAt, "O");
        csv.WriteField(r.FollowUpDate, "");
        // The API's spelling of a status (camelCase), the same as the JSON log and the flag filters.
        csv.WriteField(JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString()));
        csv.WriteField(r.ScoreDelta, "");
    }
}
