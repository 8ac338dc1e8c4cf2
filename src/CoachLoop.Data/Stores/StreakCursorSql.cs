using System.Text;

namespace CoachLoop.Data.Stores;

/// <summary>
/// Takes the streak cursors an intake read: the existing ones bumped where they still hold the revision read, the missing ones
/// created unless another writer created them first. Two commands at most per call instead of one per cursor; a count short of
/// the cursors means another writer moved a streak read in between, and the call must be evaluated again.
/// </summary>
internal static class StreakCursorSql
{
    /// <returns>False when another writer moved or created any of the cursors since they were read.</returns>
    public static async Task<bool> TakeAsync(IntakeSql sql, IReadOnlyList<CursorRead> cursors, CancellationToken ct)
    {
        if (cursors.Count == 0)
        {
            return true;
        }

        var agent = sql.Id(cursors[0].AgentId);
        var existing = cursors.Where(c => c.Revision is not null).ToList();
        if (existing.Count > 0)
        {
            var values = new List<object?> { agent };
            var text = new StringBuilder("UPDATE streak_cursors SET revision = revision + 1 WHERE agent_id = @p0 AND (");
            for (var i = 0; i < existing.Count; i++)
            {
                text.Append(i == 0 ? "" : " OR ").Append("(criterion_id = @p").Append(values.Count).Append(" AND revision = @p").Append(values.Count + 1).Append(')');
                values.Add(existing[i].CriterionId);
                values.Add(existing[i].Revision);
            }

            if (await sql.ExecuteAsync(text.Append(')').ToString(), values, ct).ConfigureAwait(false) != existing.Count)
            {
                return false;
            }
        }

        var missing = cursors.Where(c => c.Revision is null).ToList();
        if (missing.Count > 0)
        {
            var values = new List<object?> { agent };
            values.AddRange(missing.Select(c => (object?)c.CriterionId));
            // A cursor created by another writer first is not an error here: it is a streak moved since it was read.
            if (await sql.ExecuteAsync(InsertText(missing.Count, sql.SqlServer), values, ct).ConfigureAwait(false) != missing.Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Inserts the missing cursors (criterion ids @p1...) of agent @p0, skipping any another writer created first: ON CONFLICT DO
    /// NOTHING on SQLite and PostgreSQL; on SQL Server, rows not found under a key-range lock held to the end of the transaction.
    /// </summary>
    internal static string InsertText(int missing, bool sqlServer)
    {
        var rows = string.Join(", ", Enumerable.Range(1, missing).Select(i => "(@p0, @p" + i + (sqlServer ? ")" : ", 0)")));
        return sqlServer
            ? "INSERT INTO streak_cursors (agent_id, criterion_id, revision) SELECT v.agent_id, v.criterion_id, 0 FROM (VALUES " + rows +
                ") AS v (agent_id, criterion_id) WHERE NOT EXISTS (SELECT 1 FROM streak_cursors AS s WITH (UPDLOCK, HOLDLOCK) " +
                "WHERE s.agent_id = v.agent_id AND s.criterion_id = v.criterion_id)"
            : "INSERT INTO streak_cursors (agent_id, criterion_id, revision) VALUES " + rows + " ON CONFLICT DO NOTHING";
    }

    /// <summary>Whether another writer created or bumped any of the cursors since they were read.</summary>
    public static async Task<bool> MovedSinceAsync(IntakeSql sql, IReadOnlyList<CursorRead> cursors, CancellationToken ct)
    {
        foreach (var (agentId, criterionId, revision) in cursors)
        {
            await using var reader = await sql.ReadAsync("SELECT revision FROM streak_cursors WHERE agent_id = @p0 AND criterion_id = @p1",
                [sql.Id(agentId), criterionId], ct).ConfigureAwait(false);
            int? now = await reader.ReadAsync(ct).ConfigureAwait(false) ? reader.GetInt32(0) : null;
            if (now != revision)
            {
                return true;
            }
        }

        return false;
    }
}
