using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CoachLoop.Data;
using CoachLoop.Data.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Benchmarks;

/// <summary>
/// SQL per click, in this process: the real host, read through its own <see cref="SqlCounters"/>, wired to <see cref="FakeChat"/>.
/// A few flags get real cards in Slack and Teams; then one click at a time (a signed block_actions, an adaptiveCard/action invoke)
/// is counted from the request until its card update reached the fake and the database went quiet (the outbox's idle poll is set
/// to a minute so that only the click's own work is counted).
/// </summary>
internal static class SqlPerClick
{
    public static async Task<int> RunAsync(Func<string, int, int> arg)
    {
        var clicks = arg("--clicks", 5);
        // --show 1: also print the SQL of the last counted click of each channel, as EF Core logged it.
        var show = arg("--show", 0) == 1 ? new SqlLog() : null;
        await using var fake = await FakeChat.StartAsync();
        var dir = Directory.CreateTempSubdirectory("coachloop-sql-clicks");
        try
        {
            var settings = ClickRig.HostSettings(fake.Url + "/api/", demo: true);
            settings["Outbox:PollInterval"] = "00:01:00";
            if (show is not null)
            {
                settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
                // To SqlLog only: the console keeps the benchmark's own output.
                settings["Logging:Console:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning";
            }

            await using var host = new BenchHost($"Data Source={Path.Combine(dir.FullName, "clicks.db")}", settings,
                show is null ? null : s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(show));
            host.UseKestrel(0);
            host.StartServer();
            var counters = host.Services.GetRequiredService<SqlCounters>();
            using var http = await ClickRig.ApiClientAsync(host);
            await ClickRig.SetUpTeamAsync(http, 8, fake.Url + "/");
            var total = 2 * (clicks + 1);
            await ClickRig.PostCallsAsync(http, Enumerable.Range(0, total)
                .Select(i => ClickRig.FailingCall($"sql-{i}", ClickRig.AgentEmail(i % 8), i, DateTimeOffset.UtcNow.AddHours(-1))).ToList());
            var cards = await CardsAsync(host, total);
            using var clicker = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress };
            var slack = new List<(SqlCount, SqlCount)>();
            var teams = new List<(SqlCount, SqlCount)>();
            for (var i = 0; i < total; i++)
            {
                var card = cards[i];
                var isSlack = i % 2 == 0;
                var measured = await CountAsync(counters, fake, isSlack ? "chat.update" : "PUT ", async () =>
                {
                    // Here, once the database is quiet: the lines shown are the statements counted.
                    show?.Clear();
                    using var response = await clicker.SendAsync(isSlack ? SlackClick(card, i) : TeamsClick(card, fake.Url + "/"));
                    await ClickRig.Ok(response, isSlack ? "slack click" : "teams click");
                });
                if (i >= 2)
                {
                    // the first click of each channel warms up (JIT, caches) and is not counted
                    (isSlack ? slack : teams).Add(measured);
                }

                if (show is not null && i >= total - 2)
                {
                    Console.WriteLine($"sql: the statements of the last {(isSlack ? "Slack" : "Teams")} click:");
                    foreach (var line in show.Lines())
                    {
                        Console.WriteLine("  " + line);
                    }
                }
            }

            Console.WriteLine("sql: | click | SQL commands | connection opens | transactions | round trips (commands + opens) | of which before the HTTP answer (commands + opens) |");
            Console.WriteLine("sql: |---|---:|---:|---:|---:|---|");
            Print("Slack block_actions, fresh flag (ack, apply, chat.update)", slack);
            Print("Teams adaptiveCard/action, fresh flag (answer, apply, PUT)", teams);
            Console.WriteLine($"sql: mean of {slack.Count} and {teams.Count} single clicks, each until its card update reached the fake and the database was quiet for 0.5 s.");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static void Print(string label, List<(SqlCount Click, SqlCount Answer)> runs) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sql: | {label} | {runs.Average(r => r.Click.Commands):F1} | {runs.Average(r => r.Click.ConnectionOpens):F1} | {runs.Average(r => r.Click.Transactions):F1} | " +
            $"{runs.Average(r => r.Click.Commands + r.Click.ConnectionOpens):F1} | {runs.Average(r => r.Answer.Commands):F1} + {runs.Average(r => r.Answer.ConnectionOpens):F1} |"));

    private sealed record CardRef(Guid FlagId, int Revision, string SlackChannel, string SlackTs, string TeamsConversation, string TeamsMessage);

    private static async Task<List<CardRef>> CardsAsync(BenchHost host, int count)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
            var posts = await db.CardPosts.AsNoTracking().Where(p => p.CardKind == "flag" && p.MessageRef != null).ToListAsync();
            var flags = await db.Flags.AsNoTracking().OrderBy(f => f.RaisedAt).ToListAsync();
            var refs = flags.Select(f => (f, s: posts.FirstOrDefault(p => p.SubjectId == f.Id && p.Channel == "slack"),
                    t: posts.FirstOrDefault(p => p.SubjectId == f.Id && p.Channel == "teams")))
                .Where(x => x.s is not null && x.t is not null)
                .Select(x => new CardRef(x.f.Id, x.f.Revision, x.s!.MessageRef!.Split('|')[0], x.s.MessageRef.Split('|')[1], x.t!.ConversationId, x.t.MessageRef!))
                .ToList();
            if (refs.Count >= count)
            {
                // As in the load runs, each flag's card is in the one channel it is clicked in (even: Slack, odd: Teams).
                var keep = refs.Select((r, i) => (r.FlagId, Channel: i % 2 == 0 ? "slack" : "teams")).ToList();
                foreach (var (flagId, channel) in keep)
                {
                    await db.CardPosts.Where(p => p.SubjectId == flagId && p.Channel != channel).ExecuteDeleteAsync();
                }

                return refs;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("sql-clicks: the flag cards were not all posted within 90 s");
    }

    /// <summary>
    /// Counts from a quiet database through the click until its update reached the fake and nothing ran for 0.5 s: all of it, and
    /// what ran before the HTTP answer.
    /// </summary>
    private static async Task<(SqlCount, SqlCount)> CountAsync(SqlCounters counters, FakeChat fake, string update, Func<Task> click)
    {
        await QuietAsync(counters);
        var before = counters.Read();
        var updates = fake.Calls.Count(c => c.Method.StartsWith(update, StringComparison.Ordinal));
        await click();
        var answered = counters.Read();
        var watch = Stopwatch.StartNew();
        while (fake.Calls.Count(c => c.Method.StartsWith(update, StringComparison.Ordinal)) == updates)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"sql-clicks: no {update} at the fake within 30 s of the click");
            }

            await Task.Delay(20);
        }

        await QuietAsync(counters);
        return (counters.Read() - before, answered - before);
    }

    private static async Task QuietAsync(SqlCounters counters)
    {
        var last = counters.Read();
        for (var still = 0; still < 10;)
        {
            await Task.Delay(50);
            var now = counters.Read();
            still = now == last ? still + 1 : 0;
            last = now;
        }
    }

    private static HttpRequestMessage SlackClick(CardRef card, int i)
    {
        var blockId = $"cl|flag|{card.FlagId:N}|{card.Revision}";
        var payload = new JsonObject
        {
            ["type"] = "block_actions", ["user"] = new JsonObject { ["id"] = ClickRig.SlackUser, ["team_id"] = ClickRig.SlackTeam },
            ["team"] = new JsonObject { ["id"] = ClickRig.SlackTeam }, ["trigger_id"] = $"{4916855695380 + i}.1234567890.{Guid.NewGuid():N}",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = card.SlackTs, ["channel_id"] = card.SlackChannel },
            ["channel"] = new JsonObject { ["id"] = card.SlackChannel },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "approvePractice", ["block_id"] = blockId, ["type"] = "button",
                // As the card's button carries it (and clicks.mjs sends): stored before the ack and run, no form to look up first.
                ["value"] = CoachLoop.Bot.Cards.BlockKit.BlockKitActions.RunsAtOnce,
                ["action_ts"] = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("F6", CultureInfo.InvariantCulture),
            }),
        };
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ClickRig.SigningSecret),
            Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/interactions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    private static HttpRequestMessage TeamsClick(CardRef card, string serviceUrl)
    {
        var activity = new JsonObject
        {
            ["type"] = "invoke", ["name"] = "adaptiveCard/action", ["id"] = $"f:{Guid.NewGuid()}", ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl, ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["from"] = new JsonObject { ["id"] = "29:1XJK-bench", ["name"] = "Megan Bowen", ["aadObjectId"] = ClickRig.TeamsAad },
            ["conversation"] = new JsonObject
            {
                ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = ClickRig.TeamsTenant,
                ["id"] = $"{card.TeamsConversation};messageid={card.TeamsMessage}",
            },
            ["recipient"] = new JsonObject { ["id"] = "28:bench", ["name"] = "CoachLoop" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = ClickRig.TeamsTenant } },
            ["replyToId"] = card.TeamsMessage,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute", ["verb"] = "approvePractice",
                    ["data"] = new JsonObject { ["kind"] = "flag", ["subjectId"] = card.FlagId.ToString(), ["v"] = card.Revision.ToString(CultureInfo.InvariantCulture) },
                },
                ["trigger"] = "manual",
            },
        };
        return new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent(activity) };
    }

    private static StringContent JsonContent(JsonObject json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>EF Core's executed commands, one line each (the --show option).</summary>
    private sealed class SqlLog : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public void Clear() => _lines.Clear();

        public IEnumerable<string> Lines() => _lines;

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) =>
            categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Information;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            var sql = text.IndexOf('\n', StringComparison.Ordinal) is var cut and > 0 ? text[(cut + 1)..] : text;
            _lines.Enqueue(System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim());
        }

        public void Dispose()
        {
        }
    }
}
