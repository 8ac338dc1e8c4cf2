using System.Data.Common;
using CoachLoop.Data.Modeling;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Coaching;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Support;

/// <summary>
/// Rows written with plain SQL in the shape of an older schema version, the way a database in the
/// field holds them, so an upgrade test does not lean on today's model to write yesterday's rows.
/// </summary>
public static class LegacyRows
{
    public sealed record Written(Guid TeamId, Guid AgentId, Guid RubricId, Guid CallId, Guid FlagId, string PlanLine);

    private static readonly DateTimeOffset At = new(2026, 10, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A team, an agent, a rubric, a scored call with one score, a raised flag and its audit row, as of schema 0002.</summary>
    public static async Task<Written> WriteAsync(TestDatabase database)
    {
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        var w = new Written(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            "Empathy (25% weight) - scored 45, threshold 60");
        var criteria = Samples.Rubric().Criteria!;
        var plan = new ActionPlan("legacy-1", At, "empathy", w.PlanLine, "That's just our policy.", "00:12:04", "Acknowledge first.",
            criteria[1].Scenarios[0], criteria[1].Scenarios[0].Describe(), new DateOnly(2026, 10, 8), "new weakness", ["Empathy below threshold"], [], [45m]);

        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        object T(DateTimeOffset t) => sqlite ? t.UtcTicks : t;
        object G(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
        object B(bool b) => sqlite ? (b ? 1 : 0) : b;
        object D(decimal d) => sqlite ? (double)d : d;
        object Day(DateOnly d) => sqlite ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : d;

        await ExecAsync(connection, "INSERT INTO teams (id, key, name, manager_id, updated_at) VALUES (@p0, 'legacy', 'Legacy team', NULL, @p1)",
            G(w.TeamId), T(At));
        await ExecAsync(connection, "INSERT INTO people (id, email, name, role, team_id, external_id, time_zone, typical_calls_per_day, updated_at) " +
            "VALUES (@p0, 'old@example.com', 'Old Agent', 'Agent', @p1, 'AG-OLD', 'Europe/Paris', 12, @p2)", G(w.AgentId), G(w.TeamId), T(At));
        await ExecAsync(connection, "INSERT INTO rubrics (id, key, version, name, call_type, overall_threshold, criteria, created_at) " +
            "VALUES (@p0, 'support', 1, 'Support call', 'support', @p1, @p2, @p3)", G(w.RubricId), D(65m), JsonColumn.Serialize(criteria), T(At));
        await ExecAsync(connection, "INSERT INTO scored_calls (id, source, call_id, agent_id, call_time, duration_seconds, queue, rubric_id, " +
            "overall_score, recording_url, content_hash, receipt_json, received_at) VALUES (@p0, 'acme-qa', 'legacy-1', @p1, @p2, 300, NULL, @p3, @p4, NULL, 'h', '{}', @p2)",
            G(w.CallId), G(w.AgentId), T(At), G(w.RubricId), D(72m));
        await ExecAsync(connection, "INSERT INTO criterion_scores (id, scored_call_id, agent_id, criterion_id, score, quote, offset_seconds, " +
            "failing_sentence, call_time, overturned) VALUES (@p0, @p1, @p2, 'empathy', @p3, 'That''s just our policy.', 724, NULL, @p4, @p5)",
            G(Guid.CreateVersion7()), G(w.CallId), G(w.AgentId), D(45m), T(At), B(false));
        await ExecAsync(connection, "INSERT INTO flags (id, kind, urgent, status, agent_id, team_id, scored_call_id, call_id, call_time, rubric_id, " +
            "rubric_version, criterion_id, weight, threshold, score, plan, follow_up_date, cycle, cycles_without_movement, follow_up_extended, " +
            "raised_at, updated_at, approved_by, approved_at, session, session_logged_at, practice_completed_at, last_follow_up, closed_at, " +
            "closing_note, revision) VALUES (@p0, 'Quality', @p1, 'Raised', @p2, @p3, @p4, 'legacy-1', @p5, @p6, 1, 'empathy', @p7, @p8, @p9, " +
            "@p10, @p11, 1, 0, @p1, @p5, @p5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0)",
            G(w.FlagId), B(false), G(w.AgentId), G(w.TeamId), G(w.CallId), T(At), G(w.RubricId), D(25m), D(60m), D(45m),
            JsonColumn.Serialize(plan), Day(plan.FollowUpDate));
        await ExecAsync(connection, "INSERT INTO audit_entries (entity_type, entity_id, action, actor_person_id, actor_name, actor_role, channel, " +
            "at, before, after, detail) VALUES ('flag', @p0, 'raised', NULL, 'CoachLoop', 'System', 'api', @p1, NULL, 'Raised', 'legacy')",
            G(w.FlagId), T(At));
        return w;
    }

    private static async Task ExecAsync(DbConnection connection, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            p.Value = values[i];
            command.Parameters.Add(p);
        }

        await command.ExecuteNonQueryAsync();
    }
}
