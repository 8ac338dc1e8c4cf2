using System.Text;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Reads an agent's calls on each criterion around a call time, with the pattern flag naming each, and the agent's streak
/// cursors for those criteria, so that the write that follows conflicts with any other write in between (see <see cref="StreakCursorSql"/>).
/// </summary>
internal static class StreakHistory
{
    /// <summary>Calls read on each side of the new one: enough to see a streak and whether a pattern flag names it.</summary>
    public const int Window = 20;

    /// <summary>
    /// The agent's calls on each criterion around the call time, and the cursors, in one command of two statements whatever the
    /// number of criteria: the cursors first (a write committed after them is caught when ours bumps them), then the windows of
    /// scores before and after the time (each an index range with a limit), each row with the pattern flag whose streak names it.
    /// </summary>
    public static async Task<(Dictionary<string, IReadOnlyList<HistoryCall>> Calls, List<CursorRead> Cursors)> AroundAsync(IntakeSql sql,
        Guid agentId, IReadOnlyCollection<string> criterionIds, DateTimeOffset around, CancellationToken ct)
    {
        var criteria = criterionIds.Distinct(StringComparer.Ordinal).ToList();
        var calls = new Dictionary<string, IReadOnlyList<HistoryCall>>(StringComparer.Ordinal);
        var cursors = new List<CursorRead>(criteria.Count);
        if (criteria.Count == 0)
        {
            return (calls, cursors);
        }

        var values = new List<object?>(criteria.Count + 2) { sql.Id(agentId), sql.Time(around) };
        values.AddRange(criteria);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new Dictionary<string, List<HistoryCall>>(StringComparer.Ordinal);
        await using (var reader = await sql.ReadAsync(Texts.GetOrAdd((criteria.Count, sql.SqlServer), Text), values, ct).ConfigureAwait(false))
        {
            var data = reader;
            while (await data.ReadAsync(ct).ConfigureAwait(false))
            {
                found[data.GetString(0)] = data.GetInt32(1);
            }

            await data.NextResultAsync(ct).ConfigureAwait(false);
            while (await data.ReadAsync(ct).ConfigureAwait(false))
            {
                var criterionId = data.GetString(0);
                if (!rows.TryGetValue(criterionId, out var list))
                {
                    rows[criterionId] = list = [];
                }

                list.Add(new HistoryCall(sql.ReadId(data, 1), data.GetString(2), data.GetString(3), sql.ReadTime(data, 4), sql.ReadNumber(data, 5),
                    data.IsDBNull(6) ? null : sql.ReadId(data, 6)));
            }
        }

        foreach (var criterionId in criteria)
        {
            calls[criterionId] = rows.TryGetValue(criterionId, out var list) ? list : [];
            cursors.Add(new CursorRead(agentId, criterionId, found.TryGetValue(criterionId, out var revision) ? revision : null));
        }

        return (calls, cursors);
    }

    // One text per number of criteria (a rubric has 5 to 8) and dialect, built once per process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Criteria, bool SqlServer), string> Texts = new();

    /// <summary>The command for <paramref name="shape"/>: T-SQL takes TOP for LIMIT and compares a bit with 0 (no NOT on a column).</summary>
    internal static string Text((int Criteria, bool SqlServer) shape)
    {
        var (criteria, sqlServer) = shape;
        var text = new StringBuilder("SELECT criterion_id, revision FROM streak_cursors WHERE agent_id = @p0 AND criterion_id IN (");
        text.AppendJoin(", ", Enumerable.Range(2, criteria).Select(i => "@p" + i)).Append(");\n");
        text.Append("SELECT w.criterion_id, w.id, w.source, w.call_id, w.call_time, w.score, (SELECT k.flag_id FROM flag_streak_calls k ")
            .Append("JOIN flags f ON f.id = k.flag_id WHERE k.scored_call_id = w.id AND k.criterion_id = w.criterion_id AND f.kind = 'Pattern' ")
            .Append("AND f.agent_id = @p0) AS flag_id FROM (");
        for (var i = 0; i < criteria; i++)
        {
            foreach (var (side, order) in new[] { ("<=", "DESC"), (">", "ASC") })
            {
                text.Append(i == 0 && side == "<=" ? "" : " UNION ALL ")
                    .Append(sqlServer ? "SELECT * FROM (SELECT TOP (" + Window + ") " : "SELECT * FROM (SELECT ")
                    .Append("s.criterion_id, c.id, c.source, c.call_id, s.call_time, s.score FROM criterion_scores s ")
                    .Append("JOIN scored_calls c ON c.id = s.scored_call_id WHERE s.agent_id = @p0 AND s.criterion_id = @p").Append(i + 2)
                    .Append(sqlServer ? " AND s.overturned = 0" : " AND NOT s.overturned").Append(" AND s.call_time ").Append(side)
                    .Append(" @p1 ORDER BY s.call_time ").Append(order)
                    .Append(sqlServer ? "" : " LIMIT " + Window).Append(") w").Append(i).Append(side == "<=" ? "b" : "a");
            }
        }

        return text.Append(") w").ToString();
    }

    /// <summary>A unique key taken by another writer first: the cursor of a new agent and criterion, or a streak's call.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // 2627: a primary key or unique constraint; 2601: a unique index.
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2627 or 2601,
        _ => false,
    };
}
