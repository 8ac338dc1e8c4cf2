using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoachLoop.Bot.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The CoachLoop instruments always; the OpenTelemetry SDK (HTTP server and client, EF Core, the CoachLoop source and
    /// meter, runtime metrics) only when something exports: an OTLP endpoint (ours or OTEL_EXPORTER_OTLP_ENDPOINT), the
    /// Prometheus endpoint, or <see cref="TelemetryOptions.Enabled"/>. OTEL_SDK_DISABLED=true turns it all off.
    /// </summary>
    public static WebApplicationBuilder AddCoachLoopTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => o.Otlp.Endpoint is null || (o.Otlp.Endpoint.IsAbsoluteUri && o.Otlp.Endpoint.Scheme is "http" or "https"),
                "Telemetry:Otlp:Endpoint must be an absolute http(s) URL, e.g. http://collector:4317.")
            .Validate(o => o.Prometheus.Path.StartsWith('/') && o.Prometheus.Path.Length > 1, "Telemetry:Prometheus:Path must start with '/', e.g. /metrics.")
            .Validate(o => o.Prometheus.Port is null or (> 0 and <= 65535), "Telemetry:Prometheus:Port must be a TCP port (1-65535).")
            .Validate(o => o.OutboxGaugeCache >= TimeSpan.Zero, "Telemetry:OutboxGaugeCache must not be negative.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceName), "Telemetry:ServiceName must not be empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxGauges>();
        builder.Services.AddSingleton<CoachLoopMetrics>();

        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (settings.Logs.Format == ConsoleLogFormat.Json)
        {
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new() { Indented = false };
            });
        }

        var otlp = settings.Otlp.Endpoint is not null || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase)
            || !(otlp || settings.Prometheus.Enabled || settings.Enabled))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            // OTEL_SERVICE_NAME, when set, names the service (the resource reads it from the environment).
            if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
            {
                resource.AddService(settings.ServiceName, serviceVersion: typeof(TelemetryOptions).Assembly.GetName().Version?.ToString());
            }
        });
        telemetry.WithTracing(tracing => tracing
            .AddSource(CoachLoopActivities.SourceName)
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrape(context, settings))
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (_, _) => WithinATrace()));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(CoachLoopMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
            if (settings.Prometheus.Enabled)
            {
                metrics.AddPrometheusExporter();
            }
        });
        if (otlp && settings.Otlp is { Endpoint: null, Protocol: null })
        {
            // All from the standard variables (endpoint, protocol, headers, per-signal endpoints), as the exporter reads them.
            telemetry.UseOtlpExporter();
        }
        else if (otlp)
        {
            telemetry.UseOtlpExporter(settings.Otlp.Protocol ?? ProtocolFromEnvironment(configuration), settings.Otlp.Endpoint ?? EndpointFromEnvironment(configuration));
        }

        return builder;
    }

    /// <summary>Creates the meter up front (its outbox gauges exist before the first call counts anything) and serves the scrape endpoint when enabled.</summary>
    public static WebApplication UseCoachLoopTelemetry(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<CoachLoopMetrics>();
        var settings = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value;
        if (settings.Prometheus.Enabled && !string.Equals(app.Configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => IsScrape(context, settings));
        }

        return app;
    }

    // Database spans belong to a request, a job, an outbox pass or a click; the idle polls of the background loops (every second,
    // finding nothing) would otherwise each start a trace of their own. The filter may run with the command's span already current.
    private static bool WithinATrace() =>
        Activity.Current is { } current && (current.Kind != ActivityKind.Client || current.Parent is not null);

    private static bool IsScrape(HttpContext context, TelemetryOptions settings) =>
        settings.Prometheus.Enabled && context.Request.Path == settings.Prometheus.Path
        && (settings.Prometheus.Port is null || context.Connection.LocalPort == settings.Prometheus.Port);

    // UseOtlpExporter takes both or neither: what our settings leave unset comes from the standard variables.
    private static OpenTelemetry.Exporter.OtlpExportProtocol ProtocolFromEnvironment(IConfiguration configuration) =>
        configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]?.Trim().ToLowerInvariant() is "http/protobuf"
            ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
            : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;

    private static Uri EndpointFromEnvironment(IConfiguration configuration) => new(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]!);
}
