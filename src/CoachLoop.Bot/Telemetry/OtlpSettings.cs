using OpenTelemetry.Exporter;

namespace CoachLoop.Bot.Telemetry;

/// <summary>Where traces and metrics go over OTLP (<c>Telemetry:Otlp</c>); the standard OTEL_EXPORTER_OTLP_* variables apply when these are unset.</summary>
public sealed class OtlpSettings
{
    /// <summary>The collector, e.g. http://collector:4317 (gRPC) or http://collector:4318 (HTTP; the /v1/traces and /v1/metrics paths are added).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Grpc or HttpProtobuf; unset: OTEL_EXPORTER_OTLP_PROTOCOL, else gRPC.</summary>
    public OtlpExportProtocol? Protocol { get; set; }
}
