using System.Diagnostics;
using System.Text.Json;

namespace CoachLoop.Bot.Tests.Telemetry;

/// <summary>The exporters as an operator configures them: Prometheus scraped over HTTP, OTLP to a loopback collector, JSON console logs.</summary>
[Collection(TelemetryCapture.Collection)]
public sealed class ExporterTests
{
    /// <summary>Names as the Prometheus exporter writes them (dots to underscores, the unit and _total appended), as the README lists them.</summary>
    private static readonly string[] PrometheusNames =
    [
        "coachloop_calls_ingested_total", "coachloop_flags_raised_total", "coachloop_outbox_depth", "coachloop_outbox_dead",
        "coachloop_outbox_oldest_pending_age_seconds",
    ];

    [Fact]
    public async Task MetricsIsPrometheusTextWithTheDocumentedNamesAndThisHostsValues()
    {
        var source = "prom-" + Guid.NewGuid().ToString("N")[..8];
        await using var app = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "true" }, kestrel: true);
        var api = await app.CreateApiClientAsync();
        var call = Json.Call();
        call["source"] = source;
        (await api.PostAsJsonAsync("api/v1/scored-calls", call)).EnsureSuccessStatusCode();

        // No credentials: a scraper has none (see the README on exposing it).
        using var scraper = new HttpClient { BaseAddress = app.Address };
        var response = await scraper.GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.All(PrometheusNames, name => Assert.Contains($"# TYPE {name} ", text, StringComparison.Ordinal));
        Assert.Contains("# TYPE coachloop_calls_ingested_total counter", text, StringComparison.Ordinal);
        var line = Assert.Single(text.Split('\n'), l => l.StartsWith("coachloop_calls_ingested_total{", StringComparison.Ordinal)
            && l.Contains($"coachloop_call_source=\"{source}\"", StringComparison.Ordinal));
        Assert.Contains("coachloop_outcome=\"accepted\"", line, StringComparison.Ordinal);
        Assert.Equal("1", line.Split(' ')[1]);
        Assert.Contains(text.Split('\n'), l => l.StartsWith("coachloop_flags_raised_total{", StringComparison.Ordinal)
            && l.Contains("coachloop_flag_kind=\"quality\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MetricsAnswersOnlyOnItsOwnPortWhenOneIsSetAndNotAtAllWhenDisabled()
    {
        await using var ported = await CoachLoopApp.StartAsync(seed: false, kestrel: true,
            settings: new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "true", ["Telemetry:Prometheus:Port"] = "1" });
        await using var off = await CoachLoopApp.StartAsync(seed: false, kestrel: true);
        using var toPorted = new HttpClient { BaseAddress = ported.Address };
        using var toOff = new HttpClient { BaseAddress = off.Address };

        Assert.Equal(HttpStatusCode.NotFound, (await toPorted.GetAsync("metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await toOff.GetAsync("metrics")).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOtlpExporterSendsTracesAndMetricsToTheCollector(bool standardVariables)
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var settings = standardVariables
            ? new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl.ToString().TrimEnd('/'), ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf" }
            : new Dictionary<string, string?> { ["Telemetry:Otlp:Endpoint"] = collector.BaseUrl.ToString(), ["Telemetry:Otlp:Protocol"] = "HttpProtobuf" };
        // Export every 200 ms instead of every 5 s (spans) and 60 s (metrics): the standard variables, honoured either way.
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
        await using var app = await CoachLoopApp.StartAsync(settings: settings, kestrel: true);
        var api = await app.CreateApiClientAsync();
        (await api.PostAsJsonAsync("api/v1/scored-calls", Json.Call())).EnsureSuccessStatusCode();

        // The intake span and the server span may come in different batches: wait for both.
        await WaitUntilAsync(collector, () => collector.TextOf("/v1/traces").Contains("coachloop.intake", StringComparison.Ordinal)
            && collector.TextOf("/v1/traces").Contains("POST /api/v1/scored-calls/", StringComparison.Ordinal)
            && collector.TextOf("/v1/metrics").Contains("coachloop.calls.ingested", StringComparison.Ordinal));
        Assert.All(collector.Received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains("coachloop.outbox.depth", collector.TextOf("/v1/metrics"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Telemetry:Otlp:Endpoint", "collector:4317", "Telemetry:Otlp:Endpoint must be an absolute http(s) URL")]
    [InlineData("Telemetry:Prometheus:Port", "70000", "Telemetry:Prometheus:Port must be a TCP port")]
    [InlineData("Telemetry:Prometheus:Path", "metrics", "Telemetry:Prometheus:Path must start with '/'")]
    public async Task AWrongTelemetrySettingStopsTheHostAtStartWithWhatToFix(string key, string value, string message)
    {
        await using var database = TestDatabase.CreateSqlite();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => CoachLoopApp.StartAsync(seed: false, database: database,
            settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(OtlpReceiver collector, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the collector did not receive them; it received: "
                + string.Join(", ", collector.Received.Select(r => $"{r.Path} ({r.ContentType}, {r.Body.Length} bytes)")));
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task WithJsonLogsEveryConsoleLineOfTheBuiltHostIsAJsonObjectAndRequestLinesCarryTheTraceId()
    {
        await using var database = TestDatabase.CreateSqlite();
        var url = BotProcess.FreeUrl();
        var environment = BotProcess.SqliteEnvironment(database, new Dictionary<string, string>
        {
            ["Telemetry:Logs:Format"] = "Json",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        }, "json-logs");
        environment["ASPNETCORE_URLS"] = url;
        await using var bot = BotProcess.Start(environment);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        await bot.WaitUntilReadyAsync(client);

        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        await bot.WaitUntilAsync(() => Task.FromResult(bot.Log.Contains(traceId.ToString(), StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        await bot.KillAsync();

        var lines = bot.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("Timestamp", out _) && e.TryGetProperty("LogLevel", out _)
            && e.TryGetProperty("Category", out _) && e.TryGetProperty("Message", out _), e.ToString()));
        var started = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Request starting", StringComparison.Ordinal)
            && e.GetProperty("Message").GetString()!.Contains("/healthz", StringComparison.Ordinal) && e.ToString().Contains(traceId.ToString(), StringComparison.Ordinal));
        var scopes = started.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId.ToString());
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestPath", out var path) && path.GetString() == "/healthz");
    }
}
