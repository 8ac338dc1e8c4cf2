using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>
/// The real bot as a child process (<c>dotnet CoachLoop.Bot.dll</c> as built beside this test project), configured through its
/// environment, so a test can kill it outright (kill -9 of the whole process tree) and start it again on the same database.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private BotProcess(Process process) => _process = process;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static BotProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(BotDll());
        info.WorkingDirectory = Path.GetDirectoryName(BotDll())!;
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var bot = new BotProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
        bot._process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        bot._process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        return bot;
    }

    public bool Exited => _process.HasExited;

    /// <summary>
    /// The environment of a bot on the SQLite file of <paramref name="database"/>: <paramref name="settings"/> (configuration keys
    /// such as <c>Slack:BotToken</c>), no demo data, no schedules, and an outbox polling every 50 ms as <paramref name="hostName"/>.
    /// </summary>
    public static Dictionary<string, string> SqliteEnvironment(TestDatabase database, IReadOnlyDictionary<string, string> settings, string hostName)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(settings);
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["Database__Provider"] = "Sqlite";
        environment["Database__ConnectionString"] = database.ConnectionString;
        environment["Demo__Seed"] = "false";
        environment["Scheduling__Enabled"] = "false";
        environment["Outbox__PollInterval"] = "00:00:00.050";
        environment["Outbox__HostName"] = hostName;
        return environment;
    }

    /// <summary>A loopback URL on a port free just now, for a bot the test must reach (<c>ASPNETCORE_URLS</c>).</summary>
    public static string FreeUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>Waits until the bot answers its health check through <paramref name="client"/>.</summary>
    public Task WaitUntilReadyAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return WaitUntilAsync(async () =>
        {
            try
            {
                using var health = await client.GetAsync("/healthz");
                return health.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with the bot's log if the bot exits first or time runs out.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.False(Exited, "the bot exited:\n" + Log);
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting; bot log:\n" + Log);
            await Task.Delay(10);
        }
    }

    /// <summary>kill -9: no shutdown, no finally blocks, leases left as they were.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    internal static string BotDll()
    {
        // tests/CoachLoop.Bot.Tests/bin/{Configuration}/{tfm}/ -> src/CoachLoop.Bot/bin/{Configuration}/{tfm}/CoachLoop.Bot.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (output.Name, output.Parent!.Name);
        var repo = output;
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "CoachLoop.sln")))
        {
            repo = repo.Parent;
        }

        var dll = Path.Combine(repo?.FullName ?? throw new InvalidOperationException("CoachLoop.sln not found above the test output"),
            "src", "CoachLoop.Bot", "bin", configuration, tfm, "CoachLoop.Bot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/CoachLoop.Bot first", dll);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
