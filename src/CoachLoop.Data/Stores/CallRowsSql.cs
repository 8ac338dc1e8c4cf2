using System.Collections.Concurrent;
using System.Text;
using CoachLoop.Data.Modeling;
using CoachLoop.Engine.Calls;

namespace CoachLoop.Data.Stores;

/// <summary>
/// The rows of an accepted call: its scored_calls row (skipped when the (source, call id) is already stored, so a race with
/// another writer changes nothing and leaves the transaction usable on PostgreSQL) and its criterion scores in one multi-row INSERT.
/// Only inserted, never read back through the context: EF would track them for nothing.
/// </summary>
internal static class CallRowsSql
{
    private const string CallColumns = "INSERT INTO scored_calls (id, source, call_id, agent_id, call_time, duration_seconds, queue, rubric_id, " +
        "overall_score, recording_url, content_hash, receipt_json, received_at) ";

    private const string CallValues = "@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12";

    private const string CallText = CallColumns + "VALUES (" + CallValues + ") ON CONFLICT DO NOTHING";

    /// <summary>
    /// SQL Server has no ON CONFLICT: the insert happens only where no row has the (source, call id), and the key range read stays
    /// locked (UPDLOCK, HOLDLOCK) until the transaction ends, so a racing writer waits and then finds the row instead of failing.
    /// </summary>
    internal const string SqlServerCallText = CallColumns + "SELECT " + CallValues + " WHERE NOT EXISTS (SELECT 1 FROM scored_calls " +
        "WITH (UPDLOCK, HOLDLOCK) WHERE source = @p1 AND call_id = @p2)";

    private const int ScoreColumns = 8;

    private static readonly ConcurrentDictionary<(int Rows, bool SqlServer), string> ScoreTexts = new();

    /// <returns>False when the call's (source, call id) was stored by another writer first: nothing was written.</returns>
    public static async Task<bool> InsertCallAsync(IntakeSql sql, NewCall newCall, CancellationToken ct)
    {
        var call = newCall.Call;
        object?[] values =
        [
            sql.Id(newCall.ScoredCallId), call.Source.Trim(), call.CallId.Trim(), sql.Id(newCall.Agent.Id), sql.Time(call.CallTime),
            call.Duration is { } d ? (int)d.TotalSeconds : null, call.Queue, sql.Id(newCall.Rubric.Id), sql.Number(call.OverallScore),
            call.RecordingUrl, newCall.ContentHash, JsonColumn.Serialize(newCall.Receipt), sql.Time(newCall.ReceivedAt),
        ];
        return await sql.ExecuteAsync(sql.SqlServer ? SqlServerCallText : CallText, values, ct).ConfigureAwait(false) == 1;
    }

    public static async Task InsertScoresAsync(IntakeSql sql, NewCall newCall, CancellationToken ct)
    {
        var scores = newCall.Call.Scores;
        if (scores.Count == 0)
        {
            return;
        }

        var callId = sql.Id(newCall.ScoredCallId);
        var agentId = sql.Id(newCall.Agent.Id);
        var callTime = sql.Time(newCall.Call.CallTime);
        var values = new List<object?>(scores.Count * ScoreColumns);
        foreach (var s in scores)
        {
            values.AddRange([sql.Id(Guid.CreateVersion7(newCall.ReceivedAt)), callId, agentId, s.CriterionId, sql.Number(s.Score), s.Evidence?.Quote,
                s.Evidence is { } e ? (int)e.Offset.TotalSeconds : null, s.Evidence?.FailingSentence]);
        }

        // The call time is the call's, the same for every row: appended once as the last parameter.
        values.Add(callTime);
        await sql.ExecuteAsync(ScoreTexts.GetOrAdd((scores.Count, sql.SqlServer), ScoresText), values, ct).ConfigureAwait(false);
    }

    internal static string ScoresText((int Rows, bool SqlServer) shape)
    {
        var (rows, sqlServer) = shape;
        var text = new StringBuilder("INSERT INTO criterion_scores (id, scored_call_id, agent_id, criterion_id, score, quote, offset_seconds, " +
            "failing_sentence, call_time, overturned) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < ScoreColumns; c++)
            {
                text.Append("@p").Append(r * ScoreColumns + c).Append(", ");
            }

            // T-SQL has no boolean literals: bit 0.
            text.Append("@p").Append(rows * ScoreColumns).Append(sqlServer ? ", 0)" : ", FALSE)");
        }

        return text.ToString();
    }
}
