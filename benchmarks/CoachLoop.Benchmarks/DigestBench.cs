using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CoachLoop.Bot.Scheduling;
using CoachLoop.Data;
using CoachLoop.Data.Modeling;
using CoachLoop.Engine.Coaching;
using CoachLoop.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Benchmarks;

/// <summary>
/// Digest composition at scale: 500 managers, 10,000 agents, 1,000,000 scored calls (5 criterion scores
/// each) over 180 days, ~10% of calls flagged. Generates the rows with plain SQL, then times one digest run
/// for every manager and reports peak memory.
/// </summary>
internal static class DigestBench
{
    public static async Task<int> RunAsync(string[] args, Func<string, int, int> arg)
    {
        var managers = arg("--managers", 500);
        var agentsPerTeam = arg("--agents", 10_000) / managers;
        var calls = arg("--calls", 1_000_000);
        await using var database = TestDatabase.CreateSqlite();
        await database.MigrateAsync();
        var now = DateTimeOffset.UtcNow;
        var generate = Stopwatch.StartNew();
        await GenerateAsync(database, managers, agentsPerTeam, calls, now);
        Console.WriteLine($"Generated {managers} teams, {managers * agentsPerTeam} agents, {calls} scored calls in {generate.Elapsed.TotalSeconds:F0} s " +
            $"({new FileInfo(database.ConnectionString.Split('=')[1].Split(';')[0]).Length / (1024 * 1024)} MiB database)");

        await using var host = new BenchHost(database.ConnectionString, new()
        {
            ["WebChannel:Enabled"] = "false", ["Demo:Seed"] = "false", ["Scheduling:Enabled"] = "false", ["Outbox:Enabled"] = "false",
            ["Scheduling:DigestTime"] = "00:00", ["Scheduling:SkipWeekends"] = "false",
        });
        var digests = host.Services.GetRequiredService<DigestWork>();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var sent = await digests.RunAsync(CancellationToken.None);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine($"Composed and stored {sent} digests in {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds / Math.Max(sent, 1):F0} ms per manager); " +
            $"allocated {allocated / (1024 * 1024)} MiB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        return sent == managers ? 0 : 1;
    }

    private static async Task GenerateAsync(TestDatabase database, int teams, int agentsPerTeam, int calls, DateTimeOffset now)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var random = new Random(42);
        var rubricId = Guid.CreateVersion7();
        var criteria = Samples.Rubric().Criteria!;
        var agents = new List<(string Id, string Team)>();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await ExecAsync(connection, tx, "INSERT INTO rubrics VALUES (@p0,'support',1,'Support','support',65,@p1,@p2)", G(rubricId), JsonColumn.Serialize(criteria), now.UtcTicks);
            for (var t = 0; t < teams; t++)
            {
                var team = G(Guid.CreateVersion7());
                var manager = G(Guid.CreateVersion7());
                await ExecAsync(connection, tx, "INSERT INTO teams VALUES (@p0,@p1,@p1,@p2,@p3)", team, $"team-{t}", manager, now.UtcTicks);
                await ExecAsync(connection, tx, "INSERT INTO people VALUES (@p0,@p1,@p1,'Manager',@p2,NULL,'UTC',0,@p3)", manager, $"m{t}@example.com", team, now.UtcTicks);
                for (var a = 0; a < agentsPerTeam; a++)
                {
                    var agent = G(Guid.CreateVersion7());
                    agents.Add((agent, team));
                    await ExecAsync(connection, tx, "INSERT INTO people VALUES (@p0,@p1,@p1,'Agent',@p2,NULL,'UTC',25,@p3)", agent, $"a{t}-{a}@example.com", team, now.UtcTicks);
                }
            }

            await tx.CommitAsync();
        }

        const int perTransaction = 20_000;
        for (var start = 0; start < calls; start += perTransaction)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var call = DbCommands.Prepare(connection, tx, "INSERT INTO scored_calls VALUES (@p0,'bench',@p1,@p2,@p3,300,NULL,@p4,@p5,NULL,'h','{}',@p3)", 6);
            await using var score = DbCommands.Prepare(connection, tx, "INSERT INTO criterion_scores VALUES (@p0,@p1,@p2,@p3,@p4,NULL,NULL,NULL,@p5,0)", 6);
            await using var flag = DbCommands.Prepare(connection, tx, "INSERT INTO flags (id,kind,urgent,status,agent_id,team_id,scored_call_id,call_id,call_time,rubric_id,rubric_version," +
                "criterion_id,weight,threshold,score,plan,follow_up_date,cycle,cycles_without_movement,follow_up_extended,raised_at,updated_at,revision) " +
                "VALUES (@p0,'Quality',0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,1,'empathy',25,60,@p8,@p9,@p10,1,0,0,@p6,@p6,0)", 11);
            for (var i = start; i < Math.Min(calls, start + perTransaction); i++)
            {
                var (agent, team) = agents[random.Next(agents.Count)];
                var callId = G(Guid.CreateVersion7());
                var at = now.AddMinutes(-random.Next(180 * 24 * 60)).UtcTicks;
                var empathy = 30 + random.Next(70);
                await DbCommands.RunAsync(call, callId, $"c{i}", agent, at, G(rubricId), 50.0 + random.Next(50));
                foreach (var c in criteria)
                {
                    await DbCommands.RunAsync(score, G(Guid.CreateVersion7()), callId, agent, c.Id, c.Id == "empathy" ? empathy : 40.0 + random.Next(60), at);
                }

                if (empathy < 40)
                {
                    var status = (random.Next(4)) switch { 0 => "Raised", 1 => "PracticeApproved", 2 => "SessionLogged", _ => "Closed" };
                    var plan = new ActionPlan($"c{i}", new DateTimeOffset(at, TimeSpan.Zero), "empathy", $"Empathy (25% weight) - scored {empathy}, threshold 60",
                        "That's our policy.", "00:12:04", "Acknowledge first.", criteria[1].Scenarios[0], criteria[1].Scenarios[0].Describe(),
                        DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(-5, 10)), "recurring", ["Empathy below threshold"], [], [empathy]);
                    await DbCommands.RunAsync(flag, G(Guid.CreateVersion7()), status, agent, team, callId, $"c{i}", at, G(rubricId), (double)empathy,
                        JsonColumn.Serialize(plan), plan.FollowUpDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
            }

            await tx.CommitAsync();
        }
    }

    private static string G(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task ExecAsync(DbConnection connection, DbTransaction tx, string sql, params object[] values)
    {
        await using var command = DbCommands.Prepare(connection, tx, sql, values.Length);
        await DbCommands.RunAsync(command, values);
    }
}
