using System.Diagnostics;

namespace CoachLoop.Benchmarks;

/// <summary>
/// With COACHLOOP_BENCH_PERF_DIR set (scripts/bench.sh ingest with PROFILE=yes), perf records this process with call graphs over
/// one phase of a benchmark, into &lt;dir&gt;/&lt;name&gt;.perf.data; otherwise nothing happens. The process must have been started with
/// DOTNET_PerfMapEnabled=1 (and W^X off) for perf to name JIT-compiled code. The host and the load generator share the process,
/// so the profile holds both: the script's summary separates CoachLoop's own methods.
/// </summary>
internal sealed class PerfPhase : IAsyncDisposable
{
    private readonly Process? perf;

    private PerfPhase(Process? perf) => this.perf = perf;

    public static async Task<PerfPhase> StartAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("COACHLOOP_BENCH_PERF_DIR") is not { Length: > 0 } dir)
        {
            return new(null);
        }

        var start = new ProcessStartInfo("perf")
        {
            ArgumentList = { "record", "-q", "-F", "499", "-g", "-p", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-o", Path.Combine(dir, name + ".perf.data") },
        };
        var perf = Process.Start(start) ?? throw new InvalidOperationException("perf did not start");
        await Task.Delay(500); // perf attaches to every thread before it samples
        return new(perf);
    }

    public async ValueTask DisposeAsync()
    {
        if (perf is null)
        {
            return;
        }

        // perf writes its file on SIGINT; .NET has no API to send a signal to another process.
        using (var kill = Process.Start("kill", ["-INT", perf.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await perf.WaitForExitAsync();
        perf.Dispose();
    }
}
