using System.Data.Common;
using System.Diagnostics;
using CoachLoop.Data;

namespace CoachLoop.Benchmarks;

/// <summary>
/// The floor for ingest: the same rows a scored call stores (its scored_calls row and its five criterion_scores rows) inserted with
/// plain prepared commands into the real tables of a freshly migrated database (SchemaMigrator, with their indexes and foreign
/// key), one call per transaction and 500 per transaction. SQLite is a plain file in WAL mode with the provider's defaults.
/// </summary>
internal static class RawBaseline
{
    private const string CallSql = "INSERT INTO scored_calls (id, source, call_id, agent_id, call_time, duration_seconds, queue, rubric_id, overall_score, " +
        "recording_url, content_hash, receipt_json, received_at) VALUES (@p0, 'raw', @p1, @p2, @p3, 420, 'billing', @p4, 82, NULL, @p5, @p6, @p3)";

    private const string ScoreSql = "INSERT INTO criterion_scores (id, scored_call_id, agent_id, criterion_id, score, quote, offset_seconds, failing_sentence, " +
        "call_time, overturned) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, 252, NULL, @p6, @p7)";

    private static readonly string[] Criteria = ["disclosure", "empathy", "discovery", "resolution", "ownership"];

    /// <returns>Calls per second for <paramref name="calls"/> calls, <paramref name="perTransaction"/> to a transaction.</returns>
    public static async Task<double> RunAsync(DbConnection connection, bool sqlite, int calls, int perTransaction, string prefix)
    {
        var receipt = "{\"scoredCallId\":\"" + Guid.NewGuid() + "\",\"flags\":[],\"note\":\"" + new string('x', 400) + "\"}";
        object Id(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
        object Time(DateTimeOffset t) => sqlite ? t.UtcTicks : t;
        object Number(double d) => sqlite ? d : (decimal)d;
        var agent = Id(Guid.CreateVersion7());
        var rubric = Id(Guid.CreateVersion7());
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < calls; start += perTransaction)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var call = DbCommands.Prepare(connection, tx, CallSql, 7);
            await using var score = DbCommands.Prepare(connection, tx, ScoreSql, 8);
            for (var i = start; i < Math.Min(calls, start + perTransaction); i++)
            {
                var callId = Id(Guid.CreateVersion7());
                var at = Time(DateTimeOffset.UtcNow.AddMinutes(-i));
                await DbCommands.RunAsync(call, callId, $"{prefix}-{i}", agent, at, rubric, Convert.ToHexString(Guid.NewGuid().ToByteArray()) + "00000000000000000000000000000000", receipt);
                for (var c = 0; c < Criteria.Length; c++)
                {
                    await DbCommands.RunAsync(score, Id(Guid.CreateVersion7()), callId, agent, Criteria[c], Number(c == 1 ? 40 : 92),
                        c == 1 ? "That is just our policy, there is nothing I can do about the fee." : DBNull.Value, at, sqlite ? 0 : false);
                }
            }

            await tx.CommitAsync();
        }

        return calls / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A freshly migrated database of <paramref name="provider"/> to insert into, opened.</summary>
    public static async Task<DbConnection> OpenMigratedAsync(string connectionString, bool sqlite)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<CoachLoopDbContext>();
        builder.UseCoachLoopDatabase(connectionString, sqlite);
        var options = builder.Options;
        await using (var db = new CoachLoopDbContext(options))
        {
            await new Data.Migrations.SchemaMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<Data.Migrations.SchemaMigrator>.Instance).MigrateAsync();
        }

        DbConnection connection = sqlite ? new Microsoft.Data.Sqlite.SqliteConnection(connectionString) : new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (sqlite)
        {
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync();
        }

        return connection;
    }
}
