namespace CoachLoop.Bot.Telemetry;

/// <summary>
/// OpenTelemetry export and console log format (section <c>Telemetry</c>). With no exporter configured nothing listens to the
/// CoachLoop ActivitySource or Meter, so instrumented code pays a null check per span and a no-op per counter.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Collects traces and metrics even with no exporter configured (an exporter added in code, e.g. the tests' in-memory one).</summary>
    public bool Enabled { get; set; }

    /// <summary>service.name of the exported resource, unless OTEL_SERVICE_NAME says otherwise.</summary>
    public string ServiceName { get; set; } = "coachloop";

    public OtlpSettings Otlp { get; set; } = new();

    public PrometheusSettings Prometheus { get; set; } = new();

    public LogSettings Logs { get; set; } = new();

    /// <summary>How long the outbox gauges reuse what they last read from the database: scrapes closer together cost no query.</summary>
    public TimeSpan OutboxGaugeCache { get; set; } = TimeSpan.FromSeconds(5);
}
