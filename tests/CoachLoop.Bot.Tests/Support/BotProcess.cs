using System.Diagnostics;
using System.Text;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>
/// The real bot as a child process (<c>dotnet CoachLoop.Bot.dll</c> as built beside this test project), configured through its
/// environment, so a test can kill it outright (kill -9 of the whole process tree) and start it again.
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

    private static string BotDll()
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
