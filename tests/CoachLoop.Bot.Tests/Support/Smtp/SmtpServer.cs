using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using MimeKit;

namespace CoachLoop.Bot.Tests.Support.Smtp;

/// <summary>
/// A real SMTP server on a free loopback port (Debian's python3-aiosmtpd running <c>smtp_server.py</c>), whose accepted messages
/// the test reads back, and whose next answers it can steer (a 4xx, a 5xx, a held answer while a send is in flight).
/// scripts/test.sh installs python3-aiosmtpd and sets COACHLOOP_REQUIRE_SMTP=1, so there the tests fail instead of skipping.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _dir;

    private SmtpServer(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Configuration keys for a host that sends through this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
        ["Email:From"] = "CoachLoop <coachloop@coachloop.test>",
        ["Email:ActionBaseUrl"] = "https://coachloop.test/",
        ["Email:Timeout"] = "00:00:10",
    };

    public static async Task<SmtpServer> StartAsync()
    {
        Skip.IfNot(Available() || Environment.GetEnvironmentVariable("COACHLOOP_REQUIRE_SMTP") == "1",
            "python3-aiosmtpd is not installed (scripts/test.sh installs it: apt-get install python3-aiosmtpd)");
        var dir = Directory.CreateTempSubdirectory("coachloop-smtp-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Support", "Smtp", "smtp_server.py"));
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(dir);
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        lock (errors)
        {
            Assert.True(started == ready.Task, "the SMTP server did not start: " + errors);
        }

        return new SmtpServer(process, dir, port);
    }

    /// <summary>The next DATA commands are answered with these (e.g. "451 4.3.0 Try again later"), one per message, then 250.</summary>
    public void Answer(params string[] answers) => WriteRules(new { answers, hold = 0, holdSeconds = 0 });

    /// <summary>The next <paramref name="count"/> messages get their answer only after <paramref name="seconds"/>: a send in flight.</summary>
    public void Hold(int count, int seconds) => WriteRules(new { answers = Array.Empty<string>(), hold = count, holdSeconds = seconds });

    /// <summary>How many of the holds asked for by <see cref="Hold"/> have not begun yet (a hold begins when its message's DATA ends).</summary>
    public int HoldsLeft()
    {
        using var rules = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "rules.json")));
        return rules.RootElement.GetProperty("hold").GetInt32();
    }

    /// <summary>Every message the server accepted, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(_dir, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Messages().Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return Messages();
    }

    private void WriteRules(object rules)
    {
        var path = Path.Combine(_dir, "rules.json");
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(rules));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static bool Available()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true });
        check!.StandardError.ReadToEnd();
        check.WaitForExit();
        return check.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
