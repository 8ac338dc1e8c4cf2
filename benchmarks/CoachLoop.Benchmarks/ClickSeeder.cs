using System.Diagnostics;
using System.Globalization;
using CoachLoop.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Benchmarks;

/// <summary>
/// Seeds a fresh SQLite file with many flags awaiting approval for the peers benchmark. The real host (in this process, real
/// migrator, real API) sets up the directory, the channel routes and one flag per agent whose cards it really posts to the
/// loopback fakes (so each card post has a Slack channel|ts and a Teams activity id); every further flag is a copy of one of those
/// in plain SQL (its call, criterion scores, audit rows and card posts, with fresh ids and message refs), which takes seconds
/// where the API would take many minutes. Writes one tab-separated line per copy: flag id, revision, channel, conversation, message
/// (Slack ts or Teams activity id). A copy carries the card post of one channel only (the run it is clicked in), as each peer click
/// updates one card; the templates, which carry both, are not listed.
/// </summary>
internal static class ClickSeeder
{
    public static async Task<int> RunAsync(Func<string, string?> option, Func<string, int, int> arg)
    {
        var path = Path.GetFullPath(option("--db") ?? throw new ArgumentException("--db is required"));
        var output = option("--out") ?? throw new ArgumentException("--out is required");
        var slackFlags = arg("--slack-flags", 20_000);
        var teamsFlags = arg("--teams-flags", 20_000);
        var agents = arg("--agents", 200);
        var templates = arg("--templates", 20);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        var watch = Stopwatch.StartNew();
        var connectionString = $"Data Source={path}";
        var posted = await PostTemplatesAsync(connectionString, agents, templates, option);
        Console.WriteLine($"seed: {posted.Count} template flags with their cards posted through the real host in {watch.Elapsed.TotalSeconds:F1} s");
        var lines = await CloneAsync(connectionString, posted, slackFlags, teamsFlags);
        await File.WriteAllLinesAsync(output, lines);
        Console.WriteLine($"seed: {lines.Count} flags awaiting approval in {path} ({new FileInfo(path).Length / (1024 * 1024)} MiB) after {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>Directory, routes and one flag per agent through the real host; returns the template flags once every card is posted.</summary>
    private static async Task<List<Guid>> PostTemplatesAsync(string connectionString, int agents, int templates, Func<string, string?> option)
    {
        await using var host = new BenchHost(connectionString, ClickRig.HostSettings(option("--slack-api"), demo: true));
        host.UseKestrel(0);
        host.StartServer();
        using var http = await ClickRig.ApiClientAsync(host);
        await ClickRig.SetUpTeamAsync(http, agents, option("--connector") ?? ClickRig.ConnectorUrl);

        var calls = Enumerable.Range(0, templates).Select(i => ClickRig.FailingCall($"tpl-{i}", ClickRig.AgentEmail(i), i, DateTimeOffset.UtcNow.AddHours(-1)));
        await ClickRig.PostCallsAsync(http, calls.ToList());

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
            var flagIds = await db.Flags.AsNoTracking().Select(f => f.Id).ToListAsync();
            var posted = await db.CardPosts.AsNoTracking().Where(p => (p.Channel == "slack" || p.Channel == "teams") && p.MessageRef != null
                && p.CardKind == "flag").Select(p => p.SubjectId).Distinct().CountAsync();
            var pending = await db.Outbox.AsNoTracking().CountAsync(m => m.Status == Data.Records.OutboxStatus.Pending);
            if (flagIds.Count >= templates && posted >= flagIds.Count && pending == 0)
            {
                return flagIds;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new InvalidOperationException($"seed: after 90 s {posted} of {flagIds.Count} flags have posted cards, {pending} outbox messages pending");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<List<string>> CloneAsync(string connectionString, List<Guid> templates, int slackFlags, int teamsFlags)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var agents = new List<string>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT p.id FROM people p JOIN teams t ON t.id = p.team_id WHERE t.key = $k AND p.role = 'Agent' ORDER BY p.email";
            query.Parameters.AddWithValue("$k", ClickRig.TeamKey);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                agents.Add(reader.GetString(0));
            }
        }

        var rows = new RowCloner(connection);
        var lines = new List<string>(slackFlags + teamsFlags);
        var baseTs = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600;
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        for (var i = 0; i < slackFlags + teamsFlags; i++)
        {
            // Each copy is one flag of one agent (agents in turn), on its own call a little earlier than the last, with its card in
            // one channel only: the run it is clicked in (as each peer click updates one card).
            var channel = i < slackFlags ? "slack" : "teams";
            var template = G(templates[i % templates.Count]);
            var agent = agents[i % agents.Count];
            var flagId = G(Guid.CreateVersion7());
            var callId = G(Guid.CreateVersion7());
            var shift = (long)(i % 40_000) * 60 * TimeSpan.TicksPerSecond;
            var flag = (await rows.CachedAsync(tx, "flags", "id", template)).Single();
            var call = (await rows.CachedAsync(tx, "scored_calls", "id", flag["scored_call_id"]!)).Single();
            call["id"] = callId;
            call["call_id"] = $"{call["call_id"]}-{i}";
            call["agent_id"] = agent;
            call["call_time"] = (long)call["call_time"]! - shift;
            await rows.InsertAsync(tx, "scored_calls", call);
            foreach (var score in await rows.CachedAsync(tx, "criterion_scores", "scored_call_id", flag["scored_call_id"]!))
            {
                score["id"] = G(Guid.CreateVersion7());
                score["scored_call_id"] = callId;
                score["agent_id"] = agent;
                score["call_time"] = (long)score["call_time"]! - shift;
                await rows.InsertAsync(tx, "criterion_scores", score);
            }

            flag["id"] = flagId;
            flag["scored_call_id"] = callId;
            flag["call_id"] = call["call_id"];
            flag["agent_id"] = agent;
            flag["call_time"] = call["call_time"];
            await rows.InsertAsync(tx, "flags", flag);
            foreach (var audit in await rows.CachedAsync(tx, "audit_entries", "entity_id", template))
            {
                audit.Remove("id");
                audit["entity_id"] = flagId;
                await rows.InsertAsync(tx, "audit_entries", audit);
            }

            var post = (await rows.CachedAsync(tx, "card_posts", "subject_id", template))
                .Single(p => (string)p["card_kind"]! == "flag" && (string)p["channel"]! == channel);
            post["id"] = G(Guid.CreateVersion7());
            post["subject_id"] = flagId;
            post["message_ref"] = channel == "slack"
                ? $"{ClickRig.SlackChannel}|{baseTs + i / 1_000_000}.{i % 1_000_000:D6}"
                : (1_800_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            await rows.InsertAsync(tx, "card_posts", post);
            var messageRef = (string)post["message_ref"]!;
            lines.Add(string.Join('\t', Guid.Parse(flagId).ToString(), Convert.ToString(flag["revision"], CultureInfo.InvariantCulture), channel,
                (string)post["conversation_id"]!, channel == "slack" ? messageRef.Split('|')[1] : messageRef));
        }

        await tx.CommitAsync();
        await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        return lines;
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Guids as EF Core stores them in SQLite (upper-case text).</summary>
    private static string G(Guid id) => id.ToString().ToUpperInvariant();
}
