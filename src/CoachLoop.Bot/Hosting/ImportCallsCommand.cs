using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CoachLoop.Bot.Hosting;

/// <summary>
/// <c>import-calls FILE</c>: submits the file to a running host's import API (<c>--url</c> and <c>--key</c>, or COACHLOOP_URL and
/// COACHLOOP_API_KEY) and follows the job until it completes: a progress bar on a terminal, a progress line every few seconds
/// otherwise, then the summary. It talks HTTP rather than opening the database so that the host's workers (any host's) run the
/// job, which survives the command: a host that stops mid-import resumes it, and the command keeps asking until it answers again.
/// </summary>
internal static class ImportCallsCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string file, IReadOnlyList<string> settings)
    {
        var url = Option(settings, "--url") ?? Environment.GetEnvironmentVariable("COACHLOOP_URL");
        var key = Option(settings, "--key") ?? Environment.GetEnvironmentVariable("COACHLOOP_API_KEY");
        var format = Option(settings, "--format") ?? (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "ndjson");
        var wait = TimeSpan.FromMinutes(double.TryParse(Option(settings, "--wait-minutes"), CultureInfo.InvariantCulture, out var m) ? m : 30);
        if (format is not ("csv" or "ndjson"))
        {
            return await FailAsync($"--format must be ndjson or csv, not '{format}'.").ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(key))
        {
            return await FailAsync("import-calls needs the host's URL and an API key: --url URL --key KEY (or COACHLOOP_URL and COACHLOOP_API_KEY).")
                .ConfigureAwait(false);
        }

        if (!File.Exists(file))
        {
            return await FailAsync($"No file '{file}'.").ConfigureAwait(false);
        }

        using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        string location;
        await using (var stream = File.OpenRead(file))
        {
            using var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue(format == "csv" ? "text/csv" : "application/x-ndjson") { CharSet = "utf-8" };
            using var response = await http.PostAsync($"api/v1/scored-calls/imports?fileName={Uri.EscapeDataString(Path.GetFileName(file))}", content)
                .ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if ((int)response.StatusCode != 202 || response.Headers.Location is null)
            {
                return await FailAsync($"The host refused the import ({(int)response.StatusCode}): {body}").ConfigureAwait(false);
            }

            location = response.Headers.Location.ToString().TrimStart('/');
            await Console.Out.WriteLineAsync($"Import {Read(body).GetProperty("id").GetString()} submitted: {Read(body).GetProperty("lines").GetInt32()} calls.")
                .ConfigureAwait(false);
        }

        var job = await FollowAsync(http, location, wait).ConfigureAwait(false);
        if (job is not { } done)
        {
            return await FailAsync($"No answer from {url} for {wait.TotalMinutes:0} minutes; the import goes on there ({location}).").ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync(Summary(done)).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Polls the job until it completes (the job), or until the host has not answered for <paramref name="wait"/> (null).</summary>
    private static async Task<JsonElement?> FollowAsync(HttpClient http, string location, TimeSpan wait)
    {
        var tty = !Console.IsOutputRedirected;
        var lastAnswer = DateTime.UtcNow;
        var lastPrinted = DateTime.MinValue;
        var unreachable = false;
        while (true)
        {
            JsonElement? job = null;
            try
            {
                using var response = await http.GetAsync(location).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    job = Read(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The host is down or restarting; the job is in the database and resumes when a host runs again.
            }

            if (job is { } j)
            {
                lastAnswer = DateTime.UtcNow;
                unreachable = false;
                var completed = j.GetProperty("status").GetString() == "completed";
                if (tty)
                {
                    await Console.Out.WriteAsync("\r" + Bar(j) + (completed ? Environment.NewLine : "")).ConfigureAwait(false);
                }
                else if (completed || DateTime.UtcNow - lastPrinted >= PlainEvery)
                {
                    lastPrinted = DateTime.UtcNow;
                    await Console.Out.WriteLineAsync(Bar(j)).ConfigureAwait(false);
                }

                if (completed)
                {
                    return j;
                }
            }
            else if (!unreachable)
            {
                unreachable = true;
                await Console.Out.WriteLineAsync((tty ? Environment.NewLine : "") + "The host does not answer; waiting for it (the import resumes where it stopped).")
                    .ConfigureAwait(false);
            }
            else if (DateTime.UtcNow - lastAnswer > wait)
            {
                return null;
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }
    }

    private static string Bar(JsonElement job)
    {
        var (lines, read) = (job.GetProperty("lines").GetInt32(), job.GetProperty("linesRead").GetInt32());
        var share = lines == 0 ? 1 : (double)read / lines;
        var filled = (int)Math.Round(share * 30);
        var rate = job.TryGetProperty("callsPerSecond", out var r) && r.ValueKind == JsonValueKind.Number ? $"{r.GetDouble():0} calls/s" : "- calls/s";
        var left = job.TryGetProperty("secondsLeft", out var s) && s.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromSeconds(Math.Ceiling(s.GetDouble())).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', 30 - filled)}] {share,4:P0} {read}/{lines} lines  {rate}  left {left}  "
            + $"accepted {job.GetProperty("accepted").GetInt32()} duplicates {job.GetProperty("duplicates").GetInt32()} invalid {job.GetProperty("invalid").GetInt32()}  {job.GetProperty("status").GetString()}");
    }

    private static string Summary(JsonElement job)
    {
        var invalid = job.GetProperty("invalidLines").EnumerateArray()
            .Select(l => l.GetProperty("line").GetInt32().ToString(CultureInfo.InvariantCulture) + " ("
                + string.Join("; ", l.GetProperty("errors").EnumerateObject().Select(e => e.Name + ": " + string.Join(", ", e.Value.EnumerateArray().Select(v => v.GetString())))) + ")")
            .Take(10).ToList();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Import {job.GetProperty("id").GetString()} completed: {job.GetProperty("lines").GetInt32()} lines, {job.GetProperty("accepted").GetInt32()} accepted, "
            + $"{job.GetProperty("duplicates").GetInt32()} duplicates, {job.GetProperty("invalid").GetInt32()} invalid.");
        return invalid.Count == 0 ? text : text + Environment.NewLine + "First invalid lines:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", invalid);
    }

    private static JsonElement Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c> among the settings, or null.</summary>
    private static string? Option(IReadOnlyList<string> settings, string name)
    {
        for (var i = 0; i < settings.Count; i++)
        {
            if (settings[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return settings[i][(name.Length + 1)..];
            }

            if (settings[i] == name && i + 1 < settings.Count)
            {
                return settings[i + 1];
            }
        }

        return null;
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
        return 1;
    }
}
