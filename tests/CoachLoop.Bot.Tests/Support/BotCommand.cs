using System.Diagnostics;

namespace CoachLoop.Bot.Tests.Support;

/// <summary>The built bot run once as a command (<c>dotnet CoachLoop.Bot.dll ARGS</c>), with its exit code and output.</summary>
public sealed record BotCommand(int ExitCode, string Output, string Error)
{
    /// <summary>Runs it with <paramref name="environment"/> added; a process still running after a minute (a server started) fails the test.</summary>
    public static Task<BotCommand> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, TimeSpan.FromMinutes(1), args);

    /// <summary>Runs it with <paramref name="environment"/> added; a process still running after <paramref name="limit"/> fails the test.</summary>
    public static async Task<BotCommand> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(BotProcess.BotDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.WorkingDirectory = Path.GetDirectoryName(BotProcess.BotDll())!;
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', args)}' was still running after {limit} (did a server start?):\n{await output}\n{await error}");
        }

        return new BotCommand(process.ExitCode, await output, await error);
    }
}
